"""The catalogue ships as data; a plan may add its own indicators; plan indicators find theirs."""

from decimal import Decimal

import pytest

from helhedsplan.monitoring.actions import ImportRejected, import_observations
from helhedsplan.monitoring.catalogue import definition_of, definitions_for, read_catalogue
from helhedsplan.monitoring.layouts import load_layout
from helhedsplan.monitoring.models import IndicatorDefinition, Observation
from helhedsplan.planfiles import schema

from .files import long_csv


def test_every_catalogue_entry_has_unit_direction_and_period_type():
    for entry in read_catalogue():
        assert {"key", "name", "unit", "period_type"} <= set(entry), entry["key"]


def test_the_plans_goal_indicators_find_their_catalogue_entries(plan_2025, plan_2017):
    definitions = list(definitions_for(plan_2025))

    found = {
        i.key: getattr(definition_of(i, definitions), "key", None)
        for i in [*plan_2025.indicators.all(), *plan_2017.indicators.all()]
    }

    assert found["andel-aarlige-fraflytninger"] == "fraflytningsprocent"
    assert found["fraflytningsprocent"] == "fraflytningsprocent"
    assert found["beboerklagesager"] == "beboerklager"
    assert found["andel-18-64-uden-tilknytning"] == "lbf-18-64-uden-tilknytning"


def test_a_plan_adds_its_own_indicator_which_other_plans_do_not_see(plan_2025, plan_2017):
    IndicatorDefinition.objects.create(
        plan=plan_2025,
        key="viborg-naboskabsfrivillige",
        name="Naboskabsfrivillige",
        unit="count",
        direction="higher_is_better",
        period_type="project_year",
    )
    row = ["Ringparken", "viborg-naboskabsfrivillige", "2025/26", "12", "", ""]

    import_observations(plan_2025, [long_csv(row)], load_layout("long"))
    with pytest.raises(ImportRejected):
        import_observations(plan_2017, [long_csv(["Vestervang", *row[1:]])], load_layout("long"))

    assert Observation.objects.get(definition__key="viborg-naboskabsfrivillige").value == Decimal(
        12
    )


def test_a_close_the_gap_target_is_valid_in_a_plan_file_and_needs_its_share():
    target = schema.Target(kind="close_gap", value=50, target_year=2029)

    assert target.kind == "close_gap"
    with pytest.raises(ValueError):
        schema.Target(kind="close_gap", target_year=2029)


def test_progress_is_reported_while_rows_are_read(plan_2025):
    rows = [
        [department, "fraflytningsprocent", str(year), "10", "", ""]
        for department in ("Ringparken", "Vestervang", "Karup")
        for year in range(1900, 2100)
    ]
    seen = []

    outcome = import_observations(
        plan_2025,
        [long_csv(*rows)],
        load_layout("long"),
        dry_run=True,
        progress=lambda d, t: seen.append((d, t)),
    )

    assert outcome.rows == 601  # the header and 600 rows
    assert seen[0] == (500, 601) and seen[-1] == (601, 601)
