import copy

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET

from helhedsplan.accounts.access import plan_for, visible_plans
from helhedsplan.accounts.models import Role
from helhedsplan.core.disclosure import SMALL, is_count, is_small, sees_exact_counts
from helhedsplan.goals.display import prepare_goal, prepare_indicator
from helhedsplan.goals.models import Baseline, Goal
from helhedsplan.goals.serialize import (
    goal_data,
    indicator_data,
    prefetch_goals,
    prefetch_indicators,
)
from helhedsplan.monitoring.report import department_panels
from helhedsplan.planfiles.exporter import export_plan
from helhedsplan.plans.summary import budget_summary, department_rows


@require_GET
def overview(request, plan):
    plan = plan_for(request, plan)
    intervention_areas = plan.intervention_areas.select_related("intervention_area")
    # Lazy: the page's content is kept (see the template), so when it is, none of this is read.
    context = {
        "plan": plan,
        "parties": plan.parties.all(),
        "intervention_areas": intervention_areas,
        "sub_agreements": plan.sub_agreements.all(),
        "budget": SimpleLazyObject(lambda: budget_summary(plan, list(intervention_areas))),
        "department_count": SimpleLazyObject(plan.departments.count),
        "bodies": plan.bodies.all(),
        "role": request.plan_role,
    }
    return render(request, "plans/overview.html", context)


@require_GET
def departments(request, plan):
    plan = plan_for(request, plan)
    rows = department_rows(plan)
    return render(request, "plans/departments.html", {"plan": plan, "rows": rows})


@require_GET
def department(request, plan, key):
    plan = plan_for(request, plan)
    department = (
        plan.departments.select_related("housing_organisation", "area").filter(key=key).first()
    )
    if department is None:
        raise Http404("No such department")
    exact = sees_exact_counts(request.plan_role)  # the kept part differs by it
    # Lazy: the page's content is kept (see the template), so when it is, none of this is read.
    rows = SimpleLazyObject(lambda: _baseline_rows(department, exact))
    context = {
        "plan": plan,
        "department": department,
        "exact_counts": exact,
        "residents": SimpleLazyObject(lambda: list(department.residents.all())),
        "rows": rows,
        "has_comparisons": SimpleLazyObject(lambda: any(m for _, m in rows)),
        "activities": SimpleLazyObject(
            lambda: list(department.activities.select_related("sub_agreement"))
        ),
        "monitoring": SimpleLazyObject(lambda: department_panels(plan, department, exact=exact)),
        "area_departments": SimpleLazyObject(lambda: _area_neighbours(plan, department)),
    }
    return render(request, "plans/department.html", context)


def _area_neighbours(plan, department) -> list:
    """The plan's other departments in the same area."""
    if not department.area:
        return []
    others = department.area.departments.filter(plan=plan).exclude(pk=department.pk)
    return list(others.select_related("plan"))


def _baseline_rows(department, exact: bool = True) -> list:
    """The department's baselines, each beside the municipality's for the same indicator and
    year (or None); a count of persons under the limit hidden unless `exact`."""
    baselines = (
        Baseline.objects.filter(department=department)
        .select_related("indicator")
        .order_by("indicator__order", "order")
    )
    comparisons = {
        (b.indicator_id, b.year): b
        for b in Baseline.objects.filter(
            indicator__in={b.indicator_id for b in baselines}, scope=Baseline.Scope.MUNICIPALITY
        )
    }
    rows = [(b, comparisons.get((b.indicator_id, b.year))) for b in baselines]
    if exact:
        return rows
    return [
        (_hidden_if_small(b, b.indicator.unit), _hidden_if_small(m, b.indicator.unit))
        for b, m in rows
    ]


def _hidden_if_small(baseline, unit):
    """A reader's copy of a baseline: a count of persons under the limit shown as "<5"."""
    if baseline is None or not is_count(unit):
        return baseline
    if not is_small(baseline.value):
        return baseline
    shown = copy.copy(baseline)
    shown.value, shown.status = None, SMALL
    return shown


@require_GET
def department_chart(request, plan, key, indicator):
    """One indicator's chart on the department page, as an SVG image: the page stays small and
    the browser keeps each chart for good under its version (?v=, which changes with it)."""
    plan = plan_for(request, plan)
    department = get_object_or_404(plan.departments, key=key)
    exact = sees_exact_counts(request.plan_role)
    panels = department_panels(plan, department, definition_key=indicator, exact=exact)
    if not panels:
        raise Http404("no such indicator for this department")
    [panel] = panels
    response = HttpResponse(panel.svg(), content_type="image/svg+xml; charset=utf-8")
    if request.GET.get("v") == panel.chart_version:
        response["Cache-Control"] = "private, max-age=31536000, immutable"
    else:
        response["Cache-Control"] = "private, no-cache"
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


@require_GET
def goals(request, plan):
    plan = plan_for(request, plan)
    names = {d.key: str(d) for d in plan.departments.all()}
    goals = prefetch_goals(plan.goals.select_related("sub_agreement")).order_by(
        "sub_agreement", "order"
    )
    prepared = [(g.level, prepare_goal(goal_data(g), names)) for g in goals]
    context = {
        "plan": plan,
        "overall": [g for level, g in prepared if level == Goal.Level.OVERALL],
        "local": [g for level, g in prepared if level == Goal.Level.LOCAL],
        "sub_goals": [g for level, g in prepared if level == Goal.Level.SUB_GOAL],
        "other_indicators": [
            prepare_indicator(indicator_data(i), names)
            for i in prefetch_indicators(plan.indicators.filter(goal=None))
        ],
    }
    return render(request, "plans/goals.html", context)


@require_GET
def export(request, plan):
    plan = plan_for(request, plan, Role.STAFF)
    response = HttpResponse(export_plan(plan), content_type="application/yaml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{plan.slug}.yaml"'
    return response


@require_GET
def home(request):
    plans = visible_plans(request.user).select_related("municipality")
    return render(request, "core/home.html", {"plans": plans})
