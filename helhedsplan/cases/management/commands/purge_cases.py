"""Run daily (cron or a systemd timer): anonymise cases whose time is up."""

from django.core.management.base import BaseCommand

from helhedsplan.cases.actions import purge_due_cases
from helhedsplan.cases.tasks import purge_cases


class Command(BaseCommand):
    help = (
        "Anonymise closed cases past their retention period (CASE_RETENTION_DAYS) and cases "
        "whose consent was withdrawn, leaving only the counts. Each is written to the audit log. "
        "With --queue the worker does it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--queue", action="store_true", help="queue it for the worker")

    def handle(self, *args, queue=False, **options):
        if queue:
            result = purge_cases.enqueue()
            self.stdout.write(f"Queued for the worker: task {result.id}")
            return
        done = purge_due_cases()
        for number in done:
            self.stdout.write(f"Anonymised case #{number}")
        self.stdout.write(self.style.SUCCESS(f"{len(done)} cases anonymised."))
