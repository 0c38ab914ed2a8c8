"""A secretariat worker uploads a file in chromium, confirms, watches the import run in the
background and lands on the list of imports (Playwright, Debian's chromium)."""

import pytest

from helhedsplan.core.tests.login import log_in
from helhedsplan.monitoring.models import ImportBatch
from helhedsplan.planfiles.demo import DEMO_USERNAME

from .files import EXAMPLES

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_confirming_an_upload_shows_progress_then_the_imports(page, demo_site):
    log_in(page, f"{demo_site}/plans/viborg-2025-29/monitoring/import/")
    page.set_input_files("input[name=files]", str(EXAMPLES / "long.csv"))
    page.get_by_role("button", name="Forhåndsvisning").click()
    page.wait_for_selector("input[name=pending]", state="attached")
    polls = []
    page.on("request", lambda r: polls.append(r.url) if "/import/progress/" in r.url else None)

    page.get_by_role("button", name="Importér", exact=True).click()

    page.wait_for_url("**/monitoring/imports/", timeout=20_000)
    assert polls, "the page asked how far the import had come"
    assert page.locator(".alert-success").count() == 1
    batch = ImportBatch.objects.latest("pk")
    assert (batch.files, batch.added, batch.user.username) == ("long.csv", 8, DEMO_USERNAME)
