"""Production settings pass Django's deployment checks; the site sends security headers."""

import os
import subprocess
import sys

from django.test import Client

PRODUCTION_ENV = {
    "HELHEDSPLAN_DEBUG": "0",
    "HELHEDSPLAN_SECRET_KEY": "a-production-like-secret-key-" + "x7Qp2!vR9#kL" * 4,
    "HELHEDSPLAN_ALLOWED_HOSTS": "helhedsplan.example.dk",
}


def test_check_deploy_passes_with_production_settings(tmp_path):
    env = {**os.environ, **PRODUCTION_ENV, "HELHEDSPLAN_DATA_DIR": str(tmp_path)}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only

    result = subprocess.run(
        [sys.executable, "-m", "helhedsplan", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_pages_send_security_headers(db):
    response = Client().get("/accounts/login/")

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_health_check_needs_no_login(db):
    response = Client().get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok"
