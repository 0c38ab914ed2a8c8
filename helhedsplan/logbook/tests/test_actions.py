"""The logbook's writes take values and the acting user, not a form: the web, the API and a
script call the same function, and the history says who made each change."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from helhedsplan.agreements.models import Activity
from helhedsplan.core.concurrency import StaleEdit
from helhedsplan.logbook.actions import delete_entry, restore_entry, save_entry
from helhedsplan.logbook.models import Event


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user("sekretariat", password="x" * 16)


def summer_party(plan):
    return {
        "date": datetime.date(2018, 6, 1),
        "activity": Activity.objects.get(sub_agreement__plan=plan, key="naboskabet"),
        "event_type": "event",
        "title": "Sommerfest",
        "departments": [plan.departments.get(key="vestervang")],
        "participants": 45,
    }


def test_an_entry_is_written_from_values_with_its_departments_and_author(plan_2017, staff):
    event = save_entry(Event, plan_2017, summer_party(plan_2017), staff)

    stored = Event.objects.get(pk=event.pk)
    assert (stored.plan, stored.title, stored.participants) == (plan_2017, "Sommerfest", 45)
    assert list(stored.departments.values_list("key", flat=True)) == ["vestervang"]
    assert stored.created_by == staff
    assert {h.history_user for h in stored.history.all()} == {staff}


def test_an_edit_from_values_bumps_the_version_and_replaces_the_departments(plan_2017, staff):
    event = save_entry(Event, plan_2017, summer_party(plan_2017), staff)
    other = plan_2017.departments.exclude(key="vestervang").first()

    save_entry(
        Event,
        plan_2017,
        {"participants": 50, "departments": [other]},
        staff,
        entry=Event.objects.get(pk=event.pk),
        expected_version=event.version,
    )

    stored = Event.objects.get(pk=event.pk)
    assert (stored.participants, stored.version) == (50, event.version + 1)
    assert list(stored.departments.all()) == [other]


def test_an_edit_on_a_stale_version_is_refused_and_changes_nothing(plan_2017, staff):
    event = save_entry(Event, plan_2017, summer_party(plan_2017), staff)

    with pytest.raises(StaleEdit):
        save_entry(
            Event,
            plan_2017,
            {"participants": 99, "departments": []},
            staff,
            entry=Event.objects.get(pk=event.pk),
            expected_version=event.version - 1,
        )

    stored = Event.objects.get(pk=event.pk)
    assert (stored.participants, stored.version) == (45, event.version)
    assert stored.departments.count() == 1


def test_deleting_and_restoring_record_who_did_it(plan_2017, staff):
    event = save_entry(Event, plan_2017, summer_party(plan_2017), staff)
    admin = get_user_model().objects.create_user("admin", password="y" * 16)

    delete_entry(Event.objects.get(pk=event.pk), staff)
    deleted = Event.objects.get(pk=event.pk).history.first()
    restore_entry(Event.objects.get(pk=event.pk), admin)
    restored = Event.objects.get(pk=event.pk).history.first()

    assert (deleted.deleted_at is not None, deleted.history_user) == (True, staff)
    assert (restored.deleted_at, restored.history_user) == (None, admin)
    assert Event.objects.live().filter(pk=event.pk).exists()
