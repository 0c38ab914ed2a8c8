"""Under the Content-Security-Policy the main pages run without a single violation, in Debian's
chromium: no inline script or style is blocked, the htmx pages, the charts, Swagger UI at
/api/docs and the confirm dialogs (now in a static file) all work."""

import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth import get_user_model
from django.urls import reverse

from helhedsplan.accounts.models import Membership
from helhedsplan.cases.demo import DEMO_TOTP_SECRET
from helhedsplan.cases.models import Case
from helhedsplan.planfiles.demo import DEMO_PASSWORD, DEMO_USERNAME

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PLAN = "viborg-2025-29"
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${where}`);
});
"""


def log_in_with_two_factors(page):
    page.fill("input[name=login]", DEMO_USERNAME)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    code = format_hotp_value(hotp_value(DEMO_TOTP_SECRET, int(time.time()) // 30))
    page.fill("input[name=code]", code)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def pages(plan) -> list[str]:
    case = Case.objects.filter(plan__slug=PLAN).first()
    return [
        reverse("plans:overview", args=[PLAN]),
        reverse("plans:department", args=[PLAN, "houlkaervaenget"]),
        reverse("monitoring:overview", args=[PLAN]),
        reverse("monitoring:matrix", args=[PLAN]),
        reverse("monitoring:upload", args=[PLAN]),
        reverse("logbook:overview", args=[PLAN]),
        reverse("logbook:entries", args=[PLAN, "events"]),
        reverse("logbook:new", args=[PLAN, "events"]),
        reverse("steering:overview", args=[PLAN]),
        reverse("cases:overview", args=[PLAN]),
        reverse("cases:list", args=[PLAN]),
        reverse("cases:detail", args=[PLAN, case.pk]),
        reverse("cases:subject_access", args=[PLAN]),
        reverse("reports:monitoring", args=[PLAN]),
        reverse("reports:status_download", args=[PLAN]) + "?format=html",
        reverse("mfa_index"),
    ]


def test_the_main_pages_run_without_a_policy_violation(page, demo_site):
    user = get_user_model().objects.get(username=DEMO_USERNAME)
    Membership.objects.filter(user=user, plan__slug=PLAN).update(case_worker=True)
    TOTP.activate(user, DEMO_TOTP_SECRET)
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    page.add_init_script(WATCH)

    def check(path):
        found = page.evaluate("window.__violations")
        assert found == [], f"{path}: {found}"
        assert console == [], f"{path}: {console}"

    page.goto(f"{demo_site}{reverse('account_login')}")
    check("login")
    log_in_with_two_factors(page)
    check("two-factor step")

    for path in pages(PLAN):
        response = page.goto(f"{demo_site}{path}")
        assert response.status == 200, path
        page.wait_for_load_state("load")  # not "networkidle": the upload page may poll
        page.wait_for_timeout(100)  # htmx and the static scripts have run
        check(path)

    page.goto(f"{demo_site}/api/docs")
    page.wait_for_selector(".swagger-ui .information-container")
    assert page.locator(".opblock").count() >= 11  # every operation drawn by Swagger UI
    check("/api/docs")


def test_a_confirm_dialog_still_guards_the_erasure(page, demo_site):
    user = get_user_model().objects.get(username=DEMO_USERNAME)
    TOTP.activate(user, DEMO_TOTP_SECRET)
    page.goto(f"{demo_site}{reverse('cases:subject_access', args=[PLAN])}")
    log_in_with_two_factors(page)
    page.fill("input[name=name]", Case.objects.filter(plan__slug=PLAN).first().tenant_name)
    page.get_by_role("button", name="Søg").click()
    page.wait_for_load_state()
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    before = Case.objects.count()

    page.get_by_role("button", name="Slet").click()
    page.wait_for_timeout(300)

    assert asked == ["Slet beboeren endeligt? Kun antallene bliver tilbage."]
    assert Case.objects.count() == before  # dismissed: nothing erased
