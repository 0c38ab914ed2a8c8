"""What every endpoint shares: token authentication, pagination, error bodies, plan access.

Who may do what is decided by `accounts.access.plan_for`, exactly as in the web app.
"""

import functools

from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from ninja import Schema
from ninja.pagination import LimitOffsetPagination
from ninja.security import HttpBearer
from pydantic import Field

from helhedsplan.accounts.access import plan_for
from helhedsplan.accounts.models import Role

from .models import Token


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <key>`; the request then acts as the token's user."""

    openapi_description = "An API token from `helhedsplan create-api-token USER`."

    def authenticate(self, request, token):
        user = Token.objects.user_for(token)
        if user is None:
            return None
        request.user = user
        return user


def signed_in(view):
    """The schema and the docs, like everything else, only for a logged-in session or a valid
    token: a browser without either is sent to the login page, a program gets 401."""

    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.is_authenticated:
            scheme, _, key = request.headers.get("Authorization", "").partition(" ")
            user = Token.objects.user_for(key.strip()) if scheme.lower() == "bearer" else None
            if user is None:
                if request.resolver_match and request.resolver_match.url_name == "openapi-view":
                    return redirect_to_login(request.get_full_path())
                return JsonResponse(
                    {"detail": "Log in or send an API token."},
                    status=401,
                    headers={"WWW-Authenticate": "Bearer"},
                )
            request.user = user
        return view(request, *args, **kwargs)

    return guarded


class Pages(LimitOffsetPagination):
    """`limit` (at most 1,000) and `offset`; the answer has `items` and `count`."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=1000)
        offset: int = Field(0, ge=0, le=10**9)

    def __init__(self, **kwargs):
        super().__init__(max_limit=1000, **kwargs)


class Message(Schema):
    detail: str


class Problem(Schema):
    index: int | None = Field(description="Which item of a list in the request (0-based)")
    field: str
    message: str


class Invalid(Schema):
    """A request that was refused as a whole: nothing was written."""

    detail: str
    problems: list[Problem]


def plan_of(request, slug: str, role: Role = Role.READER):
    return plan_for(request, slug, role)


ERRORS = {401: Message, 403: Message, 404: Message, 422: Invalid}
