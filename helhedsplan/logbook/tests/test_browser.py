"""A secretariat worker on a phone registers an event and sees the criterion's number change."""

import pytest

from helhedsplan.logbook.demo import load_logbook_demo
from helhedsplan.planfiles.demo import DEMO_PASSWORD, DEMO_USERNAME, load_demo

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
CRITERION_ROW = "tr:has-text('700 beboere deltager')"


@pytest.fixture
def site(live_server):
    load_demo()
    load_logbook_demo()
    return live_server.url


def test_registering_an_event_on_a_phone_moves_the_criterion(page, site):
    page.set_viewport_size(PHONE)
    page.goto(f"{site}/plans/viborg-2017-21/logbook/")
    page.fill("input[name=login]", DEMO_USERNAME)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    before = int(page.locator(f"{CRITERION_ROW} td.value").inner_text().replace(".", ""))

    page.get_by_role("link", name="Registrér et arrangement").click()
    page.fill("input[name=date]", "2020-06-01")
    page.select_option("select[name=activity]", label="Naboskabet")
    page.select_option("select[name=event_type]", value="event")
    page.fill("input[name=title]", "Gårdfest")
    page.get_by_label("Vestervang").check()
    page.fill("input[name=participants]", "37")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_role("button", name="Gem", exact=True).click()

    page.wait_for_selector(CRITERION_ROW)
    after = int(page.locator(f"{CRITERION_ROW} td.value").inner_text().replace(".", ""))
    assert after == before + 37
