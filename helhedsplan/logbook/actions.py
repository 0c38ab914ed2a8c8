"""Every write to the logbook: one transaction each, history kept by simple-history."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from helhedsplan.core.concurrency import claim


@transaction.atomic
def save_entry(form, plan, user, expected_version: int | None = None):
    """Save a logbook form. An edit whose `expected_version` is no longer current is refused
    (StaleEdit), so two staff editing the same entry never overwrite each other silently."""
    entry = form.instance
    if entry.pk is None:
        entry.plan = plan
        entry.created_by = user
        entry = form.save()
        return entry
    entry.version = claim(
        type(entry).objects.all(), entry.pk, expected_version, user, _("The entry")
    ).version
    return form.save()


@transaction.atomic
def delete_entry(entry):
    entry.deleted_at = timezone.now()
    entry.save(update_fields=["deleted_at"])


@transaction.atomic
def restore_entry(entry):
    entry.deleted_at = None
    entry.save(update_fields=["deleted_at"])
