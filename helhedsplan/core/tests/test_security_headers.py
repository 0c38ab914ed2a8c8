"""Every page carries a Content-Security-Policy that forbids inline script (django-csp)."""

import json
import os
import re
import subprocess
import sys
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


def production_policy(tmp_path, **env) -> dict:
    """The policy as a production process (HELHEDSPLAN_DEBUG=0) would send it."""
    from .test_deploy_settings import PRODUCTION_ENV

    environment = {**os.environ, **PRODUCTION_ENV, "HELHEDSPLAN_DATA_DIR": str(tmp_path), **env}
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**environment, "DJANGO_SETTINGS_MODULE": "helhedsplan.settings"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def test_production_has_the_same_policy(tmp_path):
    policy = production_policy(tmp_path)

    assert policy["script-src"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]


def test_with_single_sign_on_a_form_may_go_to_the_login_servers_origin(tmp_path):
    policy = production_policy(
        tmp_path,
        HELHEDSPLAN_OIDC_SERVER_URL="https://login.viborg.example/realms/ansatte",
        HELHEDSPLAN_OIDC_CLIENT_ID="helhedsplan",
    )

    assert policy["form-action"] == ["'self'", "https://login.viborg.example"]
