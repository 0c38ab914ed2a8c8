"""Report pages and downloads: parse the request, build the report in Danish, render."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from helhedsplan.accounts.access import can, plan_for
from helhedsplan.accounts.models import Role
from helhedsplan.core.concurrency import Difference, StaleEdit
from helhedsplan.core.validators import validate_no_control_characters
from helhedsplan.plans.periods import project_years

from .actions import FILE_FORMATS, request_report_file, save_status_texts
from .agreement import agreement_report
from .data import ReportError, latest_half_year, monitoring_report
from .files import FORMATS, produce
from .models import ReportFile, StatusText
from .render_html import report_body, style_hashes
from .status import chosen_year, sections_of, status_report


def _half_years(plan, today):
    """The half-years of the plan period that have ended, newest first."""
    last = latest_half_year(today)
    periods = []
    for year in range(plan.period_start.year - 1, plan.period_end.year + 1):
        for half in ("H1", "H2"):
            if f"{year}{half}" <= last:
                periods.append(f"{year}{half}")
    return list(reversed(periods))


@require_GET
def index(request, plan):
    plan = plan_for(request, plan)
    today = timezone.localdate()
    context = {
        "plan": plan,
        "periods": _half_years(plan, today),
        "formats": list(FORMATS),
        "file_formats": FILE_FORMATS,
        "years": project_years(plan),
        "sub_agreements": plan.sub_agreements.prefetch_related("versions"),
    }
    return render(request, "reports/index.html", context)


@require_GET
def monitoring(request, plan):
    plan = plan_for(request, plan)
    period = request.GET.get("period") or None
    try:
        with translation.override("da"):
            report = monitoring_report(plan, period)
            body = report_body(report)
    except ReportError as error:
        return render(request, "reports/error.html", {"plan": plan, "error": error}, status=400)
    context = {
        "plan": plan,
        "report": report,
        "body": body,
        "query": f"period={report_period(report)}",
        "download_url": reverse("reports:monitoring_download", args=[plan.slug]),
        "download_formats": ["html"],
        "file_formats": FILE_FORMATS,
        "generate": {"kind": "monitoring", "period": report_period(report)},
    }
    return render(request, "reports/report.html", context)


def report_period(report) -> str:
    return report.filename.rsplit("-", 1)[-1]


@require_GET
def monitoring_download(request, plan):
    plan = plan_for(request, plan)
    return _download(
        request, plan, lambda: monitoring_report(plan, request.GET.get("period") or None)
    )


def _download(request, plan, build):
    """The report as a standalone web page; the files (PDF, DOCX, XLSX) are made by the
    worker (`generate`), not in the web process."""
    kind = request.GET.get("format", "html")
    try:
        if kind != "html":
            raise ReportError(
                _(
                    "PDF, DOCX and XLSX files are made in the background: use the buttons on "
                    "the report's page (format '%(format)s')."
                )
                % {"format": kind}
            )
        with translation.override("da"):
            content, content_type, name = produce(build(), kind)
    except ReportError as error:
        return render(request, "reports/error.html", {"plan": plan, "error": error}, status=400)
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if kind == "html" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    if kind == "html":
        response._csp_update = {"style-src": style_hashes(content.decode())}
    return response


def _year_number(request) -> int | None:
    raw = request.GET.get("year") or request.POST.get("year") or ""
    return int(raw) if raw.isdigit() else None


@require_GET
def status(request, plan):
    plan = plan_for(request, plan)
    try:
        with translation.override("da"):
            report = status_report(plan, _year_number(request))
            body = report_body(report)
    except ReportError as error:
        return render(request, "reports/error.html", {"plan": plan, "error": error}, status=400)
    number = report.filename.rsplit("-", 1)[-1]
    context = {
        "plan": plan,
        "report": report,
        "body": body,
        "query": f"year={number}",
        "download_url": reverse("reports:status_download", args=[plan.slug]),
        "download_formats": ["html"],
        "file_formats": FILE_FORMATS,
        "generate": {"kind": "status", "year": number},
    }
    if can(request.plan_role, Role.STAFF):
        context["edit_url"] = reverse("reports:status_edit", args=[plan.slug]) + f"?year={number}"
    return render(request, "reports/report.html", context)


@require_GET
def status_download(request, plan):
    plan = plan_for(request, plan)
    return _download(request, plan, lambda: status_report(plan, _year_number(request)))


def status_edit(request, plan):
    """The secretariat writes its assessment and the board's decisions, per section."""
    plan = plan_for(request, plan, Role.STAFF)
    try:
        year = chosen_year(plan, _year_number(request), timezone.localdate())
    except ReportError as error:
        return render(request, "reports/error.html", {"plan": plan, "error": error}, status=400)
    sections = sections_of(plan)
    stored = {t.section: t for t in StatusText.objects.filter(plan=plan, project_year=year.number)}
    rows = [
        (key, title, stored[key].assessment, stored[key].decisions, stored[key].version)
        if key in stored
        else (key, title, "", "", 0)
        for key, title in sections
    ]
    stale = None
    if request.method == "POST":
        texts = {
            key: (
                request.POST.get(f"assessment-{key}", ""),
                request.POST.get(f"decisions-{key}", ""),
            )
            for key, _title in sections
        }
        problems = _status_text_problems(texts, dict(sections))
        if problems:
            for problem in problems:
                messages.error(request, problem)
            rows = [(key, title, *texts[key], version) for key, title, _a, _d, version in rows]
            context = {"plan": plan, "year": year, "rows": rows, "stale": None}
            return render(request, "reports/status_edit.html", context, status=400)
        versions = {key: _number(request.POST.get(f"version-{key}")) for key, _title in sections}
        try:
            save_status_texts(plan, year.number, texts, request.user, versions)
        except StaleEdit as error:
            stale = error
            stale.differences = _text_differences(sections, texts, stored)
            rows = [(key, title, *texts[key], version) for key, title, _a, _d, version in rows]
        else:
            messages.success(request, _("The texts are saved."))
            return redirect(reverse("reports:status", args=[plan.slug]) + f"?year={year.number}")
    context = {"plan": plan, "year": year, "rows": rows, "stale": stale}
    return render(request, "reports/status_edit.html", context, status=409 if stale else 200)


def _number(raw) -> int:
    return int(raw) if raw and raw.isdigit() and len(raw) < 10 else 0


def _text_differences(sections, texts, stored) -> list[Difference]:
    """Where the entered texts differ from the stored ones, by section."""
    found = []
    for key, title in sections:
        row = stored.get(key)
        current = (row.assessment, row.decisions) if row else ("", "")
        labels = (_("The secretariat's assessment"), _("The board's decisions for next year"))
        for label, now, entered in zip(labels, current, texts[key], strict=True):
            if now != entered.strip():
                found.append(Difference(f"{title}: {label}", now, entered))
    return found


STATUS_TEXT_MAX_CHARACTERS = 20_000


def _status_text_problems(texts: dict, titles: dict) -> list[str]:
    """Texts too long or holding control characters: refused with the section named, not cut."""
    problems = []
    for key, pair in texts.items():
        for text in pair:
            if len(text) > STATUS_TEXT_MAX_CHARACTERS:
                problems.append(
                    _("%(section)s: the text has %(length)s characters; at most %(limit)s.")
                    % {
                        "section": titles[key],
                        "length": len(text),
                        "limit": STATUS_TEXT_MAX_CHARACTERS,
                    }
                )
            try:
                validate_no_control_characters(text)
            except ValidationError as error:
                problems.append(f"{titles[key]}: {error.messages[0]}")
    return problems


@require_GET
def agreement_download(request, plan, key, number):
    """Any version of a sub-agreement, in any format (LBF may ask for it at any time)."""
    plan = plan_for(request, plan)
    sub_agreement = get_object_or_404(plan.sub_agreements, key=key)
    version = get_object_or_404(sub_agreement.versions, number=number)
    return _download(request, plan, lambda: agreement_report(plan, version))


@require_POST
def generate(request, plan):
    """Ask for a report file (PDF, DOCX, XLSX): the worker makes it; the files page shows it."""
    plan = plan_for(request, plan)
    parameters = {name: request.POST.get(name, "") for name in ("period", "year", "key", "number")}
    try:
        request_report_file(
            plan,
            request.user,
            request.POST.get("kind", ""),
            request.POST.get("format", ""),
            parameters,
        )
    except ReportError as error:
        return render(request, "reports/error.html", {"plan": plan, "error": error}, status=400)
    return redirect("reports:files", plan.slug)


@require_GET
def files(request, plan):
    """The plan's report files members have asked for, with their state (htmx polls while
    any is being made). A report is the same for every member, so is its file."""
    plan = plan_for(request, plan)
    shown = ReportFile.objects.filter(plan=plan).select_related("user").defer("content")[:20]
    context = {"plan": plan, "files": shown}
    context["waiting"] = any(f.state in ("queued", "running") and not f.stalled for f in shown)
    if request.htmx:
        return render(request, "reports/_files.html", context)
    return render(request, "reports/files.html", context)


@require_GET
def file_download(request, plan, pk):
    """A report file the worker has made, for any member of its plan."""
    plan = plan_for(request, plan)
    made = get_object_or_404(ReportFile, plan=plan, pk=pk, state=ReportFile.State.DONE)
    response = HttpResponse(bytes(made.content), content_type=made.content_type)
    response["Content-Disposition"] = f'attachment; filename="{made.filename}"'
    return response
