"""Prepare a frozen sub-agreement (a version's content) for display.

Current and earlier versions render through the same code, so what LBF gets when it asks for
version 3 looks exactly like what the board saw when version 3 was current.
"""

from helhedsplan.goals.display import label, prepare_goal

from .models import SuccessCriterion


def prepare(content: dict) -> dict:
    names = content.get("department_names", {})
    doc = dict(content)
    doc["all_goals"] = [prepare_goal(g, names) for g in content.get("plan_goals", [])] + [
        prepare_goal(g, names) for g in content.get("goals", [])
    ]
    doc["activities"] = [_activity(a, names) for a in content.get("activities", [])]
    doc["total_hours"] = sum(
        float(a["hours_per_week"]) for a in content.get("activities", []) if a.get("hours_per_week")
    )
    return doc


def _activity(activity: dict, names: dict) -> dict:
    return {
        **activity,
        "department_names": [names.get(key, key) for key in activity.get("departments", [])],
        "success_criteria": [
            {
                **c,
                "period_label": label(SuccessCriterion.Period, c.get("period", "project_year")),
            }
            for c in activity.get("success_criteria", [])
        ],
    }
