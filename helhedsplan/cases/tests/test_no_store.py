"""Case pages and exports hold tenants' personal data: every answer says `no-store`, so neither
the browser nor a proxy keeps a copy. The URL list is read from the URL configuration, so a
case URL added later is checked too."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from helhedsplan.accounts.models import Membership, Role
from helhedsplan.accounts.tests.test_authorization_matrix import POST_ONLY, our_urls, url_for

CASE_URLS = [(name, route) for name, route in our_urls() if name.startswith("cases:")]


@pytest.fixture
def case_admin(plan_2025):
    """A plan admin who is also a case worker with two factors: every case URL answers."""
    user = get_user_model().objects.create_user("case-admin", password="a-long-password-123")
    Membership.objects.create(user=user, plan=plan_2025, role=Role.ADMIN, case_worker=True)
    TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client = Client()
    client.force_login(user)
    return client


def test_there_are_case_urls_to_check():
    assert len(CASE_URLS) >= 9


@pytest.mark.parametrize("name,route", CASE_URLS)
def test_every_case_page_says_no_store(name, route, plan_2025, case_admin):
    url = url_for(name, route, plan_2025)

    response = case_admin.post(url) if name in POST_ONLY else case_admin.get(url)

    assert response.status_code in (200, 302), url
    assert "no-store" in response["Cache-Control"], url


def test_the_audit_csv_says_no_store(plan_2025, case_admin):
    response = case_admin.get(reverse("cases:audit", args=[plan_2025.slug]), {"format": "csv"})

    assert response["Content-Type"].startswith("text/csv")
    assert "no-store" in response["Cache-Control"]


def test_the_right_of_access_export_says_no_store(plan_2025, case_admin):
    url = reverse("cases:subject_access", args=[plan_2025.slug])

    response = case_admin.post(url, {"name": "fiktiv", "action": "json"})

    assert response["Content-Type"].startswith("application/json")
    assert "no-store" in response["Cache-Control"]
