"""The authorisation matrix: every URL of the product x every role -> the expected answer.

The URL list is read from the URL configuration, so a page added without a row here fails
`test_every_url_has_a_row`. Statuses: 200 allowed, 302 sent to login (anonymous), 403 refused,
404 "no such plan" (a member of another plan learns nothing), 405 wrong method.
"""

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from helhedsplan.accounts.models import Membership, Role
from helhedsplan.cases.models import Case
from helhedsplan.logbook.models import Event
from helhedsplan.plans.models import Area

ROLES = ("anonymous", "outsider", "reader", "staff", "case_worker", "admin")
OUR_APPS = (
    "core",
    "plans",
    "agreements",
    "governance",
    "monitoring",
    "lists",
    "plan_lists",
    "logbook",
    "cases",
    "steering",
    "reports",
)

EVERYONE = (302, 200, 200, 200, 200, 200)  # logged-in users, also outside the plan
MEMBERS = (302, 404, 200, 200, 200, 200)
STAFF = (302, 404, 403, 200, 200, 200)
CASE_WORKERS = (302, 404, 403, 403, 200, 403)
CASE_WORKERS_POST = (302, 404, 403, 403, 302, 403)  # 302: back to the case after the change
ADMINS = (302, 404, 403, 403, 403, 200)
PUBLIC = (200, 200, 200, 200, 200, 200)
MEMBERS_EMPTY_FORM = (302, 404, 400, 400, 400, 400)  # a member's empty form: bad input

MATRIX = {
    "core:home": EVERYONE,
    "core:healthz": PUBLIC,
    "lists:overview": EVERYONE,
    "lists:area": EVERYONE,
    "plans:overview": MEMBERS,
    "plans:departments": MEMBERS,
    "plans:department": MEMBERS,
    "plans:department_chart": MEMBERS,
    "plans:goals": MEMBERS,
    "plans:export": STAFF,
    "agreements:detail": MEMBERS,
    "agreements:versions": MEMBERS,
    "agreements:version": MEMBERS,
    "agreements:edit": STAFF,
    "governance:overview": MEMBERS,
    "plan_lists:warnings": MEMBERS,
    "monitoring:overview": MEMBERS,
    "monitoring:matrix": MEMBERS,
    "monitoring:matrix_xlsx": MEMBERS,
    "monitoring:imports": MEMBERS,
    "monitoring:catalogue": MEMBERS,
    "monitoring:upload": STAFF,
    "monitoring:upload_progress": STAFF,
    # The logbook's registers hold volunteers' contacts and staff work: secretariat only.
    "logbook:overview": MEMBERS,
    "logbook:entries": STAFF,
    "logbook:new": STAFF,
    "logbook:edit": STAFF,
    "logbook:delete": STAFF,
    "logbook:import": STAFF,
    # Cases: counts for every member, the cases for case workers with two-factor login.
    "cases:overview": MEMBERS,
    "cases:list": CASE_WORKERS,
    "cases:new": CASE_WORKERS,
    "cases:detail": CASE_WORKERS,
    "cases:add_entry": CASE_WORKERS_POST,
    "cases:withdraw": CASE_WORKERS_POST,
    "cases:close": CASE_WORKERS_POST,
    "cases:audit": ADMINS,
    "steering:overview": MEMBERS,
    "steering:round": MEMBERS,
    "cases:subject_access": ADMINS,
    # Reports: the board reads and downloads them; the secretariat writes the assessments.
    "reports:index": MEMBERS,
    "reports:monitoring": MEMBERS,
    "reports:monitoring_download": MEMBERS,
    "reports:status": MEMBERS,
    "reports:status_download": MEMBERS,
    "reports:status_edit": STAFF,
    "reports:agreement_download": MEMBERS,
    "reports:files": MEMBERS,
    "reports:generate": MEMBERS_EMPTY_FORM,
    "reports:file_download": MEMBERS,
}
POST_ONLY = {"cases:add_entry", "cases:withdraw", "cases:close", "reports:generate"}


def our_urls():
    """(name, route) of every named URL in the product's own apps."""
    found = []

    def walk(patterns, namespace, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or namespace
                walk(pattern.url_patterns, inner, route)
            elif isinstance(pattern, URLPattern) and namespace in OUR_APPS and pattern.name:
                found.append((f"{namespace}:{pattern.name}", route))

    walk(get_resolver().url_patterns, "", "")
    return found


def test_every_url_has_a_row():
    missing = sorted(name for name, _ in our_urls() if name not in MATRIX)

    assert missing == [], "add these URLs to the authorisation matrix"


def test_the_matrix_names_only_real_urls():
    assert set(MATRIX) <= {name for name, _ in our_urls()}


def url_for(name, route, plan):
    kwargs = {}
    if "<slug:plan>" in route:
        kwargs["plan"] = plan.slug
    if "<slug:key>" in route:
        kwargs["key"] = (
            "houlkaervaenget"
            if name.startswith("plans:department")
            else plan.sub_agreements.first().key
        )
    if "<slug:indicator>" in route:
        kwargs["indicator"] = "lbf-18-64-uden-tilknytning"
    if "<int:number>" in route:
        kwargs["number"] = 1
    if "<slug:kind>" in route:
        kwargs["kind"] = "events"
    if "<int:pk>" in route:
        if name.startswith("steering:"):
            kwargs["pk"] = plan.decision_rounds.first().pk
        elif name.startswith("cases:"):
            kwargs["pk"] = Case.objects.filter(plan=plan).first().pk
        elif name.startswith("reports:"):
            kwargs["pk"] = report_file(plan).pk
        elif name.startswith("lists:"):
            kwargs["pk"] = Area.objects.get(name="Houlkærvænget", municipality="Viborg").pk
        else:
            event = Event.objects.filter(plan=plan).first() or Event.objects.create(
                plan=plan, event_type="event", date=plan.period_start, title="T", participants=1
            )
            kwargs["pk"] = event.pk
    return reverse(name, kwargs=kwargs)


def report_file(plan):
    """A report file made for the plan (asked for by a colleague)."""
    from helhedsplan.reports.models import ReportFile

    colleague = get_user_model().objects.get_or_create(username="report-asker")[0]
    return ReportFile.objects.create(
        plan=plan, user=colleague, kind="status", format="pdf", state="done", content=b"%PDF"
    )


def client_for(role, plan, other_plan):
    client = Client()
    if role == "anonymous":
        return client
    user = get_user_model().objects.create_user(f"user-{role}", password="a-long-password-123")
    membership = {
        "outsider": (other_plan, Role.ADMIN, True),
        "reader": (plan, Role.READER, False),
        "staff": (plan, Role.STAFF, False),
        "case_worker": (plan, Role.STAFF, True),
        "admin": (plan, Role.ADMIN, False),
    }[role]
    Membership.objects.create(
        user=user, plan=membership[0], role=membership[1], case_worker=membership[2]
    )
    TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(user)
    return client


@pytest.mark.parametrize("role_index,role", list(enumerate(ROLES)))
@pytest.mark.parametrize("name,route", our_urls())
def test_the_matrix(name, route, role_index, role, plan_2025, plan_2017):
    client = client_for(role, plan_2025, plan_2017)
    url = url_for(name, route, plan_2025)

    response = client.post(url) if name in POST_ONLY else client.get(url)

    expected = MATRIX[name][role_index]
    assert response.status_code == expected, f"{role} {url}"
    if expected == 302 and role == "anonymous":
        assert response["Location"].startswith(reverse("account_login"))


def test_a_case_worker_without_two_factor_is_sent_to_set_it_up(plan_2025):
    user = get_user_model().objects.create_user("no-2fa", password="a-long-password-123")
    Membership.objects.create(user=user, plan=plan_2025, role=Role.STAFF, case_worker=True)
    client = Client()
    client.force_login(user)

    response = client.get(reverse("cases:list", args=[plan_2025.slug]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))


def test_home_lists_only_the_users_plans(plan_2025, plan_2017, member):
    reader = member(plan_2017, Role.READER)

    page = reader.get(reverse("core:home")).content.decode()

    assert plan_2017.get_absolute_url() in page
    assert plan_2025.get_absolute_url() not in page


def test_the_plan_menu_does_not_leak_other_plans(plan_2025, plan_2017, member):
    page = member(plan_2025).get(plan_2025.get_absolute_url()).content.decode()

    assert plan_2017.slug not in page


def test_nobody_can_sign_up_by_themselves(django_user_model):
    before = django_user_model.objects.count()

    Client().post(
        reverse("account_signup"),
        {
            "username": "intruder",
            "email": "intruder@example.invalid",
            "password1": "a-long-intruder-password",
            "password2": "a-long-intruder-password",
        },
    )

    assert django_user_model.objects.count() == before
