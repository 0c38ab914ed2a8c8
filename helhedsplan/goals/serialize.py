"""Goals and indicators as plan-file dictionaries (used by export and by versions)."""

from helhedsplan.core.serialize import compact, number

from .models import Baseline, Goal, Indicator, Target


def baseline_data(baseline: Baseline) -> dict:
    data = compact(
        {
            "scope": baseline.scope,
            "department": baseline.department.key if baseline.department_id else None,
            "area": baseline.area.name if baseline.area_id else None,
            "label": baseline.label,
            "year": baseline.year,
            "value": number(baseline.value),
            "note": baseline.note,
        }
    )
    if baseline.status != "value":
        data["status"] = baseline.status
    return data


def target_data(target: Target) -> dict:
    return compact(
        {
            "kind": target.kind,
            "value": number(target.value),
            "per_year": target.per_year,
            "department": target.department.key if target.department_id else None,
            "target_year": target.target_year,
            "text": target.text,
        }
    )


def indicator_data(indicator: Indicator) -> dict:
    data = compact(
        {
            "key": indicator.key,
            "name": indicator.name,
            "unit": indicator.unit,
            "direction": indicator.direction if indicator.direction != "neutral" else None,
            "data_source": indicator.data_source,
            "definition": indicator.definition,
            "baselines": [baseline_data(b) for b in indicator.baselines.all()],
            "targets": [target_data(t) for t in indicator.targets.all()],
        }
    )
    return data


def goal_data(goal: Goal) -> dict:
    return compact(
        {
            "level": goal.level,
            "text": goal.text,
            "intervention_area": goal.intervention_area.code if goal.intervention_area_id else None,
            "indicators": [indicator_data(i) for i in goal.indicators.all()],
        }
    )


def prefetch_indicators(queryset):
    return queryset.prefetch_related(
        "baselines__department", "baselines__area", "targets__department"
    )


def prefetch_goals(queryset):
    return queryset.select_related("intervention_area").prefetch_related(
        "indicators__baselines__department",
        "indicators__baselines__area",
        "indicators__targets__department",
    )
