"""Every write to a case, each in one transaction with its audit line."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import audit
from .models import AuditEvent, Case, CaseEntry, CaseRecord, Consent
from .subject_access import name_digest, tenant_cases


class NoConsent(Exception):
    """Nothing may be recorded on a case without valid consent."""


@transaction.atomic
def open_case(plan, data: dict, categories, consent: dict, request) -> Case:
    """A case starts with the tenant's consent; without it there is no case."""
    case = Case.objects.create(
        plan=plan, opened_on=data.pop("opened_on", timezone.localdate()), **data
    )
    case.categories.set(categories)
    Consent.objects.create(case=case, recorded_by=request.user, **consent)
    audit.record(
        plan,
        AuditEvent.Action.CREATE,
        case=case,
        request=request,
        detail=f"consent {consent['kind']} {consent['given_on']}",
    )
    return case


@transaction.atomic
def add_entry(case: Case, date: datetime.date, kind: str, text: str, request) -> CaseEntry:
    if case.status == Case.Status.CLOSED:
        raise NoConsent(_("The case is closed."))
    if case.valid_consent() is None:
        raise NoConsent(_("The tenant's consent is missing or withdrawn: nothing can be recorded."))
    entry = CaseEntry.objects.create(
        case=case, date=date, kind=kind, text=text, created_by=request.user
    )
    audit.record(case.plan, AuditEvent.Action.ADD_ENTRY, case=case, request=request, detail=kind)
    return entry


@transaction.atomic
def withdraw_consent(case: Case, on: datetime.date, request) -> None:
    """Stops further entries and starts deletion: the case is anonymised by the next purge."""
    case.consents.filter(withdrawn_on=None).update(withdrawn_on=on)
    case.delete_after = on
    case.save(update_fields=["delete_after"])
    audit.record(case.plan, AuditEvent.Action.WITHDRAW, case=case, request=request)


@transaction.atomic
def close_case(case: Case, outcome: str, on: datetime.date, request) -> None:
    case.status = Case.Status.CLOSED
    case.outcome = outcome
    case.closed_on = on
    case.delete_after = on + datetime.timedelta(days=settings.CASE_RETENTION_DAYS)
    case.save(update_fields=["status", "outcome", "closed_on", "delete_after"])
    audit.record(case.plan, AuditEvent.Action.CLOSE, case=case, request=request, detail=outcome)


def _anonymise(case: Case, reason: str) -> CaseRecord:
    record = CaseRecord.objects.create(
        plan=case.plan,
        department=case.department,
        opened_on=case.opened_on,
        closed_on=case.closed_on,
        outcome=case.outcome,
        categories=sorted(case.categories.values_list("code", flat=True)),
        reason=reason,
    )
    case.delete()  # the tenant, consents, participants and timeline go with it
    return record


@transaction.atomic
def purge_due_cases(today: datetime.date | None = None, user=None) -> list[int]:
    """Anonymise every case whose retention has run out or whose consent was withdrawn."""
    today = today or timezone.localdate()
    done = []
    for case in Case.objects.filter(delete_after__lte=today).select_related("plan"):
        number, plan = case.pk, case.plan
        reason = "consent withdrawn" if case.valid_consent() is None else "retention"
        _anonymise(case, reason)
        audit.record(
            plan, AuditEvent.Action.ANONYMISE, case_number=number, user=user, detail=reason
        )
        done.append(number)
    return done


@transaction.atomic
def look_up_tenant(plan, name: str, request) -> list[Case]:
    """Right of access: the tenant's cases found by name, each one found written to the audit
    log (or that none was) in the same transaction as the read."""
    cases = tenant_cases(plan, name)
    detail = f"subject access lookup, name {name_digest(name)}"
    for case in cases:
        audit.record(plan, AuditEvent.Action.READ, case=case, request=request, detail=detail)
    if not cases:
        audit.record(plan, AuditEvent.Action.READ, request=request, detail=f"{detail}, no case")
    return cases


@transaction.atomic
def erase_tenant(plan, cases: list[Case], request) -> int:
    """Right to erasure: the tenant's cases are anonymised now, whatever their schedule."""
    for case in cases:
        number = case.pk
        _anonymise(case, "erased on request")
        audit.record(plan, AuditEvent.Action.ERASE, case_number=number, request=request)
    return len(cases)
