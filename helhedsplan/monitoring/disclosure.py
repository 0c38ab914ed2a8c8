"""The monitoring pages as a reader sees them: `core.disclosure`'s rule applied to series,
department panels, the needs matrix and the aggregates over departments (docs/disclosure.md).

Pure functions over what `report` computes: the exact figures are computed (and kept) once,
and a reader's copy hides counts of 1-4 persons (and, beside a total, the next-smallest
department) before anything is drawn, written or exported.
"""

from __future__ import annotations

import copy
import dataclasses

from django.utils.translation import gettext as _

from helhedsplan.core.disclosure import (
    SECONDARY,
    SMALL,
    Shown,
    is_count,
    is_small,
    small_note,
    suppress_entries,
)

from .series import Point

HIDDEN = (SMALL, SECONDARY)


def hidden(point: Point, mark: str = SMALL) -> Point:
    return Point(point.label, point.year, None, mark, small_note(), None)


def series(points: list[Point], unit: str, limit: int) -> list[Point]:
    """A reader's copy of a series: a count of 1-4 persons becomes a gap marked "small"."""
    if not is_count(unit):
        return points
    return [hidden(p) if is_small(p.value, limit) else p for p in points]


def hidden_reason() -> str:
    return _("The figures behind this status are not shown (discretion limit).")


def panel(panel, limit: int, marks: dict | None = None, plan_series: str = ""):
    """A reader's copy of a department panel: small counts hidden, and the points the needs
    matrix hides (`marks`: {("department" | "published", period): mark}) hidden here too, so
    that no page shows what another hides."""
    unit = panel.definition.unit
    if not is_count(unit):
        return panel
    marks = marks or {}
    shown = copy.copy(panel)
    shown.exact = False  # its chart gets an address (and a cache key) of its own
    shown.points = [
        hidden(p, marks[("department", p.label)]) if ("department", p.label) in marks else p
        for p in series(panel.points, unit, limit)
    ]
    shown.comparisons = [
        (
            name,
            [
                hidden(p, marks[("published", p.label)])
                if name == plan_series and ("published", p.label) in marks
                else p
                for p in series(pts, unit, limit)
            ],
        )
        for name, pts in panel.comparisons
    ]
    if panel.baseline is not None and is_small(panel.baseline.value, limit):
        shown.baseline = copy.copy(panel.baseline)
        shown.baseline.value, shown.baseline.status = None, SMALL
    latest = panel.latest
    hides_figures = (latest is not None and latest.known and shown.latest != latest) or (
        shown.baseline is not panel.baseline
    )
    shown.targets = [
        dataclasses.replace(
            target,
            status=dataclasses.replace(
                target.status,
                reason=hidden_reason() if hides_figures else target.status.reason,
                path=target.status.path
                and [(y, None if is_small(v, limit) else v) for y, v in target.status.path],
            ),
        )
        for target in panel.targets
    ]
    return shown


def _sums(departments, groups, published: bool) -> list[list[int]]:
    """The sums a count column's entries take part in: each group's departments with the
    group's total, and all departments with the plan's published figure."""
    index = {d.key: i for i, d in enumerate(departments)}
    first_total = len(departments)
    sums = [
        [*(index[key] for key in group.keys), first_total + n] for n, group in enumerate(groups)
    ]
    if published:
        sums.append([*range(len(departments)), first_total + len(groups)])
    return sums


def column_marks(column, departments, groups, group_values, published, limit) -> dict:
    """For one count column: what a reader may not see, as a mark per entry:
    ("department", key), ("group", n) for the n-th group's total, ("published",)."""
    values = [
        cell.point.value if cell.point is not None and cell.point.known else None
        for cell in (column.cells[d.key] for d in departments)
    ]
    values += [*group_values, published]
    marks = suppress_entries(values, _sums(departments, groups, published is not None), limit)
    found = {}
    for i, department in enumerate(departments):
        if marks[i]:
            found[("department", department.key)] = marks[i]
    for n in range(len(groups)):
        if marks[len(departments) + n]:
            found[("group", n)] = marks[len(departments) + n]
    if marks[-1]:
        found[("published",)] = marks[-1]
    return found


def matrix_columns(columns, marks_by_key: dict) -> list:
    """A reader's copy of the needs matrix's columns: hidden cells are gaps with their mark,
    without a level or a need (the colour and the sort order would give them away)."""
    shown = []
    for column in columns:
        marks = marks_by_key.get(column.key)
        if not marks:
            shown.append(column)
            continue
        cells = dict(column.cells)
        for (kind, *rest), mark in marks.items():
            if kind == "department":
                cell = cells[rest[0]]
                cells[rest[0]] = dataclasses.replace(
                    cell, point=hidden(cell.point, mark), need=None, level="unknown"
                )
        municipality = column.municipality
        shown.append(dataclasses.replace(column, cells=cells, municipality=municipality))
    return shown


def aggregate_rows(rows: list[dict], marks_by_key: dict, limit: int) -> list[dict]:
    """A reader's copy of the aggregate rows (monitoring overview)."""
    shown = []
    for row in rows:
        marks = marks_by_key.get(row["definition"].key)
        if not marks and not _small_published(row, limit):
            shown.append(row)
            continue
        marks = marks or {}
        row = dict(row)
        groups = [None, *row["groups"]]  # the plan's group is the 0-th
        if ("group", 0) in marks:
            row["value"] = Shown(None, marks[("group", 0)])
        row["groups"] = [
            (group, result, Shown(None, marks[("group", n)]) if ("group", n) in marks else value)
            for n, (group, result, value) in enumerate(groups[1:], start=1)
        ]
        published = row["plan_value"]
        mark = marks.get(("published",)) or (SMALL if _small_published(row, limit) else None)
        if published is not None and mark:
            row["plan_value"] = copy.copy(published)
            row["plan_value"].value, row["plan_value"].status = None, mark
        shown.append(row)
    return shown


def _small_published(row, limit) -> bool:
    published = row["plan_value"]
    return (
        is_count(row["definition"].unit)
        and published is not None
        and is_small(published.value, limit)
    )
