"""The daily reminders as a task: run by the worker, queued by `send-reminders --queue`."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from helhedsplan.accounts.models import Role
from helhedsplan.core.tests.worker import DATABASE_QUEUE, WorkerDatabase
from helhedsplan.planfiles.demo import load_demo
from helhedsplan.plans.models import Plan
from helhedsplan.steering.models import CalendarEvent, ReminderSent
from helhedsplan.steering.tasks import send_reminders


def an_event_due(plan, member):
    staff = member(plan, Role.STAFF, "secretary")
    staff.user.email = "sekretariat@example.invalid"
    staff.user.save()
    CalendarEvent.objects.filter(plan=plan).delete()
    return CalendarEvent.objects.create(
        plan=plan,
        title="Datatræk",
        date=timezone.localdate() + datetime.timedelta(days=3),
        responsible_role="staff",
        remind_days_before=14,
    )


def test_the_reminder_task_sends_a_due_reminder_once(plan_2025, member):
    CalendarEvent.objects.all().delete()
    event = an_event_due(plan_2025, member)

    first = send_reminders.enqueue()
    again = send_reminders.enqueue()

    [sent] = first.return_value
    assert first.status == "SUCCESSFUL" and sent.startswith(f"{event}: ")
    assert again.return_value == []  # once only
    [message] = mail.outbox
    assert "sekretariat@example.invalid" in message.to  # every staff member with e-mail


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_command_queues_the_reminders_for_a_real_worker(member, settings, tmp_path):
    load_demo()  # a test that commits starts from a flushed database
    CalendarEvent.objects.all().delete()
    event = an_event_due(Plan.objects.get(slug="viborg-2025-29"), member)
    settings.TASKS = DATABASE_QUEUE
    out = io.StringIO()

    call_command("send_reminders", "--queue", stdout=out)

    [task] = DBTaskResult.objects.all()
    assert f"task {task.id}" in out.getvalue()
    assert not ReminderSent.objects.exists()  # queued, not sent
    WorkerDatabase(tmp_path).run_batch()
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"
    assert ReminderSent.objects.get().event == event
