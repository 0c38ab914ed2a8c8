"""Two people edit a round's allocation: the second save of a page opened before the first
save is refused, the first edit is kept, and the second person's input is shown back."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from helhedsplan.accounts.models import Role
from helhedsplan.core.concurrency import StaleEdit
from helhedsplan.steering import actions
from helhedsplan.steering.models import Allocation, DecisionRound


def round_of(plan):
    return DecisionRound.objects.get(plan=plan, project_year=1)


def round_url(plan):
    return reverse("steering:round", args=[plan.slug, round_of(plan).pk])


def open_the_page(client, plan) -> dict:
    """What the page's form holds when opened (its inputs' names and values)."""
    page = client.get(round_url(plan)).content.decode()
    form = page[page.index('<form method="post">') :]
    form = form[: form.index("</form>")]
    return dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form))


def test_a_stale_save_is_refused_and_the_first_edit_is_kept(plan_2025, member):
    first = member(plan_2025, Role.STAFF, username="anna")
    second = member(plan_2025, Role.STAFF, username="bent")
    allocation = Allocation.objects.filter(round=round_of(plan_2025)).first()
    field = f"hours-{allocation.pk}"
    page_of_first = open_the_page(first, plan_2025)
    page_of_second = open_the_page(second, plan_2025)

    saved = first.post(round_url(plan_2025), {**page_of_first, field: "9,5"})
    refused = second.post(round_url(plan_2025), {**page_of_second, field: "3", "needs_factor": "0"})

    assert saved.status_code == 302
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Beslutningsrunden er ændret af anna kl. " in page
    assert "Dine ændringer er ikke gemt" in page
    allocation.refresh_from_db()
    assert allocation.hours == Decimal("9.5")
    assert round_of(plan_2025).needs_factor == Decimal(1)


def test_the_refused_input_is_shown_back_beside_the_current_values(plan_2025, member):
    first = member(plan_2025, Role.STAFF, username="anna")
    second = member(plan_2025, Role.STAFF, username="bent")
    allocation = Allocation.objects.filter(round=round_of(plan_2025)).first()
    field = f"hours-{allocation.pk}"
    page_of_second = open_the_page(second, plan_2025)
    first.post(round_url(plan_2025), {**open_the_page(first, plan_2025), field: "9,5"})

    refused = second.post(
        round_url(plan_2025), {**page_of_second, field: "3", "needs_factor": "0,5"}
    )

    shown = open_form_of(refused.content.decode())
    assert shown[field] == "3"
    assert shown["needs_factor"] == "0,5"
    assert shown["version"] == str(round_of(plan_2025).version)  # saving again is deliberate
    assert '<td class="stale-current">9,5</td><td class="stale-yours">3</td>' in (
        refused.content.decode()
    )


def open_form_of(page: str) -> dict:
    form = page[page.index('<form method="post">') :]
    return dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form[: form.index("</form>")]))


def test_hours_that_are_not_a_number_are_refused_and_change_nothing(plan_2025, member):
    staff = member(plan_2025, Role.STAFF)
    allocation = Allocation.objects.filter(round=round_of(plan_2025)).first()
    before = allocation.hours

    response = staff.post(
        round_url(plan_2025), {**open_the_page(staff, plan_2025), f"hours-{allocation.pk}": "ti"}
    )

    assert response.status_code == 200
    assert "Indtast et tal." in response.content.decode()
    allocation.refresh_from_db()
    assert allocation.hours == before


def test_the_action_refuses_a_stale_version_and_writes_nothing(plan_2025):
    round = round_of(plan_2025)
    allocation = round.allocations.first()
    before = allocation.hours

    with pytest.raises(StaleEdit):
        actions.save_allocation(
            round,
            Decimal(0),
            {allocation.pk: before + 1},
            None,
            expected_version=round.version - 1,
        )

    allocation.refresh_from_db()
    round.refresh_from_db()
    assert (allocation.hours, round.needs_factor) == (before, Decimal(1))


def test_the_page_saves_as_opened_with_its_danish_decimal_commas(plan_2025, member):
    staff = member(plan_2025, Role.STAFF)
    opened = open_the_page(staff, plan_2025)
    assert opened["needs_factor"] == "1,00"

    response = staff.post(round_url(plan_2025), opened)

    assert response.status_code == 302
    assert round_of(plan_2025).version == int(opened["version"]) + 1
