"""Report files (PDF, DOCX, XLSX) are made by a task in the worker, not in the web request:
the page offers "make", the files page shows the state and offers the file when it is done."""

import datetime
import html
import io
import subprocess

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document

from helhedsplan.accounts.models import Role
from helhedsplan.conftest import restore_shipped_lists
from helhedsplan.core.tests.worker import DATABASE_QUEUE, WorkerDatabase
from helhedsplan.planfiles.demo import load_demo
from helhedsplan.plans.models import Plan
from helhedsplan.reports.models import ReportFile

from .made import made_file

HTMX = {"HTTP_HX_REQUEST": "true"}


def pdf_text(content: bytes, tmp_path) -> str:
    (tmp_path / "report.pdf").write_bytes(content)
    done = subprocess.run(
        ["pdftotext", str(tmp_path / "report.pdf"), "-"], capture_output=True, text=True
    )
    return " ".join(done.stdout.split())


def test_a_status_report_pdf_is_made_by_its_task_and_offered_when_done(plan_2017, member, tmp_path):
    client = member(plan_2017)

    asked = client.post(
        reverse("reports:generate", args=[plan_2017.slug]),
        {"kind": "status", "year": "4", "format": "pdf"},
    )

    assert asked["Location"] == reverse("reports:files", args=[plan_2017.slug])
    made = ReportFile.objects.get()
    page = client.get(asked["Location"]).content.decode()
    download = reverse("reports:file_download", args=[plan_2017.slug, made.pk])
    assert f'href="{download}"' in page and "hx-trigger" not in page
    answer = client.get(download)
    assert answer.content.startswith(b"%PDF")
    assert f'filename="{made.filename}"' in answer["Content-Disposition"]
    assert made.filename.endswith(".pdf")
    assert "Statusrapport" in pdf_text(answer.content, tmp_path)


def test_a_monitoring_report_is_made_as_a_word_document_and_a_workbook(plan_2017, member):
    client = member(plan_2017)

    docx = made_file(client, plan_2017, kind="monitoring", period="2018H1", format="docx")
    xlsx = made_file(client, plan_2017, kind="monitoring", period="2018H1", format="xlsx")

    assert Document(io.BytesIO(docx.content)).paragraphs[0].text
    assert openpyxl.load_workbook(io.BytesIO(xlsx.content)).sheetnames


def test_a_colleague_in_the_plan_downloads_the_file_and_another_plan_does_not(
    plan_2017, plan_2025, member
):
    made_file(member(plan_2017, Role.STAFF), plan_2017, kind="status", year=4, format="xlsx")
    made = ReportFile.objects.get()
    url = reverse("reports:file_download", args=[plan_2017.slug, made.pk])
    other_plan_url = reverse("reports:file_download", args=[plan_2025.slug, made.pk])
    reader = member(plan_2017, Role.READER, username="reader")

    assert reader.get(url).status_code == 200
    assert member(plan_2025, Role.ADMIN).get(url).status_code == 404
    assert member(plan_2025, Role.ADMIN, username="x").get(other_plan_url).status_code == 404


@pytest.mark.parametrize(
    "form,message",
    [
        ({"kind": "status", "year": "4", "format": "exe"}, "Ukendt format 'exe'"),
        ({"kind": "monitoring", "period": "2018-1", "format": "pdf"}, "2025H1"),
        ({"kind": "status", "year": "9", "format": "pdf"}, "projektår 1 til"),
        ({"kind": "agreement", "key": "x", "number": "1", "format": "pdf"}, "delaftale"),
        ({"kind": "budget", "format": "pdf"}, "Ukendt rapport 'budget'"),
    ],
)
def test_a_file_that_cannot_be_made_is_refused_with_a_message_and_nothing_queued(
    plan_2017, member, form, message
):
    answer = member(plan_2017).post(reverse("reports:generate", args=[plan_2017.slug]), form)

    assert answer.status_code == 400
    assert message in html.unescape(answer.content.decode())
    assert not ReportFile.objects.exists()


def test_the_web_request_no_longer_makes_a_pdf(plan_2017, member):
    url = reverse("reports:status_download", args=[plan_2017.slug])

    answer = member(plan_2017).get(url, {"year": 4, "format": "pdf"})

    assert answer.status_code == 400
    assert "laves i baggrunden" in answer.content.decode()


def test_the_files_page_polls_while_a_file_is_made_and_says_when_its_worker_died(plan_2017, member):
    client = member(plan_2017)
    made = ReportFile.objects.create(
        plan=plan_2017, user=client.user, kind="status", format="pdf", state="running"
    )
    url = reverse("reports:files", args=[plan_2017.slug])

    running = client.get(url, **HTMX).content.decode()
    long_ago = timezone.now() - ReportFile.STALLED_AFTER - datetime.timedelta(minutes=1)
    ReportFile.objects.filter(pk=made.pk).update(updated=long_ago)
    stalled = client.get(url, **HTMX).content.decode()

    assert 'hx-trigger="every 2s"' in running and "Under udarbejdelse" in running
    assert "hx-trigger" not in stalled and "bestil den igen" in stalled


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_makes_the_monitoring_report_pdf(member, settings, tmp_path):
    load_demo()  # a test that commits starts from a flushed database
    restore_shipped_lists()
    plan = Plan.objects.get(slug="viborg-2017-21")
    settings.TASKS = DATABASE_QUEUE
    worker = WorkerDatabase(tmp_path)
    client = member(plan)
    client.post(
        reverse("reports:generate", args=[plan.slug]),
        {"kind": "monitoring", "period": "2018H1", "format": "pdf"},
    )
    assert ReportFile.objects.get().state == "queued"

    worker.run_batch()

    made = ReportFile.objects.get()
    assert made.state == "done", made.error
    answer = client.get(reverse("reports:file_download", args=[plan.slug, made.pk]))
    assert answer.content.startswith(b"%PDF")
    assert "Monitoreringsrapport" in pdf_text(answer.content, tmp_path) or made.title in (
        pdf_text(answer.content, tmp_path)
    )
