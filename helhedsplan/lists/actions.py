"""Writes for the lists: area figures in, all or nothing."""

from __future__ import annotations

from django.db import transaction

from helhedsplan.plans.models import Area

from .inputs import InputError, InputProblem, InputRow, read_area_figures
from .models import AreaFigures


@transaction.atomic
def import_area_figures(path, synthetic: bool = False) -> int:
    """Store the figures of a classify input file; areas must exist and name their kommune."""
    rows: list[InputRow] = read_area_figures(path)
    problems, resolved = [], []
    for row in rows:
        area = None
        if not row.kommune:
            problems.append(InputProblem(str(path), row.line, "kommune", "needed to find the area"))
        else:
            area = Area.objects.filter(name=row.area_year.area, municipality=row.kommune).first()
            if area is None:
                problems.append(
                    InputProblem(
                        str(path),
                        row.line,
                        "area",
                        f"no area '{row.area_year.area}' in {row.kommune}",
                    )
                )
        resolved.append(area)
    if problems:
        raise InputError(problems)
    for row, area in zip(rows, resolved, strict=True):
        figures = row.area_year
        AreaFigures.objects.update_or_create(
            area=area,
            list_year=figures.list_year,
            defaults={
                "residents": figures.residents,
                **{f"{name}_pct": value for name, value in figures.values.items()},
                "national_convicted_pct": figures.national_convicted_pct,
                "source": row.source,
                "synthetic": synthetic,
            },
        )
    return len(rows)
