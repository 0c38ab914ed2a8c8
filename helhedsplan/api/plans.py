"""Plans, their departments and the indicators (catalogue entries) they can be measured by."""

import datetime

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from helhedsplan.accounts.access import role_in, visible_plans
from helhedsplan.monitoring.catalogue import definitions_for

from .common import ERRORS, Pages, plan_of
from .schemas import Key

router = Router(tags=["plans"])


class PlanOut(Schema):
    slug: str
    name: str
    period_start: datetime.date
    period_end: datetime.date
    project_year_start_month: int
    municipality: str
    fund: str
    stated_residents: int | None
    role: str | None


class DepartmentOut(Schema):
    key: str
    number: str
    name: str
    area: str | None
    area_id: int | None
    housing_organisation: str | None
    tenancies: int | None
    built_from: int | None
    built_to: int | None


class IndicatorOut(Schema):
    key: str
    name: str
    unit: str
    direction: str
    period_type: str
    share: bool
    additive: bool
    blank_means: str
    source: str
    aliases: list[str]
    plan_specific: bool


def plan_row(plan, role) -> dict:
    return {
        "slug": plan.slug,
        "name": plan.name,
        "period_start": plan.period_start,
        "period_end": plan.period_end,
        "project_year_start_month": plan.project_year_start_month,
        "municipality": plan.municipality.name,
        "fund": plan.fund,
        "stated_residents": plan.stated_residents,
        "role": role,
    }


def department_row(department) -> dict:
    return {
        "key": department.key,
        "number": department.number,
        "name": department.name,
        "area": department.area.name if department.area else None,
        "area_id": department.area_id,
        "housing_organisation": (
            department.housing_organisation.name if department.housing_organisation else None
        ),
        "tenancies": department.tenancies,
        "built_from": department.built_from,
        "built_to": department.built_to,
    }


@router.get(
    "/plans",
    response={200: list[PlanOut], **ERRORS},
    summary="The plans the token's user is a member of",
)
@paginate(Pages)
def list_plans(request):
    roles = dict(request.user.memberships.values_list("plan_id", "role"))
    plans = visible_plans(request.user).select_related("municipality").order_by("slug")
    return [plan_row(p, "admin" if request.user.is_superuser else roles.get(p.pk)) for p in plans]


@router.get("/plans/{plan}", response={200: PlanOut, **ERRORS}, summary="One plan")
def get_plan(request, plan: Key):
    found = plan_of(request, plan)
    return plan_row(found, role_in(request.user, found))


@router.get(
    "/plans/{plan}/departments",
    response={200: list[DepartmentOut], **ERRORS},
    summary="The plan's housing departments",
)
@paginate(Pages)
def list_departments(request, plan: Key, area: int | None = Query(None, ge=1, le=2**31)):
    found = plan_of(request, plan)
    departments = found.departments.select_related("area", "housing_organisation").order_by("key")
    if area is not None:
        departments = departments.filter(area_id=area)
    return [department_row(d) for d in departments]


@router.get(
    "/plans/{plan}/departments/{key}",
    response={200: DepartmentOut, **ERRORS},
    summary="One housing department",
)
def get_department(request, plan: Key, key: Key):
    found = plan_of(request, plan)
    department = get_object_or_404(
        found.departments.select_related("area", "housing_organisation"), key=key
    )
    return department_row(department)


@router.get(
    "/plans/{plan}/indicators",
    response={200: list[IndicatorOut], **ERRORS},
    summary="The indicator catalogue the plan's observations use (shared and the plan's own)",
)
@paginate(Pages)
def list_indicators(request, plan: Key):
    found = plan_of(request, plan)
    return [
        {
            "key": d.key,
            "name": d.name,
            "unit": d.unit,
            "direction": d.direction,
            "period_type": d.period_type,
            "share": d.share,
            "additive": d.additive,
            "blank_means": d.blank_means,
            "source": d.source,
            "aliases": [str(a) for a in d.aliases],
            "plan_specific": d.plan_id is not None,
        }
        for d in definitions_for(found)
    ]
