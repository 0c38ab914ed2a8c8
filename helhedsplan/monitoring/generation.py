"""When a plan's monitoring data changes, its generation changes, so results computed from
it (the needs matrix) are computed again. Observations are written only by imports, each of
which creates its batch in the same transaction (bulk writes send no signals, and signals on
Observation itself would make every cascade delete row by row); departments, areas and
indicator definitions signal their own saves and deletes."""

from django.db.models.signals import post_delete, post_save

from helhedsplan.core import generations
from helhedsplan.plans.models import Area, Department

from .models import ImportBatch, IndicatorDefinition

CATALOGUE = "monitoring:catalogue"


def plan_key(plan_id: int) -> str:
    return f"monitoring:plan:{plan_id}"


def current(plan) -> tuple[int, int]:
    return generations.current(plan_key(plan.pk), CATALOGUE)


def _plan_changed(sender, instance, **kwargs):
    generations.bump(plan_key(instance.plan_id))


def _definition_changed(sender, instance, **kwargs):
    generations.bump(plan_key(instance.plan_id) if instance.plan_id else CATALOGUE)


def _area_changed(sender, instance, **kwargs):
    for plan_id in set(instance.departments.values_list("plan_id", flat=True)):
        generations.bump(plan_key(plan_id))


def connect() -> None:
    for model in (ImportBatch, Department):
        post_save.connect(_plan_changed, sender=model, dispatch_uid=f"generation-{model}")
        post_delete.connect(_plan_changed, sender=model, dispatch_uid=f"generation-d-{model}")
    post_save.connect(_definition_changed, sender=IndicatorDefinition, dispatch_uid="gen-def")
    post_delete.connect(_definition_changed, sender=IndicatorDefinition, dispatch_uid="gen-defd")
    post_save.connect(_area_changed, sender=Area, dispatch_uid="generation-area")
