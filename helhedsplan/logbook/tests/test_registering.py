"""Staff register entries on the web; a stale edit is refused; deletion can be undone."""

import datetime

from django.urls import reverse

from helhedsplan.accounts.models import Role
from helhedsplan.agreements.models import Activity
from helhedsplan.logbook.actions import restore_entry
from helhedsplan.logbook.models import CounsellingSession, CounsellingTopic, Event


def event_form(plan, **changes):
    activity = Activity.objects.get(sub_agreement__plan=plan, key="naboskabet")
    data = {
        "date": "2018-06-01",
        "activity": activity.pk,
        "event_type": "event",
        "title": "Sommerfest",
        "departments": [plan.departments.get(key="vestervang").pk],
        "participants": "45",
        "volunteers_involved": "3",
    }
    data.update(changes)
    return data


def test_staff_register_an_event(plan_2017, member):
    staff = member(plan_2017, Role.STAFF)

    response = staff.post(
        reverse("logbook:new", args=[plan_2017.slug, "events"]), event_form(plan_2017)
    )

    assert response.status_code == 302
    event = Event.objects.get(plan=plan_2017, title="Sommerfest")
    assert event.participants == 45
    assert event.created_by == staff.user


def test_groups_must_add_up(plan_2017, member):
    staff = member(plan_2017, Role.STAFF)

    response = staff.post(
        reverse("logbook:new", args=[plan_2017.slug, "events"]),
        event_form(plan_2017, children="10", youth="10", adults="10", seniors="10"),
    )

    assert response.status_code == 200
    assert "40" in response.content.decode()
    assert not Event.objects.filter(title="Sommerfest").exists()


def test_a_second_save_of_a_stale_form_is_refused(plan_2017, member):
    first, second = member(plan_2017, Role.STAFF, "first"), member(plan_2017, Role.STAFF, "second")
    first.post(reverse("logbook:new", args=[plan_2017.slug, "events"]), event_form(plan_2017))
    event = Event.objects.get(title="Sommerfest")
    url = reverse("logbook:edit", args=[plan_2017.slug, "events", event.pk])
    opened_version = event.version  # both open the form now

    first.post(url, event_form(plan_2017, participants="50", version=opened_version))
    response = second.post(url, event_form(plan_2017, participants="60", version=opened_version))

    event.refresh_from_db()
    assert event.participants == 50  # the first save stands
    assert response.status_code == 409
    assert "Registreringen er ændret af first kl. " in response.content.decode()


def test_the_refused_input_is_kept_in_the_form_beside_the_current_values(plan_2017, member):
    first, second = member(plan_2017, Role.STAFF, "first"), member(plan_2017, Role.STAFF, "second")
    first.post(reverse("logbook:new", args=[plan_2017.slug, "events"]), event_form(plan_2017))
    event = Event.objects.get(title="Sommerfest")
    url = reverse("logbook:edit", args=[plan_2017.slug, "events", event.pk])
    first.post(url, event_form(plan_2017, participants="50", version=event.version))

    response = second.post(
        url, event_form(plan_2017, participants="60", note="Min note", version=event.version)
    )

    page = response.content.decode()
    assert 'name="participants" value="60"' in page
    assert "Min note</textarea>" in page
    assert '<td class="stale-current">50</td><td class="stale-yours">60</td>' in page
    assert f'name="version" value="{event.version + 1}"' in page  # saving again is deliberate
    assert "Sommerfest" not in page.split("stale-edit")[1].split("</table>")[0]  # unchanged


def test_an_edit_without_a_version_number_is_refused_without_an_error_page(plan_2017, member):
    staff = member(plan_2017, Role.STAFF)
    staff.post(reverse("logbook:new", args=[plan_2017.slug, "events"]), event_form(plan_2017))
    event = Event.objects.get(title="Sommerfest")
    url = reverse("logbook:edit", args=[plan_2017.slug, "events", event.pk])

    response = staff.post(url, event_form(plan_2017, participants="60", version="x"))

    assert response.status_code == 200
    assert "Formularen siger ikke, hvilken version den blev åbnet på" in response.content.decode()
    event.refresh_from_db()
    assert event.participants == 45


def test_copying_a_recurring_event_prefills_a_week_later(plan_2017, member):
    staff = member(plan_2017, Role.STAFF)
    staff.post(reverse("logbook:new", args=[plan_2017.slug, "events"]), event_form(plan_2017))
    event = Event.objects.get(title="Sommerfest")

    page = staff.get(reverse("logbook:new", args=[plan_2017.slug, "events"]), {"copy": event.pk})

    form = page.context["form"]
    assert form.initial["date"] == datetime.date(2018, 6, 8)
    assert form.initial["title"] == "Sommerfest"


def test_deleting_stops_counting_and_an_admin_can_restore(plan_2017, member):
    staff = member(plan_2017, Role.STAFF)
    staff.post(reverse("logbook:new", args=[plan_2017.slug, "events"]), event_form(plan_2017))
    event = Event.objects.get(title="Sommerfest")

    staff.post(reverse("logbook:delete", args=[plan_2017.slug, "events", event.pk]))
    assert not Event.objects.live().filter(pk=event.pk).exists()
    restore_entry(Event.objects.get(pk=event.pk), staff.user)

    assert Event.objects.live().filter(pk=event.pk).exists()
    assert event.history.count() >= 2  # every change is in the history


def test_counselling_is_anonymous(plan_2025, member):
    staff = member(plan_2025, Role.STAFF)
    topics = CounsellingTopic.objects.filter(code__in=["letters", "housing-benefit"])

    staff.post(
        reverse("logbook:new", args=[plan_2025.slug, "counselling"]),
        {
            "date": "2026-09-01",
            "topics": [t.pk for t in topics],
            "department": plan_2025.departments.get(key="houlkaervaenget").pk,
        },
    )

    session = CounsellingSession.objects.get(plan=plan_2025)
    assert session.topics.count() == 2
    field_names = {f.name for f in CounsellingSession._meta.get_fields()}
    assert not field_names & {"name", "cpr", "person", "resident"}


def test_readers_see_the_criteria_but_not_the_registers(plan_2017, member):
    reader = member(plan_2017, Role.READER)

    assert reader.get(reverse("logbook:overview", args=[plan_2017.slug])).status_code == 200
    assert (
        reader.get(reverse("logbook:entries", args=[plan_2017.slug, "volunteers"])).status_code
        == 403
    )
