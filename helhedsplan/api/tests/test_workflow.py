"""A whole workflow through the API, as an analyst's script would do it: plan data in, then
observations uploaded, events registered, and classifications and criteria read back."""

import json
from decimal import Decimal

import pytest

from helhedsplan.accounts.models import Role
from helhedsplan.lists.models import AreaFigures
from helhedsplan.monitoring.models import ImportBatch, Observation, PreviousObservation
from helhedsplan.planfiles.importer import import_plan
from helhedsplan.planfiles.source import parse_plan_file
from helhedsplan.plans.models import Area

PLAN_FILE = """
format: helhedsplan-plan
version: 1
plan:
  slug: eksempelby-2025-29
  name: Den boligsociale helhedsplan, Eksempelby
  period_start: 2025-08-01
  period_end: 2029-07-31
  project_year_start_month: 8
  municipality: Eksempelby Kommune
parties:
  - {name: Eksempelby Kommune, kind: municipality}
  - {name: Boligselskabet Eksempel, kind: housing_organisation}
areas:
  - {name: Eksempelparken, municipality: Eksempelby}
departments:
  - {key: parken-1, number: "1", name: Parken Nord, area: Eksempelparken,
     housing_organisation: Boligselskabet Eksempel}
  - {key: parken-2, number: "2", name: Parken Syd, area: Eksempelparken,
     housing_organisation: Boligselskabet Eksempel}
"""


def post(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


@pytest.fixture
def plan(db):
    return import_plan(parse_plan_file(PLAN_FILE, "eksempelby.yaml"))


def observation(department, period, value, **extra):
    return {
        "department": department,
        "indicator": "lbf-18-64-uden-tilknytning",
        "period": period,
        "value": value,
        **extra,
    }


def test_an_analyst_uploads_observations_and_reads_classifications(plan, api_member):
    staff = api_member(plan, Role.STAFF)
    base = f"/api/plans/{plan.slug}"
    area = Area.objects.get(name="Eksempelparken")
    for year, outside_work in ((2022, "43.0"), (2023, "45.5")):
        AreaFigures.objects.create(
            area=area,
            list_year=year,
            residents=1200,
            non_western_pct=Decimal("55.0"),
            outside_work_pct=Decimal(outside_work),
            convicted_pct=Decimal("1.0"),
            primary_only_pct=Decimal("61.0"),
            income_pct=Decimal("60.0"),
        )

    departments = staff.get(f"{base}/departments").json()
    uploaded = post(
        staff,
        f"{base}/observations",
        {
            "provenance": "Beboerdata, tabel 9a (test)",
            "observations": [
                observation("parken-1", "2023", "41.2", denominator="412"),
                observation("parken-2", "2023", None, status="suppressed"),
                {
                    **observation(None, "2023", "25.0"),
                    "department": None,
                    "subject": "Eksempelby Kommune",
                },
            ],
        },
    )
    listed = staff.get(f"{base}/observations", {"indicator": "lbf-18-64-uden-tilknytning"})
    classified = staff.get(f"{base}/classifications", {"year": 2023})

    assert [d["key"] for d in departments["items"]] == ["parken-1", "parken-2"]
    assert uploaded.status_code == 200, uploaded.content
    assert uploaded.json()["added"] == 3
    batch = ImportBatch.objects.get(pk=uploaded.json()["import_id"])
    assert batch.provenance == "Beboerdata, tabel 9a (test)"
    assert batch.user == staff.user
    rows = {(o["department"], o["subject"]): o for o in listed.json()["items"]}
    assert rows[("parken-1", "")]["value"] == 41.2
    assert rows[("parken-2", "")]["status"] == "suppressed"
    assert rows[("parken-2", "")]["value"] is None
    assert rows[(None, "Eksempelby Kommune")]["scope"] == "municipality"
    [result] = classified.json()
    assert result["area"] == "Eksempelparken"
    assert result["classes"]["udsat"] == "yes"  # outside work and primary school over the bars
    assert result["classes"]["parallelsamfund"] == "yes"


def test_a_bad_row_imports_nothing_and_names_the_row(plan, api_member):
    staff = api_member(plan, Role.STAFF)

    response = post(
        staff,
        f"/api/plans/{plan.slug}/observations",
        {
            "observations": [
                observation("parken-1", "2023", "41.2"),
                observation("ukendt", "2023", "30"),
                observation("parken-2", "2023", "130"),
            ]
        },
    )

    assert response.status_code == 422
    problems = response.json()["problems"]
    assert [(p["index"], p["field"]) for p in problems] == [(1, "department"), (2, "value")]
    assert not Observation.objects.filter(plan=plan).exists()


def test_uploading_again_updates_the_value_and_keeps_the_old_one(plan, api_member):
    staff = api_member(plan, Role.STAFF)
    url = f"/api/plans/{plan.slug}/observations"
    post(staff, url, {"observations": [observation("parken-1", "2023", "41.2")]})

    again = post(staff, url, {"observations": [observation("parken-1", "2023", "40.0")]})

    assert again.json() | {"import_id": 0} == {
        "added": 0,
        "changed": 1,
        "unchanged": 0,
        "import_id": 0,
        "dry_run": False,
    }
    current = Observation.objects.get(plan=plan, department__key="parken-1")
    assert current.value == Decimal("40.0000")
    assert PreviousObservation.objects.get(observation=current).value == Decimal("41.2000")


def test_a_dry_run_says_what_would_change_and_writes_nothing(plan, api_member):
    staff = api_member(plan, Role.STAFF)

    response = post(
        staff,
        f"/api/plans/{plan.slug}/observations",
        {"observations": [observation("parken-1", "2023", "1.5")], "dry_run": True},
    )

    assert response.json()["added"] == 1 and response.json()["import_id"] is None
    assert not Observation.objects.filter(plan=plan).exists()


def test_a_grade_with_three_decimals_is_not_read_as_thousands(plan, api_member):
    staff = api_member(plan, Role.STAFF)

    post(
        staff,
        f"/api/plans/{plan.slug}/observations",
        {
            "observations": [
                {
                    "department": "parken-1",
                    "indicator": "lbf-karaktergennemsnit-9-klasse",
                    "period": "2023/24",
                    "value": "1.102",
                }
            ]
        },
    )

    assert Observation.objects.get(plan=plan).value == Decimal("1.1020")


def test_events_are_registered_and_listed_with_filters(plan, api_member):
    staff = api_member(plan, Role.STAFF)
    url = f"/api/plans/{plan.slug}/logbook/events"

    created = post(
        staff,
        url,
        {
            "date": "2025-09-02",
            "title": "Fællesspisning",
            "departments": ["parken-1"],
            "participants": 30,
            "children": 10,
            "youth": 5,
            "adults": 10,
            "seniors": 5,
        },
    )
    refused = post(
        staff,
        url,
        {
            "date": "2025-09-03",
            "title": "Tur",
            "departments": ["parken-2"],
            "participants": 3,
            "children": 1,
            "youth": 0,
            "adults": 0,
            "seniors": 0,
        },
    )
    in_parken_2 = staff.get(url, {"department": "parken-2"}).json()
    in_parken_1 = staff.get(url, {"department": "parken-1"}).json()

    assert created.status_code == 201, created.content
    assert created.json()["departments"] == ["parken-1"]
    assert refused.status_code == 422
    assert [p["field"] for p in refused.json()["problems"]] == ["participants"]
    assert in_parken_2["count"] == 0
    assert [e["title"] for e in in_parken_1["items"]] == ["Fællesspisning"]


def test_reads_are_paginated(plan_2025, api_member):
    reader = api_member(plan_2025)
    url = f"/api/plans/{plan_2025.slug}/departments"

    first = reader.get(url, {"limit": 5}).json()
    second = reader.get(url, {"limit": 5, "offset": 5}).json()

    assert first["count"] == second["count"] == plan_2025.departments.count()
    assert len(first["items"]) == 5
    assert not {d["key"] for d in first["items"]} & {d["key"] for d in second["items"]}


def test_a_read_answers_304_when_the_etag_still_matches(plan_2025, api_member):
    reader = api_member(plan_2025)
    url = f"/api/plans/{plan_2025.slug}/observations"

    first = reader.get(url, {"limit": 10})
    again = reader.get(url, {"limit": 10}, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200 and first["ETag"]
    assert again.status_code == 304


def test_success_criteria_are_counted_from_the_logbook(plan_2017, api_member):
    reader = api_member(plan_2017)

    response = reader.get(f"/api/plans/{plan_2017.slug}/success-criteria", {"year": 1})

    assert response.status_code == 200
    states = {row["state"] for row in response.json()}
    assert states <= {"met", "on_track", "behind", "not_met", "no_data", "not_counted"}
    assert response.json(), "the 2017 demo plan has success criteria"
