from django.core.management.base import BaseCommand, CommandError

from helhedsplan.lists.actions import import_area_figures
from helhedsplan.lists.inputs import InputError


class Command(BaseCommand):
    help = "Store area figures (the classify input format, with a kommune column). All or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--synthetic", action="store_true", help="mark as synthetic demo data")

    def handle(self, *args, file, synthetic, **options):
        try:
            count = import_area_figures(file, synthetic=synthetic)
        except InputError as error:
            raise CommandError(f"Nothing was imported.\n{error}", returncode=2) from error
        self.stdout.write(self.style.SUCCESS(f"Stored figures for {count} area-years."))
