"""Every page carries a Content-Security-Policy that forbids inline script (django-csp)."""

import re
from pathlib import Path

from django.test import Client
from django.urls import reverse

from helhedsplan.monitoring.spreadsheet import COLOURS

HELHEDSPLAN = Path(__file__).resolve().parents[2]


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: sources for name, *sources in parts}


def test_a_page_has_a_strict_content_security_policy(plan_2025, member):
    response = member(plan_2025).get(reverse("plans:overview", args=[plan_2025.slug]))

    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert set(policy["img-src"]) == {"'self'", "data:"}


def test_the_login_page_and_the_api_docs_have_it_too(plan_2025, member):
    assert "'none'" in directives(Client().get(reverse("account_login")))["object-src"]
    docs = member(plan_2025).get("/api/docs")
    assert docs.status_code == 200
    assert "'unsafe-inline'" not in directives(docs)["script-src"]


def test_no_template_has_inline_script_or_event_handlers_or_style_attributes():
    offending = []
    for template in HELHEDSPLAN.glob("*/templates/**/*.html"):
        if template.name.endswith(".pdf.html") or template.name == "print.html":
            continue  # rendered to PDF or a standalone file, never served as a page
        text = template.read_text()
        for pattern in (r"<script(?![^>]*\bsrc=)[^>]*>", r"\son[a-z]+=", r"\sstyle=", "<style"):
            if re.search(pattern, text):
                offending.append(f"{template.relative_to(HELHEDSPLAN)}: {pattern}")

    assert offending == []


def test_the_html_report_file_allows_exactly_its_own_print_styles(plan_2017, member):
    url = reverse("reports:status_download", args=[plan_2017.slug])

    response = member(plan_2017).get(url, {"format": "html"})

    style_src = directives(response)["style-src"]
    assert "'unsafe-inline'" not in style_src
    assert [s for s in style_src if s.startswith("'sha256-")]


def test_the_matrix_colours_in_the_style_sheet_are_the_xlsx_colours():
    css = (HELHEDSPLAN / "core/static/helhedsplan/site.css").read_text()

    for level, colour in COLOURS.items():
        assert re.search(rf"td\.level-{level}, li\.level-{level} {{ background: {colour}; }}", css)
