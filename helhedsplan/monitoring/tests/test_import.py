"""Importing the long format: all or nothing, with every problem and where it is."""

from decimal import Decimal

import pytest

from helhedsplan.monitoring.actions import ImportRejected, import_observations
from helhedsplan.monitoring.layouts import load_layout
from helhedsplan.monitoring.models import ImportBatch, Observation, PreviousObservation

from .files import LONG_HEADER, csv_file, example, long_csv, xlsx_file

LONG = load_layout("long")


def count(plan):
    return Observation.objects.filter(plan=plan).count(), ImportBatch.objects.count()


def observation(plan, indicator, subject, period):
    return Observation.objects.get(
        plan=plan, definition__key=indicator, subject_key=subject, period_label=period
    )


def test_the_long_example_imports_with_danish_numbers_and_unknowns(plan_2025):
    outcome = import_observations(plan_2025, [example("long.csv")], LONG)

    assert outcome.summary() == {"added": 8, "changed": 0, "unchanged": 0}
    houlkaer = observation(plan_2025, "fraflytningsprocent", "department:houlkaervaenget", "2026")
    assert (houlkaer.value, houlkaer.numerator, houlkaer.denominator) == (
        Decimal("14.2"),
        Decimal(72),
        Decimal(504),
    )
    ring = observation(plan_2025, "fraflytningsprocent", "department:ringparken", "2026")
    assert (ring.value, ring.status, ring.reason) == (
        None,
        "suppressed",
        "Færre end 5 fraflytninger",
    )
    municipality = observation(
        plan_2025, "fraflytningsprocent", "municipality:Viborg Kommune", "2026"
    )
    assert municipality.scope == "municipality"
    counselling = observation(
        plan_2025, "hverdagsraadgivning-henvendelser", "department:houlkaervaenget", "2026/27"
    )
    assert counselling.value == Decimal(1102)
    assert str(counselling.period_start) == "2026-08-01"


def test_a_blank_complaints_count_is_unknown_but_a_blank_eviction_count_is_zero(plan_2025):
    import_observations(plan_2025, [example("long.csv")], LONG)

    complaints = observation(plan_2025, "beboerklager", "department:houlkaervaenget", "2022H2")
    evictions = observation(
        plan_2025, "udsaettelser-effektive", "department:houlkaervaenget", "2022H2"
    )

    assert (complaints.value, complaints.status) == (None, "not_available")
    assert (evictions.value, evictions.status) == (Decimal(0), "value")


def test_the_same_data_as_xlsx_imports_the_same(plan_2025):
    rows = [
        LONG_HEADER,
        ["Houlkærvænget", "fraflytningsprocent", 2026, 14.2, 72, 504],
        ["Ringparken", "fraflytningsprocent", "2026", "-", None, None],
    ]

    import_observations(plan_2025, [xlsx_file("data.xlsx", {"Ark1": rows})], LONG)

    value = observation(plan_2025, "fraflytningsprocent", "department:houlkaervaenget", "2026")
    assert value.value == Decimal("14.2")
    assert observation(
        plan_2025, "fraflytningsprocent", "department:ringparken", "2026"
    ).status == ("suppressed")


def test_reimporting_a_period_updates_it_and_keeps_the_previous_value(plan_2025, django_user_model):
    user = django_user_model.objects.create_user("secretariat")
    first = import_observations(
        plan_2025, [long_csv(["Ringparken", "fraflytningsprocent", "2026", "20,0", "", ""])], LONG
    )

    second = import_observations(
        plan_2025,
        [long_csv(["Ringparken", "fraflytningsprocent", "2026", "18,5", "", ""], name="new.csv")],
        LONG,
        user=user,
    )

    current = observation(plan_2025, "fraflytningsprocent", "department:ringparken", "2026")
    assert current.value == Decimal("18.5")
    assert current.batch == second.batch
    assert (second.batch.user, second.batch.files, second.batch.layout) == (user, "new.csv", "long")
    assert second.summary() == {"added": 0, "changed": 1, "unchanged": 0}
    previous = PreviousObservation.objects.get(observation=current)
    assert (previous.value, previous.batch, previous.replaced_by) == (
        Decimal("20.0"),
        first.batch,
        second.batch,
    )


def test_an_identical_reimport_changes_nothing(plan_2025):
    import_observations(plan_2025, [example("long.csv")], LONG)

    outcome = import_observations(plan_2025, [example("long.csv")], LONG)

    assert outcome.summary() == {"added": 0, "changed": 0, "unchanged": 8}
    assert PreviousObservation.objects.count() == 0


def test_a_dry_run_says_what_would_change_and_writes_nothing(plan_2025):
    import_observations(
        plan_2025, [long_csv(["Ringparken", "fraflytningsprocent", "2026", "20,0", "", ""])], LONG
    )
    before = count(plan_2025)

    outcome = import_observations(
        plan_2025,
        [
            long_csv(
                ["Ringparken", "fraflytningsprocent", "2026", "19,0", "", ""],
                ["Ringparken", "fraflytningsprocent", "2027", "18,0", "", ""],
                ["Ringparken", "fraflytningsprocent", "2023", "21,5", "", ""],
            )
        ],
        LONG,
        dry_run=True,
    )

    assert outcome.summary() == {"added": 1, "changed": 1, "unchanged": 1}
    assert count(plan_2025) == before


BAD_ROWS = {
    "unknown department": (["Nowhere", "fraflytningsprocent", "2026", "1", "", ""], "A (afdeling)"),
    "unknown indicator": (["Ringparken", "no-such-thing", "2026", "1", "", ""], "B (indikator)"),
    "unparsable number": (
        ["Ringparken", "fraflytningsprocent", "2026", "12,3,4", "", ""],
        "D (værdi)",
    ),
    "share over 100": (["Ringparken", "fraflytningsprocent", "2026", "100,5", "", ""], "D (værdi)"),
    "period of another type": (
        ["Ringparken", "fraflytningsprocent", "2026H1", "1", "", ""],
        "C (periode)",
    ),
    "bad denominator": (
        ["Ringparken", "fraflytningsprocent", "2026", "1", "", "many"],
        "F (nævner)",
    ),
}


@pytest.mark.parametrize("case", BAD_ROWS)
def test_one_bad_row_rejects_the_whole_file_and_writes_nothing(case, plan_2025):
    bad_row, column = BAD_ROWS[case]
    good = ["Houlkærvænget", "fraflytningsprocent", "2026", "12,0", "", ""]
    before = count(plan_2025)

    with pytest.raises(ImportRejected) as rejected:
        import_observations(plan_2025, [long_csv(good, bad_row, name="bad.csv")], LONG)

    assert count(plan_2025) == before
    [problem] = rejected.value.problems
    assert (problem.file, problem.sheet, problem.row, problem.column) == (
        "bad.csv",
        "bad",
        3,
        column,
    )


def test_a_duplicate_key_names_both_rows(plan_2025):
    rows = [
        ["Ringparken", "fraflytningsprocent", "2026", "1", "", ""],
        ["ringparken", "andel-aarlige-fraflytninger", "2026", "2", "", ""],
    ]

    with pytest.raises(ImportRejected) as rejected:
        import_observations(plan_2025, [long_csv(*rows)], LONG)

    [problem] = rejected.value.problems
    assert problem.row == 3
    assert "given twice" in problem.message and "row 2" in problem.message
    assert Observation.objects.filter(period_label="2026").count() == 0


def test_a_missing_layout_column_is_named(plan_2025):
    file = csv_file("short.csv", [["afdeling", "indikator", "værdi"], ["Ringparken", "x", "1"]])

    with pytest.raises(ImportRejected) as rejected:
        import_observations(plan_2025, [file], LONG)

    assert [p.message for p in rejected.value.problems] == [
        "the layout's column 'periode' is missing"
    ]


def test_every_problem_of_every_file_is_listed_and_nothing_is_written(plan_2025):
    good = example("long.csv")
    bad_csv = long_csv(
        ["Nowhere", "fraflytningsprocent", "2026", "1", "", ""],
        ["Ringparken", "fraflytningsprocent", "2026", "200", "", ""],
        name="bad.csv",
    )
    bad_xlsx = xlsx_file(
        "bad.xlsx", {"Data": [LONG_HEADER, ["Ringparken", "beboerklager", "2026", 3, None, None]]}
    )
    before = count(plan_2025)

    with pytest.raises(ImportRejected) as rejected:
        import_observations(plan_2025, [good, bad_csv, bad_xlsx], LONG)

    where = [(p.file, p.sheet, p.row) for p in rejected.value.problems]
    assert where == [("bad.csv", "bad", 2), ("bad.csv", "bad", 3), ("bad.xlsx", "Data", 2)]
    assert count(plan_2025) == before


def test_a_file_that_is_not_a_spreadsheet_is_refused(plan_2025):
    with pytest.raises(ImportRejected) as rejected:
        import_observations(plan_2025, [("data.xlsx", b"not a workbook")], LONG)

    assert "XLSX" in rejected.value.problems[0].message


def test_a_department_number_shared_by_two_departments_is_ambiguous(plan_2025):
    with pytest.raises(ImportRejected) as rejected:
        import_observations(
            plan_2025, [long_csv(["Afd. 8", "fraflytningsprocent", "2026", "1", "", ""])], LONG
        )

    assert "more than one department" in rejected.value.problems[0].message
