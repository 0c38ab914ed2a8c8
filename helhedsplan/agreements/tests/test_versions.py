"""Every saved change of a sub-agreement makes a new version; every earlier version stays
readable as it was."""

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from helhedsplan.accounts.models import Role
from helhedsplan.agreements.actions import record_version
from helhedsplan.goals.models import Baseline


def edit_form(sub_agreement, **changes):
    data = {
        "title": sub_agreement.title,
        "period_start": sub_agreement.period_start.isoformat(),
        "period_end": sub_agreement.period_end.isoformat(),
        "parties": sub_agreement.parties,
        "responsible": sub_agreement.responsible,
        "partners": sub_agreement.partners,
        "note": "Test",
        "version": str(sub_agreement.version),
    }
    sections = list(sub_agreement.sections.all())
    data.update(
        {
            "sections-TOTAL_FORMS": str(len(sections)),
            "sections-INITIAL_FORMS": str(len(sections)),
            "sections-MIN_NUM_FORMS": "0",
            "sections-MAX_NUM_FORMS": "1000",
        }
    )
    for index, section in enumerate(sections):
        data[f"sections-{index}-heading"] = section.heading
        data[f"sections-{index}-body"] = section.body
    data.update(changes)
    return data


def test_import_records_version_one(plan_2025):
    sub_agreement = plan_2025.sub_agreements.get()

    assert list(sub_agreement.versions.values_list("number", flat=True)) == [1]


def test_editing_makes_version_two_and_keeps_version_one(plan_2025, member):
    staff = member(plan_2025, Role.STAFF)
    sub_agreement = plan_2025.sub_agreements.get()
    old_partners = sub_agreement.partners
    url = reverse("agreements:edit", args=[plan_2025.slug, sub_agreement.key])

    response = staff.post(
        url,
        edit_form(sub_agreement, partners="Nye samarbejdspartnere", note="Nye partnere"),
    )

    assert response.status_code == 302
    version_two = sub_agreement.versions.get(number=2)
    assert version_two.note == "Nye partnere"
    assert version_two.created_by == staff.user
    current = staff.get(sub_agreement.get_absolute_url()).content.decode()
    assert "Nye samarbejdspartnere" in current
    old = staff.get(
        reverse("agreements:version", args=[plan_2025.slug, sub_agreement.key, 1])
    ).content.decode()
    assert old_partners.splitlines()[0] in old
    assert "Nye samarbejdspartnere" not in old
    assert "ikke den gældende version" in old


def test_a_section_edit_is_a_new_version(plan_2025, member):
    staff = member(plan_2025, Role.STAFF)
    sub_agreement = plan_2025.sub_agreements.get()
    url = reverse("agreements:edit", args=[plan_2025.slug, sub_agreement.key])

    staff.post(url, edit_form(sub_agreement, **{"sections-0-body": "Ny tekst om ressourcer"}))

    sections = sub_agreement.versions.get(number=2).content["sections"]
    assert sections[0]["body"] == "Ny tekst om ressourcer"
    assert sub_agreement.versions.get(number=1).content["sections"][0]["body"] != (
        "Ny tekst om ressourcer"
    )


def test_saving_without_changes_makes_no_version(plan_2025, member):
    staff = member(plan_2025, Role.STAFF)
    sub_agreement = plan_2025.sub_agreements.get()
    url = reverse("agreements:edit", args=[plan_2025.slug, sub_agreement.key])

    staff.post(url, edit_form(sub_agreement))

    assert sub_agreement.versions.count() == 1


def test_an_invalid_edit_is_shown_again_and_saves_nothing(plan_2025, member):
    staff = member(plan_2025, Role.STAFF)
    sub_agreement = plan_2025.sub_agreements.get()
    url = reverse("agreements:edit", args=[plan_2025.slug, sub_agreement.key])

    response = staff.post(
        url, edit_form(sub_agreement, period_end="2020-01-01", partners="Tabt tekst?")
    )

    assert response.status_code == 200
    assert "Tabt tekst?" in response.content.decode()  # what the user typed is kept
    assert sub_agreement.versions.count() == 1


def test_a_changed_baseline_is_frozen_in_a_new_version(plan_2025):
    sub_agreement = plan_2025.sub_agreements.get()
    baseline = Baseline.objects.get(
        indicator__goal__sub_agreement=sub_agreement, department__key="lindon"
    )
    baseline.value = 55
    baseline.save()

    version = record_version(sub_agreement, note="Ny baseline")

    assert version.number == 2
    v1_baselines = sub_agreement.versions.get(number=1).content["goals"][0]["indicators"][0]
    assert {"department": "lindon", "scope": "department", "value": 60, "year": 2023} in [
        {k: b.get(k) for k in ("department", "scope", "value", "year")}
        for b in v1_baselines["baselines"]
    ]


def test_admin_change_records_a_version(plan_2025):
    admin_user = get_user_model().objects.get(username="demo")
    client = Client()
    client.force_login(admin_user)
    activity = plan_2025.sub_agreements.get().activities.get(name="Hverdagsrådgivning")
    url = reverse("admin:agreements_activity_change", args=[activity.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        {
            "hours_per_week": "20",
            "departments": [d.pk for d in activity.departments.all()],
            "success_criteria-TOTAL_FORMS": "0",
            "success_criteria-INITIAL_FORMS": "0",
            "sub_agreement": activity.sub_agreement_id,
        }
    )

    response = client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    latest = activity.sub_agreement.latest_version()
    assert latest.number == 2
    hours = {a["name"]: a["hours_per_week"] for a in latest.content["activities"]}
    assert hours["Hverdagsrådgivning"] == 20
