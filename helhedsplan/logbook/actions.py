"""Every write to the logbook: one transaction each, taking values and the acting user;
history kept by simple-history (with who made the change)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from helhedsplan.core.concurrency import claim


@transaction.atomic
def save_entry(model, plan, values: dict, user, *, entry=None, expected_version=None):
    """Write a new entry of `model` in `plan`, or change `entry`, from `values` (field name ->
    value; a many-to-many field takes its rows). An edit whose `expected_version` is no longer
    current is refused (StaleEdit), so two staff editing the same entry never overwrite each
    other silently."""
    if entry is None:
        entry = model(plan=plan, created_by=user)
    else:
        entry.version = claim(
            model.objects.all(), entry.pk, expected_version, user, _("The entry")
        ).version
    many = {field.name for field in model._meta.many_to_many}
    for name, value in values.items():
        if name not in many:
            setattr(entry, name, value)
    entry._history_user = user
    entry.save()
    for name in many & values.keys():
        getattr(entry, name).set(values[name])
    return entry


@transaction.atomic
def delete_entry(entry, user):
    """Mark `entry` deleted; it stops counting and an administrator can restore it."""
    entry.deleted_at = timezone.now()
    entry._history_user = user
    entry.save(update_fields=["deleted_at"])


@transaction.atomic
def restore_entry(entry, user):
    entry.deleted_at = None
    entry._history_user = user
    entry.save(update_fields=["deleted_at"])
