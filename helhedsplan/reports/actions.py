"""Writes of the reports app."""

from django.db import transaction

from .models import StatusText


@transaction.atomic
def save_status_texts(plan, project_year: int, texts: dict, user) -> None:
    """`texts`: {section key: (assessment, decisions)}; an empty pair removes the section's row."""
    for section, (assessment, decisions) in texts.items():
        assessment, decisions = assessment.strip(), decisions.strip()
        if not assessment and not decisions:
            rows = StatusText.objects.filter(plan=plan, project_year=project_year)
            rows.filter(section=section).delete()
            continue
        StatusText.objects.update_or_create(
            plan=plan,
            project_year=project_year,
            section=section,
            defaults={"assessment": assessment, "decisions": decisions, "updated_by": user},
        )
