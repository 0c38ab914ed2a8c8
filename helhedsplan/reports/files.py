"""One entry point for every format: `produce(report, "pdf")` -> (bytes, content type, name)."""

from django.utils.translation import gettext as _

from .data import ReportError

FORMATS = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def produce(report, kind: str) -> tuple[bytes, str, str]:
    if kind in ("html", "pdf", "docx"):
        report.draw_charts()
    if kind == "html":
        from .render_html import standalone

        content = standalone(report).encode()
    elif kind == "pdf":
        from .render_pdf import render_pdf

        content = render_pdf(report)
    elif kind == "docx":
        from .render_docx import render_docx

        content = render_docx(report)
    elif kind == "xlsx":
        from .render_xlsx import render_xlsx

        content = render_xlsx(report)
    else:
        raise ReportError(
            _("Unknown format '%(format)s': choose html, pdf, docx or xlsx.") % {"format": kind}
        )
    return content, FORMATS[kind], f"{report.filename}.{kind}"
