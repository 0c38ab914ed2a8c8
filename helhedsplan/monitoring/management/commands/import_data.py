import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from helhedsplan.core.tabular import TabularError, check_size, more_problems
from helhedsplan.monitoring.actions import ImportRejected, choose_layout, import_observations
from helhedsplan.monitoring.layouts import LayoutError, load_layout, load_layout_file
from helhedsplan.monitoring.problems import problems_csv
from helhedsplan.plans.models import Plan


class Command(BaseCommand):
    help = (
        "Import monitoring data (CSV or XLSX) through a layout (docs/monitoring.md). "
        "All files or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--plan", help="the plan's short name (needed if there are several)")
        layouts = parser.add_mutually_exclusive_group()
        layouts.add_argument("--layout", help="a shipped layout's name")
        layouts.add_argument("--layout-file", help="a layout file of your own (YAML)")
        parser.add_argument("--provenance", default="", help="where the figures come from")
        parser.add_argument("--dry-run", action="store_true", help="only say what would change")
        parser.add_argument("--problems-csv", help="write the problems to this CSV file")

    def handle(self, *args, files, plan, layout, provenance, dry_run, problems_csv, **options):
        plan = self._plan(plan)
        contents = []
        for name in files:
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"{name}: no such file")
            try:
                check_size(path.stat().st_size)
            except TabularError as error:
                raise CommandError(f"{name}: {error}") from error
            contents.append((path.name, path.read_bytes()))
        try:
            if options.get("layout_file"):
                chosen = load_layout_file(options["layout_file"])
            else:
                chosen = load_layout(layout) if layout else choose_layout(contents)
            outcome = import_observations(
                plan,
                contents,
                chosen,
                provenance=provenance,
                dry_run=dry_run,
                progress=self._progress,
            )
        except LayoutError as error:
            raise CommandError(str(error)) from error
        except ImportRejected as rejected:
            for problem in rejected.problems:
                where = ", ".join(
                    str(part)
                    for part in (
                        problem.file,
                        problem.sheet,
                        problem.row and f"row {problem.row}",
                        problem.column and f"column {problem.column}",
                    )
                    if part
                )
                self.stderr.write(f"{where}: {problem.message}")
            if rejected.more:
                self.stderr.write(more_problems(rejected.more))
            if problems_csv:
                Path(problems_csv).write_text(problems_csv_text(rejected), encoding="utf-8")
            raise CommandError(f"Nothing was imported: {rejected}") from rejected
        counts = outcome.summary()
        verb = "Would add" if dry_run else "Added"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {counts['added']}, change {counts['changed']}, leave "
                f"{counts['unchanged']} unchanged ({chosen.name}, {plan.slug})."
                if dry_run
                else f"{verb} {counts['added']}, changed {counts['changed']}, left "
                f"{counts['unchanged']} unchanged ({chosen.name}, {plan.slug})."
            )
        )

    def _plan(self, slug):
        if slug:
            plan = Plan.objects.filter(slug=slug).first()
            if plan is None:
                raise CommandError(f"no plan '{slug}'")
            return plan
        plans = list(Plan.objects.all()[:2])
        if len(plans) != 1:
            raise CommandError("name the plan with --plan")
        return plans[0]

    def _progress(self, done, total):
        if total >= 1000 and sys.stderr.isatty():
            width = 30
            filled = width * done // max(total, 1)
            end = "\n" if done >= total else ""
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} rows{end}")


def problems_csv_text(rejected):
    return problems_csv(rejected.problems, rejected.more)
