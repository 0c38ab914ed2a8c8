"""The needs matrix as an XLSX workbook with the page's colours."""

import io

import xlsxwriter
from django.utils.translation import gettext as _

from helhedsplan.core import disclosure
from helhedsplan.core.cells import write_text

HIDDEN = (disclosure.SMALL, disclosure.SECONDARY)

COLOURS = {
    "better": "#CDEBC5",
    "near": "#FFF1B8",
    "worse": "#FCCB95",
    "much-worse": "#F19C9C",
    "unknown": "#E6E6E6",
    "plain": "#FFFFFF",
}


def matrix_xlsx(plan, departments, columns) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet(_("Needs matrix")[:31])
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    formats = {
        level: book.add_format({"bg_color": colour, "num_format": "#,##0.0", "border": 1})
        for level, colour in COLOURS.items()
    }
    write_text(sheet, 0, 0, f"{plan.name} {plan.period_label}: " + _("needs matrix"), bold)
    write_text(sheet, 2, 0, _("Department"), bold)
    write_text(sheet, 3, 0, _("Period"), bold)
    write_text(sheet, 4, 0, _("Municipality"), bold)
    write_text(sheet, 5, 0, _("Coverage"), bold)
    for index, col in enumerate(columns, start=1):
        write_text(sheet, 2, index, col.name, bold)
        write_text(sheet, 3, index, col.period)
        if col.municipality is not None:
            sheet.write_number(4, index, float(col.municipality.value), formats["plain"])
        write_text(sheet, 5, index, f"{col.covered}/{col.total}")
    for row, department in enumerate(departments, start=6):
        write_text(sheet, row, 0, str(department))
        for index, col in enumerate(columns, start=1):
            cell = col.cells[department.key]
            if cell.point is not None and cell.point.known:
                sheet.write_number(row, index, float(cell.point.value), formats[cell.level])
            elif cell.point is not None and cell.point.status in HIDDEN:
                # A reader's copy (core.disclosure): the mark as text, never the number.
                secondary = cell.point.status == disclosure.SECONDARY
                sheet.write_string(
                    row, index, "x" if secondary else disclosure.small_text(), formats["unknown"]
                )
                note = disclosure.secondary_note() if secondary else disclosure.small_note()
                sheet.write_comment(row, index, note)
            else:
                write_text(sheet, row, index, "–", formats["unknown"])
                reason = cell.point.reason if cell.point else _("no data for this period")
                sheet.write_comment(row, index, reason or _("unknown; not zero"))
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, len(columns), 16)
    sheet.set_row(2, 60)
    legend = len(departments) + 8
    for offset, (level, text) in enumerate(legend_items()):
        write_text(sheet, legend + offset, 0, text, formats[level])
    book.close()
    return out.getvalue()


def legend_items():
    return [
        ("better", _("At or better than the municipality")),
        ("near", _("Less than 25 % worse than the municipality")),
        ("worse", _("25-100 % worse than the municipality")),
        ("much-worse", _("More than twice as bad as the municipality")),
        ("plain", _("No municipality value or no direction to compare by")),
        ("unknown", _("Unknown (suppressed or missing), not zero")),
    ]
