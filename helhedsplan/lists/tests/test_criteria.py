"""The engine, criterion by criterion, on every rule set: at, just over and just under each bar,
with three-valued logic and exact decimals."""

from decimal import Decimal

import pytest

from helhedsplan.lists.criteria import AreaYear, classify_all, classify_one, no_history
from helhedsplan.lists.rules import shipped_conviction_references, shipped_rule_sets

RULE_SETS = shipped_rule_sets()
REFERENCES = shipped_conviction_references()
YEAR_OF = {"2010": 2011, "2013": 2015, "2018": 2019, "2021": 2023}
NATIONAL = Decimal("0.65")
STEP = Decimal("0.01")
# Values far on the non-listing side of every bar of every rule set.
QUIET = {
    "non_western": Decimal("5"),
    "outside_work": Decimal("10"),
    "convicted": Decimal("0.1"),
    "primary_only": Decimal("20"),
    "income": Decimal("90"),
}


def row(year, residents=2000, national=NATIONAL, area="Testområdet", **values):
    return AreaYear(area, year, residents, {**QUIET, **values}, national)


def d(text) -> Decimal:
    return Decimal(str(text))


def bar_cases():
    for rule_set in RULE_SETS:
        for criterion in rule_set.criteria:
            bar = (
                criterion.bar
                if criterion.bar is not None
                else criterion.national_multiple * NATIONAL
            )
            yield pytest.param(
                rule_set,
                criterion,
                bar,
                id=f"{rule_set.code}-{criterion.list_class}-{criterion.name}-{criterion.comparison}",
            )


EXPECTED = {  # comparison -> met at the bar, just over it, just under it
    "gt": (False, True, False),
    "gte": (True, True, False),
    "lt": (False, False, True),
}


@pytest.mark.parametrize("rule_set,criterion,bar", list(bar_cases()))
def test_each_criterion_at_just_over_and_just_under_its_bar(rule_set, criterion, bar):
    year = YEAR_OF[rule_set.code]
    outcomes = []
    for value in (bar, bar + STEP, bar - STEP):
        classification = classify_one(
            row(year, **{criterion.name: value}), rule_set, REFERENCES, no_history
        )
        (result,) = [
            r
            for r in classification.results
            if r.name == criterion.name and r.list_class == criterion.list_class
        ]
        outcomes.append(result.met)
        if value == bar:
            assert result.margin == 0  # exactly on the bar, in exact decimals
    assert tuple(outcomes) == EXPECTED[criterion.comparison]


def test_a_multiple_of_the_national_average_is_exact():
    (rule_set,) = [r for r in RULE_SETS if r.code == "2021"]

    result = classify_one(row(2023, convicted=d("1.95")), rule_set, REFERENCES, no_history)

    convicted = next(r for r in result.results if r.name == "convicted" and r.list_class == "udsat")
    assert convicted.bar == Decimal("1.95")  # 3 x 0.65, not 1.9500000000000002
    assert convicted.met is True
    assert convicted.margin == 0


def classify(rows, history=no_history):
    return classify_all(rows, RULE_SETS, REFERENCES, history)


def test_two_criteria_make_an_udsat_area_and_non_western_a_parallelsamfund():
    (result,) = classify([row(2023, outside_work=d(45), income=d(50), non_western=d(51))])

    assert result.classes["udsat"] == "yes"
    assert result.classes["parallelsamfund"] == "yes"
    assert result.criteria_met() == ["outside_work", "income", "non_western"]


def test_one_met_and_one_unknown_criterion_leave_udsat_unknown():
    (result,) = classify([row(2023, outside_work=d(45), income=None)])

    assert result.classes["udsat"] == "unknown"
    assert result.criteria_unknown() == ["income"]


def test_unknowns_that_could_not_reach_the_bar_decide_no():
    (result,) = classify([row(2023, income=None)])  # 0 met, 1 unknown: at most 1 of 2

    assert result.classes["udsat"] == "no"
    assert result.classes["parallelsamfund"] == "no"


def test_suppressed_input_is_never_counted_as_met_or_not_met():
    (result,) = classify([row(2023, outside_work=None, primary_only=None, income=d(40))])

    assert result.criteria_met() == ["income"]
    assert set(result.criteria_unknown()) == {"outside_work", "primary_only"}
    assert result.classes["udsat"] == "unknown"


def test_parallelsamfund_is_unknown_when_non_western_is_unknown_in_an_udsat_area():
    (result,) = classify([row(2023, outside_work=d(45), income=d(50), non_western=None)])

    assert result.classes["udsat"] == "yes"
    assert result.classes["parallelsamfund"] == "unknown"


def test_under_1000_residents_is_never_listed():
    (result,) = classify([row(2023, residents=999, outside_work=d(45), income=d(50))])

    assert result.classes["udsat"] == "no"
    assert result.classes["forebyggelse"] == "no"


def test_unknown_residents_leave_a_listing_open_but_not_a_no():
    listed, quiet = classify(
        [row(2023, residents=None, outside_work=d(45), income=d(50)), row(2022, residents=None)]
    )

    assert listed.classes["udsat"] == "unknown"
    assert quiet.classes["udsat"] == "no"


def test_a_missing_national_average_leaves_convictions_unknown_and_says_so():
    (result,) = classify([row(2021, national=None, convicted=d(3))])

    assert result.criteria_unknown() == ["convicted"]
    assert result.missing == [
        "national conviction average for 2021 (bar 3 x)",
        "national conviction average for 2021 (bar 2 x)",
    ]


def test_published_bars_are_used_when_no_national_average_is_given():
    (result,) = classify([row(2023, national=None, convicted=d("2.18"))])

    assert result.criteria_met() == ["convicted"]  # >= the published 2,18 %


def test_rule_sets_switch_between_2017_and_2018():
    figures = dict(non_western=d(60), outside_work=d(45), primary_only=d(55), income=d(60))
    in_2017, in_2018 = classify([row(2017, **figures), row(2018, **figures)])

    assert (in_2017.rule_set, in_2018.rule_set) == ("2013", "2018")
    assert in_2017.classes == {
        "udsat": "n/a",
        "parallelsamfund": "yes",  # 3 of 5: non-Western, outside work, primary only > 50 %
        "omdannelse": "n/a",
        "forebyggelse": "n/a",
    }
    assert in_2018.classes["udsat"] == "no"  # primary only is now > 60 %: 1 of 4
    assert in_2018.classes["parallelsamfund"] == "no"
    assert in_2018.classes["forebyggelse"] == "n/a"


def test_rule_sets_switch_between_2020_and_2021():
    figures = dict(non_western=d(35), outside_work=d(35), income=d(60))
    in_2020, in_2021 = classify([row(2020, **figures), row(2021, **figures)])

    assert (in_2020.rule_set, in_2021.rule_set) == ("2018", "2021")
    assert in_2020.classes["forebyggelse"] == "n/a"
    assert in_2020.classes["omdannelse"] == "no"  # hårdt ghetto exists, and this is not one
    assert in_2021.classes["forebyggelse"] == "yes"  # > 30 % non-Western, 2 lower bars met
    assert in_2021.classes["udsat"] == "no"


def test_the_2010_rules_need_two_of_three():
    (result,) = classify([row(2011, non_western=d(51), convicted=d("2.71"))])

    assert result.rule_set == "2010"
    assert result.classes["parallelsamfund"] == "yes"
    assert result.margin("primary_only") is None  # not a criterion in 2010


def listed_rows(area, years):
    return [
        row(year, area=area, outside_work=d(45), income=d(50), non_western=d(60)) for year in years
    ]


def test_omdannelse_after_five_lists_in_a_row_from_the_input():
    results = classify(listed_rows("Nordparken", range(2017, 2022)))

    assert [r.classes["omdannelse"] for r in results] == [
        "n/a",
        "unknown",
        "unknown",
        "unknown",
        "yes",
    ]


def test_omdannelse_is_unknown_without_the_earlier_years():
    results = classify(listed_rows("Nordparken", range(2018, 2022)))

    assert results[-1].classes["omdannelse"] == "unknown"


def test_a_year_off_the_list_breaks_the_run():
    rows = [*listed_rows("Nordparken", [2017, 2018, 2020, 2021]), row(2019, area="Nordparken")]

    results = classify(rows)

    assert results[3].classes["omdannelse"] == "no"


def test_results_come_back_in_input_order():
    rows = [row(2023, area="B"), row(2021, area="A"), row(2022, area="B")]

    assert [(r.area, r.list_year) for r in classify(rows)] == [
        ("B", 2023),
        ("A", 2021),
        ("B", 2022),
    ]
