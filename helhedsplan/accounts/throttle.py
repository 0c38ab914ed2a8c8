"""Login throttling (django-axes, counted in the database so every app process sees it).

The rule: failed logins are counted per pair (account, client address). After
`AXES_FAILURE_LIMIT` failures the pair is locked for `LOGIN_LOCKOUT_SECONDS`; every further
failure doubles the wait, up to `AXES_COOLOFF_TIME`, after which the failures are forgotten.
A correct login clears the pair's count. An attacker elsewhere therefore cannot lock a user
out, and users behind one proxy do not share a count (the address is the client's, see
`helhedsplan.core.client`). A username and the e-mail addresses of the same user count as one
account.
"""

import datetime

from allauth.account.models import EmailAddress
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Max, Sum
from django.shortcuts import render

MAX_ACCOUNT_CHARACTERS = 150  # axes stores up to 255; nobody's login is longer than a username


def _user_for(login: str):
    users = get_user_model()._default_manager
    field = get_user_model().USERNAME_FIELD
    exact = users.filter(**{field: login}).first()
    if exact is not None:
        return exact
    by_name = users.filter(**{f"{field}__iexact": login}).order_by("pk").first()
    if by_name is not None or "@" not in login:
        return by_name
    owner = (
        EmailAddress.objects.filter(email__iexact=login).order_by("pk").values("user_id").first()
    )
    if owner is not None:
        return users.filter(pk=owner["user_id"]).first()
    return users.filter(email__iexact=login).order_by("pk").first()


def login_account(request, credentials: dict | None) -> str | None:
    """The account a login attempt is for: the user's username, whether the attempt named the
    user by username or by e-mail (in any case); otherwise the text typed, in lower case."""
    credentials = credentials or {}
    typed = [
        value
        for value in (
            credentials.get("username"),
            credentials.get("email"),
            request.POST.get("login") if request is not None else None,
        )
        if isinstance(value, str) and value.strip()
    ]
    if not typed:
        return None
    login = typed[0].strip()[:MAX_ACCOUNT_CHARACTERS]
    remembered = getattr(request, "_login_accounts", {})
    if login not in remembered:
        user = _user_for(login)
        remembered[login] = user.get_username() if user is not None else login.lower()
        if request is not None:
            request._login_accounts = remembered
    return remembered[login]


def lockout_seconds(failures: int) -> int:
    """How long a pair is locked after `failures` failed logins (0: not locked)."""
    limit = settings.AXES_FAILURE_LIMIT
    if failures < limit:
        return 0
    longest = int(settings.AXES_COOLOFF_TIME.total_seconds())
    doublings = min(failures - limit, 32)
    return min(settings.LOGIN_LOCKOUT_SECONDS * 2**doublings, longest)


class ProgressiveLockoutHandler(AxesDatabaseHandler):
    """Axes' database handler, with the lock lasting as long as `lockout_seconds` says."""

    def locked_until(self, request, credentials=None) -> datetime.datetime | None:
        limit = get_failure_limit(request, credentials)
        latest = None
        for attempts in self.get_user_attempts(request, credentials):
            found = attempts.aggregate(failures=Sum("failures_since_start"), at=Max("attempt_time"))
            failures = found["failures"] or 0
            if failures < limit:
                continue
            until = found["at"] + datetime.timedelta(seconds=lockout_seconds(failures))
            latest = until if latest is None else max(latest, until)
        if latest is None or latest <= request.axes_attempt_time:
            return None
        return latest

    def is_locked(self, request, credentials=None) -> bool:
        if not settings.AXES_LOCK_OUT_AT_FAILURE:
            return False
        return self.locked_until(request, credentials) is not None


def lockout_response(request, original_response=None, credentials=None):
    """A Danish page (HTTP 429) saying the login is paused and for how long."""
    until = ProgressiveLockoutHandler().locked_until(request, credentials)
    if until is None:  # the failure that reached the limit: the lock starts now
        failures = request.axes_failures_since_start or settings.AXES_FAILURE_LIMIT
        seconds = lockout_seconds(failures)
    else:
        seconds = max(1, int((until - request.axes_attempt_time).total_seconds()))
    minutes = max(1, -(-seconds // 60))
    response = render(
        request, "account/locked_out.html", {"minutes": minutes, "seconds": seconds}, status=429
    )
    response["Retry-After"] = str(seconds)
    return response
