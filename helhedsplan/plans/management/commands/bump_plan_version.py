"""After a restore or an edit made outside the app's tables: give plans new versions, so no page
kept in the cache under an old one is shown again."""

from django.core.management.base import BaseCommand, CommandError

from helhedsplan.plans import versions
from helhedsplan.plans.models import Plan


class Command(BaseCommand):
    help = (
        "Give a plan (by its short name) or --all plans a new version: every page part kept "
        "in the cache for them is computed again. Run after a database restore."
    )

    def add_arguments(self, parser):
        parser.add_argument("plan", nargs="?", help="the plan's short name (slug)")
        parser.add_argument("--all", action="store_true", help="every plan")

    def handle(self, *args, plan=None, all=False, **options):
        if all == (plan is not None):
            raise CommandError("Name one plan, or give --all.")
        if all:
            versions.bump()
            self.stdout.write(self.style.SUCCESS("Every plan has a new version."))
            return
        found = Plan.objects.filter(slug=plan).values_list("pk", flat=True).first()
        if found is None:
            raise CommandError(f"No plan with the short name {plan!r}.")
        versions.bump([found])
        self.stdout.write(self.style.SUCCESS(f"{plan} has a new version."))
