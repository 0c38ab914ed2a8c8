"""Every write to the logbook: one transaction each, history kept by simple-history."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _


class StaleEntry(Exception):
    """Someone else saved the entry after this form was opened."""


@transaction.atomic
def save_entry(form, plan, user, expected_version: int | None = None):
    """Save a logbook form. An edit whose `expected_version` is no longer current is refused,
    so two staff editing the same entry never overwrite each other silently."""
    entry = form.instance
    if entry.pk is None:
        entry.plan = plan
        entry.created_by = user
        entry = form.save()
        return entry
    bumped = (
        type(entry)
        .objects.filter(pk=entry.pk, version=expected_version)
        .update(version=F("version") + 1)
    )
    if not bumped:
        raise StaleEntry(
            _(
                "Someone else saved this entry while you were editing it. "
                "Your changes were not saved: open it again to see theirs."
            )
        )
    entry.version = expected_version + 1
    return form.save()


@transaction.atomic
def delete_entry(entry):
    entry.deleted_at = timezone.now()
    entry.save(update_fields=["deleted_at"])


@transaction.atomic
def restore_entry(entry):
    entry.deleted_at = None
    entry.save(update_fields=["deleted_at"])
