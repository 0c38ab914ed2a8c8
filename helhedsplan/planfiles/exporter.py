"""Export a plan to the plan file format; importing the result gives the same plan."""

from __future__ import annotations

from decimal import Decimal

import yaml

from helhedsplan.agreements.serialize import sub_agreement_data
from helhedsplan.core.serialize import compact, number
from helhedsplan.goals.serialize import (
    goal_data,
    indicator_data,
    prefetch_goals,
    prefetch_indicators,
)
from helhedsplan.plans.models import Area, Plan

from .schema import FORMAT_NAME, FORMAT_VERSION


def plan_data(plan: Plan) -> dict:
    departments = plan.departments.select_related("housing_organisation", "area").prefetch_related(
        "residents"
    )
    area_ids = {d.area_id for d in departments if d.area_id}
    areas = {d.area for d in departments if d.area_id}
    for baseline_area in _baseline_areas(plan):
        if baseline_area.pk not in area_ids:
            areas.add(baseline_area)
    return compact(
        {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "plan": compact(
                {
                    "slug": plan.slug,
                    "name": plan.name,
                    "period_start": plan.period_start,
                    "period_end": plan.period_end,
                    "project_year_start_month": plan.project_year_start_month,
                    "municipality": plan.municipality.name,
                    "fund": plan.fund,
                    "summary": plan.summary,
                    "vision": plan.vision,
                    "method": plan.method,
                    "stated_tenancies": plan.stated_tenancies,
                    "stated_residents": plan.stated_residents,
                }
            ),
            "parties": [
                compact({"name": p.name, "kind": p.kind, "short_name": p.short_name})
                for p in plan.parties.all()
            ],
            "areas": [
                compact({"name": a.name, "municipality": a.municipality, "note": a.note})
                for a in sorted(areas, key=lambda a: a.pk)
            ],
            "departments": [_department(d) for d in departments.order_by("pk")],
            "intervention_areas": [
                compact(
                    {
                        "code": item.intervention_area.code,
                        "purpose": item.purpose,
                        "problem_description": item.problem_description,
                    }
                )
                for item in plan.intervention_areas.select_related("intervention_area")
            ],
            "goals": [
                goal_data(g)
                for g in prefetch_goals(plan.goals.filter(sub_agreement=None)).order_by("order")
            ],
            "indicators": [
                indicator_data(i)
                for i in prefetch_indicators(plan.indicators.filter(goal=None)).order_by("order")
            ],
            "sub_agreements": [
                sub_agreement_data(s)
                for s in plan.sub_agreements.select_related("intervention_area").order_by("pk")
            ],
            "budget": [
                compact(
                    {
                        "source": line.source,
                        "amount": number(line.amount),
                        "intervention_area": (
                            line.intervention_area.code if line.intervention_area_id else None
                        ),
                        "year": line.year,
                        "note": line.note,
                    }
                )
                for line in plan.budget.select_related("intervention_area").order_by("pk")
            ],
            "governance": compact(
                {
                    "bodies": [_body(b) for b in plan.bodies.prefetch_related("members")],
                    "annual_cycle": [
                        compact({"title": s.title, "description": s.description, "month": s.month})
                        for s in plan.cycle_steps.all()
                    ],
                    "milestones": [
                        compact(
                            {
                                "title": m.title,
                                "due": m.due,
                                "due_text": m.due_text,
                                "done": m.done,
                                "description": m.description,
                            }
                        )
                        for m in plan.milestones.all()
                    ],
                }
            ),
        }
    )


def _baseline_areas(plan: Plan):
    return Area.objects.filter(baseline__indicator__plan=plan).distinct()


def _department(department) -> dict:
    return compact(
        {
            "key": department.key,
            "number": department.number,
            "name": department.name,
            "housing_organisation": (
                department.housing_organisation.name if department.housing_organisation else None
            ),
            "area": department.area.name if department.area else None,
            "built": department.built,
            "built_from": department.built_from,
            "built_to": department.built_to,
            "tenancies": department.tenancies,
            "building_form": department.building_form,
            "distance_to_centre_km": number(department.distance_to_centre_km),
            "renewal_status": department.renewal_status,
            "notes": department.notes,
            "residents": [
                compact(
                    {
                        "year": r.year,
                        "value": r.value,
                        "status": r.status if r.status != "value" else None,
                    }
                )
                for r in department.residents.all()
            ],
        }
    )


def _body(body) -> dict:
    return compact(
        {
            "key": body.key,
            "kind": body.kind,
            "name": body.name,
            "tasks": body.tasks,
            "cadence": body.cadence,
            "meetings_per_year": body.meetings_per_year,
            "members": [
                compact(
                    {
                        "role": m.role,
                        "organisation": m.organisation,
                        "person": m.person,
                        "chair": m.chair,
                    }
                )
                for m in body.members.all()
            ],
        }
    )


class _Dumper(yaml.SafeDumper):
    pass


def _represent_str(dumper, text: str):
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


def _represent_decimal(dumper, value: Decimal):
    return dumper.represent_scalar("tag:yaml.org,2002:float", format(value, "f"))


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(Decimal, _represent_decimal)


def export_plan(plan: Plan) -> str:
    header = (
        f"# Plan file ({FORMAT_NAME}, version {FORMAT_VERSION}) for {plan}.\n"
        "# Format: docs/plan-file-format.md\n"
    )
    body = yaml.dump(
        plan_data(plan), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100
    )
    return header + body
