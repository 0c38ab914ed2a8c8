"""Schemathesis against the served OpenAPI schema, through the WSGI app: generated requests
(a bounded number per operation) must never get a server error, and every answer must match
the schema. Writes run as a staff member of the 2025 demo plan, inside the test's transaction.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from helhedsplan.accounts.models import Role

EXAMPLES_PER_OPERATION = 25


@pytest.fixture
def wsgi_app(db):
    # As Django's test client does: keep the test's transaction open across requests.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.response_schema_conformance,
]


def test_the_api_answers_as_its_schema_says(wsgi_app, plan_2025, api_member):
    staff = api_member(plan_2025, Role.STAFF, username="schemathesis")
    headers = {"Authorization": staff.defaults["HTTP_AUTHORIZATION"]}
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", wsgi_app, headers=headers)
    operations = [result.ok() for result in schema.get_all_operations()]

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def conforms(case):
            if "plan" in (case.path_parameters or {}):
                case.path_parameters["plan"] = plan_2025.slug  # else nearly every case is a 404
            case.call_and_validate(headers=headers, checks=CHECKS)

        conforms()

    assert len(operations) >= 11
