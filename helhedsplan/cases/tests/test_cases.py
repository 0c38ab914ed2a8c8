"""Cases: consent first, deletion on schedule down to counts, every read audited, and the
tenant's right of access and erasure."""

import datetime
import io
import json
import shutil
import subprocess

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import reverse

from helhedsplan.accounts.models import Membership, Role
from helhedsplan.cases import actions
from helhedsplan.cases.counts import case_counts
from helhedsplan.cases.models import AuditEvent, Case, CaseRecord, ProblemCategory

D = datetime.date


@pytest.fixture
def worker(plan_2025):
    user = get_user_model().objects.create_user("worker", password="a-long-password-123")
    Membership.objects.create(user=user, plan=plan_2025, role=Role.STAFF, case_worker=True)
    TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def request_by(user):
    request = RequestFactory().get("/test", REMOTE_ADDR="10.1.2.3")
    request.user = user
    return request


def a_case(plan, user, name="Fiktiv Testperson"):
    return actions.open_case(
        plan,
        {
            "department": plan.departments.get(key="vestervang"),
            "tenant_name": name,
            "key_person": "Medarbejder",
            "opened_on": D(2026, 1, 5),
        },
        ProblemCategory.objects.filter(code="rent-arrears"),
        {"kind": "oral", "given_on": D(2026, 1, 5), "covers": "Drøftelse med driften"},
        request_by(user),
    )


def test_a_case_worker_opens_a_case_and_records_on_it(plan_2025, worker):
    response = worker.post(
        reverse("cases:new", args=[plan_2025.slug]),
        {
            "department": plan_2025.departments.get(key="ringparken").pk,
            "tenant_name": "Fiktiv Person",
            "key_person": "Boligsocial medarbejder",
            "categories": [ProblemCategory.objects.get(code="neighbour-complaints").pk],
            "consent_kind": "oral",
            "consent_given_on": "2026-10-01",
            "consent_covers": "Samtaler med drift og socialafdeling",
        },
    )
    case = Case.objects.get(tenant_name="Fiktiv Person")
    assert response["Location"] == reverse("cases:detail", args=[plan_2025.slug, case.pk])

    worker.post(
        reverse("cases:add_entry", args=[plan_2025.slug, case.pk]),
        {"date": "2026-10-02", "kind": "meeting", "text": "Møde med driften"},
    )
    worker.post(
        reverse("cases:close", args=[plan_2025.slug, case.pk]),
        {"outcome": "stays", "closed_on": "2026-11-01"},
    )

    case.refresh_from_db()
    assert case.entries.get().text == "Møde med driften"
    assert (case.status, case.outcome) == ("closed", "stays")
    assert case.delete_after == D(2027, 11, 1)  # 365 days of retention


def test_no_entry_without_valid_consent(plan_2025, worker):
    case = a_case(plan_2025, worker.user)
    actions.withdraw_consent(case, D(2026, 2, 1), request_by(worker.user))

    with pytest.raises(actions.NoConsent):
        actions.add_entry(
            case, D(2026, 2, 2), "note", "Efter tilbagetrækning", request_by(worker.user)
        )

    page = worker.post(
        reverse("cases:add_entry", args=[plan_2025.slug, case.pk]),
        {"date": "2026-02-02", "kind": "note", "text": "x"},
        follow=True,
    )
    assert "samtykke" in page.content.decode().lower()
    assert case.entries.count() == 0


def test_withdrawn_consent_is_deleted_at_the_next_purge(plan_2025, worker):
    case = a_case(plan_2025, worker.user)
    actions.withdraw_consent(case, D(2026, 2, 1), request_by(worker.user))

    done = actions.purge_due_cases(today=D(2026, 2, 1))

    assert done == [case.pk]
    assert not Case.objects.filter(tenant_name="Fiktiv Testperson").exists()
    assert CaseRecord.objects.get(plan=plan_2025, reason="consent withdrawn")


def test_deletion_on_schedule_leaves_only_the_counts(plan_2025, worker):
    case = a_case(plan_2025, worker.user)
    actions.add_entry(case, D(2026, 1, 6), "meeting", "Møde", request_by(worker.user))
    actions.close_case(case, "eviction_cancelled", D(2026, 3, 1), request_by(worker.user))
    counts_before = case_counts(plan_2025)

    assert case.pk not in actions.purge_due_cases(today=D(2027, 2, 28))  # not yet
    done = actions.purge_due_cases(today=D(2027, 3, 1))

    assert case.pk in done
    assert not Case.objects.filter(pk=case.pk).exists()
    record = CaseRecord.objects.get(plan=plan_2025, reason="retention", opened_on=D(2026, 1, 5))
    assert (record.outcome, record.categories) == ("eviction_cancelled", ["rent-arrears"])
    assert case_counts(plan_2025) == counts_before  # the counts the plan reports survive
    assert not AuditEvent.objects.filter(detail__icontains="Fiktiv").exists()
    assert AuditEvent.objects.filter(case_number=case.pk, action="anonymise").exists()


def test_the_scheduled_command_anonymises_what_is_due_and_says_so(plan_2025, worker):
    case = a_case(plan_2025, worker.user)
    actions.close_case(case, "moved", D(2020, 1, 1), request_by(worker.user))
    out = io.StringIO()

    call_command("purge_cases", stdout=out)

    assert f"Anonymised case #{case.pk}" in out.getvalue()
    assert not Case.objects.filter(pk=case.pk).exists()


def test_reading_a_case_is_audited(plan_2025, worker):
    case = a_case(plan_2025, worker.user)

    worker.get(reverse("cases:detail", args=[plan_2025.slug, case.pk]), REMOTE_ADDR="10.9.8.7")

    event = AuditEvent.objects.filter(case_number=case.pk, action="read").get()
    assert event.username == "worker"
    assert event.ip_address == "10.9.8.7"
    assert event.path == reverse("cases:detail", args=[plan_2025.slug, case.pk])


def test_the_audit_log_is_append_only(plan_2025, worker):
    event = AuditEvent.objects.create(plan=plan_2025, action="read")

    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()


def test_a_refused_attempt_is_audited(plan_2025, member):
    staff = member(plan_2025, Role.STAFF)

    assert staff.get(reverse("cases:list", args=[plan_2025.slug])).status_code == 403
    assert AuditEvent.objects.filter(action="denied", username=staff.user.username).exists()


@pytest.fixture
def plan_admin(plan_2025):
    user = get_user_model().objects.create_user("padmin", password="a-long-password-123")
    Membership.objects.create(user=user, plan=plan_2025, role=Role.ADMIN)
    TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client = Client()
    client.force_login(user)
    return client


def test_right_of_access_exports_everything_as_json(plan_2025, worker, plan_admin):
    case = a_case(plan_2025, worker.user, name="Fiktiv Indsigt")
    actions.add_entry(case, D(2026, 1, 7), "note", "Aftale om afdrag", request_by(worker.user))

    response = plan_admin.post(
        reverse("cases:subject_access", args=[plan_2025.slug]),
        {"name": "fiktiv indsigt", "action": "json"},
    )

    data = json.loads(response.content)
    (exported,) = data["cases"]
    assert exported["tenant_name"] == "Fiktiv Indsigt"
    assert exported["timeline"][0]["text"] == "Aftale om afdrag"
    assert exported["consents"][0]["kind"] == "oral"
    assert any(a["action"] == "create" for a in exported["access_log"])
    assert AuditEvent.objects.filter(action="export", detail="json, 1 cases").exists()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_right_of_access_as_pdf(plan_2025, worker, plan_admin, tmp_path):
    a_case(plan_2025, worker.user, name="Fiktiv Pdf")

    response = plan_admin.post(
        reverse("cases:subject_access", args=[plan_2025.slug]),
        {"name": "Fiktiv Pdf", "action": "pdf"},
    )

    assert response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "indsigt.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Indsigt: Fiktiv Pdf" in text
    assert "Huslejerestance" in text


def test_erasure_removes_the_tenant_and_keeps_the_counts(plan_2025, worker, plan_admin):
    a_case(plan_2025, worker.user, name="Fiktiv Slet")
    counts_before = case_counts(plan_2025)

    plan_admin.post(
        reverse("cases:subject_access", args=[plan_2025.slug]),
        {"name": "Fiktiv Slet", "action": "erase"},
    )

    assert not Case.objects.filter(tenant_name="Fiktiv Slet").exists()
    assert case_counts(plan_2025) == counts_before
    assert AuditEvent.objects.filter(action="erase").exists()


def test_other_roles_see_counts_only(plan_2025, member):
    reader = member(plan_2025, Role.READER)

    page = reader.get(reverse("cases:overview", args=[plan_2025.slug])).content.decode()

    assert "Fiktiv Beboer A" not in page  # a demo case
    assert "Houlkærvænget" in page  # its department, in the counts


def test_case_counts_feed_the_monitoring_overview(plan_2025, member):
    page = member(plan_2025).get(reverse("monitoring:overview", args=[plan_2025.slug]))

    rows = page.context["case_counts"]
    [row] = [r for r in rows if (r["department"], r["year"]) == ("Afd. 12 Houlkærvænget", 2025)]
    assert (row["opened"].mark, row["closed"], row["avoided"]) == ("small", 0, 0)  # a reader
    assert "Fiktiv Beboer" not in page.content.decode()
