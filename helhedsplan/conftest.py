import os

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from helhedsplan.accounts.models import Membership, Role
from helhedsplan.planfiles.demo import load_demo
from helhedsplan.plans.models import Plan


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the two shipped demo plans (each test rolls back its changes)."""
    with django_db_blocker.unblock():
        load_demo()


@pytest.fixture(scope="session", autouse=True)
def tasks_run_at_once():
    """Tasks run as they are queued, in the test's own transaction; the worker tests use the
    database queue and a real worker process instead."""
    from django.test import override_settings

    immediate = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with override_settings(TASKS=immediate):
        yield


@pytest.fixture
def plan_2025(db):
    return Plan.objects.get(slug="viborg-2025-29")


@pytest.fixture
def plan_2017(db):
    return Plan.objects.get(slug="viborg-2017-21")


@pytest.fixture
def member(db):
    """Make a client logged in as a new user with `role` in `plan`."""

    def make(plan, role=Role.READER, username=None):
        user = get_user_model().objects.create_user(
            username or f"{role}-{plan.slug}", password="not-used-by-tests-123"
        )
        Membership.objects.create(user=user, plan=plan, role=role)
        client = Client()
        client.force_login(user)
        client.user = user
        return client

    return make


def restore_shipped_lists():
    """Put back the list rule sets and published lists that the lists app's data migration
    ships, when a test that commits starts from a database where they are missing.

    In the whole suite (not in a run of the browser tests alone) a live-server test has been
    seen to start without them after the flush of an earlier transactional test, on SQLite and
    PostgreSQL alike; the cause is not found. Both loaders only add what is missing.
    """
    from helhedsplan.lists import models as lists
    from helhedsplan.lists.loading import load_published_lists, load_rule_sets
    from helhedsplan.plans.models import Area

    if not lists.RuleSet.objects.exists():
        load_rule_sets(lists.RuleSet, lists.ClassRule, lists.Criterion, lists.ConvictionReference)
        load_published_lists(Area, lists.PublishedListing, lists.PublishedCount)


@pytest.fixture
def demo_site(live_server):
    """The live server's address, with the demo plans loaded (for the browser tests)."""
    from helhedsplan.planfiles.demo import load_demo

    load_demo()
    restore_shipped_lists()
    return live_server.url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Playwright cannot download its own browser here: drive Debian's chromium.
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser tests first among the transactional tests (which pytest-django runs last).

    On SQLite's in-memory test database, a live server started after another transactional
    test has flushed and restored the database does not see the data that the migrations
    shipped (the list rule sets), although the test's own thread does; started first, it does.
    """
    first = next((i for i, item in enumerate(items) if _transactional(item)), len(items))
    tail = items[first:]
    tail.sort(key=lambda item: 0 if item.get_closest_marker("browser") else 1)
    items[first:] = tail
