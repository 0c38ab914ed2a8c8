"""Goals and indicators (as plan-file dictionaries) prepared for display, with labels.

Used for the live goals page and for frozen sub-agreement versions alike.
"""

from .models import Baseline, Indicator, Target


def label(choices, value, default=""):
    try:
        return choices(value).label
    except ValueError:
        return value or default


def prepare_goal(goal: dict, names: dict) -> dict:
    return {**goal, "indicators": [prepare_indicator(i, names) for i in goal.get("indicators", [])]}


def prepare_indicator(indicator: dict, names: dict) -> dict:
    unit = indicator.get("unit", "")
    baselines = []
    for baseline in indicator.get("baselines", []):
        scope = baseline["scope"]
        if scope == "department":
            subject = names.get(baseline["department"], baseline["department"])
        elif scope == "area":
            subject = baseline["area"]
        else:
            subject = baseline.get("label") or label(Baseline.Scope, scope)
        baselines.append(
            {
                **baseline,
                "subject": subject,
                "scope_label": label(Baseline.Scope, scope),
                "status": baseline.get("status", "value"),
                "unit": unit,
            }
        )
    return {
        **indicator,
        "unit_label": label(Indicator.Unit, unit),
        "direction_label": label(Indicator.Direction, indicator.get("direction", "neutral")),
        "baselines": baselines,
        "targets": [
            {
                **t,
                "kind_label": label(Target.Kind, t["kind"]),
                "department_name": names.get(t.get("department"), ""),
            }
            for t in indicator.get("targets", [])
        ],
    }
