from django.core.management.base import BaseCommand

from helhedsplan.cases.demo import CASE_WORKER, CASE_WORKER_PASSWORD, DEMO_TOTP_SECRET
from helhedsplan.planfiles.demo import DEMO_PASSWORD, DEMO_USERNAME, load_demo


class Command(BaseCommand):
    help = (
        "Load the demo plans (Viborg 2017-21 and 2025-29) with their monitoring data, logbook, "
        "list figures and fictional cases, and create the demo users."
    )

    def handle(self, *args, **options):
        loaded = load_demo()
        for slug in loaded:
            self.stdout.write(f"Loaded demo plan {slug}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo login: user '{DEMO_USERNAME}', password '{DEMO_PASSWORD}' (development only)"
            )
        )
        self.stdout.write(
            f"Case worker (Bo Godt): user '{CASE_WORKER}', password '{CASE_WORKER_PASSWORD}', "
            f"two-factor secret {DEMO_TOTP_SECRET} (add it to an authenticator app)"
        )
