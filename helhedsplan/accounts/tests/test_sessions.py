"""Sessions and the logged-in user come from Django's own session engine and model backend (the
settings name them): an expired session, a deactivated or deleted user and a changed password
each log the user out."""

import datetime

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.auth import get_user as user_of
from django.contrib.auth.backends import ModelBackend
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone


def session_for(user):
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def requesting_user(session_key):
    request = RequestFactory().get("/")
    request.session = SessionStore(session_key)
    return user_of(request)


def test_a_live_session_gives_its_user(db):
    user = get_user_model().objects.create_user("anna", password="not-used-123")

    assert requesting_user(session_for(user)) == user


def test_an_expired_session_gives_no_one(db):
    user = get_user_model().objects.create_user("anna", password="not-used-123")
    key = session_for(user)
    Session.objects.filter(pk=key).update(expire_date=timezone.now() - datetime.timedelta(1))

    assert requesting_user(key).is_anonymous
    assert SessionStore(key).load() == {}


def test_a_deactivated_or_deleted_user_or_a_changed_password_gives_no_one(db):
    model = get_user_model()
    users = [model.objects.create_user(name, password="not-used-123") for name in "abc"]
    keys = [session_for(user) for user in users]

    model.objects.filter(pk=users[0].pk).update(is_active=False)
    users[1].delete()
    users[2].set_password("a-new-password-456")
    users[2].save()

    assert all(requesting_user(key).is_anonymous for key in keys)


def test_the_backend_finds_no_one_for_an_id_that_is_not_a_user(db):
    assert ModelBackend().get_user(987654) is None


def test_the_settings_use_djangos_own_session_engine_and_model_backend(settings):
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    assert "django.contrib.auth.backends.ModelBackend" in settings.AUTHENTICATION_BACKENDS
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"


def test_a_login_through_allauth_gives_a_session_django_reads(plan_2025, member):
    user = member(plan_2025).user
    user.set_password("a-real-password-789")
    user.save()
    client = Client()

    client.post(
        reverse("account_login"), {"login": user.username, "password": "a-real-password-789"}
    )

    key = client.cookies["sessionid"].value
    assert requesting_user(key) == user
    assert client.get(reverse("plans:overview", args=[plan_2025.slug])).status_code == 200
