import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from helhedsplan.accounts.models import Membership, Role
from helhedsplan.api.models import Token

from .conftest import token_client


def test_create_api_token_prints_a_key_that_authenticates_as_the_user(plan_2025, capsys):
    user = get_user_model().objects.create_user("analyst", password="not-used-by-tests-123")
    Membership.objects.create(user=user, plan=plan_2025, role=Role.READER)

    call_command("create_api_token", "analyst", "--name", "Power BI")
    key = capsys.readouterr().out.strip()

    response = Client(HTTP_AUTHORIZATION=f"Bearer {key}").get("/api/plans")
    assert response.status_code == 200
    assert [p["slug"] for p in response.json()["items"]] == [plan_2025.slug]
    assert response.json()["items"][0]["role"] == "reader"


def test_only_a_hash_of_the_key_is_stored(db, capsys):
    get_user_model().objects.create_user("hashed", password="not-used-by-tests-123")

    call_command("create_api_token", "hashed")
    key = capsys.readouterr().out.strip()

    assert not Token.objects.filter(key_hash=key).exists()
    assert Token.objects.get(user__username="hashed").prefix == key[:8]


def test_create_api_token_refuses_an_unknown_user(db):
    with pytest.raises(CommandError, match="no user 'nobody'"):
        call_command("create_api_token", "nobody")


def test_it_rejects_a_missing_or_wrong_token(db):
    assert Client().get("/api/plans").status_code == 401
    wrong = Client(HTTP_AUTHORIZATION="Bearer not-a-token")
    assert wrong.get("/api/plans").status_code == 401


def test_a_revoked_token_or_a_deactivated_user_is_refused(plan_2025):
    user = get_user_model().objects.create_user("leaving", password="not-used-by-tests-123")
    client = token_client(user)
    assert client.get("/api/plans").status_code == 200

    user.is_active = False
    user.save()
    assert client.get("/api/plans").status_code == 401

    user.is_active = True
    user.save()
    Token.objects.get(user=user).revoke()
    assert client.get("/api/plans").status_code == 401


def test_a_session_login_does_not_open_the_api(member, plan_2025):
    browser = member(plan_2025)

    assert browser.get("/api/plans").status_code == 401


def test_the_schema_and_the_docs_are_closed_to_anonymous_visitors(db):
    schema = Client().get("/api/openapi.json")
    docs = Client().get("/api/docs")

    assert schema.status_code == 401
    assert schema["WWW-Authenticate"] == "Bearer"
    assert "paths" not in schema.json()
    assert docs.status_code == 302
    assert docs["Location"].startswith(reverse("account_login"))


def test_a_bad_token_does_not_open_the_schema(db):
    response = Client(HTTP_AUTHORIZATION="Bearer not-a-token").get("/api/openapi.json")

    assert response.status_code == 401


def test_the_schema_is_served_with_a_token(api_member, plan_2025):
    response = api_member(plan_2025).get("/api/openapi.json")

    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.")
    assert "/api/plans/{plan}/observations" in response.json()["paths"]


def test_a_logged_in_user_reads_the_schema_and_the_docs(member, plan_2025):
    browser = member(plan_2025)

    assert browser.get("/api/openapi.json").status_code == 200
    docs = browser.get("/api/docs")
    assert docs.status_code == 200
    assert b"swagger-ui" in docs.content
