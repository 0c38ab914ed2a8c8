from django.core.management.base import BaseCommand

from helhedsplan.planfiles.demo import DEMO_PASSWORD, DEMO_USERNAME, load_demo


class Command(BaseCommand):
    help = "Load the demo plans (Viborg 2017-21 and 2025-29) and create the demo administrator."

    def handle(self, *args, **options):
        loaded = load_demo()
        for slug in loaded:
            self.stdout.write(f"Loaded demo plan {slug}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo login: user '{DEMO_USERNAME}', password '{DEMO_PASSWORD}' (development only)"
            )
        )
