"""Setting up two-factor login: accounts are made by administrators, so an unverified e-mail
address does not stand in the way."""

import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.cache import cache
from django.test import Client
from django.urls import reverse


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    yield
    cache.clear()


def test_a_user_with_an_unverified_address_can_activate_totp(django_user_model):
    user = django_user_model.objects.create_user(
        "newworker", "newworker@example.dk", "a-long-worker-password"
    )
    EmailAddress.objects.create(user=user, email="newworker@example.dk", verified=False)
    client = Client()
    login = client.post(
        reverse("account_login"), {"login": "newworker", "password": "a-long-worker-password"}
    )
    assert login.status_code == 302
    # allauth asks for the password again before a second factor is added.
    client.post(reverse("account_reauthenticate"), {"password": "a-long-worker-password"})

    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200  # the setup page itself, not a redirect to verify first
    secret = page.context["form"].secret
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    client.post(reverse("mfa_activate_totp"), {"code": code})

    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
