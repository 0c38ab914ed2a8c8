"""Cells from user data are neutralised for spreadsheets (OWASP's CSV-injection guidance)."""

import io
from decimal import Decimal

import openpyxl
import pytest
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st

from helhedsplan.core.cells import FORMULA_STARTS, neutralise, safe_row, write_cell, write_text

DANGEROUS = [
    '=HYPERLINK("http://x","y")',
    "+1+1",
    "@SUM(A1)",
    "-2+3",
    "\t=1",
    "\r=1",
    "-1 cmd|' /C calc'!A0",
    "+5(A1)",
]


@pytest.mark.parametrize("text", DANGEROUS)
def test_a_value_a_spreadsheet_would_run_gets_a_leading_apostrophe(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize(
    "text", ["Lindon", "-5", "+1,5", "-0.25", "-12 %", "-1.000 kr.", "-", "", "a=b", "3 @ 4"]
)
def test_plain_text_and_numbers_written_as_text_are_kept(text):
    assert neutralise(text) == text


def test_a_csv_row_keeps_numbers_and_blanks_and_neutralises_text():
    row = safe_row(["=1+1", 3, Decimal("-1.5"), -2.0, None, "Ok"])

    assert row == ["'=1+1", 3, Decimal("-1.5"), -2.0, "", "Ok"]


def test_an_xlsx_cell_is_text_never_a_formula_and_numbers_stay_numbers():
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet()
    for row, text in enumerate(DANGEROUS):
        write_text(sheet, row, 0, text)
        write_cell(sheet, row, 1, -row - 0.5)
    write_cell(sheet, 0, 2, "=1+1")
    book.close()

    sheet = openpyxl.load_workbook(io.BytesIO(out.getvalue())).active
    for row, text in enumerate(DANGEROUS, start=1):
        assert sheet.cell(row, 1).data_type == "s"
        # XlsxWriter stores a carriage return as Excel's escape, which openpyxl leaves as it is.
        assert sheet.cell(row, 1).value.replace("_x000D_", "\r") == "'" + text
        assert sheet.cell(row, 2).value == -(row - 1) - 0.5
    assert sheet.cell(1, 3).value == "'=1+1"


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(st.text(max_size=40), min_size=1, max_size=20))
def test_no_text_whatever_it_holds_becomes_a_formula_cell(texts):
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet()
    for row, text in enumerate(texts):
        write_cell(sheet, row, 0, text)
    book.close()

    sheet = openpyxl.load_workbook(io.BytesIO(out.getvalue())).active
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    for text in texts:
        shown = neutralise(text)
        assert shown in (text, "'" + text)
        assert shown == text or text.startswith(FORMULA_STARTS)
