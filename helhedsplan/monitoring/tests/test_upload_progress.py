"""The upload page's live progress: a confirmed import is queued for the worker, which writes the
rows done to its hold, and the page polls upload_progress until the import is done or refused.

Here tasks run as they are queued (the immediate backend, see conftest); test_worker.py runs
them in a real worker process."""

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


@pytest.fixture
def confirm_inline():
    """Confirm as the page does with JavaScript; the queued import runs at once."""
    return confirm


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
    imports_url = reverse("monitoring:imports", args=[plan_2025.slug])
    assert done["HX-Redirect"] == f"{imports_url}?finished={pending.pk}"
    assert Observation.objects.count() == before + 8
    batch = ImportBatch.objects.latest("pk")
    assert (batch.user, batch.files, batch.added) == (staff.user, "long.csv", 8)
    pending.refresh_from_db()
    assert (pending.state, pending.files) == ("done", [])  # the files are not kept
    imports = staff.get(done["HX-Redirect"]).content.decode()
    assert "Importeret: 8 tilføjet, 0 ændret, 0 uændret." in imports and "alert-success" in imports


def test_asking_how_far_a_finished_import_came_changes_nothing(plan_2025, member):
    staff = member(plan_2025, Role.STAFF)
    pending = preview(staff, plan_2025)
    confirm(staff, plan_2025, pending)
    progress_url = reverse("monitoring:upload_progress", args=[plan_2025.slug])

    first = staff.get(progress_url, **HTMX)
    again = staff.get(progress_url, **HTMX)

    # A GET only reads: the finished import is still there to be shown (it used to be deleted).
    assert first["HX-Redirect"] == again["HX-Redirect"]
    assert PendingImport.objects.filter(pk=pending.pk, state="done").exists()


def test_another_users_finished_import_is_not_shown_on_the_imports_page(plan_2025, member):
    staff = member(plan_2025, Role.STAFF)
    pending = preview(staff, plan_2025)
    confirm(staff, plan_2025, pending)
    colleague = member(plan_2025, Role.STAFF, username="colleague")
    url = reverse("monitoring:imports", args=[plan_2025.slug]) + f"?finished={pending.pk}"

    assert "alert-success" in staff.get(url).content.decode()
    assert "alert-success" not in colleague.get(url).content.decode()


def test_a_running_import_is_polled_and_the_page_shows_it_on_reload(plan_2025, member):
    staff = member(plan_2025, Role.STAFF)
    pending = preview(staff, plan_2025)
    PendingImport.objects.filter(pk=pending.pk).update(
        state="running", rows_done=3, rows_total=9, updated=timezone.now()
    )

    box = staff.get(reverse("monitoring:upload_progress", args=[plan_2025.slug]), **HTMX)
    page = staff.get(reverse("monitoring:upload", args=[plan_2025.slug]))

    assert 'hx-trigger="every 1s"' in box.content.decode()
    assert '<progress max="9" value="3">' in box.content.decode()
    assert '<progress max="9" value="3">' in page.content.decode()
    assert not actions.start_import(pending, staff.user)  # one import of an upload at a time


def test_without_javascript_the_confirmation_leads_to_the_imports_once_done(plan_2025, member):
    staff = member(plan_2025, Role.STAFF)
    pending = preview(staff, plan_2025)

    response = staff.post(
        reverse("monitoring:upload", args=[plan_2025.slug]),
        {"confirm": "1", "pending": pending.pk},
    )

    # Here the task ran at once; with a worker the page would show the progress box first.
    assert response["Location"].endswith(f"?finished={pending.pk}")
    assert (
        staff.get(reverse("monitoring:upload_progress", args=[plan_2025.slug]))["Location"]
        == response["Location"]
    )
    assert ImportBatch.objects.latest("pk").added == 8


def test_a_queued_import_waits_for_the_worker_and_may_be_queued_again_when_none_came(
    plan_2025, member
):
    staff = member(plan_2025, Role.STAFF)
    pending = preview(staff, plan_2025)
    PendingImport.objects.filter(pk=pending.pk).update(state="queued", updated=timezone.now())
    url = reverse("monitoring:upload_progress", args=[plan_2025.slug])

    waiting = staff.get(url, **HTMX).content.decode()
    long_ago = timezone.now() - datetime.timedelta(hours=1)
    PendingImport.objects.filter(pk=pending.pk).update(updated=long_ago)
    no_worker = staff.get(url, **HTMX).content.decode()

    assert "Venter i køen" in waiting and 'hx-trigger="every 1s"' in waiting
    assert "alert-warning" in no_worker and "hx-trigger" not in no_worker
    assert actions.start_import(pending, staff.user)  # queued again; here it runs at once
    pending.refresh_from_db()
    assert pending.state == "done"


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
    assert actions.start_import(pending, staff.user)


def test_other_users_and_plans_do_not_see_the_progress(plan_2025, plan_2017, member):
    staff = member(plan_2025, Role.STAFF)
    pending = preview(staff, plan_2025)
    PendingImport.objects.filter(pk=pending.pk).update(
        state="running", rows_done=3, rows_total=9, updated=timezone.now()
    )
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
