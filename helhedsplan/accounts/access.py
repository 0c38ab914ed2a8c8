"""Plan-level access: a user sees only the plans they are a member of.

A plan the user may not see answers 404, as if it did not exist, so its name is not leaked;
a member whose role is too low gets 403.
"""

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import OuterRef, Subquery
from django.http import Http404

from helhedsplan.plans.models import Plan, PlanVersion

from .models import ROLE_RANK, Membership, Role


def visible_plans(user):
    if not user.is_authenticated:
        return Plan.objects.none()
    if user.is_superuser:
        return Plan.objects.all()
    return Plan.objects.filter(memberships__user=user)


_ROLE_SQL = f"SELECT role FROM {Membership._meta.db_table} WHERE user_id = %s AND plan_id = %s"


def role_in(user, plan: Plan) -> Role | None:
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return Role.ADMIN
    # Plain SQL: asked on every plan page, and the ORM would cost more than the query.
    with connection.cursor() as cursor:
        cursor.execute(_ROLE_SQL, [user.pk, plan.pk])
        row = cursor.fetchone()
    return Role(row[0]) if row else None


def plan_for(request, slug: str, role: Role = Role.READER) -> Plan:
    """The plan `slug` if the requesting user holds at least `role` in it.

    Every plan page asks this first: the plan comes with its version (what the page keeps in
    the cache is keyed on it) in one query; the membership is read every time."""
    plan = _plan(slug)
    user_role = role_in(request.user, plan) if plan else None
    if user_role is None:
        raise Http404("No such plan")
    if ROLE_RANK[user_role] < ROLE_RANK[role]:
        raise PermissionDenied
    request.plan_role = user_role
    return plan


def _plan(slug: str) -> Plan | None:
    version = PlanVersion.objects.filter(plan_id=OuterRef("pk")).values("number")
    plans = Plan.objects.select_related("municipality").annotate(loaded_version=Subquery(version))
    plan = plans.filter(slug=slug).first()
    if plan is not None and plan.loaded_version is None:
        plan.loaded_version = 0
    return plan


def can(user_role: Role | None, role: Role) -> bool:
    return user_role is not None and ROLE_RANK[user_role] >= ROLE_RANK[role]
