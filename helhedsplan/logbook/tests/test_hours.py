"""Staff hours registered per activity, against the planned hours per week."""

import datetime
from decimal import Decimal

from helhedsplan.agreements.models import Activity
from helhedsplan.logbook.hours import hours_summary
from helhedsplan.logbook.models import StaffTime
from helhedsplan.plans.periods import project_years


def test_registered_hours_are_held_against_the_plan(plan_2025):
    counselling = Activity.objects.get(sub_agreement__plan=plan_2025, name="Hverdagsrådgivning")
    first_year = project_years(plan_2025)[0]
    for week in range(4):
        StaffTime.objects.create(
            plan=plan_2025,
            activity=counselling,
            week_start=first_year.start + datetime.timedelta(weeks=week),
            hours=Decimal("15.5"),
        )
    four_weeks_in = first_year.start + datetime.timedelta(days=27)  # 28 days = 4 weeks

    rows = {row.activity.name: row for row in hours_summary(plan_2025, first_year, four_weeks_in)}

    row = rows["Hverdagsrådgivning"]
    assert row.planned_per_week == Decimal("17")
    assert row.planned_so_far == Decimal("68.0")  # 17 x 4 weeks
    assert row.registered == Decimal("62.0")
    assert row.share == Decimal("91")
    assert rows["Bo Godt – et koordineret samarbejde"].registered == 0
