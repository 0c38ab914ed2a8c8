"""Plan-level access: a user sees only the plans they are a member of.

A plan the user may not see answers 404, as if it did not exist, so its name is not leaked;
a member whose role is too low gets 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from helhedsplan.plans.models import Plan

from .models import ROLE_RANK, Membership, Role


def visible_plans(user):
    if not user.is_authenticated:
        return Plan.objects.none()
    if user.is_superuser:
        return Plan.objects.all()
    return Plan.objects.filter(memberships__user=user)


def role_in(user, plan: Plan) -> Role | None:
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return Role.ADMIN
    membership = Membership.objects.filter(user=user, plan=plan).only("role").first()
    return Role(membership.role) if membership else None


def plan_for(request, slug: str, role: Role = Role.READER) -> Plan:
    """The plan `slug` if the requesting user holds at least `role` in it."""
    plan = Plan.objects.select_related("municipality").filter(slug=slug).first()
    user_role = role_in(request.user, plan) if plan else None
    if user_role is None:
        raise Http404("No such plan")
    if ROLE_RANK[user_role] < ROLE_RANK[role]:
        raise PermissionDenied
    request.plan_role = user_role
    return plan


def can(user_role: Role | None, role: Role) -> bool:
    return user_role is not None and ROLE_RANK[user_role] >= ROLE_RANK[role]
