"""The annual status report: numbers from the logbook, texts from the secretariat, in files."""

import datetime
import io
import subprocess

import openpyxl
from django.urls import reverse
from django.utils import translation
from docx import Document

from helhedsplan.accounts.models import Role
from helhedsplan.reports.files import produce
from helhedsplan.reports.formatting import text
from helhedsplan.reports.models import StatusText
from helhedsplan.reports.status import status_report

from .made import made_file

END_OF_YEAR_4 = datetime.date(2021, 3, 31)


def cells(report):
    return [[text(c, report.limit) for c in row] for table in report.tables() for row in table.rows]


def test_success_criteria_show_their_threshold_value_and_whether_met(plan_2017):
    with translation.override("da"):
        report = status_report(plan_2017, 4, END_OF_YEAR_4)

    values = [row[1:3] for row in cells(report)]
    assert ["200", "210"] in values  # Vejviseren: 200 residents, 210 took part
    assert ["40", "46"] in values  # neighbour volunteers over the period


def test_budget_shows_the_planned_amount_and_that_spending_is_not_registered(plan_2017):
    with translation.override("da"):
        report = status_report(plan_2017, 4, END_OF_YEAR_4)
        budget = report.tables()[-1]

        shown = [[text(c) for c in row] for row in budget.rows]

    assert any("14.600.000 kr." in row for row in shown)
    assert all(row[-1] == budget.rows[0][-1] for row in budget.rows)  # "not registered"


def test_a_small_number_of_persons_is_suppressed_in_the_status_report(plan_2017, settings):
    settings.REPORT_DISCRETION_LIMIT = 30  # 25 course participants fall under it

    with translation.override("da"):
        report = status_report(plan_2017, 4, END_OF_YEAR_4)
    courses = next(row for row in cells(report) if row[0].startswith("40 beboere"))

    assert courses[1:3] == ["40", "<30"]  # the threshold is not a count of persons; 25 is
    assert report.footnotes[0].startswith("<30")


def test_staff_writes_the_assessment_and_it_appears_in_every_format(plan_2017, member, tmp_path):
    client = member(plan_2017, Role.STAFF)
    url = reverse("reports:status_edit", args=[plan_2017.slug])

    answer = client.post(
        url,
        {
            "year": "4",
            "assessment-tryghed-og-trivsel": "Vejviseren har nået sit mål.",
            "decisions-tryghed-og-trivsel": "Vejviseren fortsætter i 2021.",
        },
    )

    assert answer.status_code == 302
    saved = StatusText.objects.get(plan=plan_2017, project_year=4)
    assert saved.updated_by == client.user
    with translation.override("da"):
        report = status_report(plan_2017, 4, END_OF_YEAR_4)
        docx = produce(report, "docx")[0]
        pdf = produce(report, "pdf")[0]
    paragraphs = [p.text for p in Document(io.BytesIO(docx)).paragraphs]
    assert any("Vejviseren fortsætter i 2021." in p for p in paragraphs)
    (tmp_path / "s.pdf").write_bytes(pdf)
    pdf_text = subprocess.run(
        ["pdftotext", str(tmp_path / "s.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Vejviseren har nået sit mål." in pdf_text


def test_a_reader_may_read_the_status_report_but_not_edit_its_texts(plan_2017, member):
    reader = member(plan_2017, Role.READER)

    page = reader.get(reverse("reports:status", args=[plan_2017.slug]), {"year": 4})
    edit = reader.post(reverse("reports:status_edit", args=[plan_2017.slug]), {"year": "4"})

    assert page.status_code == 200
    assert "status/edit" not in page.content.decode()
    assert edit.status_code == 403


def test_the_status_report_downloads_as_a_workbook_with_real_numbers(plan_2017, member):
    answer = made_file(member(plan_2017), plan_2017, kind="status", year=4, format="xlsx")

    book = openpyxl.load_workbook(io.BytesIO(answer.content))
    numbers = [c.value for s in book.worksheets for row in s.iter_rows() for c in row]
    assert 14600000 in numbers


def test_an_unknown_project_year_is_refused_with_a_message(plan_2017, member):
    answer = member(plan_2017).get(reverse("reports:status", args=[plan_2017.slug]), {"year": 9})

    assert answer.status_code == 400
