from django.core.management.base import BaseCommand, CommandError

from helhedsplan.planfiles.exporter import export_plan
from helhedsplan.plans.models import Plan


class Command(BaseCommand):
    help = "Write a plan as a plan file (YAML) to standard output."

    def add_arguments(self, parser):
        parser.add_argument("plan", help="the plan's short name (slug), e.g. viborg-2025-29")

    def handle(self, *args, plan, **options):
        found = Plan.objects.filter(slug=plan).first()
        if found is None:
            known = ", ".join(Plan.objects.values_list("slug", flat=True)) or "none"
            raise CommandError(f"No plan '{plan}'. Plans: {known}")
        self.stdout.write(export_plan(found), ending="")
