"""A department's row of the needs matrix, frozen into a needs statement."""

from __future__ import annotations

from decimal import Decimal

from helhedsplan.monitoring.report import matrix

LEVEL_WEIGHT = {"near": Decimal("0.5"), "worse": Decimal(1), "much-worse": Decimal(2)}


def _number(value):
    return None if value is None else str(value)


def snapshots(plan) -> dict[str, tuple[list[dict], Decimal]]:
    """For every department of the plan: its needs-matrix row and need score, as of now."""
    departments, columns = matrix(plan)
    result = {}
    for department in departments:
        row, score = [], Decimal(0)
        for column in columns:
            cell = column.cells.get(department.key)
            point = cell.point if cell else None
            row.append(
                {
                    "indicator": column.key,
                    "name": column.name,
                    "unit": column.unit,
                    "period": column.period,
                    "value": _number(point.value) if point is not None and point.known else None,
                    "municipality": (
                        _number(column.municipality.value) if column.municipality else None
                    ),
                    "level": cell.level if cell else "unknown",
                }
            )
            score += LEVEL_WEIGHT.get(cell.level if cell else "", Decimal(0))
        result[department.key] = (row, score)
    return result
