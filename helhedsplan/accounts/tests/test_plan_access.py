"""A user sees only the plans they are a member of, by menu and by direct address alike."""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from helhedsplan.accounts.models import Role
from helhedsplan.logbook.models import Event


def plan_url_names():
    """Every named page under /plans/<plan>/, found from the URL configuration itself, so a
    new page is covered the day it is added."""
    found = []

    def walk(patterns, namespace, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                walk(pattern.url_patterns, inner if pattern.namespace else namespace, route)
            elif isinstance(pattern, URLPattern) and route.startswith("plans/<slug:plan>/"):
                found.append((f"{namespace}:{pattern.name}", route))

    walk(get_resolver().url_patterns, "", "")
    return found


def url_for(name, route, plan):
    kwargs = {"plan": plan.slug}
    if "<slug:key>" in route:
        kwargs["key"] = {
            "plans:department": "ellekonebakken",
        }.get(name, plan.sub_agreements.first().key)
    if "<int:number>" in route:
        kwargs["number"] = 1
    if "<slug:kind>" in route:
        kwargs["kind"] = "events"
    if "<int:pk>" in route:
        kwargs["pk"] = an_event(plan).pk
    return reverse(name, kwargs=kwargs)


def an_event(plan):
    """A logbook entry to address pages like /logbook/events/<pk>/ with."""
    event = Event.objects.filter(plan=plan).first()
    if event is None:
        event = Event.objects.create(
            plan=plan, event_type="event", date=plan.period_start, title="Test", participants=1
        )
    return event


def test_every_plan_page_is_found():
    names = {name for name, _ in plan_url_names()}
    assert {"plans:overview", "agreements:detail", "governance:overview"} <= names


@pytest.mark.parametrize("name,route", plan_url_names())
def test_a_member_of_another_plan_gets_404_everywhere(name, route, plan_2025, plan_2017, member):
    outsider = member(plan_2017, Role.ADMIN)

    response = outsider.get(url_for(name, route, plan_2025))

    assert response.status_code == 404


@pytest.mark.parametrize("name,route", plan_url_names())
def test_anonymous_visitors_are_sent_to_login(name, route, plan_2025):
    response = Client().get(url_for(name, route, plan_2025))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


READER_DENIED = {
    "agreements:edit",
    "plans:export",
    "monitoring:upload",
    # The registers hold volunteers' contacts and staff work: secretariat only.
    "logbook:entries",
    "logbook:new",
    "logbook:edit",
    "logbook:delete",
    "logbook:import",
}


@pytest.mark.parametrize("name,route", plan_url_names())
def test_a_reader_reads_but_does_not_edit(name, route, plan_2025, member):
    reader = member(plan_2025, Role.READER)

    response = reader.get(url_for(name, route, plan_2025))

    assert response.status_code == (403 if name in READER_DENIED else 200)


@pytest.mark.parametrize("name,route", plan_url_names())
def test_staff_reach_every_plan_page(name, route, plan_2025, member):
    staff = member(plan_2025, Role.STAFF)

    assert staff.get(url_for(name, route, plan_2025)).status_code == 200


def test_home_lists_only_the_users_plans(plan_2025, plan_2017, member):
    reader = member(plan_2017, Role.READER)

    page = reader.get(reverse("core:home")).content.decode()

    assert plan_2017.get_absolute_url() in page
    assert plan_2025.get_absolute_url() not in page


def test_the_plan_menu_does_not_leak_other_plans(plan_2025, plan_2017, member):
    reader = member(plan_2025, Role.READER)

    page = reader.get(plan_2025.get_absolute_url()).content.decode()

    assert plan_2017.slug not in page


def test_login_with_password_works(plan_2025, member, django_user_model):
    user = django_user_model.objects.create_user("board", password="a-long-board-password")
    client = Client()

    response = client.post(
        reverse("account_login"), {"login": "board", "password": "a-long-board-password"}
    )

    assert response.status_code == 302
    assert client.get(reverse("core:home")).context["user"] == user


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
