"""Two people write the status report's texts at once: the second save of a form opened
before the first save is refused, the first text is kept, the second is shown back."""

import re

import pytest
from django.urls import reverse

from helhedsplan.accounts.models import Role
from helhedsplan.core.concurrency import StaleEdit
from helhedsplan.reports.actions import save_status_texts
from helhedsplan.reports.models import StatusText

SECTION = "tryghed-og-trivsel"


def edit_url(plan):
    return reverse("reports:status_edit", args=[plan.slug])


def open_the_form(client, plan) -> dict:
    """The form's fields as opened: hidden inputs and textareas."""
    page = client.get(edit_url(plan), {"year": 4}).content.decode()
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
    fields.update(re.findall(r'<textarea[^>]* name="([^"]+)">([^<]*)</textarea>', page))
    fields.pop("csrfmiddlewaretoken", None)
    return fields


def test_a_stale_save_is_refused_and_the_first_text_is_kept(plan_2017, member):
    first = member(plan_2017, Role.STAFF, username="anna")
    second = member(plan_2017, Role.STAFF, username="bent")
    form_of_first = open_the_form(first, plan_2017)
    form_of_second = open_the_form(second, plan_2017)
    assert form_of_second[f"version-{SECTION}"] == "0"

    saved = first.post(
        edit_url(plan_2017), {**form_of_first, f"assessment-{SECTION}": "Annas vurdering"}
    )
    refused = second.post(
        edit_url(plan_2017), {**form_of_second, f"assessment-{SECTION}": "Bents vurdering"}
    )

    assert saved.status_code == 302
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Statusrapportens tekster er ændret af anna kl. " in page
    assert "Dine ændringer er ikke gemt" in page
    assert StatusText.objects.get(plan=plan_2017, section=SECTION).assessment == ("Annas vurdering")


def test_the_refused_text_is_shown_back_beside_the_current_text(plan_2017, member):
    first = member(plan_2017, Role.STAFF, username="anna")
    second = member(plan_2017, Role.STAFF, username="bent")
    form_of_second = open_the_form(second, plan_2017)
    first.post(
        edit_url(plan_2017),
        {**open_the_form(first, plan_2017), f"assessment-{SECTION}": "Annas vurdering"},
    )

    refused = second.post(
        edit_url(plan_2017), {**form_of_second, f"assessment-{SECTION}": "Bents vurdering"}
    )

    page = refused.content.decode()
    assert f'name="assessment-{SECTION}">Bents vurdering</textarea>' in page
    assert '<td class="stale-current">Annas vurdering</td>' in page
    assert '<td class="stale-yours">Bents vurdering</td>' in page
    shown = open_the_form_in(page)
    assert shown[f"version-{SECTION}"] == "1"  # the current version: saving again is deliberate


def open_the_form_in(page: str) -> dict:
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))


def test_the_action_refuses_a_stale_version_and_writes_nothing(plan_2017, django_user_model):
    user = django_user_model.objects.create_user("anna")
    save_status_texts(plan_2017, 4, {SECTION: ("Første", ""), "summary": ("Resumé", "")}, user)

    with pytest.raises(StaleEdit):
        save_status_texts(
            plan_2017,
            4,
            {SECTION: ("Anden", ""), "summary": ("Nyt resumé", "")},
            user,
            {SECTION: 0, "summary": 1},
        )

    texts = dict(StatusText.objects.filter(plan=plan_2017).values_list("section", "assessment"))
    assert texts == {SECTION: "Første", "summary": "Resumé"}
