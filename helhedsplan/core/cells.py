"""Cells from user data, made safe for spreadsheets (OWASP's CSV-injection guidance).

A spreadsheet program runs a cell that begins with `=`, `+`, `-` or `@` (and, in some, a tab or a
carriage return) as a formula: `=HYPERLINK("http://x","y")` in a plan's name would become a live
link. Every CSV and XLSX writer passes cells from user data through `safe_cell` (CSV) or
`write_text` / `write_cell` (XLSX): text is written as text and a dangerous first character is
neutralised with a leading apostrophe; numbers stay numbers.
"""

from __future__ import annotations

import re
from decimal import Decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A signed number written as text, perhaps with a unit ("-5", "+1,5", "-12 %", "-1.000 kr.") or
# a lone "-", is not a formula and is kept: with no operator, parenthesis, quote or pipe after
# the sign it cannot call a function or another program.
PLAIN_NUMBER = re.compile(r"[+-]?\d[\d.,\s]*(?:[%\w.]+)?", re.UNICODE)


def neutralise(text: str) -> str:
    """`text`, with a leading apostrophe when a spreadsheet would read it as a formula."""
    if len(text) > 1 and text.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def safe_cell(value):
    """A CSV cell: numbers and empty values unchanged, anything else as neutralised text."""
    if value is None or isinstance(value, bool):
        return "" if value is None else value
    if isinstance(value, int | float | Decimal):
        return value
    return neutralise(str(value))


def safe_row(values) -> list:
    return [safe_cell(value) for value in values]


def write_text(sheet, row: int, col: int, value, cell_format=None) -> None:
    """Write `value` to an XlsxWriter sheet as a text cell (never a formula), neutralised."""
    sheet.write_string(row, col, neutralise(str(value)), cell_format)


def write_cell(sheet, row: int, col: int, value, cell_format=None) -> None:
    """Write a number as a number cell and anything else as neutralised text."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        sheet.write_number(row, col, float(value), cell_format)
    else:
        write_text(sheet, row, col, "" if value is None else value, cell_format)
