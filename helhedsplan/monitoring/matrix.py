"""The needs matrix: departments x indicators, each cell placed by its distance from the
municipality in the indicator's direction, for the latest period with department data."""

from dataclasses import dataclass
from decimal import Decimal

from .series import Point

LEVELS = ["better", "near", "worse", "much-worse"]  # + "unknown" and "plain" (no comparison)


@dataclass
class Cell:
    point: Point | None
    need: Decimal | None = None  # how much worse than the municipality (positive) or better
    level: str = "unknown"


@dataclass
class Column:
    key: str
    name: str
    unit: str
    period: str
    municipality: Point | None
    cells: dict[str, Cell]  # department key -> cell
    covered: int
    total: int


def level(need: Decimal | None, reference: Decimal | None) -> str:
    """better: at or better than the municipality; near: under 25 % worse; worse: up to twice
    as bad; much-worse: more than that. The share is of the municipality's value."""
    if need is None:
        return "plain"
    if need <= 0:
        return "better"
    relative = need / abs(reference) if reference else Decimal(2)
    if relative < Decimal("0.25"):
        return "near"
    return "worse" if relative < 1 else "much-worse"


def column(
    key: str,
    name: str,
    unit: str,
    higher_is_better: bool | None,
    by_department: dict[str, list[Point]],
    municipality: list[Point],
) -> Column:
    """One indicator's column: the latest period any department has a value for."""
    labels = [p.label for points in by_department.values() for p in points if p.known]
    period = max(labels, default="")
    reference = next((p for p in municipality if p.label == period and p.known), None)
    cells, covered = {}, 0
    for department, points in by_department.items():
        point = next((p for p in points if p.label == period), None)
        cell = Cell(point)
        if point is not None and point.known:
            covered += 1
            if reference is not None and higher_is_better is not None:
                sign = -1 if higher_is_better else 1
                cell.need = (point.value - reference.value) * sign
            cell.level = level(cell.need, reference.value if reference else None)
        cells[department] = cell
    return Column(key, name, unit, period, reference, cells, covered, len(by_department))


def sort_rows(departments: list, columns: list[Column], by: str | None) -> list:
    """Departments in the given order, or the neediest first for the column `by`."""
    wanted = next((c for c in columns if c.key == by), None)
    if wanted is None:
        return departments

    def neediness(department):
        cell = wanted.cells.get(department.key)
        if cell is None or cell.point is None or not cell.point.known:
            return (2, 0)
        if cell.need is None:
            return (1, -cell.point.value)
        return (0, -cell.need)

    return sorted(departments, key=neediness)
