"""Writes of the reports app."""

from django.db import transaction
from django.utils.translation import gettext as _

from helhedsplan.core.concurrency import StaleEdit, last_change

from .models import StatusText


@transaction.atomic
def save_status_texts(plan, project_year: int, texts: dict, user, versions=None) -> None:
    """`texts`: {section key: (assessment, decisions)}; `versions`: {section key: the version
    the form was opened on, 0 (the default) for a section without texts then}.

    A section whose texts differ from the stored ones is written only if nobody has saved it
    since the form was opened; otherwise nothing at all is written and StaleEdit says who
    changed it and when. Emptied texts stay as an empty row, so a version never repeats."""
    versions = versions or {}
    rows = {
        row.section: row
        for row in StatusText.objects.select_for_update().filter(
            plan=plan, project_year=project_year
        )
    }
    changed = {}
    for section, (assessment, decisions) in texts.items():
        wanted = (assessment.strip(), decisions.strip())
        row = rows.get(section)
        if wanted == ((row.assessment, row.decisions) if row else ("", "")):
            continue
        if (row.version if row else 0) != versions.get(section, 0):
            raise StaleEdit(_("The status report's texts"), row, *last_change(row))
        changed[section] = wanted
    for section, (assessment, decisions) in changed.items():
        row = rows.get(section) or StatusText(
            plan=plan, project_year=project_year, section=section, version=0
        )
        row.assessment, row.decisions, row.updated_by = assessment, decisions, user
        row.version += 1
        row.save()
