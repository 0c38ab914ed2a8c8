"""A report as PDF: the web page's HTML with print styles, through WeasyPrint (imported lazily:
it takes a second to import)."""

from .render_html import standalone


def render_pdf(report) -> bytes:
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)  # no "Step 2" lines

    return HTML(string=standalone(report, chart_images=True)).write_pdf()
