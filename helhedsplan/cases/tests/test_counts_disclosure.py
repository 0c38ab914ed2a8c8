"""Case counts: exact for case workers, as the reports show them for everyone else ("<5", and
"x" where a year's total would give a hidden count away; docs/disclosure.md)."""

import re

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from helhedsplan.accounts.models import Membership, Role
from helhedsplan.cases.counts import shown_case_counts
from helhedsplan.core.disclosure import SECONDARY, SMALL

HOULKAERVAENGET_2025 = re.compile(
    r"<td>2025</td><td>Afd\. 12 Houlkærvænget</td><td class=\"number\">(.*?)</td>"
)


def opened_in_houlkaervaenget_2025(client, plan) -> str:
    html = client.get(reverse("cases:overview", args=[plan.slug])).content.decode()
    return HOULKAERVAENGET_2025.search(html)[1]


def test_a_member_without_the_case_role_sees_one_case_as_under_five(plan_2025, member):
    reader = member(plan_2025, Role.READER)
    staff = member(plan_2025, Role.STAFF)

    assert "&lt;5" in opened_in_houlkaervaenget_2025(reader, plan_2025)
    assert "&lt;5" in opened_in_houlkaervaenget_2025(staff, plan_2025)


def test_a_case_worker_sees_the_exact_count(plan_2025):
    user = get_user_model().objects.create_user("counting-worker", password="x-long-pass-123")
    Membership.objects.create(user=user, plan=plan_2025, role=Role.STAFF, case_worker=True)
    client = Client()
    client.force_login(user)

    assert opened_in_houlkaervaenget_2025(client, plan_2025) == "1"


def row(department, opened, closed=0, avoided=0, year=2025):
    return {
        "department": department,
        "year": year,
        "opened": opened,
        "closed": closed,
        "avoided": avoided,
    }


def test_a_years_total_hides_the_next_smallest_department_beside_a_small_one():
    rows = [row("A", 2, closed=9), row("B", 7, closed=8), row("C", 20, closed=12)]

    shown = shown_case_counts(rows, exact=False)

    total = shown[-1]
    assert total["department"] and total.get("total")
    assert total["opened"] == 29 and total["closed"] == 29
    assert shown[0]["opened"].mark == SMALL
    assert shown[1]["opened"].mark == SECONDARY  # else 29 - 20 - 7 = 2
    assert shown[2]["opened"] == 20 and shown[0]["closed"] == 9


def test_a_case_worker_sees_the_same_table_with_exact_counts():
    rows = [row("A", 2), row("B", 7)]

    shown = shown_case_counts(rows, exact=True)

    assert [r["opened"] for r in shown] == [2, 7, 9]
