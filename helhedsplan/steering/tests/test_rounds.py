"""The demo's first decision round, frozen needs, allocation on the page, reminders once."""

import datetime
from decimal import Decimal

from django.core import mail
from django.urls import reverse

from helhedsplan.accounts.models import Membership, Role
from helhedsplan.monitoring.models import Observation
from helhedsplan.steering import actions
from helhedsplan.steering.models import (
    Allocation,
    CalendarEvent,
    DecisionRound,
    NeedsStatement,
    StaffMember,
)


def demo_round(plan):
    return DecisionRound.objects.get(plan=plan, project_year=1)


def test_the_demo_round_allocates_the_seed_hours(plan_2025):
    round = demo_round(plan_2025)

    totals = {}
    for allocation in Allocation.objects.filter(round=round).select_related("activity"):
        totals[allocation.activity.name] = totals.get(allocation.activity.name, 0) + (
            allocation.hours
        )

    assert totals == {
        "Hverdagsrådgivning": Decimal(17),
        "Civilsamfund som samarbejdspartner": Decimal(7),
        "Bo Godt – et koordineret samarbejde": Decimal(25),
    }
    assert round.needs.count() == plan_2025.departments.count()


def test_a_frozen_needs_snapshot_does_not_change_when_new_data_arrives(plan_2025):
    statement = NeedsStatement.objects.filter(round=demo_round(plan_2025)).first()
    before = list(statement.snapshot)
    observation = Observation.objects.filter(department=statement.department).first()
    observation.value = (observation.value or 0) + 17
    observation.save()

    statement.refresh_from_db()

    assert statement.snapshot == before


def test_edited_hours_are_kept_when_the_allocation_is_recomputed(plan_2025):
    round = demo_round(plan_2025)
    allocation = Allocation.objects.filter(round=round).first()
    allocation.hours = Decimal("9.5")
    allocation.save()
    round.needs_factor = Decimal(0)
    round.save()

    actions.compute_allocations(round)

    allocation.refresh_from_db()
    assert allocation.hours == Decimal("9.5")


def test_the_round_page_warns_when_hours_exceed_capacity(plan_2025, member):
    StaffMember.objects.filter(plan=plan_2025).update(hours_per_week=10)  # 30 < 49

    page = member(plan_2025).get(
        reverse("steering:round", args=[plan_2025.slug, demo_round(plan_2025).pk])
    )

    assert page.context["over_capacity"] == "49.0 > 30.0"
    assert page.context["total"] == Decimal(49)


def test_a_reader_cannot_change_the_allocation(plan_2025, member):
    reader = member(plan_2025, Role.READER)

    response = reader.post(
        reverse("steering:round", args=[plan_2025.slug, demo_round(plan_2025).pk]),
        {"needs_factor": "0"},
    )

    assert response.status_code == 403


def test_reminders_are_sent_once_to_the_responsible_role(plan_2025, member):
    staff = member(plan_2025, Role.STAFF, "secretary")
    staff.user.email = "sekretariat@example.invalid"
    staff.user.save()
    event = CalendarEvent.objects.create(
        plan=plan_2025,
        title="Datatræk",
        date=datetime.date(2026, 2, 1),
        responsible_role="staff",
        remind_days_before=14,
    )
    CalendarEvent.objects.exclude(pk=event.pk).delete()

    assert actions.send_due_reminders(today=datetime.date(2026, 1, 17)) == []  # 15 days ahead
    first = actions.send_due_reminders(today=datetime.date(2026, 1, 18))
    again = actions.send_due_reminders(today=datetime.date(2026, 1, 19))

    assert len(first) == 1 and again == []
    assert len(mail.outbox) == 1
    assert "sekretariat@example.invalid" in mail.outbox[0].to  # every staff member with e-mail
    assert Membership.objects.filter(user=staff.user, role="staff").exists()


def test_a_review_freezes_the_activitys_criteria(plan_2025):
    round = demo_round(plan_2025)
    decision = round.proposals.first().decision

    review = actions.review(decision, "Fortsætter.", datetime.date(2026, 9, 1))

    assert review.evidence["needs_at_decision"]
    assert "success_criteria" in review.evidence


def test_the_round_appears_in_the_annual_status_report(plan_2025):
    from helhedsplan.reports.status import status_report

    report = status_report(plan_2025, 1, today=datetime.date(2026, 8, 1))

    (section,) = [s for s in report.sections if s.key == "decisions"]
    (table,) = [b for b in section.blocks if hasattr(b, "rows")]
    hours = sum(row[3].number for row in table.rows)
    assert hours == Decimal(49)  # 17 + 7 + 25
    assert {row[0] for row in table.rows} == {
        "Hverdagsrådgivning",
        "Civilsamfund som samarbejdspartner",
        "Bo Godt – et koordineret samarbejde",
    }
