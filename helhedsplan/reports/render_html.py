"""A report as HTML: the body shared by the web page and the PDF."""

import base64
import hashlib
import re

from django.template.loader import render_to_string

from .formatting import long_date


def report_body(report, chart_images: bool = False) -> str:
    """The report's sections; charts inline as SVG (web) or as PNG images (`chart_images`)."""
    report.draw_charts()
    context = {"report": report, "made_on": long_date(report.made_on), "chart_images": chart_images}
    return render_to_string("reports/_report.html", context)


def standalone(report, chart_images: bool = False) -> str:
    """A complete HTML document (for the PDF), with print styles."""
    return render_to_string(
        "reports/print.html",
        {"report": report, "body": report_body(report, chart_images)},
    )


def style_hashes(html: str) -> list[str]:
    """CSP sources for the document's own <style> elements (a standalone file carries its print
    styles inline): exactly these styles are allowed, nothing else inline."""
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(css.encode()).digest()).decode() + "'"
        for css in re.findall(r"<style>(.*?)</style>", html, re.S)
    ]
