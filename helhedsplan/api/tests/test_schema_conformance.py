"""Schemathesis over the whole API, against the served OpenAPI schema, through the WSGI app:
for every operation a bounded number of generated requests that fit the schema (positive) and
that do not (negative). No answer may be a server error, every status code, content type,
header and body must be the documented one, data that fits the schema is accepted (a write may
still be refused by the data's own rules: 422) and data that does not is rejected. Writes run
as a staff member of the 2025 demo plan, inside the test's transaction.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.generation.modes import GenerationMode

from helhedsplan.accounts.models import Role

EXAMPLES_PER_OPERATION = 25  # per mode: ~2 minutes for both modes on the 2-core machine
CONFIG = schemathesis.Config.from_str(
    """
[[operations]]
include-method = "POST"
checks.positive_data_acceptance.expected-statuses = ["2xx", "401", "403", "404", "422"]
"""
)
RESPONSE_CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.response_headers_conformance,
]
CHECKS = {
    GenerationMode.POSITIVE: [*RESPONSE_CHECKS, schemathesis.checks.positive_data_acceptance],
    GenerationMode.NEGATIVE: [*RESPONSE_CHECKS, schemathesis.checks.negative_data_rejection],
}


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


def negative_parts(case) -> set[str]:
    """Where a negative case breaks the schema: "path", "query", "header", "body"."""
    components = case.meta.components if case.meta else {}
    return {
        str(location.value)
        for location, info in components.items()
        if info.mode == GenerationMode.NEGATIVE
    }


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_api_answers_as_its_schema_says(wsgi_app, plan_2025, api_member, mode):
    staff = api_member(plan_2025, Role.STAFF, username="schemathesis")
    token = {"Authorization": staff.defaults["HTTP_AUTHORIZATION"]}
    schema = schemathesis.openapi.from_wsgi(
        "/api/openapi.json", wsgi_app, headers=token, config=CONFIG
    )
    operations = [result.ok() for result in schema.get_all_operations()]

    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def conforms(case):
            broken = negative_parts(case)
            if "plan" in (case.path_parameters or {}) and "path" not in broken:
                case.path_parameters["plan"] = plan_2025.slug  # else nearly every case is a 404
            # A case whose headers break the schema carries its own (bad) token: 401.
            headers = None if "header" in broken else token
            case.call_and_validate(headers=headers, checks=CHECKS[mode])

        conforms()

    assert len(operations) >= 11
