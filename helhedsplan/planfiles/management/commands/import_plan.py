from django.core.management.base import BaseCommand, CommandError

from helhedsplan.planfiles.importer import import_plan_file
from helhedsplan.planfiles.source import PlanFileError


class Command(BaseCommand):
    help = "Import a plan file (YAML, docs/plan-file-format.md). All or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        try:
            plan = import_plan_file(file)
        except PlanFileError as error:
            raise CommandError(f"Nothing was imported.\n{error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {plan} ({plan.slug}): {plan.departments.count()} departments, "
                f"{plan.sub_agreements.count()} sub-agreements."
            )
        )
