"""Classifications of stored area figures, for the pages (one engine call per request)."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import QuerySet

from . import store
from .criteria import CRITERIA, AreaYear, Classification, classify_all
from .history import OfficialHistory, lookup_for
from .models import AreaFigures

FIGURE_COLUMNS = (
    "pk",
    "area_id",
    "area__name",
    "area__municipality",
    "list_year",
    "residents",
    "national_convicted_pct",
    *(f"{name}_pct" for name in CRITERIA),
)


def classify_stored(
    figures: QuerySet[AreaFigures] | None = None, history: OfficialHistory | None = None
) -> dict[int, Classification]:
    """{figure id: Classification} for stored figures (all of them by default), in one pass.

    Reads the figures as plain rows rather than model instances, for classifying many at once."""
    figures = AreaFigures.objects.all() if figures is None else figures
    ids, rows, names, kommune_of = [], [], {}, {}
    # By id, the cheapest stable order: classify_all sorts the rows by area and year itself.
    for row in figures.order_by("pk").values_list(*FIGURE_COLUMNS):
        pk, area_id, name, municipality, year, residents, national = row[:7]
        ids.append(pk)
        values = dict(zip(CRITERIA, row[7:], strict=True))
        rows.append(AreaYear(area_id, year, residents, values, national))
        names[area_id] = name
        kommune_of[area_id] = municipality
    return dict(zip(ids, _classify(rows, names, kommune_of, history), strict=True))


def classify_figures(figures: list[AreaFigures], history: OfficialHistory | None = None):
    """{area id: [Classification, oldest first]} for the given figures, all in one pass."""
    names = {f.area_id: f.area.name for f in figures}
    rows = [
        AreaYear(f.area_id, f.list_year, f.residents, f.values(), f.national_convicted_pct)
        for f in figures
    ]
    kommune_of = {f.area_id: f.area.municipality for f in figures}
    results = _classify(rows, names, kommune_of, history)
    by_area: dict[int, list[Classification]] = defaultdict(list)
    for figure, result in zip(figures, results, strict=True):
        by_area[figure.area_id].append(result)
    for items in by_area.values():
        items.sort(key=lambda c: c.list_year)
    return dict(by_area), names


def _classify(
    rows: list[AreaYear], names: dict, kommune_of: dict, history: OfficialHistory | None
) -> list[Classification]:
    """Classify rows whose `area` is an Area id, as names are unique only within a kommune;
    the classifications come back with the area's name, as from the other inputs."""
    history = history or store.official_history()
    results = classify_all(
        rows,
        store.rule_sets(),
        store.conviction_references(),
        lookup_for(history, kommune_of, names),
    )
    for result in results:
        result.area = names[result.area]
    return results


def history_strip(area, history: OfficialHistory, last_year: int) -> list[dict]:
    """One cell per list year from 2010: the lists the area was published on, or unknown."""
    cells = []
    for year in range(2010, last_year + 1):
        listed = sorted(
            {
                i.list_type
                for i in history.listings
                if i.list_year == year and i.kommune == area.municipality and i.area == area.name
            }
        )
        complete = history.is_complete(year, "parallelsamfund")
        cells.append({"year": year, "lists": listed, "known": bool(listed) or complete})
    return cells
