"""Right of access: everything the system holds about one tenant, as JSON and as PDF."""

from django.template.loader import render_to_string
from django.utils.crypto import salted_hmac

from .models import AuditEvent, Case


def name_digest(name: str) -> str:
    """What the audit log keeps of a name looked up: a keyed digest, not the name.

    The audit log outlives the cases (and an erased tenant), so it holds no name; the digest
    still shows, for a name put to it later, whether and when that name was looked up.
    """
    normalised = " ".join(name.split()).casefold()
    return salted_hmac("helhedsplan.cases.subject_access", normalised).hexdigest()[:16]


def tenant_cases(plan, name: str):
    return list(
        Case.objects.filter(plan=plan, tenant_name__iexact=name.strip())
        .select_related("department")
        .prefetch_related("categories", "consents", "participants", "entries")
    )


def tenant_data(plan, name: str) -> dict:
    cases = tenant_cases(plan, name)
    return {
        "plan": plan.name,
        "tenant_name": name.strip(),
        "cases": [
            {
                "number": case.pk,
                "department": str(case.department),
                "tenant_name": case.tenant_name,
                "tenant_address": case.tenant_address,
                "key_person": case.key_person,
                "problems": [c.name for c in case.categories.all()],
                "status": case.status,
                "outcome": case.outcome,
                "opened_on": case.opened_on.isoformat(),
                "closed_on": case.closed_on.isoformat() if case.closed_on else None,
                "to_be_anonymised_from": (
                    case.delete_after.isoformat() if case.delete_after else None
                ),
                "consents": [
                    {
                        "kind": c.kind,
                        "given_on": c.given_on.isoformat(),
                        "covers": c.covers,
                        "withdrawn_on": c.withdrawn_on.isoformat() if c.withdrawn_on else None,
                    }
                    for c in case.consents.all()
                ],
                "participants": [
                    {"organisation": p.organisation, "role": p.role}
                    for p in case.participants.all()
                ],
                "timeline": [
                    {"date": e.date.isoformat(), "kind": e.kind, "text": e.text}
                    for e in case.entries.all()
                ],
                "access_log": [
                    {"at": a.at.isoformat(), "user": a.username, "action": a.action}
                    for a in AuditEvent.objects.filter(plan=plan, case_number=case.pk)
                ],
            }
            for case in cases
        ],
    }


def tenant_pdf(plan, name: str) -> bytes:
    from weasyprint import HTML  # imported late: it takes a second to load

    html = render_to_string("cases/subject_access.pdf.html", {"data": tenant_data(plan, name)})
    return HTML(string=html).write_pdf()
