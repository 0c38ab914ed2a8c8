"""A sub-agreement as a plan-file dictionary: the export format and the content of versions."""

from helhedsplan.core.serialize import compact, number
from helhedsplan.goals.serialize import goal_data, prefetch_goals

from .models import Activity, SubAgreement


def activity_data(activity: Activity) -> dict:
    return compact(
        {
            "key": activity.key,
            "number": activity.number,
            "name": activity.name,
            "reference": activity.reference,
            "purpose": activity.purpose,
            "target_groups": activity.target_groups,
            "content": activity.content,
            "practice": activity.practice,
            "roles": activity.roles,
            "partners": activity.partners,
            "staff_resources": activity.staff_resources,
            "evaluation": activity.evaluation,
            "anchoring": activity.anchoring,
            "hours_per_week": number(activity.hours_per_week),
            "departments": sorted(d.key for d in activity.departments.all()),
            "success_criteria": [
                compact(
                    {
                        "text": criterion.text,
                        "threshold": number(criterion.threshold),
                        "unit": criterion.unit,
                        "period": criterion.period if criterion.period != "project_year" else None,
                        "per_area": criterion.per_area,
                        "data_source": criterion.data_source,
                        "measure": criterion.measure if criterion.measure != "none" else None,
                        "event_type": criterion.event_type,
                    }
                )
                for criterion in activity.success_criteria.all()
            ],
        }
    )


def sub_agreement_data(sub_agreement: SubAgreement) -> dict:
    """The sub-agreement's own content, as stored in a plan file."""
    return compact(
        {
            "key": sub_agreement.key,
            "intervention_area": sub_agreement.intervention_area.code,
            "title": sub_agreement.title,
            "period_start": sub_agreement.period_start,
            "period_end": sub_agreement.period_end,
            "parties": sub_agreement.parties,
            "responsible": sub_agreement.responsible,
            "partners": sub_agreement.partners,
            "sections": [
                {"heading": s.heading, "body": s.body} for s in sub_agreement.sections.all()
            ],
            "goals": [
                goal_data(g) for g in prefetch_goals(sub_agreement.goals.all()).order_by("order")
            ],
            "activities": [
                activity_data(a)
                for a in sub_agreement.activities.prefetch_related(
                    "departments", "success_criteria"
                )
            ],
        }
    )


def document_data(sub_agreement: SubAgreement) -> dict:
    """Everything the sub-agreement document shows, frozen into a version.

    Besides its own content this holds the plan's local goals for the same intervention area
    (the 2015-18 template put them in the sub-agreement) and the names of departments, so an
    old version still reads right after departments are renamed or removed.
    """
    data = sub_agreement_data(sub_agreement)
    plan_goals = prefetch_goals(sub_agreement.all_goals().filter(sub_agreement=None))
    data["plan_goals"] = [goal_data(g) for g in plan_goals]
    data["intervention_area_name"] = sub_agreement.intervention_area.name
    data["department_names"] = {d.key: str(d) for d in sub_agreement.plan.departments.all()}
    return data
