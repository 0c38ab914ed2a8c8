"""Success criteria counted from the logbook, per project year (or the whole plan period).

Each criterion names its measure as data (agreements.SuccessCriterion.measure); this module
computes the value, per area where the criterion says so, and whether it is met, on track
(pro rata over the elapsed part of the year) or behind.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from helhedsplan.agreements.models import Measure, SuccessCriterion
from helhedsplan.plans.models import Plan
from helhedsplan.plans.periods import ProjectYear, project_years

from .models import Event, NewsletterRecipient, NewTenantContacts, Volunteer

# Shares and growth are compared as they stand; counts and sums build up over the year.
CUMULATIVE = {Measure.PARTICIPANTS, Measure.EVENTS, Measure.ACTIVE_VOLUNTEERS}


@dataclass
class Status:
    criterion: SuccessCriterion
    period_start: datetime.date
    period_end: datetime.date
    value: Decimal | None
    expected_now: Decimal | None
    state: str  # met / on_track / behind / not_met / no_data / not_counted
    per_area: list[tuple[str, Decimal, str]] = field(default_factory=list)
    detail: str = ""


def _events(plan, criterion, start, end):
    events = Event.objects.live().filter(plan=plan, date__range=(start, end))
    events = events.filter(activity=criterion.activity)
    if criterion.event_type:
        events = events.filter(event_type=criterion.event_type)
    return events


def _active_volunteers(plan, criterion, start, end):
    return (
        Volunteer.objects.live()
        .filter(plan=plan, activities=criterion.activity, start_date__lte=end)
        .filter(Q(end_date=None) | Q(end_date__gte=start))
        .distinct()
    )


def _recipients_on(plan, day):
    return (
        NewsletterRecipient.objects.live()
        .filter(plan=plan, added__lte=day)
        .filter(Q(removed=None) | Q(removed__gt=day))
        .count()
    )


def _round(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def measure_value(plan: Plan, criterion: SuccessCriterion, start, end, today) -> tuple:
    """(value, detail) of a criterion over [start, end], counted up to `today`."""
    until = min(end, today)
    if criterion.measure == Measure.PARTICIPANTS:
        total = _events(plan, criterion, start, until).aggregate(n=Sum("participants"))["n"]
        return Decimal(total or 0), ""
    if criterion.measure == Measure.EVENTS:
        return Decimal(_events(plan, criterion, start, until).count()), ""
    if criterion.measure == Measure.ACTIVE_VOLUNTEERS:
        return Decimal(_active_volunteers(plan, criterion, start, until).count()), ""
    if criterion.measure == Measure.SHARE_CONTACTED:
        rows = NewTenantContacts.objects.live().filter(
            plan=plan, period_start__gte=start, period_end__lte=end, period_start__lte=until
        )
        totals = rows.aggregate(moved=Sum("moved_in"), contacted=Sum("contacted"))
        if not totals["moved"]:
            return None, ""
        share = Decimal(totals["contacted"]) * 100 / Decimal(totals["moved"])
        return _round(share), f"{totals['contacted']} / {totals['moved']}"
    if criterion.measure == Measure.RECIPIENT_GROWTH:
        before = _recipients_on(plan, start - datetime.timedelta(days=1))
        now = _recipients_on(plan, until)
        if before == 0:
            return None, f"0 → {now}"
        return _round(Decimal(now - before) * 100 / Decimal(before)), f"{before} → {now}"
    return None, ""


def _state(criterion, value, expected_now, finished) -> str:
    if criterion.measure == Measure.NONE:
        return "not_counted"
    if value is None:
        return "no_data"
    if value >= criterion.threshold:
        return "met"
    if finished:
        return "not_met"
    return "on_track" if expected_now is not None and value >= expected_now else "behind"


def criterion_status(
    plan: Plan, criterion: SuccessCriterion, year: ProjectYear | None, today: datetime.date
) -> Status:
    if criterion.period == SuccessCriterion.Period.PLAN_PERIOD or year is None:
        start, end = plan.period_start, plan.period_end
    else:
        start, end = year.start, year.end
    value, detail = measure_value(plan, criterion, start, end, today)
    expected_now = None
    if criterion.threshold is not None and criterion.measure != Measure.NONE:
        if criterion.measure in CUMULATIVE:
            span = ProjectYear(0, start, end)
            expected_now = _round(criterion.threshold * Decimal(str(span.elapsed_share(today))))
        else:
            expected_now = criterion.threshold
    status = Status(
        criterion,
        start,
        end,
        value,
        expected_now,
        _state(criterion, value, expected_now, today >= end),
        detail=detail,
    )
    if criterion.per_area and criterion.measure in (Measure.EVENTS, Measure.PARTICIPANTS):
        # "At least 4 tours per area": the area with the fewest decides.
        status.per_area = _per_area(plan, criterion, start, min(end, today))
        if status.per_area:
            status.value = min(area_value for _name, area_value, _area_state in status.per_area)
            status.detail = _("lowest area; total %(total)s") % {"total": value}
            status.state = _state(criterion, status.value, expected_now, today >= end)
    return status


def _per_area(plan, criterion, start, until):
    """Value per area of the plan (an event in several areas counts in each)."""
    rows = []
    areas = {d.area for d in plan.departments.select_related("area") if d.area}
    for area in sorted(areas, key=lambda a: a.name):
        events = _events(plan, criterion, start, until).filter(departments__area=area).distinct()
        if criterion.measure == Measure.EVENTS:
            value = Decimal(events.count())
        else:
            value = Decimal(events.aggregate(n=Sum("participants"))["n"] or 0)
        rows.append((area.name, value, "met" if value >= criterion.threshold else "below"))
    return rows


def plan_statuses(plan: Plan, year: ProjectYear | None, today: datetime.date) -> list[Status]:
    criteria = SuccessCriterion.objects.filter(activity__sub_agreement__plan=plan).select_related(
        "activity"
    )
    return [criterion_status(plan, c, year, today) for c in criteria]


def default_year(plan: Plan, today: datetime.date) -> ProjectYear | None:
    years = project_years(plan)
    for year in years:
        if year.contains(today):
            return year
    return years[-1] if years and today > plan.period_end else (years[0] if years else None)
