"""Writes of the reports app."""

import logging

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from helhedsplan.agreements.models import SubAgreementVersion
from helhedsplan.core.concurrency import StaleEdit, last_change

from .data import ReportError
from .models import ReportFile, StatusText

logger = logging.getLogger(__name__)


@transaction.atomic
def save_status_texts(plan, project_year: int, texts: dict, user, versions=None) -> None:
    """`texts`: {section key: (assessment, decisions)}; `versions`: {section key: the version
    the form was opened on, 0 (the default) for a section without texts then}.

    A section whose texts differ from the stored ones is written only if nobody has saved it
    since the form was opened; otherwise nothing at all is written and StaleEdit says who
    changed it and when. Emptied texts stay as an empty row, so a version never repeats."""
    versions = versions or {}
    rows = {
        row.section: row
        for row in StatusText.objects.select_for_update().filter(
            plan=plan, project_year=project_year
        )
    }
    changed = {}
    for section, (assessment, decisions) in texts.items():
        wanted = (assessment.strip(), decisions.strip())
        row = rows.get(section)
        if wanted == ((row.assessment, row.decisions) if row else ("", "")):
            continue
        if (row.version if row else 0) != versions.get(section, 0):
            raise StaleEdit(_("The status report's texts"), row, *last_change(row))
        changed[section] = wanted
    for section, (assessment, decisions) in changed.items():
        row = rows.get(section) or StatusText(
            plan=plan, project_year=project_year, section=section, version=0
        )
        row.assessment, row.decisions, row.updated_by = assessment, decisions, user
        row.version += 1
        row.save()


FILE_FORMATS = ("pdf", "docx", "xlsx")


def _checked_parameters(plan, kind: str, raw: dict) -> dict:
    """The parameters of a report of `kind` from a form, checked; raises ReportError."""
    from .data import half_year_end
    from .status import chosen_year

    if kind == "monitoring":
        period = str(raw.get("period") or "")
        if period:
            half_year_end(period)  # raises ReportError for a period that is not a half-year
        return {"period": period}
    if kind == "status":
        year = str(raw.get("year") or "")
        number = int(year) if year.isdigit() and len(year) < 4 else None
        if year and number is None:
            raise ReportError(_("The project year must be a number."))
        return {"year": chosen_year(plan, number, timezone.localdate()).number}
    if kind == "agreement":
        key, number = str(raw.get("key") or ""), str(raw.get("number") or "")
        version = None
        if number.isdigit() and len(number) < 6:
            version = SubAgreementVersion.objects.filter(
                sub_agreement__plan=plan, sub_agreement__key=key, number=int(number)
            ).first()
        if version is None:
            raise ReportError(_("The plan has no such version of a sub-agreement."))
        return {"key": key, "number": version.number}
    raise ReportError(
        _("Unknown report '%(kind)s': choose monitoring, status or agreement.") % {"kind": kind}
    )


def request_report_file(plan, user, kind: str, file_format: str, parameters: dict) -> ReportFile:
    """Queue the making of a report file for `user`; the worker makes it (make_report_file).

    The request and its task are written in one transaction; files older than
    ReportFile.KEPT_FOR are dropped. Raises ReportError for a report that cannot be made."""
    from .tasks import make_report_file_task

    if file_format not in FILE_FORMATS:
        raise ReportError(
            _("Unknown format '%(format)s': choose pdf, docx or xlsx.") % {"format": file_format}
        )
    checked = _checked_parameters(plan, kind, parameters)
    with transaction.atomic():
        ReportFile.objects.filter(created__lt=timezone.now() - ReportFile.KEPT_FOR).delete()
        requested = ReportFile.objects.create(
            plan=plan, user=user, kind=kind, format=file_format, parameters=checked
        )
        make_report_file_task.enqueue(requested.pk)
    return requested


def build_report(plan, kind: str, parameters: dict):
    """The report a ReportFile asks for, as plain data (in the active language)."""
    from .agreement import agreement_report
    from .data import monitoring_report
    from .status import status_report

    if kind == "monitoring":
        return monitoring_report(plan, parameters.get("period") or None)
    if kind == "status":
        return status_report(plan, parameters.get("year"))
    if kind == "agreement":
        version = SubAgreementVersion.objects.filter(
            sub_agreement__plan=plan,
            sub_agreement__key=parameters.get("key"),
            number=parameters.get("number"),
        ).first()
        if version is None:
            raise ReportError(_("The plan has no such version of a sub-agreement."))
        return agreement_report(plan, version)
    raise ReportError(_("Unknown report '%(kind)s'.") % {"kind": kind})


def make_report_file(report_file_pk: int) -> str:
    """Make a queued report file (the worker's task); returns the state it ended in.

    The file and the state "done" are written together; a worker killed before that leaves
    the request without a file (it shows as stopped, and can be asked for again)."""
    from .files import produce

    State = ReportFile.State
    rows = ReportFile.objects.filter(pk=report_file_pk)
    if not rows.filter(state=State.QUEUED).update(state=State.RUNNING, updated=timezone.now()):
        return "skipped"
    requested = ReportFile.objects.select_related("plan").get(pk=report_file_pk)
    try:
        with translation.override("da"):
            report = build_report(requested.plan, requested.kind, requested.parameters)
            content, content_type, name = produce(report, requested.format)
            title = str(report.title)
    except ReportError as error:
        rows.update(state=State.FAILED, error=str(error), updated=timezone.now())
        return State.FAILED
    except Exception:
        logger.exception("report file %s could not be made", report_file_pk)
        message = _("The report stopped with an error; try again or tell the administrator.")
        rows.update(state=State.FAILED, error=message, updated=timezone.now())
        return State.FAILED
    rows.update(
        state=State.DONE,
        content=content,
        content_type=content_type,
        filename=name,
        title=title[:300],
        updated=timezone.now(),
    )
    return State.DONE
