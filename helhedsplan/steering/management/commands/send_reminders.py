"""Run daily: e-mail the annual cycle's reminders that are due (each one once)."""

from django.core.management.base import BaseCommand

from helhedsplan.steering.actions import send_due_reminders
from helhedsplan.steering.tasks import send_reminders


class Command(BaseCommand):
    help = (
        "Send the annual cycle's due reminders by e-mail; a reminder is never sent twice. "
        "With --queue the worker sends them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--queue", action="store_true", help="queue it for the worker")

    def handle(self, *args, queue=False, **options):
        if queue:
            result = send_reminders.enqueue()
            self.stdout.write(f"Queued for the worker: task {result.id}")
            return
        for reminder in send_due_reminders():
            self.stdout.write(f"Reminded {reminder.recipients or '(nobody)'}: {reminder.event}")
