"""Classifications under the official lists (§ 61 a / b) of the plan's areas, by the engine."""

from ninja import Query, Router, Schema

from helhedsplan.lists.areas import classify_figures
from helhedsplan.lists.models import AreaFigures

from .common import ERRORS, plan_of
from .schemas import Key

router = Router(tags=["lists"])


class CriterionOut(Schema):
    name: str
    list_class: str
    role: str
    comparison: str
    value: float | None
    bar: float | None
    met: bool | None
    margin: float | None


class ClassificationOut(Schema):
    area_id: int
    area: str
    municipality: str
    list_year: int
    rule_set: str
    residents: int | None
    classes: dict[str, str]
    criteria: list[CriterionOut]
    missing: list[str]


def _float(value):
    return None if value is None else float(value)


@router.get(
    "/plans/{plan}/classifications",
    response={200: list[ClassificationOut], **ERRORS},
    summary="The plan's areas classified from their stored figures, per list year",
)
def classifications(
    request, plan: Key, year: int | None = Query(None, ge=2010, le=2100, description="list year")
):
    found = plan_of(request, plan)
    figures = AreaFigures.objects.filter(area__departments__plan=found).distinct()
    if year is not None:
        figures = figures.filter(list_year=year)
    figures = list(figures.select_related("area").order_by("area__name", "list_year"))
    by_area, _names = classify_figures(figures)
    areas = {f.area_id: f.area for f in figures}
    return [
        {
            "area_id": area_id,
            "area": areas[area_id].name,
            "municipality": areas[area_id].municipality,
            "list_year": c.list_year,
            "rule_set": c.rule_set,
            "residents": c.residents,
            "classes": c.classes,
            "criteria": [
                {
                    "name": r.name,
                    "list_class": r.list_class,
                    "role": r.role,
                    "comparison": r.comparison,
                    "value": _float(r.value),
                    "bar": _float(r.bar),
                    "met": r.met,
                    "margin": _float(r.margin),
                }
                for r in c.results
            ],
            "missing": c.missing,
        }
        for area_id in sorted(by_area, key=lambda pk: areas[pk].name)
        for c in by_area[area_id]
    ]
