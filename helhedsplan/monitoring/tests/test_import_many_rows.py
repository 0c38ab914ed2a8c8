"""Large imports: values read once per distinct cell and new rows written in bulk (COPY on
PostgreSQL) must still give every row its own problems, its own fields and its own history."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from helhedsplan.monitoring.actions import ImportRejected, import_observations
from helhedsplan.monitoring.layouts import load_layout
from helhedsplan.monitoring.models import Observation, PreviousObservation

from .files import long_csv, xlsx_file

LONG = load_layout("long")
DEPARTMENTS = ["Houlkærvænget", "Ringparken", "Afd. 10 Vestervang"]


def test_new_rows_get_every_field_and_the_batch(plan_2025):
    outcome = import_observations(
        plan_2025,
        [
            long_csv(
                ["Houlkærvænget", "fraflytningsprocent", "2061", "14,2", "72", "504"],
                ["Viborg Kommune", "fraflytningsprocent", "2061", "-", "", ""],
            )
        ],
        LONG,
    )

    houlkaer = outcome.batch.observations.get(subject_key="department:houlkaervaenget")
    assert (houlkaer.scope, houlkaer.department.key, houlkaer.label) == (
        "department",
        "houlkaervaenget",
        "",
    )
    assert (houlkaer.value, houlkaer.numerator, houlkaer.denominator) == (
        Decimal("14.2"),
        Decimal(72),
        Decimal(504),
    )
    assert (houlkaer.period_type, str(houlkaer.period_start), str(houlkaer.period_end)) == (
        "year",
        "2061-01-01",
        "2061-12-31",
    )
    assert (houlkaer.period_label, houlkaer.batch) == ("2061", outcome.batch)
    municipality = outcome.batch.observations.get(subject_key="municipality:Viborg Kommune")
    assert (municipality.department, municipality.label, municipality.status) == (
        None,
        "Viborg Kommune",
        "suppressed",
    )
    assert municipality.value is None


def test_repeated_cells_keep_unknown_apart_from_zero(plan_2025):
    rows = []
    for year in range(2060, 2076):
        for department in DEPARTMENTS:
            rows.append([department, "beboerklager", f"{year}H1", "", "", ""])
            rows.append([department, "udsaettelser-effektive", f"{year}H1", "", "", ""])
            rows.append([department, "fraflytningsprocent", str(year), "0", "", ""])

    outcome = import_observations(plan_2025, [long_csv(*rows)], LONG)

    assert outcome.summary()["added"] == len(rows)
    statuses = {
        key: set(
            outcome.batch.observations.filter(definition__key=key).values_list("status", "value")
        )
        for key in ("beboerklager", "udsaettelser-effektive", "fraflytningsprocent")
    }
    assert statuses == {
        "beboerklager": {("not_available", None)},
        "udsaettelser-effektive": {("value", Decimal(0))},
        "fraflytningsprocent": {("value", Decimal(0))},
    }


def test_every_row_with_the_same_mistake_is_reported(plan_2025):
    rows = [
        ["Houlkærvænget", "no-such-indicator", "2066", "1", "", ""],
        ["Ringparken", "no-such-indicator", "2066", "1", "", ""],
        ["Houlkærvænget", "fraflytningsprocent", "2066H1", "1", "", ""],
        ["Ringparken", "fraflytningsprocent", "2066H1", "1", "", ""],
        ["Houlkærvænget", "fraflytningsprocent", "2065", "abc", "", ""],
        ["Ringparken", "fraflytningsprocent", "2065", "abc", "", ""],
        ["Nowhere", "fraflytningsprocent", "2064", "1", "", ""],
        ["Nowhere", "fraflytningsprocent", "2063", "1", "", ""],
    ]

    with pytest.raises(ImportRejected) as rejected:
        import_observations(plan_2025, [long_csv(*rows)], LONG)

    where = [(p.row, p.column.split(" ")[0]) for p in rejected.value.problems]
    assert where == [
        (2, "B"),
        (3, "B"),
        (4, "C"),
        (5, "C"),
        (6, "D"),
        (7, "D"),
        (8, "A"),
        (9, "A"),
    ]
    assert not Observation.objects.filter(period_start__year__gte=2060).exists()


def test_a_spreadsheet_true_is_not_the_number_one(plan_2025):
    _, content = xlsx_file(
        "typed.xlsx",
        {
            "Data": [
                ["afdeling", "indikator", "periode", "værdi"],
                ["Houlkærvænget", "fraflytningsprocent", 2066, 1],
                ["Ringparken", "fraflytningsprocent", 2066, True],
            ]
        },
    )

    with pytest.raises(ImportRejected) as rejected:
        import_observations(plan_2025, [("typed.xlsx", content)], LONG)

    assert [(p.row, p.message) for p in rejected.value.problems] == [(3, "'True' is not a number")]


def test_a_reimport_reads_only_the_periods_it_brings(plan_2025):
    old_years = [
        [department, "fraflytningsprocent", str(year), "10", "", ""]
        for department in DEPARTMENTS
        for year in range(2060, 2075)
    ]
    import_observations(plan_2025, [long_csv(*old_years)], LONG)
    first = import_observations(
        plan_2025, [long_csv(["Houlkærvænget", "fraflytningsprocent", "2075", "12", "", ""])], LONG
    )

    with CaptureQueriesContext(connection) as queries:
        second = import_observations(
            plan_2025,
            [
                long_csv(
                    ["Houlkærvænget", "fraflytningsprocent", "2075", "13", "", ""],
                    ["Ringparken", "fraflytningsprocent", "2075", "9", "", ""],
                )
            ],
            LONG,
        )

    assert second.summary() == {"added": 1, "changed": 1, "unchanged": 0}
    current = Observation.objects.get(subject_key="department:houlkaervaenget", period_label="2075")
    assert (current.value, current.batch) == (Decimal(13), second.batch)
    previous = PreviousObservation.objects.get(observation=current)
    assert (previous.value, previous.batch, previous.replaced_by) == (
        Decimal(12),
        first.batch,
        second.batch,
    )
    selects = [q["sql"] for q in queries if "monitoring_observation" in q["sql"]]
    assert all("period_start" in sql for sql in selects if sql.startswith("SELECT"))
    assert Observation.objects.filter(period_start__year__gte=2060).count() == len(old_years) + 2
