"""No N+1: the pages the benchmark loads, and the API's lists, make as many queries for a plan
of 9 departments as for one of 3 (Saleor-style query pinning). Counted on the cold path: the
cache is cleared before the counted request, so a query inside a part the pages keep counts."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from helhedsplan.accounts.models import Role
from helhedsplan.api.observations import ObservationIn, as_long_file
from helhedsplan.monitoring import report
from helhedsplan.monitoring.actions import import_observations
from helhedsplan.monitoring.layouts import load_layout
from helhedsplan.pages import views as plan_views
from helhedsplan.plans.models import Area, Department, Party, Plan, Residents

INDICATORS = ["lbf-18-64-uden-tilknytning", "lbf-restgruppen-15-29"]


def plan_with(departments: int) -> Plan:
    municipality, _ = Party.objects.get_or_create(
        name="Tælleby Kommune", defaults={"kind": Party.Kind.MUNICIPALITY}
    )
    plan = Plan.objects.create(
        slug=f"taelleby-{departments}",
        name="Tælleby",
        period_start="2025-08-01",
        period_end="2029-07-31",
        project_year_start_month=8,
        municipality=municipality,
    )
    area = Area.objects.create(name=f"Tælleparken {departments}", municipality="Tælleby")
    for number in range(departments):
        department = Department.objects.create(
            plan=plan, key=f"afd-{number}", number=str(number), name=f"Afd {number}", area=area
        )
        Residents.objects.create(department=department, year=2023, value=300 + number)
    rows = [
        ObservationIn(
            department=f"afd-{number}", indicator=key, period=str(year), value=30 + year % 7
        )
        for number in range(departments)
        for key in INDICATORS
        for year in (2022, 2023)
    ] + [
        ObservationIn(subject="Tælleby Kommune", indicator=key, period=str(year), value=20)
        for key in INDICATORS
        for year in (2022, 2023)
    ]
    import_observations(plan, [("t.csv", as_long_file(rows))], load_layout("long"))
    return plan


PAGES = {
    "plan overview": "/plans/{plan}/",
    "department page": "/plans/{plan}/departments/afd-1/",
    "needs matrix": "/plans/{plan}/monitoring/matrix/",
    "monitoring overview": "/plans/{plan}/monitoring/",
    "departments": "/plans/{plan}/departments/",
}
# Pages known to grow with the departments, each with its cause (none since the three this
# test found were fixed); the xfail is strict, so a fix fails the test until its row goes.
KNOWN_N_PLUS_ONE: dict[str, str] = {}


def page_params():
    return [
        pytest.param(
            name,
            marks=pytest.mark.xfail(reason=KNOWN_N_PLUS_ONE[name], strict=True)
            if name in KNOWN_N_PLUS_ONE
            else (),
        )
        for name in PAGES
    ]


API = {
    "api departments": "/api/plans/{plan}/departments",
    "api observations": "/api/plans/{plan}/observations",
    "api classifications": "/api/plans/{plan}/classifications",
}


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def cold_counts(name, member, role=Role.READER) -> list[int]:
    """The queries of the page's request with the cache cleared, for 3 and for 9 departments.
    One request first loads what a process loads once (translations, content types)."""
    small, large = plan_with(3), plan_with(9)
    counts = []
    for plan in (small, large):
        client = member(plan, role, username=f"q-{plan.slug}")
        client.get(PAGES[name].format(plan=plan.slug))
        cache.clear()
        counts.append(count(client, PAGES[name].format(plan=plan.slug)))
    return counts


@pytest.mark.parametrize("name", page_params())
def test_a_page_makes_as_many_queries_for_many_departments_as_for_few(name, member):
    counts = cold_counts(name, member)

    assert counts[0] == counts[1], f"{name}: {counts[0]} queries for 3, {counts[1]} for 9"


def test_a_staff_member_sees_no_n_plus_one_either(member):
    # Staff see exact counts: other kept parts (and another computation) than readers.
    counts = cold_counts("needs matrix", member, Role.STAFF)

    assert counts[0] == counts[1]


def one_query_per_department(function):
    def with_a_query_per_department(plan, *args, **kwargs):
        for department in plan.departments.all():
            Residents.objects.filter(department=department).exists()
        return function(plan, *args, **kwargs)

    return with_a_query_per_department


SLOWED = {
    "plan overview": (plan_views, "budget_summary"),  # inside the kept overview
    "department page": (plan_views, "department_panels"),  # inside the kept department page
    "needs matrix": (report, "matrix_for"),  # inside the kept matrix table
}


@pytest.mark.parametrize("name", SLOWED)
def test_the_count_catches_a_query_per_department_added_inside_a_kept_part(
    name, member, monkeypatch
):
    module, function = SLOWED[name]
    monkeypatch.setattr(module, function, one_query_per_department(getattr(module, function)))

    counts = cold_counts(name, member)

    assert counts[1] - counts[0] == 6, "the check must see the 6 more departments' queries"


@pytest.mark.parametrize("name", API)
def test_an_api_list_makes_as_many_queries_for_many_departments_as_for_few(name, api_member):
    small, large = plan_with(3), plan_with(9)
    counts = []
    for plan in (small, large):
        client = api_member(plan, Role.STAFF, username=f"q-{plan.slug}")
        client.get(API[name].format(plan=plan.slug))
        counts.append(count(client, API[name].format(plan=plan.slug)))

    assert counts[0] == counts[1], f"{name}: {counts[0]} queries for 3, {counts[1]} for 9"
