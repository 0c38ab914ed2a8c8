"""A report as DOCX, editable in Word: real headings, real tables, charts as PNG pictures."""

import io

from django.utils.translation import gettext as _

from .formatting import long_date, text
from .structure import Chart, Table, Value


def render_docx(report) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = Document()
    document.core_properties.title = report.title
    document.core_properties.language = "da-DK"
    style = document.styles["Normal"]
    style.font.size = Pt(9)
    document.add_heading(report.title, level=0)
    document.add_paragraph(f"{report.subtitle} · {long_date(report.made_on)}")
    for section in report.sections:
        document.add_heading(section.title, level=section.level)
        for block in section.blocks:
            if isinstance(block, Table):
                _table(document, block, report.limit, WD_ALIGN_PARAGRAPH)
            elif isinstance(block, Chart):
                document.add_picture(io.BytesIO(block.png), width=Cm(15))
                document.add_paragraph(block.title, style="Caption")
            else:
                document.add_paragraph(block)
    if report.footnotes:
        document.add_heading(_("Notes"), level=1)
        for note in report.footnotes:
            document.add_paragraph(note)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _table(document, block: Table, limit: int, alignment) -> None:
    document.add_paragraph(block.title, style="Caption")
    table = document.add_table(rows=1, cols=len(block.columns))
    table.style = "Table Grid"
    for cell, column in zip(table.rows[0].cells, block.columns, strict=True):
        cell.text = column
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in block.rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = text(value, limit)
            if isinstance(value, Value):
                cell.paragraphs[0].alignment = alignment.RIGHT
    if block.note:
        document.add_paragraph(block.note)
