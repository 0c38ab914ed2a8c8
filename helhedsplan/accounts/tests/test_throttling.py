"""Login throttling: per (account, client address), progressive, one count per account."""

import time

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

RIGHT = "the-right-password-1"
ATTACKER = "203.0.113.66"
OWNER = "198.51.100.10"


@pytest.fixture(autouse=True)
def fast_password_hashing_and_fresh_rate_limits(settings):
    # Every try checks a password; the production hasher takes a second each on a busy machine.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()  # allauth's other limits (30 login forms a minute per address) live there
    yield
    cache.clear()


@pytest.fixture
def target(django_user_model):
    user = django_user_model.objects.create_user("target", "Target@Example.dk", RIGHT)
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email="Target@Example.dk", primary=True)
    return user


def log_in(login, password, address, client=None, **headers):
    client = client or Client(REMOTE_ADDR=address, **headers)
    return client.post(reverse("account_login"), {"login": login, "password": password}), client


def test_five_wrong_passwords_lock_the_account_from_that_address(target):
    for _ in range(4):
        response, _client = log_in("target", "wrong", ATTACKER)
        assert response.status_code == 200  # the login form again, with its error

    fifth, _client = log_in("target", "wrong", ATTACKER)
    right, client = log_in("target", RIGHT, ATTACKER)

    assert fifth.status_code == 429
    assert right.status_code == 429
    assert "Log ind sat på pause" in right.content.decode()
    assert int(right["Retry-After"]) > 0
    assert client.get(reverse("core:home")).status_code == 302  # not logged in


def test_an_attackers_failures_do_not_stop_the_owner_at_another_address(target):
    for _ in range(6):
        log_in("target", "wrong", ATTACKER)

    response, client = log_in("target", RIGHT, OWNER)

    assert response.status_code == 302
    assert client.get(reverse("core:home")).context["user"] == target


@override_settings(TRUSTED_PROXIES=["10.0.0.1"])
def test_behind_the_proxy_each_client_has_its_own_count(target):
    for _ in range(6):
        log_in("target", "wrong", "10.0.0.1", HTTP_X_FORWARDED_FOR=ATTACKER)

    response, _client = log_in("target", RIGHT, "10.0.0.1", HTTP_X_FORWARDED_FOR=OWNER)

    assert response.status_code == 302


@override_settings(TRUSTED_PROXIES=[])
def test_a_forged_forwarded_header_does_not_escape_the_count(target):
    for number in range(6):
        log_in("target", "wrong", ATTACKER, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")

    response, _client = log_in("target", RIGHT, ATTACKER, HTTP_X_FORWARDED_FOR="192.0.2.99")

    assert response.status_code == 429


def test_the_username_and_the_email_address_share_one_count(target):
    for login in ("target", "target@example.dk", "TARGET", "Target@Example.DK"):
        log_in(login, "wrong", ATTACKER)

    fifth, _client = log_in("target@EXAMPLE.dk", "wrong", ATTACKER)
    by_name, _client = log_in("target", RIGHT, ATTACKER)
    by_email, _client = log_in("target@example.dk", RIGHT, ATTACKER)

    assert fifth.status_code == 429
    assert by_name.status_code == 429
    assert by_email.status_code == 429


def test_other_accounts_from_the_same_address_are_not_locked(target, django_user_model):
    django_user_model.objects.create_user("colleague", password="colleague-password-1")
    for _ in range(6):
        log_in("target", "wrong", ATTACKER)

    response, _client = log_in("colleague", "colleague-password-1", ATTACKER)

    assert response.status_code == 302


@override_settings(LOGIN_LOCKOUT_SECONDS=1)
def test_the_lock_lifts_after_the_wait_and_a_right_password_clears_the_count(target):
    for _ in range(5):
        log_in("target", "wrong", ATTACKER)
    assert log_in("target", RIGHT, ATTACKER)[0].status_code == 429

    time.sleep(1.2)
    response, _client = log_in("target", RIGHT, ATTACKER)

    assert response.status_code == 302
    # The count starts again: four more failures do not lock.
    for _ in range(4):
        assert log_in("target", "wrong", ATTACKER)[0].status_code == 200


@override_settings(LOGIN_LOCKOUT_SECONDS=1)
def test_each_failure_after_the_lock_doubles_the_wait(target):
    for _ in range(5):
        log_in("target", "wrong", ATTACKER)
    time.sleep(1.2)

    sixth, _client = log_in("target", "wrong", ATTACKER)
    time.sleep(1.2)  # longer than the first wait, shorter than the second
    right, _client = log_in("target", RIGHT, ATTACKER)

    assert sixth.status_code == 429
    assert sixth["Retry-After"] == "2"
    assert right.status_code == 429


def test_the_wait_grows_and_has_a_ceiling(settings):
    from helhedsplan.accounts.throttle import lockout_seconds

    settings.LOGIN_LOCKOUT_SECONDS = 300

    assert [lockout_seconds(n) for n in (4, 5, 6, 7)] == [0, 300, 600, 1200]
    assert lockout_seconds(10_000) == 24 * 3600


def test_failures_during_the_lock_do_not_extend_it(target):
    for _ in range(5):
        log_in("target", "wrong", ATTACKER)
    first = int(log_in("target", RIGHT, ATTACKER)[0]["Retry-After"])

    for _ in range(10):
        log_in("target", "wrong", ATTACKER)
    later = int(log_in("target", RIGHT, ATTACKER)[0]["Retry-After"])

    assert later <= first


def test_the_lockout_page_is_english_for_english_users(target):
    for _ in range(5):
        log_in("target", "wrong", ATTACKER)
    client = Client(REMOTE_ADDR=ATTACKER)
    client.cookies["django_language"] = "en"

    response, _client = log_in("target", RIGHT, ATTACKER, client=client)

    assert response.status_code == 429
    assert "Login paused" in response.content.decode()
