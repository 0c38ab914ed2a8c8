"""A person on a phone logs in and reads the plan, in Debian's chromium driven by Playwright."""

from pathlib import Path

import pytest

from .login import log_in as log_in_at

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"
PHONE = {"width": 390, "height": 844}

# Serialized rollback puts back the data migrations' rows (the intervention-area catalogue)
# that the flush after each live-server test removes.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(page, site):
    log_in_at(page, f"{site}/plans/viborg-2025-29/")


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_login_then_read_the_sub_agreement_on_a_phone(page, demo_site):
    page.set_viewport_size(PHONE)

    log_in(page, demo_site)

    assert page.url.endswith("/plans/viborg-2025-29/")
    assert page.locator("h1").inner_text() == "Den boligsociale helhedsplan, Viborg"
    page.get_by_role("link", name="Delaftale: Sammenhængskraft og medborgerskab").click()
    page.wait_for_selector("#activity-hverdagsraadgivning")
    assert "Hverdagsrådgivning" in page.locator("#activity-hverdagsraadgivning h3").inner_text()
    assert fits_the_screen(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "phone-sub-agreement.png"), full_page=False)


def test_department_list_fits_a_phone_and_shows_suppression(page, demo_site):
    page.set_viewport_size(PHONE)
    log_in(page, demo_site)

    page.goto(f"{demo_site}/plans/viborg-2025-29/departments/")

    assert page.locator("tbody tr").count() == 17
    assert fits_the_screen(page)
    page.screenshot(path=str(ARTIFACTS / "phone-departments.png"), full_page=True)
    page.goto(f"{demo_site}/plans/viborg-2025-29/departments/solgaarden/")
    dash = page.locator(".suppressed").first
    assert dash.inner_text() == "–"
    assert "diskretionsgrænsen" in dash.get_attribute("title")
