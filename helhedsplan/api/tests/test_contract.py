"""The API's contract: every answer an operation can give is in its schema, and query
parameters are read strictly (found by schemathesis: 401, 400 and 422 undocumented, `0` taken as
a date, typos and empty values ignored)."""

import pytest
from django.test import Client
from django.urls import reverse

from helhedsplan.accounts.models import Role
from helhedsplan.api.api import api

EVENTS = "/api/plans/viborg-2025-29/logbook/events"


@pytest.fixture
def staff(api_member, plan_2025):
    return api_member(plan_2025, Role.STAFF)


def operations():
    schema = api.get_openapi_schema(path_prefix="/api/")
    return [
        (f"{method.upper()} {path}", operation)
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ]


@pytest.mark.parametrize("name,operation", operations())
def test_every_operation_documents_every_answer_it_can_give(name, operation):
    documented = {str(code) for code in operation["responses"]}

    assert {"401", "403", "404", "422"} <= documented, name
    if name.startswith("GET"):
        assert "304" in documented, name  # the ETag's Not Modified
    else:
        assert "400" in documented, name  # a body that is not JSON


def test_the_plan_list_documents_a_missing_token(db):
    response = Client().get("/api/plans")

    assert response.status_code == 401
    schema = api.get_openapi_schema(path_prefix="/api/")
    assert 401 in schema["paths"]["/api/plans"]["get"]["responses"]


@pytest.mark.parametrize("value", ["0", "1700000000", "2025-13-01", "1.1.2025"])
def test_a_date_must_be_written_as_a_date(staff, value):
    response = staff.get(EVENTS, {"date_to": value})

    assert response.status_code == 422
    assert response.json()["problems"][0]["field"] == "date_to"


def test_a_date_written_as_a_date_is_read(staff):
    assert staff.get(EVENTS, {"date_to": "2026-01-31"}).status_code == 200


def test_a_logbook_event_date_in_the_body_must_be_a_date_too(staff):
    event = {"date": 1767225600, "title": "Fest", "departments": ["lindon"], "participants": 3}

    response = staff.post(EVENTS, event, content_type="application/json")

    assert response.status_code == 422


def test_an_unknown_query_parameter_is_refused_not_ignored(staff):
    response = staff.get("/api/plans/viborg-2025-29/observations", {"indikator": "x"})

    assert response.status_code == 422
    assert response.json()["problems"] == [
        {"index": None, "field": "indikator", "message": "Unknown query parameter."}
    ]


def test_an_empty_query_parameter_is_refused_not_read_as_absent(staff):
    response = staff.get("/api/plans/viborg-2025-29/observations", {"period": ""})

    assert response.status_code == 422


def test_a_body_that_is_not_json_gets_the_documented_400(staff):
    response = staff.post(EVENTS, b"\xff not json", content_type="application/json")

    assert response.status_code == 400
    assert set(response.json()) == {"detail"}


def test_a_matching_etag_gets_304(staff):
    url = reverse("api:list_plans")
    etag = staff.get(url)["ETag"]

    assert staff.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
