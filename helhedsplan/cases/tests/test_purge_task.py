"""Case purging as a task: run by the worker, queued by `purge-cases --queue`."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import RequestFactory
from django_tasks_db.models import DBTaskResult

from helhedsplan.cases import actions
from helhedsplan.cases.models import Case, CaseRecord, ProblemCategory
from helhedsplan.cases.tasks import purge_cases
from helhedsplan.core.tests.worker import DATABASE_QUEUE, WorkerDatabase
from helhedsplan.planfiles.demo import load_demo
from helhedsplan.plans.models import Plan

D = datetime.date


def a_case_closed_long_ago(plan):
    user = get_user_model().objects.create_user("case-worker")
    request = RequestFactory().get("/test", REMOTE_ADDR="10.1.2.3")
    request.user = user
    case = actions.open_case(
        plan,
        {
            "department": plan.departments.get(key="vestervang"),
            "tenant_name": "Fiktiv Testperson",
            "key_person": "Medarbejder",
            "opened_on": D(2019, 1, 5),
        },
        ProblemCategory.objects.filter(code="rent-arrears"),
        {"kind": "oral", "given_on": D(2019, 1, 5), "covers": "Drøftelse med driften"},
        request,
    )
    actions.close_case(case, "moved", D(2020, 1, 1), request)
    return case


def test_the_purge_task_anonymises_what_is_due(plan_2025):
    case = a_case_closed_long_ago(plan_2025)

    result = purge_cases.enqueue()

    assert result.status == "SUCCESSFUL" and case.pk in result.return_value
    assert not Case.objects.filter(pk=case.pk).exists()
    assert CaseRecord.objects.filter(plan=plan_2025, reason="retention").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_command_queues_the_purge_for_a_real_worker(settings, tmp_path):
    load_demo()  # a test that commits starts from a flushed database
    case = a_case_closed_long_ago(Plan.objects.get(slug="viborg-2025-29"))
    settings.TASKS = DATABASE_QUEUE
    out = io.StringIO()

    call_command("purge_cases", "--queue", stdout=out)

    [task] = DBTaskResult.objects.all()
    assert f"task {task.id}" in out.getvalue()
    assert Case.objects.filter(pk=case.pk).exists()  # queued, not done
    WorkerDatabase(tmp_path).run_batch()
    task.refresh_from_db()
    assert (task.status, task.return_value) == ("SUCCESSFUL", [case.pk])
    assert not Case.objects.filter(pk=case.pk).exists()
