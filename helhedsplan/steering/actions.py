"""Every write of the decision round, each in one transaction."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from helhedsplan.accounts.models import Membership
from helhedsplan.core.concurrency import claim
from helhedsplan.logbook.measures import plan_statuses
from helhedsplan.plans.models import Residents
from helhedsplan.plans.periods import project_years

from .allocation import Candidate, allocate
from .models import (
    Allocation,
    CalendarEvent,
    Decision,
    DecisionRound,
    NeedsStatement,
    Proposal,
    ReminderSent,
    Review,
)
from .needs import snapshots


@transaction.atomic
def write_needs(round: DecisionRound, texts: dict[str, str]) -> list[NeedsStatement]:
    """Store each department's needs with the needs matrix as it is now (frozen from here)."""
    frozen = snapshots(round.plan)
    now = timezone.now()
    statements = []
    for department in round.plan.departments.all():
        if department.key not in texts:
            continue
        row, score = frozen.get(department.key, ([], Decimal(0)))
        statement, _ = NeedsStatement.objects.update_or_create(
            round=round,
            department=department,
            defaults={
                "text": texts[department.key],
                "snapshot": row,
                "need_score": score,
                "snapshot_taken": now,
            },
        )
        statements.append(statement)
    return statements


@transaction.atomic
def decide(proposal: Proposal, outcome: str, on: datetime.date, meeting=None, text="") -> Decision:
    decision, _ = Decision.objects.update_or_create(
        proposal=proposal,
        defaults={"outcome": outcome, "decided_on": on, "meeting": meeting, "text": text},
    )
    return decision


def _residents(department) -> int | None:
    latest = (
        Residents.objects.filter(department=department, status="value").order_by("-year").first()
    )
    return latest.value if latest else department.tenancies


@transaction.atomic
def compute_allocations(round: DecisionRound) -> list[Allocation]:
    """Spread each activity's hours over the departments the board approved it for. Hours
    edited by hand are kept; computed ones follow the data."""
    approved = Decision.objects.filter(
        proposal__round=round, outcome=Decision.Outcome.APPROVED
    ).select_related("proposal__activity", "proposal__department")
    needs = {n.department_id: n.need_score for n in round.needs.all()}
    by_activity: dict = {}
    for decision in approved:
        by_activity.setdefault(decision.proposal.activity, []).append(decision.proposal.department)
    result = []
    for activity, departments in by_activity.items():
        if activity.hours_per_week is None:
            continue
        candidates = [
            Candidate(d.key, _residents(d), needs.get(d.pk, Decimal(0))) for d in departments
        ]
        by_key = {d.key: d for d in departments}
        for share in allocate(activity.hours_per_week, candidates, round.needs_factor):
            allocation = Allocation.objects.filter(
                round=round, activity=activity, department=by_key[share.key]
            ).first()
            if allocation is None:
                allocation = Allocation(
                    round=round, activity=activity, department=by_key[share.key], hours=share.hours
                )
            elif allocation.hours == allocation.computed_hours:
                allocation.hours = share.hours
            allocation.computed_hours = share.hours
            allocation.save()
            result.append(allocation)
    return result


@transaction.atomic
def save_allocation(
    round: DecisionRound,
    needs_factor: Decimal,
    hours: dict[int, Decimal],
    user,
    *,
    expected_version: int,
) -> list[Allocation]:
    """Set the round's weight of needs and the hours edited by hand (`hours`: allocation id ->
    hours), then recompute. The page was opened on `expected_version`: if the allocation was
    saved since, nothing is saved and StaleEdit says who and when."""
    round = claim(
        DecisionRound.objects.all(), round.pk, expected_version, user, _("The decision round")
    )
    round.needs_factor = needs_factor
    round.save()
    for allocation in round.allocations.filter(pk__in=hours):
        allocation.hours = hours[allocation.pk]
        allocation.save(update_fields=["hours"])
    return compute_allocations(round)


@transaction.atomic
def review(decision: Decision, text: str, on: datetime.date, continue_next_year=True) -> Review:
    """Review a decision a year on, freezing the activity's success criteria as they stand."""
    plan = decision.proposal.round.plan
    years = project_years(plan)
    number = decision.proposal.round.project_year
    year = years[number - 1] if 0 < number <= len(years) else None
    statuses = [
        {
            "criterion": s.criterion.text,
            "value": None if s.value is None else str(s.value),
            "threshold": None if s.criterion.threshold is None else str(s.criterion.threshold),
            "state": s.state,
        }
        for s in plan_statuses(plan, year, on)
        if s.criterion.activity_id == decision.proposal.activity_id
    ]
    evidence = {"success_criteria": statuses}
    needs = NeedsStatement.objects.filter(
        round=decision.proposal.round, department=decision.proposal.department
    ).first()
    if needs is not None:
        evidence["needs_at_decision"] = needs.snapshot
    result, _ = Review.objects.update_or_create(
        decision=decision,
        defaults={
            "reviewed_on": on,
            "text": text,
            "evidence": evidence,
            "continue_next_year": continue_next_year,
        },
    )
    return result


def send_due_reminders(today: datetime.date | None = None) -> list[ReminderSent]:
    """E-mail the responsible role of each event that is due for its reminder; once only."""
    today = today or timezone.localdate()
    sent = []
    for event in CalendarEvent.objects.filter(date__gte=today, reminder=None).select_related(
        "plan"
    ):
        if event.date - datetime.timedelta(days=event.remind_days_before) > today:
            continue
        with transaction.atomic():
            locked = CalendarEvent.objects.select_for_update().get(pk=event.pk)
            if ReminderSent.objects.filter(event=locked).exists():
                continue
            recipients = sorted(
                Membership.objects.filter(plan=event.plan, role=event.responsible_role)
                .exclude(user__email="")
                .values_list("user__email", flat=True)
            )
            if recipients:
                send_mail(
                    f"[{event.plan.name}] {event.title} {event.date:%d.%m.%Y}",
                    f"Påmindelse: {event.title} den {event.date:%d.%m.%Y}.",
                    None,
                    recipients,
                )
            sent.append(ReminderSent.objects.create(event=locked, recipients=", ".join(recipients)))
    return sent
