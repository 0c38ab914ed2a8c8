import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from helhedsplan.lists.classify import classify_rows
from helhedsplan.lists.inputs import InputError, read_area_figures
from helhedsplan.lists.output import write_csv


class Command(BaseCommand):
    help = (
        "Classify areas against the official list criteria (§ 61 a / § 61 b). "
        "Input columns: area,list_year,residents,outside_work_pct,convicted_pct,"
        "primary_only_pct,income_pct,non_western_pct[,national_convicted_pct][,kommune]."
    )

    def add_arguments(self, parser):
        parser.add_argument("input")
        parser.add_argument("--out", help="write the result here instead of standard output")
        parser.add_argument("--history", choices=["official", "none"], default="official")

    def handle(self, *args, input, out, history, **options):
        try:
            rows = read_area_figures(input)
        except InputError as error:
            raise CommandError(f"Nothing was classified.\n{error}", returncode=2) from error
        classifications = classify_rows(rows, history=history)
        text = write_csv(classifications)
        if out:
            Path(out).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")
        notes = sorted({note for c in classifications for note in c.missing})
        for note in notes:
            sys.stderr.write(f"Missing input, criterion left unknown: {note}\n")
