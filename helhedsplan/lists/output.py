"""Writing classifications in the `classify` output format."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from helhedsplan.core.cells import safe_cell
from helhedsplan.core.serialize import number

from .criteria import CLASS_COLUMNS, CRITERIA, Classification

COLUMNS = (
    ["area", "list_year", "rule_set", "criteria_met", "criteria_unknown"]
    + list(CLASS_COLUMNS)
    + [f"margin_{name}" for name in CRITERIA]
)


def _decimal_text(value: Decimal | None) -> str:
    """Plain decimal text without trailing zeros (0.90 -> 0.9, -0.0 -> 0)."""
    return "" if value is None else str(number(value))


def classification_row(item: Classification) -> dict:
    row = {
        "area": item.area,
        "list_year": item.list_year,
        "rule_set": item.rule_set,
        "criteria_met": ";".join(item.criteria_met()),
        "criteria_unknown": ";".join(item.criteria_unknown()),
        **item.classes,
    }
    for name in CRITERIA:
        row[f"margin_{name}"] = _decimal_text(item.margin(name))
    return row


def write_csv(classifications: list[Classification]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for item in classifications:
        writer.writerow({k: safe_cell(v) for k, v in classification_row(item).items()})
    return buffer.getvalue()
