"""A secretariat worker on a phone registers an event and sees the criterion's number change."""

import pytest

from helhedsplan.core.tests.login import log_in
from helhedsplan.logbook.demo import load_logbook_demo

# Like every live-server test: serialized rollback, so that a flush after one test does not
# leave rows (content types, the catalogue) that the next one's restore would duplicate.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PHONE = {"width": 390, "height": 844}
CRITERION_ROW = "tr:has-text('700 beboere deltager')"


@pytest.fixture
def site(demo_site):
    load_logbook_demo()
    return demo_site


def test_registering_an_event_on_a_phone_moves_the_criterion(page, site):
    page.set_viewport_size(PHONE)
    log_in(page, f"{site}/plans/viborg-2017-21/logbook/")
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
