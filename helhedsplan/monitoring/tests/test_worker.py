"""Monitoring imports in a real worker process (`helhedsplan worker`) on the database queue:
queued by the upload page, imported by the worker, shown done; a killed worker leaves nothing
of its import and the import can be started again."""

import datetime
import os
import signal
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from helhedsplan.accounts.models import Role
from helhedsplan.core.tests.worker import DATABASE_QUEUE, WorkerDatabase
from helhedsplan.monitoring import actions
from helhedsplan.monitoring.layouts import load_layout
from helhedsplan.monitoring.models import (
    ImportBatch,
    Observation,
    PendingImport,
    PreviousObservation,
)
from helhedsplan.planfiles.demo import load_demo
from helhedsplan.plans.models import Plan

from .files import EXAMPLES, long_csv

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def plan_2025(transactional_db):
    """A test that commits (so that a worker process sees it) starts from a flushed database."""
    load_demo()
    return Plan.objects.get(slug="viborg-2025-29")


@pytest.fixture
def worker(settings, tmp_path):
    settings.TASKS = DATABASE_QUEUE
    return WorkerDatabase(tmp_path)


def preview(client, plan, name="long.csv"):
    with (EXAMPLES / name).open("rb") as upload:
        response = client.post(reverse("monitoring:upload", args=[plan.slug]), {"files": upload})
    assert response.status_code == 200
    return response.context["pending"]


def test_an_upload_is_queued_imported_by_the_worker_and_shown_done(plan_2025, member, worker):
    staff = member(plan_2025, Role.STAFF)
    pending = preview(staff, plan_2025)
    before = Observation.objects.count()
    url = reverse("monitoring:upload", args=[plan_2025.slug])

    queued = staff.post(url, {"confirm": "1", "pending": pending.pk}, **HTMX)

    assert "Venter i køen" in queued.content.decode()  # the page waits for the worker
    assert Observation.objects.count() == before
    [task] = DBTaskResult.objects.all()
    assert (task.task_path, task.status) == ("helhedsplan.monitoring.tasks.import_upload", "READY")

    worker.run_batch()

    task.refresh_from_db()
    assert (task.status, task.return_value) == ("SUCCESSFUL", "done")
    done = staff.get(reverse("monitoring:upload_progress", args=[plan_2025.slug]), **HTMX)
    imports = staff.get(done["HX-Redirect"]).content.decode()
    assert "Importeret: 8 tilføjet, 0 ændret, 0 uændret." in imports
    assert Observation.objects.count() == before + 8
    assert ImportBatch.objects.latest("pk").user == staff.user


def test_an_import_the_worker_refuses_lists_its_problems(plan_2025, member, worker):
    staff = member(plan_2025, Role.STAFF)
    pending = preview(staff, plan_2025)
    plan_2025.departments.filter(key="ringparken").delete()  # gone before the confirmation
    before = Observation.objects.count()
    staff.post(
        reverse("monitoring:upload", args=[plan_2025.slug]),
        {"confirm": "1", "pending": pending.pk},
        **HTMX,
    )

    worker.run_batch()

    box = staff.get(reverse("monitoring:upload_progress", args=[plan_2025.slug]), **HTMX)
    [problem] = box.context["failed_problems"]
    assert (problem.file, problem.row, problem.column) == ("long.csv", 4, "A (afdeling)")
    assert "ringparken" in problem.message and "alert-error" in box.content.decode()
    assert Observation.objects.count() == before


def many_rows(plan, value: str) -> tuple[str, bytes]:
    """One value per department and year 1900-2099: enough rows for the worker to take a
    while, with one row (Houlkærvænget 2061) that was imported before."""
    departments = list(plan.departments.values_list("name", flat=True))
    rows = [
        [name, "fraflytningsprocent", str(year), value, "", ""]
        for name in departments
        for year in range(1900, 2100)
    ]
    return long_csv(*rows, name="many.csv")


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="only PostgreSQL lets the test hold the worker inside its import transaction; on "
    "SQLite the kill races the import's end (seen on a loaded machine)",
)
def test_a_killed_worker_leaves_nothing_of_its_import_and_it_can_be_run_again(
    plan_2025, member, worker
):
    # Given a value imported before and an upload that changes it and adds many
    staff = member(plan_2025, Role.STAFF)
    earlier = long_csv(["Houlkærvænget", "fraflytningsprocent", "2061", "14,2", "", ""])
    actions.import_observations(plan_2025, [earlier], load_layout("long"))
    old = Observation.objects.get(period_label="2061", subject_key="department:houlkaervaenget")
    batches, observations = ImportBatch.objects.count(), Observation.objects.count()
    previous = PreviousObservation.objects.count()
    pending = actions.hold_upload(plan_2025, staff.user, [many_rows(plan_2025, "2")], "long", "")
    assert actions.start_import(pending, staff.user)
    sessions = worker.sessions()
    worker.export()

    # When the worker is killed (kill -9) while it imports
    process = worker.start()
    try:
        if worker.sqlite:
            # SQLite: while it reads the rows (it has reported progress, not the end)
            worker.wait_for(
                "SELECT 1 FROM monitoring_pendingimport WHERE id = %s AND rows_done > 0",
                [pending.pk],
            )
        with worker.lock("monitoring_observation", old.pk):
            # PostgreSQL: inside its transaction, with the batch and the new rows written,
            # waiting to update the value it changes
            worker.wait_until_a_write_waits()
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
    worker.wait_until_no_worker_is_connected(sessions)
    worker.take_back()

    # Then nothing of the import was saved, and the page says it stopped
    assert process.returncode == -signal.SIGKILL
    assert ImportBatch.objects.count() == batches
    assert Observation.objects.count() == observations
    assert PreviousObservation.objects.count() == previous
    old.refresh_from_db()
    assert str(old.value) == "14.2000"
    pending.refresh_from_db()
    assert pending.state == "running" and len(pending.files) == 1
    long_ago = timezone.now() - PendingImport.STALLED_AFTER - datetime.timedelta(minutes=1)
    PendingImport.objects.filter(pk=pending.pk).update(updated=long_ago)
    box = staff.get(reverse("monitoring:upload_progress", args=[plan_2025.slug]), **HTMX)
    assert "alert-warning" in box.content.decode()

    # And when it is confirmed again, a worker imports all of it
    retried = staff.post(
        reverse("monitoring:upload", args=[plan_2025.slug]),
        {"confirm": "1", "pending": pending.pk},
        **HTMX,
    )
    assert retried.status_code == 200
    worker.run_batch()

    pending.refresh_from_db()
    assert pending.state == "done", pending.result
    batch = ImportBatch.objects.latest("pk")
    rows = 200 * plan_2025.departments.count()
    assert batch.added + batch.changed == rows and batch.changed >= 1  # some years existed
    assert Observation.objects.count() == observations + batch.added
    old.refresh_from_db()
    assert str(old.value) == "2.0000"
    assert PreviousObservation.objects.get(observation=old).value == Decimal("14.2")
