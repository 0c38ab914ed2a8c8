"""The list pages: national overview, an area's history and criteria, the plan's early warning."""

from django.test import Client
from django.urls import reverse

from helhedsplan.accounts.models import Role
from helhedsplan.lists.demo import load_lists_demo
from helhedsplan.lists.models import AreaFigures
from helhedsplan.plans.models import Area


def houlkaer():
    return Area.objects.get(name="Houlkærvænget", municipality="Viborg")


def test_overview_says_how_complete_each_year_is(plan_2025, member):
    page = member(plan_2025).get(reverse("lists:overview")).content.decode()

    assert "Gellerupparken/Toveshøj" in page
    assert "Hvor komplet" in page or "komplet" in page


def test_overview_filters_by_year_list_and_municipality(plan_2025, member):
    response = member(plan_2025).get(
        reverse("lists:overview"), {"year": "2010", "kommune": "Viborg"}
    )

    listings = list(response.context["listings"])
    assert [(item.list_year, item.area.name) for item in listings] == [(2010, "Houlkærvænget")]


def test_area_page_shows_the_history_strip(plan_2025, member):
    page = member(plan_2025).get(reverse("lists:area", args=[houlkaer().pk]))

    strip = {cell["year"]: cell for cell in page.context["strip"]}
    assert strip[2010]["lists"] == ["ghetto"]
    assert strip[2016] == {"year": 2016, "lists": [], "known": True}
    assert strip[2014]["known"] is False  # the shipped 2014 list is incomplete


def test_area_page_holds_the_area_up_against_the_criteria(plan_2025, member):
    load_lists_demo()

    page = member(plan_2025).get(reverse("lists:area", args=[houlkaer().pk]))

    latest, synthetic = page.context["years"][0]
    assert (latest.list_year, synthetic) == (2023, False)
    assert latest.classes["forebyggelse"] == "yes"
    html = page.content.decode()
    assert "60,9 %" in html
    assert "syntetiske demodata" in html.lower()


def test_synthetic_history_agrees_with_the_published_udsat_lists(plan_2025, member):
    load_lists_demo()

    page = member(plan_2025).get(reverse("lists:area", args=[houlkaer().pk]))

    udsat = {item.list_year: item.classes["udsat"] for item, _ in page.context["years"]}
    assert udsat == {2019: "yes", 2020: "yes", 2021: "yes", 2022: "no", 2023: "no"}


def test_figures_are_shown_only_to_members_of_a_plan_with_the_area(plan_2025, plan_2017, db):
    load_lists_demo()
    outsider = Client()
    outsider.force_login(
        __import__("django.contrib.auth", fromlist=["get_user_model"])
        .get_user_model()
        .objects.create_user("outsider", password="x-long-password-1")
    )

    page = outsider.get(reverse("lists:area", args=[houlkaer().pk]))

    assert page.status_code == 200
    assert "years" not in page.context
    assert "60,9" not in page.content.decode()


def test_plan_early_warning_lists_the_plans_areas_by_risk(plan_2025, member):
    load_lists_demo()

    page = member(plan_2025, Role.READER).get(reverse("plan_lists:warnings", args=[plan_2025.slug]))

    rows = page.context["rows"]
    assert len(rows) == 15
    assert rows[0]["latest"] is not None
    names = [row["area"].name for row in rows]
    # Ellekonebakken meets two criteria (but has under 1.000 residents): riskier than Klostervænget.
    assert names.index("Ellekonebakken") < names.index("Klostervænget")
    assert AreaFigures.objects.filter(synthetic=True).count() == 8


def test_an_area_published_under_several_names_shows_them(plan_2025, member):
    agervang = Area.objects.get(name="Agervang", municipality="Holbæk")

    page = member(plan_2025).get(reverse("lists:area", args=[agervang.pk]))

    assert ("Agervang mv.", 2012, 2013) in page.context["names"]
    assert ("Agervang", 2014, 2021) in page.context["names"]
