"""Two people open the same sub-agreement's edit form in two browsers and both change the
title: the first save wins, the second is refused with its text kept, nothing is lost."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from helhedsplan.accounts.models import Membership, Role
from helhedsplan.agreements.models import SubAgreement
from helhedsplan.core.tests.login import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "bents-kodeord-2026"
ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"


def second_person():
    """A staff member besides the demo user, who logs in from another browser."""
    user = get_user_model().objects.create_user("bent", password=PASSWORD)
    plan = SubAgreement.objects.get(key="sammenhaengskraft").plan
    Membership.objects.create(user=user, plan=plan, role=Role.STAFF)
    return user


@pytest.fixture
def two_browsers(browser):
    """Two people's browsers, closed after the test (no connection to the server left)."""
    contexts = [browser.new_context(locale="da-DK") for _ in range(2)]
    yield [context.new_page() for context in contexts]
    for context in contexts:
        context.close()


def test_two_pages_edit_the_title_and_the_second_save_is_refused(two_browsers, demo_site):
    second_person()
    url = f"{demo_site}/plans/viborg-2025-29/agreements/sammenhaengskraft/edit/"
    first, second = two_browsers
    log_in(first, url)
    second.goto(url)
    second.fill("input[name=login]", "bent")
    second.fill("input[name=password]", PASSWORD)
    second.click("button[type=submit]")
    first.wait_for_selector("input[name=title]")
    second.wait_for_selector("input[name=title]")

    first.fill("input[name=title]", "Titel fra første side")
    first.fill("input[name=note]", "Første ændring")
    first.click("button.button-primary")
    first.wait_for_url("**/agreements/sammenhaengskraft/")
    second.fill("input[name=title]", "Titel fra anden side")
    second.fill("input[name=note]", "Anden ændring")
    second.click("button.button-primary")

    alert = second.locator(".stale-edit")
    alert.wait_for()
    assert "Delaftalen er ændret af demo kl. " in alert.inner_text()
    assert "Dine ændringer er ikke gemt" in alert.inner_text()
    assert second.input_value("input[name=title]") == "Titel fra anden side"
    assert second.locator(".stale-current").first.inner_text() == "Titel fra første side"
    ARTIFACTS.mkdir(exist_ok=True)
    second.screenshot(path=str(ARTIFACTS / "stale-sub-agreement-edit.png"), full_page=False)
    first.goto(f"{demo_site}/plans/viborg-2025-29/agreements/sammenhaengskraft/")
    assert "Titel fra første side" in first.locator("h1").inner_text()
    sub_agreement = SubAgreement.objects.get(key="sammenhaengskraft")
    assert sub_agreement.title == "Titel fra første side"
    latest = sub_agreement.latest_version()
    assert (latest.content["title"], latest.note) == ("Titel fra første side", "Første ændring")
    assert not sub_agreement.versions.filter(note="Anden ændring").exists()
