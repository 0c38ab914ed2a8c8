"""A few clearly fictional cases in the 2025-29 demo plan, and a demo case worker."""

import datetime

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth import get_user_model
from django.db import transaction

from helhedsplan.accounts.models import Membership, Role
from helhedsplan.plans.models import Plan

from .models import Case, CaseEntry, Consent, ProblemCategory

PLAN = "viborg-2025-29"
CASE_WORKER = "sagsbehandler"
CASE_WORKER_PASSWORD = "demo-sagsbehandler"
# The demo case worker's authenticator secret (base32): add it to an authenticator app.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

FICTIONAL = [
    ("Fiktiv Beboer A", "houlkaervaenget", ["neighbour-complaints", "mental-health"], "open"),
    ("Fiktiv Beboer B", "ellekonebakken", ["rent-arrears", "eviction-scheduled"], "open"),
    ("Fiktiv Beboer C", "vestervang", ["hoarding"], "stays"),
]


@transaction.atomic
def load_cases_demo() -> None:
    plan = Plan.objects.filter(slug=PLAN).first()
    if plan is None:
        return
    user, created = get_user_model().objects.get_or_create(
        username=CASE_WORKER, defaults={"email": "sagsbehandler@example.invalid"}
    )
    if created:
        user.set_password(CASE_WORKER_PASSWORD)
        user.save()
    Membership.objects.update_or_create(
        user=user, plan=plan, defaults={"role": Role.STAFF, "case_worker": True}
    )
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, DEMO_TOTP_SECRET)
    if Case.objects.filter(plan=plan).exists():
        return
    start = datetime.date(2025, 9, 1)
    for number, (name, department, problems, state) in enumerate(FICTIONAL):
        case = Case.objects.create(
            plan=plan,
            department=plan.departments.get(key=department),
            tenant_name=name,
            key_person="Boligsocial medarbejder (fiktiv)",
            opened_on=start + datetime.timedelta(days=30 * number),
        )
        case.categories.set(ProblemCategory.objects.filter(code__in=problems))
        Consent.objects.create(
            case=case,
            kind="oral",
            given_on=case.opened_on,
            recorded_by=user,
            covers="Drøftelse mellem drift, socialafdelingen og helhedsplanen (fiktivt eksempel).",
        )
        CaseEntry.objects.create(
            case=case,
            date=case.opened_on,
            kind="meeting",
            text="Første møde med beboer og driften (fiktivt).",
            created_by=user,
        )
        if state != "open":
            case.status, case.outcome = Case.Status.CLOSED, state
            case.closed_on = case.opened_on + datetime.timedelta(days=120)
            case.delete_after = case.closed_on + datetime.timedelta(days=365)
            case.save()
