import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from helhedsplan.accounts.models import Membership, Role
from helhedsplan.api.models import create_token


def token_client(user) -> Client:
    _token, key = create_token(user)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    client.user = user
    return client


@pytest.fixture
def api_member(db):
    """Make an API client whose token belongs to a new user with `role` in `plan`."""

    def make(plan, role=Role.READER, username=None, case_worker=False):
        user = get_user_model().objects.create_user(
            username or f"api-{role}-{plan.slug}", password="not-used-by-tests-123"
        )
        Membership.objects.create(user=user, plan=plan, role=role, case_worker=case_worker)
        return token_client(user)

    return make
