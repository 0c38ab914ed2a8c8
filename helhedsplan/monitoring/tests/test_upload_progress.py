"""The upload page's live progress: a confirmed import runs in the background, writes the rows
done to its hold, and the page polls upload_progress until the import is done or refused."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from helhedsplan.accounts.models import Role
from helhedsplan.core.tabular import read_sheets
from helhedsplan.monitoring import actions
from helhedsplan.monitoring.extract import Lookup, extract
from helhedsplan.monitoring.layouts import load_layout
from helhedsplan.monitoring.models import ImportBatch, Observation, PendingImport

from .files import EXAMPLES, long_csv

HTMX = {"HTTP_HX_REQUEST": "true"}


class InlineThread:
    """Runs the background import at once, in the test's own transaction."""

    def __init__(self, target, args, name):
        self.target, self.args = target, args

    def start(self):
        self.target(*self.args)


@pytest.fixture
def confirm_inline(monkeypatch, django_capture_on_commit_callbacks):
    """Confirm as the page does with JavaScript, running the import as soon as it starts."""
    monkeypatch.setattr(actions.threading, "Thread", InlineThread)
    # The real thread closes its own connection at the end; here it is the test's.
    monkeypatch.setattr(actions, "_in_thread", actions.run_claimed_upload)

    def confirm_now(client, plan, pending):
        with django_capture_on_commit_callbacks(execute=True):
            return confirm(client, plan, pending)

    return confirm_now


def preview(client, plan, name="long.csv", layout=""):
    with (EXAMPLES / name).open("rb") as upload:
        response = client.post(
            reverse("monitoring:upload", args=[plan.slug]), {"files": upload, "layout": layout}
        )
    assert response.status_code == 200
    return response.context["pending"]


def confirm(client, plan, pending):
    url = reverse("monitoring:upload", args=[plan.slug])
    return client.post(url, {"confirm": "1", "pending": pending.pk}, **HTMX)


def test_rows_done_grow_while_the_import_runs_then_it_ends_with_the_outcome(
    plan_2025, member, confirm_inline, monkeypatch
):
    staff = member(plan_2025, Role.STAFF)
    progress_url = reverse("monitoring:upload_progress", args=[plan_2025.slug])
    pending = preview(staff, plan_2025)
    shown = []
    real_extract = actions.extract

    def extract_and_poll(layout, read, lookup, progress):
        def report(done, total):
            progress(done, total)
            html = staff.get(progress_url, **HTMX).content.decode()
            shown.append(re.search(r'<progress max="(\d+)" value="(\d+)"', html).groups())

        return real_extract(layout, read, lookup, report)

    monkeypatch.setattr(actions, "extract", extract_and_poll)
    before = Observation.objects.count()

    started = confirm_inline(staff, plan_2025, pending)

    assert started.status_code == 200
    assert shown == [("9", str(done)) for done in range(1, 10)]
    done = staff.get(progress_url, **HTMX)
    assert done["HX-Redirect"] == reverse("monitoring:imports", args=[plan_2025.slug])
    assert Observation.objects.count() == before + 8
    batch = ImportBatch.objects.latest("pk")
    assert (batch.user, batch.files, batch.added) == (staff.user, "long.csv", 8)
    assert not PendingImport.objects.exists()
    imports = staff.get(done["HX-Redirect"]).content.decode()
    assert "8" in imports and "alert-success" in imports


def test_a_running_import_is_polled_and_the_page_shows_it_on_reload(plan_2025, member):
    staff = member(plan_2025, Role.STAFF)
    pending = preview(staff, plan_2025)
    assert actions.claim_upload(pending)
    PendingImport.objects.filter(pk=pending.pk).update(rows_done=3, rows_total=9)

    box = staff.get(reverse("monitoring:upload_progress", args=[plan_2025.slug]), **HTMX)
    page = staff.get(reverse("monitoring:upload", args=[plan_2025.slug]))

    assert 'hx-trigger="every 1s"' in box.content.decode()
    assert '<progress max="9" value="3">' in box.content.decode()
    assert '<progress max="9" value="3">' in page.content.decode()
    assert not actions.claim_upload(pending)  # one import of an upload at a time


def test_without_javascript_the_confirmation_imports_at_once(plan_2025, member):
    staff = member(plan_2025, Role.STAFF)
    pending = preview(staff, plan_2025)

    response = staff.post(
        reverse("monitoring:upload", args=[plan_2025.slug]),
        {"confirm": "1", "pending": pending.pk},
    )

    assert response.status_code == 302
    assert ImportBatch.objects.latest("pk").added == 8


def test_a_refused_import_shows_every_problem_and_keeps_the_upload(
    plan_2025, member, confirm_inline
):
    staff = member(plan_2025, Role.STAFF)
    pending = preview(staff, plan_2025)
    # The department is removed between the preview and the confirmation.
    plan_2025.departments.filter(key="ringparken").delete()
    before = Observation.objects.count()

    confirm_inline(staff, plan_2025, pending)
    box = staff.get(reverse("monitoring:upload_progress", args=[plan_2025.slug]), **HTMX)

    html = box.content.decode()
    assert "alert-error" in html and "hx-trigger" not in html
    [problem] = box.context["failed_problems"]
    assert (problem.file, problem.row, problem.column) == ("long.csv", 4, "A (afdeling)")
    assert "ringparken" in problem.message
    assert Observation.objects.count() == before
    pending.refresh_from_db()
    assert pending.state == "failed" and pending.contents()[0][0] == "long.csv"


def test_an_import_that_died_with_its_process_may_be_started_again(plan_2025, member):
    staff = member(plan_2025, Role.STAFF)
    pending = preview(staff, plan_2025)
    long_ago = timezone.now() - datetime.timedelta(hours=1)
    PendingImport.objects.filter(pk=pending.pk).update(state="running", updated=long_ago)

    box = staff.get(reverse("monitoring:upload_progress", args=[plan_2025.slug]), **HTMX)

    assert "alert-warning" in box.content.decode()
    assert actions.claim_upload(pending)


def test_other_users_and_plans_do_not_see_the_progress(plan_2025, plan_2017, member):
    staff = member(plan_2025, Role.STAFF)
    pending = preview(staff, plan_2025)
    assert actions.claim_upload(pending)
    PendingImport.objects.filter(pk=pending.pk).update(rows_done=3, rows_total=9)
    colleague = member(plan_2025, Role.STAFF, username="colleague")
    other_plan = member(plan_2017, Role.STAFF, username="other-plan")
    reader = member(plan_2025, Role.READER, username="reader")

    seen_by_colleague = colleague.get(
        reverse("monitoring:upload_progress", args=[plan_2025.slug]), **HTMX
    )
    own_other_plan = staff.get(reverse("monitoring:upload_progress", args=[plan_2017.slug]))
    outsider = other_plan.get(reverse("monitoring:upload_progress", args=[plan_2025.slug]))
    refused = reader.get(reverse("monitoring:upload_progress", args=[plan_2025.slug]))

    assert seen_by_colleague.status_code == 200
    assert "<progress" not in seen_by_colleague.content.decode()
    assert own_other_plan.status_code == 404
    assert outsider.status_code == 404
    assert refused.status_code == 403
    confirm_by_colleague = confirm(colleague, plan_2025, pending)
    assert confirm_by_colleague.status_code == 400


def test_a_small_file_reports_progress_row_by_row():
    reports = []
    name, content = long_csv(*[["Houlkærvænget", "fraflytningsprocent", "2026", "1", "", ""]] * 3)
    extract(
        load_layout("long"),
        [(name, read_sheets(name, content))],
        Lookup({}, {}),
        lambda done, total: reports.append((done, total)),
    )

    assert reports == [(1, 4), (2, 4), (3, 4), (4, 4)]
