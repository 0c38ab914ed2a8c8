"""Who may see case data: members with the case role, logged in with two factors.

Everyone else in the plan sees counts only. A refused attempt is written to the audit log.
"""

from allauth.mfa.utils import is_mfa_enabled
from django.core.exceptions import PermissionDenied

from helhedsplan.accounts.access import plan_for
from helhedsplan.accounts.models import Membership, Role

from . import audit
from .models import AuditEvent


class SecondFactorMissing(Exception):
    """The user may see case data, but has not set up two-factor login yet."""


def is_case_worker(user, plan) -> bool:
    return Membership.objects.filter(user=user, plan=plan, case_worker=True).exists()


def case_plan_for(request, slug: str, role: Role | None = None):
    """The plan, if the user may work with its cases (or, with `role`, hold that plan role)."""
    plan = plan_for(request, slug)
    allowed = request.plan_role == role if role is not None else is_case_worker(request.user, plan)
    if not allowed:
        audit.record(plan, AuditEvent.Action.DENIED, request=request)
        raise PermissionDenied
    if not is_mfa_enabled(request.user):
        raise SecondFactorMissing
    return plan
