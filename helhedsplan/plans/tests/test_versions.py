"""One version per plan, changed by the database on every kind of write to what the plan's pages
show; a write in one plan leaves the other plans' versions (and kept pages) alone."""

import pytest
from django.core.management import call_command
from django.db import connection

from helhedsplan.agreements.models import Activity
from helhedsplan.goals.models import Baseline
from helhedsplan.monitoring.actions import import_observations
from helhedsplan.monitoring.layouts import load_layout
from helhedsplan.monitoring.models import IndicatorDefinition, Observation
from helhedsplan.monitoring.tests.files import long_csv
from helhedsplan.plans import versions
from helhedsplan.plans.models import Party, Plan, PlanVersion, Residents


def version(plan) -> int:
    return versions.current(plan.pk)


def save_a_department(plan):
    department = plan.departments.first()
    department.name = "Et nyt navn"
    department.save()


def update_departments(plan):
    plan.departments.update(area=None)


def bulk_create_residents(plan):
    Residents.objects.bulk_create([Residents(department=plan.departments.first(), year=2099)])


def bulk_create_ignoring_conflicts(plan):
    department = plan.departments.first()
    Residents.objects.bulk_create(
        [Residents(department=department, year=2098, value=3)], ignore_conflicts=True
    )


def delete_with_cascade(plan):
    plan.bodies.first().delete()  # its members go with it


def change_many_to_many(plan):
    activity = Activity.objects.filter(sub_agreement__plan=plan).first()
    linked = list(activity.departments.all())
    if linked:
        activity.departments.remove(*linked)
    else:
        activity.departments.add(plan.departments.first())


def update_through_two_foreign_keys(plan):
    Baseline.objects.filter(indicator__plan=plan).update(note="Ændret")


def import_observations_by_copy(plan):
    column = Observation.objects.filter(plan=plan, scope="department").first()
    row = [column.department.name, column.definition.key, column.period_label, "33,3", "", ""]
    import_observations(plan, [long_csv(row)], load_layout("long"))


def raw_sql(plan):
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {Plan._meta.db_table} SET name = %s WHERE id = %s", ["X", plan.pk])


@pytest.mark.parametrize(
    "write",
    [
        save_a_department,
        update_departments,
        bulk_create_residents,
        bulk_create_ignoring_conflicts,
        delete_with_cascade,
        change_many_to_many,
        update_through_two_foreign_keys,
        import_observations_by_copy,
        raw_sql,
    ],
)
def test_every_kind_of_write_gives_the_plan_a_new_version_and_leaves_the_other(
    plan_2025, plan_2017, write
):
    before, other = version(plan_2025), version(plan_2017)

    write(plan_2025)

    assert version(plan_2025) != before
    assert version(plan_2017) == other


def test_a_bulk_create_whose_rows_all_conflict_writes_nothing_and_keeps_the_version(plan_2025):
    department = plan_2025.departments.first()
    Residents.objects.create(department=department, year=2097, value=1)
    before = version(plan_2025)

    Residents.objects.bulk_create(
        [Residents(department=department, year=2097, value=2)], ignore_conflicts=True
    )

    assert version(plan_2025) == before


def test_a_write_to_what_plans_share_gives_every_plan_a_new_version(plan_2025, plan_2017):
    before = version(plan_2025), version(plan_2017)

    Party.objects.filter(pk=plan_2025.municipality_id).update(name="Viborg Kommune (ny)")

    after = version(plan_2025), version(plan_2017)
    assert after[0] != before[0] and after[1] != before[1]


def test_a_national_indicator_definition_changes_every_plan(plan_2025, plan_2017):
    before = version(plan_2025), version(plan_2017)

    IndicatorDefinition.objects.filter(plan=None).update(name="Nyt navn")

    after = version(plan_2025), version(plan_2017)
    assert after[0] != before[0] and after[1] != before[1]


def test_a_new_plan_has_a_version_and_a_deleted_one_leaves_none(plan_2025):
    municipality = plan_2025.municipality
    plan = Plan.objects.create(
        slug="ny",
        name="Ny",
        period_start="2030-01-01",
        period_end="2033-12-31",
        project_year_start_month=1,
        municipality=municipality,
    )
    assert PlanVersion.objects.filter(plan_id=plan.pk).exists()

    plan.delete()

    assert not PlanVersion.objects.filter(plan_id=plan.pk).exists()


def test_every_table_of_the_plans_data_has_its_triggers(db):
    triggered = list(versions.installed(connection).values())
    tables = {model._meta.db_table for model in versions.versioned_models()}

    assert {Observation._meta.db_table, "agreements_activity_departments"} <= tables
    for table in tables:
        assert triggered.count(table) == 3, table  # insert, update, delete


def test_the_command_bumps_one_plan_or_all(plan_2025, plan_2017):
    before = version(plan_2025), version(plan_2017)

    call_command("bump_plan_version", plan_2025.slug)
    assert version(plan_2025) != before[0]
    assert version(plan_2017) == before[1]

    call_command("bump_plan_version", "--all")
    assert version(plan_2017) != before[1]
