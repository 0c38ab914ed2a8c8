"""The report pages and downloads in the web app, and the command."""

import io

import openpyxl
from django.core.management import call_command
from django.urls import reverse
from docx import Document

from helhedsplan.accounts.models import Role

from .made import made_file


def test_the_reports_page_offers_the_half_years(plan_2017, member):
    page = member(plan_2017).get(reverse("reports:index", args=[plan_2017.slug]))

    assert page.status_code == 200
    assert "2021H1" in page.content.decode()


def test_the_monitoring_report_page_shows_the_report_with_its_charts(plan_2017, member):
    url = reverse("reports:monitoring", args=[plan_2017.slug])

    page = member(plan_2017).get(url, {"period": "2018H1"}).content.decode()

    assert "<h2>" in page
    assert "<svg" in page
    assert 'name="format" value="docx"' in page  # made by the worker


def test_each_format_downloads_from_the_web_app(plan_2017, member):
    client = member(plan_2017)
    url = reverse("reports:monitoring_download", args=[plan_2017.slug])
    answers = {
        kind: made_file(client, plan_2017, kind="monitoring", period="2018H1", format=kind)
        for kind in ["pdf", "docx", "xlsx"]
    }
    answers["html"] = client.get(url, {"period": "2018H1", "format": "html"})

    assert answers["pdf"].content.startswith(b"%PDF")
    assert "attachment" in answers["docx"]["Content-Disposition"]
    assert Document(io.BytesIO(answers["docx"].content)).paragraphs[0].text
    assert openpyxl.load_workbook(io.BytesIO(answers["xlsx"].content)).sheetnames
    assert b"<svg" in answers["html"].content


def test_a_bad_period_or_format_is_refused_with_a_message(plan_2017, member):
    client = member(plan_2017, Role.STAFF)
    url = reverse("reports:monitoring_download", args=[plan_2017.slug])

    bad_period = client.get(url, {"period": "2018-1"})
    bad_format = client.get(url, {"period": "2018H1", "format": "odt"})

    assert bad_period.status_code == 400
    assert "2025H1" in bad_period.content.decode()
    assert bad_format.status_code == 400


def test_the_command_writes_the_report_in_all_four_formats(plan_2017, tmp_path):
    out = io.StringIO()

    call_command(
        "report",
        "monitoring",
        plan_2017.slug,
        "--period",
        "2018H1",
        "--out",
        str(tmp_path),
        stdout=out,
    )

    names = sorted(p.name for p in tmp_path.iterdir())
    kinds = ["docx", "html", "pdf", "xlsx"]
    assert names == [f"viborg-2017-21-monitorering-2018H1.{kind}" for kind in kinds]
