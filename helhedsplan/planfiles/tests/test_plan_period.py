"""A plan's period is bounded (2000-2100, at most ten years) and the dates inside a plan file
must fit it; a plan at either end of the bounds works on every page that counts in years."""

import datetime

import pytest
from django.core.management import call_command

from helhedsplan.accounts.models import Role
from helhedsplan.planfiles.importer import import_plan
from helhedsplan.planfiles.schema import PlanFile
from helhedsplan.planfiles.source import PlanFileError, parse_plan_file
from helhedsplan.plans.models import Plan
from helhedsplan.reports.tests.made import made_file

from .test_bad_files import VALID, import_errors, write

SUB_AGREEMENT = """\
sub_agreements:
  - key: beskaeftigelse
    intervention_area: beskaeftigelse
    title: Delaftale om beskæftigelse
    period_start: {start}
    period_end: {end}
    activities:
      - key: jobcafe
        name: Jobcafé
        departments: [testparken]
        success_criteria:
          - text: 20 deltagere pr. år
            threshold: 20
            measure: participants
"""


def plan_text(start: str, end: str, extra: str = "") -> str:
    text = VALID.replace("period_start: 2025-08-01", f"period_start: {start}")
    text = text.replace("period_end: 2029-07-31", f"period_end: {end}")
    text = text.replace("year: 2024", f"year: {start[:4]}")
    return text + extra


def test_a_plan_ending_in_the_year_9999_is_refused(db, tmp_path):
    message = import_errors(tmp_path, plan_text("2025-01-01", "9999-12-31"))

    assert "line 7 at plan.period_end: Input should be less than or equal to 2100-12-31" in message


def test_a_plan_starting_before_2000_is_refused(db, tmp_path):
    message = import_errors(tmp_path, plan_text("1999-12-31", "2003-12-31"))

    assert "at plan.period_start: Input should be greater than or equal to 2000-01-01" in message


def test_a_plan_period_longer_than_ten_years_is_refused(db, tmp_path):
    message = import_errors(tmp_path, plan_text("2025-01-01", "2035-01-02"))

    assert "line 7 at plan.period_end: a plan period is at most 10 years" in message


def test_a_sub_agreement_outside_the_plan_period_is_refused(db, tmp_path):
    extra = SUB_AGREEMENT.format(start="2025-08-01", end="2030-07-31")

    message = import_errors(tmp_path, plan_text("2025-08-01", "2029-07-31", extra))

    assert "at sub_agreements[0].period_end: must lie within the plan period" in message
    assert "2025-08-01 to 2029-07-31" in message


def test_a_baseline_year_long_before_the_plan_is_refused(db, tmp_path):
    text = plan_text("2025-08-01", "2029-07-31").replace("year: 2025", "year: 1901")

    message = import_errors(tmp_path, text)

    assert "at indicators[0].baselines[0].year: a baseline year must be between 2015 and 2029" in (
        message
    )


def test_a_milestone_long_after_the_plan_is_refused(db, tmp_path):
    extra = "governance:\n  milestones:\n    - title: Slutevaluering\n      due: 2040-01-01\n"

    message = import_errors(tmp_path, plan_text("2025-08-01", "2029-07-31", extra))

    assert "at governance.milestones[0].due: must lie within a year of the plan period" in message


@pytest.mark.parametrize(
    ("start", "end"),
    [("2000-01-01", "2009-12-31"), ("2091-01-01", "2100-12-31"), ("2096-02-29", "2100-12-31")],
)
def test_a_plan_at_the_limits_imports_and_its_year_pages_work(db, tmp_path, member, start, end):
    path = write(tmp_path, plan_text(start, end, SUB_AGREEMENT.format(start=start, end=end)))

    call_command("import_plan", str(path))

    plan = Plan.objects.get(slug="test-plan")
    assert plan.period_end == datetime.date.fromisoformat(end)
    client = member(plan, Role.STAFF)
    base = f"/plans/{plan.slug}"
    pages = [
        f"{base}/logbook/",
        f"{base}/logbook/events/",
        f"{base}/logbook/events/new/",
        f"{base}/reports/",
        f"{base}/reports/status/",
        f"{base}/reports/status/?year=1",
        f"{base}/reports/status/download/?year=1&format=html",
    ]
    for url in pages:
        assert client.get(url).status_code == 200, url
    assert made_file(client, plan, kind="status", year=1, format="xlsx").status_code == 200


def test_a_plan_file_built_in_code_gets_the_same_period_checks(db):
    data = parse_plan_file(plan_text("2025-08-01", "2029-07-31")).model_dump()
    data["governance"]["milestones"] = [{"title": "Sent", "due": datetime.date(2035, 1, 1)}]
    plan_file = PlanFile.model_validate(data)

    with pytest.raises(PlanFileError, match=r"at governance.milestones\[0\].due: must lie"):
        import_plan(plan_file, "code.yaml")
    assert not Plan.objects.filter(slug="test-plan").exists()
