"""The parts the pages keep in Django's cache show every kind of write on the next request, in
every process; a write in one plan leaves the other plan's kept parts in place."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from helhedsplan.accounts.models import Role
from helhedsplan.agreements.models import Activity
from helhedsplan.governance.models import Body
from helhedsplan.monitoring import charts
from helhedsplan.monitoring.actions import import_observations
from helhedsplan.monitoring.layouts import load_layout
from helhedsplan.monitoring.models import Observation
from helhedsplan.monitoring.tests.files import long_csv
from helhedsplan.plans.models import Area
from helhedsplan.settings import cache_from_url


def a_process(name):
    """What another app process keeps: a cache of its own (LocMemCache is per process)."""
    return override_settings(CACHES={"default": cache_from_url(f"locmem://{name}")})


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def staff(plan_2025, member):
    cache.clear()
    return member(plan_2025, Role.STAFF)


def overview(plan):
    return f"/plans/{plan.slug}/"


def test_a_saved_plan_shows_at_once(plan_2025, staff):
    page(staff, overview(plan_2025))

    plan_2025.name = "Et helt nyt navn"
    plan_2025.save()

    assert "Et helt nyt navn" in page(staff, overview(plan_2025))


def test_a_queryset_update_shows_at_once_on_the_department_page(plan_2025, staff):
    url = f"/plans/{plan_2025.slug}/departments/ringparken/"
    page(staff, url)

    plan_2025.departments.filter(key="ringparken").update(name="Ringparken Nord")

    assert "Ringparken Nord" in page(staff, url)


def test_departments_moved_to_another_area_regroup_the_monitoring_overview(plan_2025, staff):
    area = Area.objects.create(name="Et nyt boligområde", municipality="Viborg")
    url = f"/plans/{plan_2025.slug}/monitoring/"
    assert "Et nyt boligområde" not in page(staff, url)

    plan_2025.departments.filter(key__in=["ringparken", "vestervang"]).update(area=area)

    assert "Et nyt boligområde" in page(staff, url)


def test_a_bulk_create_with_and_without_conflicts_shows_at_once(plan_2025, staff):
    page(staff, overview(plan_2025))

    Body.objects.bulk_create([Body(plan=plan_2025, key="ny", kind="other", name="Nyt udvalg")])
    assert "Nyt udvalg" in page(staff, overview(plan_2025))
    Body.objects.bulk_create(
        [
            Body(plan=plan_2025, key="ny", kind="other", name="Findes allerede"),
            Body(plan=plan_2025, key="ny-2", kind="other", name="Andet nyt udvalg"),
        ],
        ignore_conflicts=True,
    )
    assert "Andet nyt udvalg" in page(staff, overview(plan_2025))


def test_a_cascade_delete_shows_at_once(plan_2025, staff):
    body = plan_2025.bodies.first()
    body.name = "Det særlige udvalg"
    body.save()
    assert body.members.exists()
    assert "Det særlige udvalg" in page(staff, overview(plan_2025))

    body.delete()  # its members go with it

    assert "Det særlige udvalg" not in page(staff, overview(plan_2025))


def test_a_many_to_many_change_shows_at_once(plan_2025, staff):
    activity = Activity.objects.filter(sub_agreement__plan=plan_2025).exclude(
        departments__key="elmely"
    )[0]
    url = f"/plans/{plan_2025.slug}/departments/elmely/"
    assert activity.name not in page(staff, url)

    activity.departments.add(plan_2025.departments.get(key="elmely"))

    assert activity.name in page(staff, url)


def test_an_import_shows_at_once_in_the_needs_matrix(plan_2025, staff):
    url = f"/plans/{plan_2025.slug}/monitoring/matrix/"
    page(staff, url)
    latest = Observation.objects.filter(
        plan=plan_2025, department__key="ringparken", definition__key="fraflytningsprocent"
    ).latest("period_start")

    import_observations(
        plan_2025,
        [long_csv(["Ringparken", "fraflytningsprocent", latest.period_label, "87,6", "", ""])],
        load_layout("long"),
    )

    assert "87,6" in page(staff, url)


def test_a_write_shows_in_every_process(plan_2025, staff):
    url = f"/plans/{plan_2025.slug}/departments/ringparken/"
    for process in ("one", "two"):
        with a_process(process):
            page(staff, url)

    plan_2025.departments.filter(key="ringparken").update(name="Ringparken Syd")

    for process in ("one", "two"):
        with a_process(process):
            assert "Ringparken Syd" in page(staff, url)


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        page(client, url)
    return len(captured)


def test_a_write_in_one_plan_leaves_the_other_plans_kept_parts(plan_2025, plan_2017, member):
    staff = member(plan_2017, Role.STAFF)
    cache.clear()
    cold = queries(staff, overview(plan_2017))
    warm = queries(staff, overview(plan_2017))
    assert warm < cold

    plan_2025.departments.update(name="Samme navn")
    plan_2025.bodies.first().delete()

    assert queries(staff, overview(plan_2017)) == warm


def test_a_chart_is_drawn_once_for_every_process_sharing_a_cache():
    shared = {"default": cache_from_url("redis://127.0.0.1:6379/15")}
    spec = {
        "data": {"values": [{"year": 2024, "value": 3}, {"year": 2025, "value": 5}]},
        "mark": "line",
        "encoding": {"x": {"field": "year", "type": "ordinal"}, "y": {"field": "value"}},
    }
    with override_settings(CACHES=shared):
        cache.delete(charts.svg_key(spec))
        svg = charts.to_svg(spec)

    with override_settings(CACHES=shared):  # another process, with a connection of its own
        found = cache.get(charts.svg_key(spec))
        cache.delete(charts.svg_key(spec))

    assert svg.startswith("<svg") and found == svg


@pytest.mark.parametrize("url", ["memcached://x", "redis:/x", "locmem", "db://"])
def test_an_unknown_or_malformed_cache_address_stops_the_start(url):
    with pytest.raises(ImproperlyConfigured):
        cache_from_url(url)


def test_the_cache_addresses_give_djangos_backends():
    assert cache_from_url("locmem://")["BACKEND"].endswith("LocMemCache")
    assert cache_from_url("redis://127.0.0.1:6379/0")["BACKEND"].endswith("RedisCache")
    assert cache_from_url("db://helhedsplan_cache")["LOCATION"] == "helhedsplan_cache"
