"""The monitoring report's files, opened with real readers (python-docx, openpyxl, poppler)."""

import io
import subprocess

import openpyxl
import pytest
from docx import Document
from PIL import Image

# With the database tests (which pytest-django runs before any test that empties the database).
pytestmark = pytest.mark.django_db

DEPARTMENT = "Afd. 12 Houlkærvænget"


def docx_of(files):
    return Document(io.BytesIO(files[1]["docx"]))


def pdf_text(files, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(files[1]["pdf"])
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


def test_the_docx_has_a_heading_per_section_at_its_level(monitoring_files):
    report, _ = monitoring_files
    document = docx_of(monitoring_files)

    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]

    expected = [(f"Heading {s.level}", s.title) for s in report.sections]
    assert [h for h in headings if h in expected] == expected
    assert ("Heading 2", DEPARTMENT) in headings
    assert sum(1 for style, _ in headings if style == "Heading 2") == 17


def test_the_docx_has_every_chart_as_a_picture(monitoring_files):
    report, _ = monitoring_files

    pictures = docx_of(monitoring_files).inline_shapes

    assert len(report.charts()) > 17
    assert len(pictures) == len(report.charts())


def test_the_docx_shows_small_case_counts_as_under_the_limit_with_a_footnote(monitoring_files):
    document = docx_of(monitoring_files)
    cases = document.tables[-1]

    rows = [[c.text for c in row.cells] for row in cases.rows[1:]]

    assert ["2025", "Afd. 12 Houlkærvænget", "<5", "0", "0"] in rows
    assert not any(cell in {"1", "2", "3", "4"} for row in rows for cell in row[2:])
    assert any(p.text.startswith("<5") for p in document.paragraphs)


def test_the_docx_writes_numbers_the_danish_way(monitoring_files):
    lbf = docx_of(monitoring_files).tables[1]

    cells = {c.text for row in lbf.rows for c in row.cells}

    assert {"97,95 %", "82,77 %", "5,3", "37,5 %"} <= cells


def test_the_xlsx_has_one_sheet_per_table(monitoring_files):
    report, files = monitoring_files

    book = openpyxl.load_workbook(io.BytesIO(files["xlsx"]))

    assert len(book.sheetnames) == len(report.tables())
    assert "houlkaervaenget" in book.sheetnames


def test_the_xlsx_holds_real_numbers_with_number_formats(monitoring_files):
    book = openpyxl.load_workbook(io.BytesIO(monitoring_files[1]["xlsx"]))
    sheet = book.worksheets[1]  # LBF's goals

    rows = sheet.iter_rows(min_row=5)
    baseline = next(row for row in rows if row[0].value.startswith("Andel 1-5"))

    assert baseline[2].value == 97.95
    assert "%" in baseline[2].number_format
    assert baseline[3].value == 82.77


def test_the_xlsx_writes_small_counts_as_text_never_as_the_number(monitoring_files):
    book = openpyxl.load_workbook(io.BytesIO(monitoring_files[1]["xlsx"]))
    cases = book.worksheets[-1]

    counts = [c.value for row in cases.iter_rows(min_row=5, min_col=3, max_col=5) for c in row]

    assert "<5" in counts
    assert not any(isinstance(v, int | float) and 0 < v < 5 for v in counts)
    assert any(str(c.value).startswith("<5") for c in cases["A"] if c.value)


def test_the_pdf_has_the_headings_danish_numbers_and_the_suppression(monitoring_files, tmp_path):
    report, _ = monitoring_files

    text = pdf_text(monitoring_files, tmp_path)

    assert report.title in text
    assert DEPARTMENT in text
    assert "97,95 %" in text
    assert "30. juni 2026" in text
    assert "<5" in text


def test_the_pdfs_first_page_is_not_blank(monitoring_files, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(monitoring_files[1]["pdf"])

    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")],
        check=True,
    )
    image = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    dark = sum(image.histogram()[:200])  # pixels darker than near-white

    assert dark > image.width * image.height * 0.01


def test_the_html_file_inlines_every_chart_as_svg(monitoring_files):
    report, files = monitoring_files

    html = files["html"].decode()

    assert html.count("<svg") == len(report.charts())
    assert "<5" in html or "&lt;5" in html
