"""When a plan's monitoring data changes, its generation changes, so results computed from it
(the needs matrix, the aggregates, a department page's monitoring part) are computed again.

Observations are written only by imports, each of which creates its batch in the same
transaction (bulk writes send no signals, and signals on Observation itself would make every
cascade delete row by row). Departments, areas, indicator definitions, residents (the
aggregates' weights), and the plan's indicators, baselines and targets (the department page's
target status) signal their own saves and deletes. Plan files only ever create new plans."""

from django.db.models.signals import post_delete, post_save

from helhedsplan.core import content, generations
from helhedsplan.goals.models import Baseline, Indicator, Target
from helhedsplan.plans.models import Area, Department, Plan, Residents

from .models import ImportBatch, IndicatorDefinition

CATALOGUE = "monitoring:catalogue"


def plan_key(plan_id: int) -> str:
    return f"monitoring:plan:{plan_id}"


def keys(plan) -> tuple[str, str]:
    return plan_key(plan.pk), CATALOGUE


def current(plan) -> tuple[int, int]:
    return generations.current(*keys(plan))


def shown(request, plan) -> tuple[int, int, int]:
    """What a page showing the plan's monitoring data depends on, as this request sees it: the
    plan content generation (departments, indicators, targets) and the monitoring ones."""
    return generations.for_request(request, content.KEY, *keys(plan))


def _bump(plan_ids) -> None:
    for plan_id in set(plan_ids):
        generations.bump(plan_key(plan_id))


def _plan_changed(sender, instance, **kwargs):
    _bump([instance.plan_id])


# Baselines, targets and residents reach their plan through a parent; when the parent itself
# is being deleted too, the lookup finds nothing, and the parent's own signal bumps the plan.
def _indicator_part_changed(sender, instance, **kwargs):
    _bump(Indicator.objects.filter(pk=instance.indicator_id).values_list("plan_id", flat=True))


def _residents_changed(sender, instance, **kwargs):
    _bump(Department.objects.filter(pk=instance.department_id).values_list("plan_id", flat=True))


def _the_plan_changed(sender, instance, **kwargs):
    _bump([instance.pk])


def _definition_changed(sender, instance, **kwargs):
    generations.bump(plan_key(instance.plan_id) if instance.plan_id else CATALOGUE)


def _area_changed(sender, instance, **kwargs):
    _bump(instance.departments.values_list("plan_id", flat=True))


def connect() -> None:
    for model in (ImportBatch, Department, Indicator):
        post_save.connect(_plan_changed, sender=model, dispatch_uid=f"generation-{model}")
        post_delete.connect(_plan_changed, sender=model, dispatch_uid=f"generation-d-{model}")
    post_save.connect(_definition_changed, sender=IndicatorDefinition, dispatch_uid="gen-def")
    post_delete.connect(_definition_changed, sender=IndicatorDefinition, dispatch_uid="gen-defd")
    post_save.connect(_area_changed, sender=Area, dispatch_uid="generation-area")
    post_save.connect(_the_plan_changed, sender=Plan, dispatch_uid="generation-plan")
    post_save.connect(_residents_changed, sender=Residents, dispatch_uid="generation-residents")
    post_delete.connect(_residents_changed, sender=Residents, dispatch_uid="generation-d-res")
    for model in (Baseline, Target):
        post_save.connect(_indicator_part_changed, sender=model, dispatch_uid=f"gen-{model}")
        post_delete.connect(_indicator_part_changed, sender=model, dispatch_uid=f"gen-d-{model}")
