"""The annual status report (statusrapport) for one project year, as plain data.

Per intervention area (one per sub-agreement) and activity: the success criteria met or not
with their numbers (logbook.measures), participation and volunteers from the logbook, staff
hours against the planned hours (logbook.hours); the budget per funding source; and per
section the secretariat's assessment and the board's decisions (`StatusText`).
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from helhedsplan.agreements.models import Measure
from helhedsplan.logbook.hours import hours_summary
from helhedsplan.logbook.measures import plan_statuses
from helhedsplan.logbook.models import Event, Volunteer
from helhedsplan.plans.models import BudgetLine, FundingSource
from helhedsplan.plans.periods import project_years

from .data import ReportError
from .discretion import discretion_limit, persons
from .formatting import long_date
from .models import StatusText
from .structure import NOT_AVAILABLE, Report, Section, Table, Value

PERSON_MEASURES = {Measure.PARTICIPANTS, Measure.ACTIVE_VOLUNTEERS}
SUMMARY = "summary"


def chosen_year(plan, number: int | None, today):
    years = project_years(plan)
    if not years:
        raise ReportError(_("The plan has no project years."))
    if number is None:
        from helhedsplan.logbook.measures import default_year

        return default_year(plan, today)
    found = next((y for y in years if y.number == number), None)
    if found is None:
        raise ReportError(
            _("The plan has project years 1 to %(last)s.") % {"last": years[-1].number}
        )
    return found


def state_label(state: str) -> str:
    return {
        "met": _("met"),
        "not_met": _("not met"),
        "on_track": _("on track"),
        "behind": _("behind"),
        "no_data": _("no data"),
        "not_counted": _("not counted from the logbook"),
    }.get(state, state)


def sections_of(plan) -> list[tuple[str, str]]:
    """(key, title) of the sections that carry texts: the summary and each sub-agreement."""
    items = [(SUMMARY, _("The plan as a whole"))]
    for sub in plan.sub_agreements.select_related("intervention_area").order_by("pk"):
        items.append((sub.key, str(sub.intervention_area)))
    return items


def status_report(plan, number: int | None = None, today=None) -> Report:
    today = today or timezone.localdate()
    year = chosen_year(plan, number, today)
    limit = discretion_limit()
    report = Report(
        "status",
        _("Status report, project year %(number)s") % {"number": year.number},
        f"{plan.name} {plan.period_label} · {long_date(year.start)} – {long_date(year.end)}",
        today,
        limit,
        filename=f"{plan.slug}-statusrapport-{year.number}",
    )
    texts = {t.section: t for t in StatusText.objects.filter(plan=plan, project_year=year.number)}
    statuses = defaultdict(list)
    for status in plan_statuses(plan, year, today):
        statuses[status.criterion.activity_id].append(status)
    hours = {row.activity.pk: row for row in hours_summary(plan, year, today)}
    until = min(year.end, today)
    summary = Section(_("Summary"), 1, key=SUMMARY)
    met = sum(1 for items in statuses.values() for s in items if s.state == "met")
    counted = sum(1 for items in statuses.values() for s in items if s.state != "not_counted")
    summary.add(
        _(
            "Project year %(number)s, %(start)s to %(end)s, counted up to %(until)s: "
            "%(met)s of %(counted)s success criteria counted from the logbook are met."
        )
        % {
            "number": year.number,
            "start": long_date(year.start),
            "end": long_date(year.end),
            "until": long_date(until),
            "met": met,
            "counted": counted,
        }
    )
    report.sections.append(summary)
    _add_texts(summary, texts.get(SUMMARY))
    for sub in plan.sub_agreements.select_related("intervention_area").order_by("pk"):
        area = Section(str(sub.intervention_area), 1, key=sub.key)
        report.sections.append(area)
        for activity in sub.activities.order_by("order"):
            report.sections.append(
                activity_section(plan, activity, statuses, hours, year, until, limit)
            )
        closing = Section(_("Assessment and decisions"), 2, key=f"{sub.key}-texts")
        _add_texts(closing, texts.get(sub.key), always=True)
        report.sections.append(closing)
    report.sections.append(decisions_section(plan, year))
    report.sections.append(budget_section(plan, year))
    return report


def decisions_section(plan, year) -> Section:
    """The board's decision round for the year: what runs where, with how many hours."""
    from helhedsplan.steering.models import Allocation, Decision, DecisionRound

    section = Section(_("The board's decisions"), 1, key="decisions")
    round = DecisionRound.objects.filter(plan=plan, project_year=year.number).first()
    if round is None:
        section.add(_("No decision round is registered for this project year."))
        return section
    hours = {
        (a.activity_id, a.department_id): a.hours for a in Allocation.objects.filter(round=round)
    }
    rows = []
    for decision in (
        Decision.objects.filter(proposal__round=round)
        .select_related("proposal__activity", "proposal__department", "meeting__body")
        .order_by("proposal__activity__order", "proposal__department__name")
    ):
        proposal = decision.proposal
        rows.append(
            [
                proposal.activity.name,
                str(proposal.department),
                decision.get_outcome_display(),
                Value(
                    hours.get((proposal.activity_id, proposal.department_id)), "hours", decimals=1
                ),
                long_date(decision.decided_on),
                str(decision.meeting) if decision.meeting else "",
            ]
        )
    section.add(round.title)
    section.add(
        Table(
            _("Decisions and staff hours per week"),
            [
                _("Activity"),
                _("Department"),
                _("Decision"),
                _("Hours per week"),
                _("Decided"),
                _("Meeting"),
            ],
            rows,
            sheet=_("Decisions"),
        )
        if rows
        else _("No decisions are registered in the round.")
    )
    return section


def _add_texts(section: Section, text: StatusText | None, always: bool = False) -> None:
    assessment = text.assessment if text else ""
    decisions = text.decisions if text else ""
    if assessment or always:
        section.add(_("The secretariat's assessment") + ": " + (assessment or _("(not written)")))
    if decisions or always:
        section.add(
            _("The board's decisions for next year") + ": " + (decisions or _("(not written)"))
        )


def activity_section(plan, activity, statuses, hours, year, until, limit) -> Section:
    title = f"{activity.number}. {activity.name}" if activity.number else activity.name
    section = Section(title, 2, key=f"activity-{activity.pk}")
    rows = []
    for status in statuses.get(activity.pk, []):
        criterion = status.criterion
        is_persons = criterion.measure in PERSON_MEASURES
        value = (
            Value(None, "", NOT_AVAILABLE)
            if status.value is None
            else (persons(status.value, limit) if is_persons else Value(status.value, ""))
        )
        rows.append(
            [
                criterion.text,
                Value(criterion.threshold, "")
                if criterion.threshold is not None
                else Value(None, "", NOT_AVAILABLE),
                value,
                state_label(status.state),
            ]
        )
    if rows:
        section.add(
            Table(
                _("Success criteria"),
                [_("Success criterion"), _("Threshold"), _("Value"), _("Status")],
                rows,
                sheet=f"{activity.key[:20]} {_('criteria')}",
            )
        )
    events = Event.objects.live().filter(
        plan=plan, activity=activity, date__range=(year.start, until)
    )
    totals = events.aggregate(p=Sum("participants"), v=Sum("volunteers_involved"))
    active = (
        Volunteer.objects.filter(activities=activity, start_date__lte=until)
        .filter(Q(end_date=None) | Q(end_date__gte=year.start))
        .distinct()
        .count()
    )
    hours_row = hours.get(activity.pk)
    figures = [
        [_("Events"), Value(events.count(), "count")],
        [_("Participants (sum over the events)"), persons(totals["p"] or 0, limit)],
        [_("Volunteers involved (sum over the events)"), persons(totals["v"] or 0, limit)],
        [_("Active volunteers in the register"), persons(active, limit)],
    ]
    if hours_row is not None:
        figures += [
            [_("Staff hours planned per week"), Value(hours_row.planned_per_week, "hours")],
            [_("Staff hours planned so far"), Value(hours_row.planned_so_far, "hours")],
            [_("Staff hours registered"), Value(hours_row.registered, "hours")],
            [
                _("Registered of planned"),
                Value(hours_row.share, "percent", decimals=0)
                if hours_row.share is not None
                else Value(None, "", NOT_AVAILABLE),
            ],
        ]
    section.add(
        Table(
            _("Participation, volunteers and staff hours"),
            [_("Figure"), _("Number")],
            figures,
            sheet=f"{activity.key[:20]} {_('figures')}",
        )
    )
    return section


def budget_section(plan, year) -> Section:
    section = Section(_("Budget"), 1, key="budget")
    lines = BudgetLine.objects.filter(plan=plan).filter(
        Q(year=None) | Q(year=year.start.year) | Q(year=year.end.year)
    )
    sources = dict(FundingSource.choices)
    rows = []
    grouped = defaultdict(Decimal)
    for line in lines.select_related("intervention_area"):
        area = str(line.intervention_area) if line.intervention_area else _("The whole plan")
        period = str(line.year) if line.year else _("the whole period")
        grouped[(area, str(sources.get(line.source, line.source)), period)] += line.amount
    for (area, source, period), amount in grouped.items():
        rows.append([area, source, period, Value(amount, "dkk"), _("not registered")])
    section.add(
        _(
            "Planned amounts per funding source. What has been spent is not registered in "
            "helhedsplan; the accounts are reported to LBF separately."
        )
    )
    section.add(
        Table(
            _("Budget per funding source"),
            [_("Intervention area"), _("Funding source"), _("Year"), _("Planned"), _("Spent")],
            rows,
            sheet=_("Budget"),
        )
        if rows
        else _("No budget is registered for the plan.")
    )
    return section
