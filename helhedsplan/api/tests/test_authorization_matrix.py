"""The API's authorisation matrix: every operation of the OpenAPI schema x every role.

The operations are read from the served schema, so an endpoint added without a row here fails
`test_every_operation_has_a_row`. The roles are those of the web app's matrix
(accounts/tests/test_authorization_matrix.py) and the answers mean the same: 401 no or a bad
token, 404 "no such plan" (a member of another plan learns nothing), 403 role too low.
"""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from helhedsplan.accounts.models import Membership, Role
from helhedsplan.api.api import api

from .conftest import token_client

ROLES = ("anonymous", "outsider", "reader", "staff", "case_worker", "admin")

EVERYONE = (401, 200, 200, 200, 200, 200)  # every token holder, also outside the plan
MEMBERS = (401, 404, 200, 200, 200, 200)
STAFF = (401, 404, 403, 200, 200, 200)
STAFF_CREATES = (401, 404, 403, 201, 201, 201)

MATRIX = {
    "GET /api/plans": EVERYONE,
    "GET /api/plans/{plan}": MEMBERS,
    "GET /api/plans/{plan}/departments": MEMBERS,
    "GET /api/plans/{plan}/departments/{key}": MEMBERS,
    "GET /api/plans/{plan}/indicators": MEMBERS,
    "GET /api/plans/{plan}/observations": MEMBERS,
    "POST /api/plans/{plan}/observations": STAFF,
    # The logbook's registers are for the secretariat, as on the web (logbook:entries).
    "GET /api/plans/{plan}/logbook/events": STAFF,
    "POST /api/plans/{plan}/logbook/events": STAFF_CREATES,
    "GET /api/plans/{plan}/success-criteria": MEMBERS,
    "GET /api/plans/{plan}/classifications": MEMBERS,
}

BODIES = {
    "POST /api/plans/{plan}/observations": {
        "observations": [
            {
                "department": "houlkaervaenget",
                "indicator": "lbf-18-64-uden-tilknytning",
                "period": "2024",
                "value": "40.1",
            }
        ]
    },
    "POST /api/plans/{plan}/logbook/events": {
        "date": "2025-09-01",
        "title": "Fællesspisning",
        "participants": 12,
        "departments": ["houlkaervaenget"],
    },
}


def operations():
    schema = api.get_openapi_schema(path_prefix="/api/")
    return sorted(
        f"{method.upper()} {path}"
        for path, methods in schema["paths"].items()
        for method in methods
        if method in ("get", "post", "put", "patch", "delete")
    )


def test_every_operation_has_a_row():
    missing = [name for name in operations() if name not in MATRIX]

    assert missing == [], "add these API operations to the authorisation matrix"


def test_the_matrix_names_only_real_operations():
    assert set(MATRIX) <= set(operations())


def client_for(role, plan, other_plan):
    if role == "anonymous":
        return Client()
    user = get_user_model().objects.create_user(f"api-{role}", password="a-long-password-123")
    plan_of, plan_role, case_worker = {
        "outsider": (other_plan, Role.ADMIN, True),
        "reader": (plan, Role.READER, False),
        "staff": (plan, Role.STAFF, False),
        "case_worker": (plan, Role.STAFF, True),
        "admin": (plan, Role.ADMIN, False),
    }[role]
    Membership.objects.create(user=user, plan=plan_of, role=plan_role, case_worker=case_worker)
    return token_client(user)


@pytest.mark.parametrize("role_index,role", list(enumerate(ROLES)))
@pytest.mark.parametrize("operation", operations())
def test_the_matrix(operation, role_index, role, plan_2025, plan_2017):
    client = client_for(role, plan_2025, plan_2017)
    method, path = operation.split(" ")
    url = path.replace("{plan}", plan_2025.slug).replace("{key}", "houlkaervaenget")

    if method == "GET":
        response = client.get(url)
    else:
        body = json.dumps(BODIES[operation])
        response = client.generic(method, url, body, content_type="application/json")

    assert response.status_code == MATRIX[operation][role_index], f"{role} {operation}"


def test_no_operation_reaches_cases():
    assert not [name for name in operations() if "case" in name.lower()]
