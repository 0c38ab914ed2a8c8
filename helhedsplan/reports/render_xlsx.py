"""A report's numbers as XLSX: one sheet per table, real numbers with number formats; a count
under the discretion limit is the text "<5" (with a comment), never the number."""

import io
import re

import xlsxwriter
from django.utils.translation import gettext as _

from helhedsplan.core.cells import write_text
from helhedsplan.core.disclosure import secondary_note

from .structure import NOT_AVAILABLE, SECONDARY, SMALL, SUPPRESSED, Table, Value

NUMBER_FORMATS = {
    "percent": '0.0" %"',
    "count": "#,##0",
    "dkk": '#,##0" kr."',
    "grade": "0.0",
    "hours": "#,##0.0",
    "rate": "0.0",
}


def _number_format(value: Value) -> str:
    if value.decimals is not None:
        return "#,##0" + ("." + "0" * value.decimals if value.decimals else "")
    number = None if value.number is None else float(value.number)
    if value.unit == "percent" and number is not None and round(number, 1) != round(number, 2):
        return '0.00" %"'
    return NUMBER_FORMATS.get(value.unit, "#,##0.##")


def sheet_name(title: str, taken: set[str]) -> str:
    name = re.sub(r"[\[\]:*?/\\]", "-", title).strip("'")[:31] or "Ark"
    candidate, number = name, 2
    while candidate.lower() in taken:
        suffix = f" ({number})"
        candidate, number = name[: 31 - len(suffix)] + suffix, number + 1
    taken.add(candidate.lower())
    return candidate


def render_xlsx(report) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    bold = book.add_format(
        {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#EEEEEE"}
    )
    title = book.add_format({"bold": True, "font_size": 13})
    formats = {}
    taken: set[str] = set()
    notes = report.footnotes
    for table in report.tables():
        sheet = book.add_worksheet(sheet_name(table.sheet or table.title, taken))
        _write(book, sheet, table, report, bold, title, formats, notes)
    book.close()
    return out.getvalue()


def _write(book, sheet, table: Table, report, bold, title, formats, notes) -> None:
    write_text(sheet, 0, 0, f"{report.title}: {table.title}", title)
    write_text(sheet, 1, 0, report.subtitle)
    for index, column in enumerate(table.columns):
        write_text(sheet, 3, index, column, bold)
    widths = [len(c) for c in table.columns]
    for row_index, row in enumerate(table.rows, start=4):
        for index, cell in enumerate(row):
            if isinstance(cell, Value):
                _write_value(book, sheet, row_index, index, cell, report.limit, formats)
            else:
                write_text(sheet, row_index, index, cell)
                widths[index] = max(widths[index], min(len(str(cell)), 60))
    for index, width in enumerate(widths):
        sheet.set_column(index, index, max(10, min(width + 2, 50)))
    sheet.freeze_panes(4, 1)
    line = len(table.rows) + 5
    if table.note:
        write_text(sheet, line, 0, table.note)
        line += 1
    for note in notes:
        write_text(sheet, line, 0, note)
        line += 1


def _write_value(book, sheet, row, col, value: Value, limit, formats) -> None:
    if value.status == SMALL:
        sheet.write_string(row, col, f"<{limit}")
        sheet.write_comment(row, col, _("Under the discretion limit (few persons)"))
    elif value.status == SECONDARY:
        sheet.write_string(row, col, "x")
        sheet.write_comment(row, col, secondary_note())
    elif value.status == SUPPRESSED:
        sheet.write_string(row, col, "–")
        sheet.write_comment(row, col, _("Suppressed at the source; unknown, not zero"))
    elif value.status == NOT_AVAILABLE or value.number is None:
        sheet.write_string(row, col, _("n/a"))
    else:
        number_format = _number_format(value)
        if number_format not in formats:
            formats[number_format] = book.add_format({"num_format": number_format})
        sheet.write_number(row, col, float(value.number), formats[number_format])
