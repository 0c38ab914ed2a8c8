"""Logging in: passwords, brute-force slowing, and two-factor with TOTP."""

import time

from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def current_code() -> str:
    return format_hotp_value(hotp_value(SECRET, int(time.time()) // 30))


def test_login_with_password_works(django_user_model):
    user = django_user_model.objects.create_user("board", password="a-long-board-password")
    client = Client()

    response = client.post(
        reverse("account_login"), {"login": "board", "password": "a-long-board-password"}
    )

    assert response.status_code == 302
    assert client.get(reverse("core:home")).context["user"] == user


def test_weak_passwords_are_refused():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("kort", "password1234", "123456789012"):
        try:
            validate_password(weak)
        except ValidationError:
            continue
        raise AssertionError(f"{weak!r} was accepted")


def test_repeated_failed_logins_are_slowed_down(django_user_model):
    cache.clear()
    django_user_model.objects.create_user("target", password="the-right-password-1")
    client = Client()
    for _ in range(5):
        client.post(reverse("account_login"), {"login": "target", "password": "wrong"})

    response = client.post(
        reverse("account_login"), {"login": "target", "password": "the-right-password-1"}
    )

    # Even the right password is refused now (from this address), with a page saying why.
    assert client.get(reverse("core:home")).status_code == 302
    assert response.status_code == 429
    assert "mislykkede logonforsøg" in response.content.decode()
    cache.clear()


def test_totp_is_asked_for_and_checked(django_user_model):
    cache.clear()
    user = django_user_model.objects.create_user("worker", password="a-long-worker-password")
    TOTP.activate(user, SECRET)
    client = Client()

    step = client.post(
        reverse("account_login"), {"login": "worker", "password": "a-long-worker-password"}
    )
    assert step["Location"].startswith(reverse("mfa_authenticate"))
    assert client.get(reverse("core:home")).status_code == 302  # not logged in yet

    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200
    assert client.get(reverse("core:home")).status_code == 302

    client.post(reverse("mfa_authenticate"), {"code": current_code()})
    assert client.get(reverse("core:home")).context["user"] == user
    cache.clear()
