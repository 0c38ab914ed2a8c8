"""Staff hours registered per activity against the hours per week the sub-agreement plans."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from helhedsplan.agreements.models import Activity
from helhedsplan.plans.periods import ProjectYear

from .models import StaffTime


@dataclass
class HoursRow:
    activity: Activity
    planned_per_week: Decimal
    planned_so_far: Decimal
    registered: Decimal

    @property
    def share(self) -> Decimal | None:
        if not self.planned_so_far:
            return None
        return (self.registered * 100 / self.planned_so_far).quantize(Decimal("1"))


def hours_summary(plan, year: ProjectYear, today: datetime.date) -> list[HoursRow]:
    until = min(year.end, today)
    weeks = Decimal(max(0, (until - year.start).days + 1)) / 7
    registered = dict(
        StaffTime.objects.live()
        .filter(plan=plan, week_start__range=(year.start, until))
        .values_list("activity")
        .annotate(total=Sum("hours"))
    )
    rows = []
    activities = Activity.objects.filter(sub_agreement__plan=plan).exclude(hours_per_week=None)
    for activity in activities:
        planned = activity.hours_per_week * weeks
        rows.append(
            HoursRow(
                activity,
                activity.hours_per_week,
                planned.quantize(Decimal("0.1")),
                Decimal(registered.get(activity.pk) or 0),
            )
        )
    return rows
