"""Early warning: trends projected against the bars."""

from decimal import Decimal

from helhedsplan.lists.criteria import AreaYear, classify_all
from helhedsplan.lists.rules import shipped_conviction_references, shipped_rule_sets
from helhedsplan.lists.warning import outlook, slope_of

QUIET = {
    "non_western": Decimal("20"),
    "convicted": Decimal("0.1"),
    "primary_only": Decimal("40"),
    "income": Decimal("80"),
}


def history(outside_work_by_year, **values):
    rows = [
        AreaYear(
            "Testparken",
            year,
            1500,
            {**QUIET, **values, "outside_work": Decimal(str(v))},
            Decimal("0.65"),
        )
        for year, v in outside_work_by_year.items()
    ]
    return classify_all(rows, shipped_rule_sets(), shipped_conviction_references())


def criterion(result, name):
    return next(c for c in result.criteria if c.name == name)


def test_slope_is_least_squares_per_year():
    assert slope_of([(2021, Decimal(30)), (2022, Decimal(32)), (2023, Decimal(34))]) == 2
    assert slope_of([(2023, Decimal(30))]) is None


def test_a_rising_share_is_projected_to_cross_its_bar():
    result = outlook(history({2021: 34, 2022: 36, 2023: 38}))  # +2 a year towards > 40 %

    outside = criterion(result, "outside_work")
    assert outside.met is False
    assert outside.crosses_in == 2025  # 40 in 2024 is on the bar, not over it
    assert result.first_crossing == 2025


def test_a_met_criterion_shows_when_the_trend_leaves_it():
    result = outlook(history({2021: 46, 2022: 44, 2023: 42}, primary_only=Decimal(65)))

    outside = criterion(result, "outside_work")
    assert outside.met is True
    assert outside.leaves_in == 2024  # 40 in 2024: on the bar, no longer over it
    assert result.listed_classes == ["udsat"]  # 20 % non-Western: not forebyggelse
    assert result.to_leave == 1  # two met, at least two needed: one must fall


def test_a_flat_series_never_crosses():
    result = outlook(history({2021: 30, 2022: 30, 2023: 30}))

    assert criterion(result, "outside_work").crosses_in is None
    assert result.first_crossing is None
