"""A secretariat worker uploads a file in chromium, confirms, watches the import wait for the
worker and lands on the list of imports when the worker has run it (Playwright, Debian's
chromium; the worker command runs in the test's process, on the live server's database)."""

import signal

import pytest
from django.core.management import call_command

from helhedsplan.core.tests.login import log_in
from helhedsplan.core.tests.worker import DATABASE_QUEUE
from helhedsplan.monitoring.models import ImportBatch
from helhedsplan.planfiles.demo import DEMO_USERNAME

from .files import EXAMPLES

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def run_the_worker():
    """Run the queued tasks with the worker command, keeping pytest's signal handlers."""
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        call_command("worker", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)


def test_confirming_an_upload_shows_progress_then_the_imports(page, demo_site, settings):
    settings.TASKS = DATABASE_QUEUE
    log_in(page, f"{demo_site}/plans/viborg-2025-29/monitoring/import/")
    page.set_input_files("input[name=files]", str(EXAMPLES / "long.csv"))
    page.get_by_role("button", name="Forhåndsvisning").click()
    page.wait_for_selector("input[name=pending]", state="attached")
    polls = []
    page.on("request", lambda r: polls.append(r.url) if "/import/progress/" in r.url else None)

    page.get_by_role("button", name="Importér", exact=True).click()
    page.get_by_text("Venter i køen").wait_for()
    page.wait_for_timeout(1_500)  # the box asks again every second
    run_the_worker()

    page.wait_for_url("**/monitoring/imports/?finished=*", timeout=20_000)
    assert polls, "the page asked how far the import had come"
    assert page.locator(".alert-success").count() == 1
    batch = ImportBatch.objects.latest("pk")
    assert (batch.files, batch.added, batch.user.username) == ("long.csv", 8, DEMO_USERNAME)
