"""Writes to sub-agreements. Each saved change records a complete version."""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils.translation import gettext as _

from helhedsplan.core.concurrency import claim

from .models import SubAgreement, SubAgreementVersion
from .serialize import document_data

EDITABLE_FIELDS = ("title", "period_start", "period_end", "parties", "responsible", "partners")


def freeze(data: dict):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, sort_keys=True)
    return json.loads(text), hashlib.sha256(text.encode()).hexdigest()


@transaction.atomic
def record_version(sub_agreement: SubAgreement, user=None, note: str = ""):
    """Freeze the sub-agreement as it is now; returns the new version, or None if unchanged."""
    # Lock the row so two saves at once cannot both take the same version number.
    SubAgreement.objects.select_for_update().filter(pk=sub_agreement.pk).first()
    content, content_hash = freeze(document_data(sub_agreement))
    latest = sub_agreement.versions.order_by("-number").first()
    if latest is not None and latest.content_hash == content_hash:
        return None
    return SubAgreementVersion.objects.create(
        sub_agreement=sub_agreement,
        number=(latest.number + 1) if latest else 1,
        created_by=user if user is not None and user.is_authenticated else None,
        note=note[:300],
        content=content,
        content_hash=content_hash,
    )


@transaction.atomic
def update_sub_agreement(
    sub_agreement: SubAgreement,
    changes: dict,
    sections: list[dict],
    user,
    note: str = "",
    *,
    expected_version: int,
):
    """Change the text of a sub-agreement and its sections, and record the new version.
    The edit was opened on `expected_version`: if someone has saved since, nothing is saved
    and StaleEdit says who and when."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    sub_agreement = claim(
        SubAgreement.objects.all(), sub_agreement.pk, expected_version, user, _("The sub-agreement")
    )
    for field, value in changes.items():
        setattr(sub_agreement, field, value)
    sub_agreement.save()
    sub_agreement.sections.all().delete()
    for order, section in enumerate(sections):
        sub_agreement.sections.create(heading=section["heading"], body=section["body"], order=order)
    return record_version(sub_agreement, user=user, note=note)


def record_versions_after_change(plan, user=None, note: str = ""):
    """After any change that may touch a sub-agreement's document (a goal, an indicator, a
    department name), freeze every sub-agreement of the plan whose content changed."""
    return [
        version
        for sub_agreement in plan.sub_agreements.all()
        if (version := record_version(sub_agreement, user=user, note=note)) is not None
    ]
