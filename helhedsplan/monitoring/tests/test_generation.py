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


def test_the_department_page_shows_an_import_and_a_changed_target_at_once(plan_2017, member):
    from django.urls import reverse

    from helhedsplan.goals.models import Target

    client = member(plan_2017)
    url = reverse("plans:department", args=[plan_2017.slug, "ellekonebakken"])
    before = client.get(url).content.decode()
    target = Target.objects.filter(indicator__plan=plan_2017).exclude(text="").first()
    assert target.text in before

    target.text = "Et nyt mål for klagesagerne"
    target.save()
    import_observations(
        plan_2017,
        [long_csv(["Ellekonebakken", "fraflytningsprocent", "2031", "7", "", ""])],
        LONG,
    )

    after = client.get(url).content.decode()
    assert "Et nyt mål for klagesagerne" in after and target.text in after
    assert "(2031)" in after  # the latest value now


def test_changed_residents_give_a_new_generation_for_the_aggregates(plan_2025):
    residents = plan_2025.departments.get(key="ringparken").residents.exclude(value=None).last()
    before = generation.current(plan_2025)

    residents.value += 100
    residents.save()

    assert generation.current(plan_2025) != before
