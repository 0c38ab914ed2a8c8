"""Edited hours in a decision round: anything but a number of hours is refused with a message
naming the row, and nothing is saved (it used to be a 500)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from helhedsplan.accounts.models import Role
from helhedsplan.steering.models import DecisionRound


def post_hours(plan, member, value):
    staff = member(plan, Role.STAFF)
    round = DecisionRound.objects.get(plan=plan, project_year=1)
    allocation = round.allocations.order_by("pk").first()
    response = staff.post(
        reverse("steering:round", args=[plan.slug, round.pk]),
        {
            "version": round.version,
            "needs_factor": str(round.needs_factor),
            f"hours-{allocation.pk}": value,
        },
        follow=True,
    )
    return response, allocation


@pytest.mark.parametrize("value", ["mange", "1e400", "7\x00", "-1", "12345678", "NaN"])
def test_hours_that_are_not_a_number_of_hours_are_refused(plan_2025, member, value):
    round = DecisionRound.objects.get(plan=plan_2025, project_year=1)
    before = {a.pk: a.hours for a in round.allocations.all()}

    response, allocation = post_hours(plan_2025, member, value)

    assert response.status_code == 200
    page = response.content.decode()
    assert f"{allocation.activity} – {allocation.department}:" in page
    assert {a.pk: a.hours for a in round.allocations.all()} == before


def test_hours_with_a_decimal_comma_are_saved(plan_2025, member):
    response, allocation = post_hours(plan_2025, member, "7,5")

    allocation.refresh_from_db()
    assert allocation.hours == Decimal("7.5")
    assert "Fordelingen er gemt." in response.content.decode()
