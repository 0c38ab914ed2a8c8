"""A bad plan file gets errors that name the file, the place and what was expected, and
nothing is written."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from helhedsplan.agreements.models import SubAgreementVersion
from helhedsplan.goals.models import Baseline
from helhedsplan.plans.models import Area, Department, Party, Plan

VALID = """\
format: helhedsplan-plan
version: 1
plan:
  slug: test-plan
  name: Testplan
  period_start: 2025-08-01
  period_end: 2029-07-31
  project_year_start_month: 8
  municipality: Testby Kommune
parties:
  - name: Testby Kommune
    kind: municipality
  - name: Boligselskabet Test
    kind: housing_organisation
areas:
  - name: Testparken
    municipality: Testby
departments:
  - key: testparken
    number: "1"
    name: Testparken
    housing_organisation: Boligselskabet Test
    area: Testparken
    tenancies: 120
intervention_areas:
  - code: beskaeftigelse
indicators:
  - key: ledighed
    name: Andel ledige
    unit: percent
    baselines:
      - scope: department
        department: testparken
        year: 2024
        value: 12.5
"""


def counts():
    return [
        model.objects.count()
        for model in (Plan, Party, Area, Department, Baseline, SubAgreementVersion)
    ]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def import_errors(tmp_path, text) -> str:
    before = counts()
    with pytest.raises(CommandError) as raised:
        call_command("import_plan", str(write(tmp_path, text)))
    assert counts() == before, "a failed import must write nothing"
    return str(raised.value)


def test_a_valid_file_imports(db, tmp_path):
    call_command("import_plan", str(write(tmp_path, VALID)))

    department = Department.objects.get(plan__slug="test-plan", key="testparken")
    assert department.housing_organisation.name == "Boligselskabet Test"


def test_wrong_type_names_file_line_and_path(db, tmp_path):
    message = import_errors(tmp_path, VALID.replace("tenancies: 120", "tenancies: mange"))

    assert "plan.yaml, line 24 at departments[0].tenancies" in message
    assert "valid integer" in message
    assert "Nothing was imported" in message


def test_unknown_field_is_an_error_not_silently_dropped(db, tmp_path):
    message = import_errors(tmp_path, VALID.replace("tenancies: 120", "tenancys: 120"))

    assert "departments[0].tenancys: unknown field" in message


def test_reference_to_undefined_department_is_named(db, tmp_path):
    message = import_errors(tmp_path, VALID.replace("department: testparken", "department: x"))

    assert "indicator 'ledighed' refers to department 'x'" in message


def test_missing_required_field(db, tmp_path):
    message = import_errors(tmp_path, VALID.replace("  name: Testplan\n", ""))

    assert "at plan.name: this field is required" in message


def test_value_and_suppressed_status_cannot_both_be_given(db, tmp_path):
    text = VALID.replace("value: 12.5", "value: 12.5\n        status: suppressed")

    message = import_errors(tmp_path, text)

    assert "indicators[0].baselines[0]" in message
    assert "must not have a 'value'" in message


def test_invalid_yaml_names_the_line(db, tmp_path):
    message = import_errors(tmp_path, VALID.replace("  name: Testplan", "  name: [Testplan"))

    assert "plan.yaml, line" in message
    assert "is not valid YAML" in message


def test_unknown_intervention_area_code(db, tmp_path):
    message = import_errors(tmp_path, VALID.replace("code: beskaeftigelse", "code: sport"))

    assert "unknown intervention area code 'sport'" in message


def test_an_existing_plan_is_not_overwritten(db, tmp_path):
    message = import_errors(tmp_path, VALID.replace("slug: test-plan", "slug: viborg-2025-29"))

    assert "a plan 'viborg-2025-29' already exists" in message


def test_a_file_that_is_not_a_plan(db, tmp_path):
    message = import_errors(tmp_path, "- just\n- a list\n")

    assert "expected a mapping" in message


def test_export_of_unknown_plan_lists_the_known_ones(db):
    with pytest.raises(CommandError, match="viborg-2025-29"):
        call_command("export_plan", "nope")
