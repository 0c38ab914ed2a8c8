"""The needs matrix is kept per generation of the plan's data: every change that shows in it
gives a new generation, so what is shown is never out of date."""

from decimal import Decimal

from helhedsplan.monitoring import generation, report
from helhedsplan.monitoring.actions import import_observations
from helhedsplan.monitoring.layouts import load_layout
from helhedsplan.monitoring.models import IndicatorDefinition

from .files import long_csv

LONG = load_layout("long")


def cell(plan, indicator, department):
    _departments, columns = report.matrix(plan)
    column = next(c for c in columns if c.key == indicator)
    return column, column.cells[department]


def test_an_import_shows_at_once_in_the_needs_matrix(plan_2025):
    column, before = cell(plan_2025, "fraflytningsprocent", "ringparken")
    period = column.period
    assert before.point is None or before.point.value != Decimal("33.3")
    generation_before = generation.current(plan_2025)

    import_observations(
        plan_2025, [long_csv(["Ringparken", "fraflytningsprocent", period, "33,3", "", ""])], LONG
    )

    assert generation.current(plan_2025) != generation_before
    _column, after = cell(plan_2025, "fraflytningsprocent", "ringparken")
    assert after.point.value == Decimal("33.3")


def test_a_renamed_indicator_shows_at_once(plan_2025):
    definition = IndicatorDefinition.objects.get(key="fraflytningsprocent")
    cell(plan_2025, "fraflytningsprocent", "ringparken")  # computed and kept

    definition.name = "Fraflytninger i procent"
    definition.save()

    column, _cell = cell(plan_2025, "fraflytningsprocent", "ringparken")
    assert column.name == "Fraflytninger i procent"


def test_a_new_department_gets_its_row(plan_2025):
    report.matrix(plan_2025)

    plan_2025.departments.create(key="ny-afdeling", name="Ny afdeling")

    departments, columns = report.matrix(plan_2025)
    assert "ny-afdeling" in [d.key for d in departments]
    assert all("ny-afdeling" in c.cells for c in columns)
