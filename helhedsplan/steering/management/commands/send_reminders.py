"""Run daily: e-mail the annual cycle's reminders that are due (each one once)."""

from django.core.management.base import BaseCommand

from helhedsplan.steering.actions import send_due_reminders


class Command(BaseCommand):
    help = "Send the annual cycle's due reminders by e-mail; a reminder is never sent twice."

    def handle(self, *args, **options):
        for reminder in send_due_reminders():
            self.stdout.write(f"Reminded {reminder.recipients or '(nobody)'}: {reminder.event}")
