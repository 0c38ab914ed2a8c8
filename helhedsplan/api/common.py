"""What every endpoint shares: token authentication, pagination, error bodies, plan access.

Who may do what is decided by `accounts.access.plan_for`, exactly as in the web app.
"""

import datetime
import functools
import re
from typing import Annotated

from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from ninja import Schema
from ninja.pagination import LimitOffsetPagination
from ninja.security import HttpBearer
from pydantic import BeforeValidator, Field

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


def _iso_date(value):
    """Only an ISO date (YYYY-MM-DD): pydantic would also read `0` as 1970-01-01."""
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("expected a date as YYYY-MM-DD")
    return value


IsoDate = Annotated[datetime.date, BeforeValidator(_iso_date)]

# Every answer an operation can give besides its success: 304 to a matching If-None-Match
# (reads), 400 for a body that is not JSON (writes), 401 without a valid token, 403 for a role
# too low, 404 for a plan the user is not a member of (or no such thing), 422 for a request that
# does not fit the schema or the data.
ERRORS = {304: None, 401: Message, 403: Message, 404: Message, 422: Invalid}
WRITE_ERRORS = {400: Message, 401: Message, 403: Message, 404: Message, 422: Invalid}
