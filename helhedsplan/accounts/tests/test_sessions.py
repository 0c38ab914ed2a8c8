"""Sessions and the logged-in user are read in plain SQL; what Django's own readers refuse,
these refuse too."""

import datetime

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.auth import get_user as user_of
from django.contrib.sessions.models import Session
from django.test import RequestFactory
from django.utils import timezone

from helhedsplan.accounts.backends import ModelBackend
from helhedsplan.accounts.sessions import SessionStore


def session_for(user):
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "helhedsplan.accounts.backends.ModelBackend"
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
    assert ModelBackend().get_user("not-a-number") is None
    assert ModelBackend().get_user(987654) is None
