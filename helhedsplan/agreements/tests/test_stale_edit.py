"""Two people edit the same sub-agreement: the second save of a form opened before the first
save is refused, the first edit is kept, and the second person's input is shown back."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from helhedsplan.accounts.models import Role
from helhedsplan.agreements.actions import update_sub_agreement
from helhedsplan.core.concurrency import StaleEdit

from .test_versions import edit_form


def edit_url(sub_agreement):
    return reverse("agreements:edit", args=[sub_agreement.plan.slug, sub_agreement.key])


def open_the_form(client, sub_agreement) -> dict:
    """What the edit form holds when opened: the page's own hidden version field."""
    page = client.get(edit_url(sub_agreement)).content.decode()
    version = re.search(r'name="version" value="(\d+)"', page).group(1)
    return edit_form(sub_agreement, version=version)


def test_a_stale_save_is_refused_and_the_first_edit_is_kept(plan_2025, member):
    first = member(plan_2025, Role.STAFF, username="anna")
    second = member(plan_2025, Role.STAFF, username="bent")
    sub_agreement = plan_2025.sub_agreements.get()
    form_of_first = open_the_form(first, sub_agreement)
    form_of_second = open_the_form(second, sub_agreement)

    saved = first.post(edit_url(sub_agreement), {**form_of_first, "title": "Annas titel"})
    refused = second.post(edit_url(sub_agreement), {**form_of_second, "title": "Bents titel"})

    assert saved.status_code == 302
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Delaftalen er ændret af anna kl. " in page
    assert "Dine ændringer er ikke gemt" in page
    sub_agreement.refresh_from_db()
    assert sub_agreement.title == "Annas titel"
    titles = [v.content["title"] for v in sub_agreement.versions.order_by("number")]
    assert titles[-1] == "Annas titel"
    assert "Bents titel" not in titles


def test_the_refused_input_is_shown_back_beside_the_current_values(plan_2025, member):
    first = member(plan_2025, Role.STAFF, username="anna")
    second = member(plan_2025, Role.STAFF, username="bent")
    sub_agreement = plan_2025.sub_agreements.get()
    form_of_second = open_the_form(second, sub_agreement)
    first.post(edit_url(sub_agreement), {**open_the_form(first, sub_agreement), "title": "Ny"})

    refused = second.post(
        edit_url(sub_agreement),
        {
            **form_of_second,
            "title": "Bents titel",
            "partners": "Bents partnere",
            "sections-0-body": "Bents afsnit",
        },
    )

    page = refused.content.decode()
    assert 'value="Bents titel"' in page  # still in the form, ready to save again
    assert "Bents partnere</textarea>" in page
    assert "Bents afsnit</textarea>" in page
    assert '<td class="stale-current">Ny</td><td class="stale-yours">Bents titel</td>' in page


def test_saving_again_after_seeing_the_current_values_replaces_them(plan_2025, member):
    first = member(plan_2025, Role.STAFF, username="anna")
    second = member(plan_2025, Role.STAFF, username="bent")
    sub_agreement = plan_2025.sub_agreements.get()
    form_of_second = open_the_form(second, sub_agreement)
    first.post(edit_url(sub_agreement), {**open_the_form(first, sub_agreement), "title": "Ny"})
    refused = second.post(edit_url(sub_agreement), {**form_of_second, "title": "Bents titel"})
    version_shown = re.search(r'name="version" value="(\d+)"', refused.content.decode()).group(1)

    form_of_second.update(title="Bents titel", version=version_shown)
    again = second.post(edit_url(sub_agreement), form_of_second)

    assert again.status_code == 302
    sub_agreement.refresh_from_db()
    assert sub_agreement.title == "Bents titel"
    assert [v.content["title"] for v in sub_agreement.versions.order_by("number")][-2:] == [
        "Ny",
        "Bents titel",
    ]


def test_a_change_in_the_admin_makes_an_open_form_stale(plan_2025, member):
    staff = member(plan_2025, Role.STAFF, username="bent")
    sub_agreement = plan_2025.sub_agreements.get()
    form_of_staff = open_the_form(staff, sub_agreement)
    admin = Client()
    admin.force_login(get_user_model().objects.get(username="demo"))
    admin_url = reverse("admin:agreements_subagreement_change", args=[sub_agreement.pk])
    admin_form = admin.get(admin_url).context["adminform"].form
    data = {k: v for k, v in admin_form.initial.items() if v is not None}
    data.update({"title": "Rettet i administrationen"})
    for prefix in ("sections", "activities"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    assert admin.post(admin_url, data).status_code == 302

    refused = staff.post(edit_url(sub_agreement), {**form_of_staff, "title": "Bents titel"})

    assert refused.status_code == 409
    sub_agreement.refresh_from_db()
    assert sub_agreement.title == "Rettet i administrationen"


def test_the_action_refuses_a_stale_version_and_writes_nothing(plan_2025):
    sub_agreement = plan_2025.sub_agreements.get()
    sections = list(sub_agreement.sections.values("heading", "body"))
    stale_version = sub_agreement.version - 1

    with pytest.raises(StaleEdit):
        update_sub_agreement(
            sub_agreement, {"title": "Ny"}, [], None, "", expected_version=stale_version
        )

    sub_agreement.refresh_from_db()
    assert sub_agreement.title != "Ny"
    assert list(sub_agreement.sections.values("heading", "body")) == sections
    assert sub_agreement.versions.count() == 1
