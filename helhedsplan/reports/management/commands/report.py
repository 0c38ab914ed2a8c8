"""helhedsplan report monitoring|status|agreement PLAN [--period 2025H2 | --year N |
--key KEY --number N] [--format html|pdf|docx|xlsx|all] [--out DIR]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from helhedsplan.plans.models import Plan
from helhedsplan.reports.data import ReportError
from helhedsplan.reports.files import FORMATS, produce


class Command(BaseCommand):
    help = "Write a report (in Danish) as HTML, PDF, DOCX or XLSX."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["monitoring", "status", "agreement"])
        parser.add_argument("plan", help="the plan's slug, e.g. viborg-2025-29")
        parser.add_argument("--period", help="monitoring: the half-year, e.g. 2025H2")
        parser.add_argument("--key", help="agreement: the sub-agreement's key")
        parser.add_argument("--number", type=int, help="agreement: the version (default: latest)")
        parser.add_argument("--year", type=int, help="status: the project year's number")
        parser.add_argument("--format", default="all", choices=[*FORMATS, "all"])
        parser.add_argument("--out", default=".", help="the directory to write to")

    def handle(self, *args, **options):
        plan = Plan.objects.filter(slug=options["plan"]).first()
        if plan is None:
            raise CommandError(f"No plan '{options['plan']}'.")
        kinds = list(FORMATS) if options["format"] == "all" else [options["format"]]
        out = Path(options["out"])
        out.mkdir(parents=True, exist_ok=True)
        try:
            with translation.override("da"):
                report = self.build(plan, options)
                for kind in kinds:
                    content, _type, name = produce(report, kind)
                    (out / name).write_bytes(content)
                    self.stdout.write(str(out / name))
        except ReportError as error:
            raise CommandError(str(error)) from error

    def build(self, plan, options):
        from helhedsplan.reports.data import monitoring_report
        from helhedsplan.reports.status import status_report

        if options["kind"] == "agreement":
            return self.agreement(plan, options)
        if options["kind"] == "status":
            return status_report(plan, options.get("year"))
        return monitoring_report(plan, options.get("period"))

    def agreement(self, plan, options):
        from helhedsplan.reports.agreement import agreement_report

        subs = plan.sub_agreements.all()
        sub = subs.filter(key=options["key"]).first() if options["key"] else subs.first()
        if sub is None:
            raise CommandError(f"No sub-agreement '{options['key']}' in {plan.slug}.")
        versions = sub.versions.order_by("-number")
        version = (
            versions.filter(number=options["number"]).first()
            if options["number"]
            else versions.first()
        )
        if version is None:
            raise CommandError(f"No version {options['number']} of {sub.key}.")
        return agreement_report(plan, version)
