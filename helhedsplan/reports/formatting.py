"""Cells as text, the Danish way (1.234,5; 38,0 %; 1. august 2025) under the active language."""

import datetime
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _

from .structure import NOT_AVAILABLE, SECONDARY, SMALL, SUPPRESSED, Value

DECIMALS = {"percent": 1, "grade": 1, "count": 0, "dkk": 0, "hours": 1, "rate": 1}
SUFFIX = {"percent": " %", "dkk": " kr.", "hours": " t."}


def decimals_of(value: Value) -> int:
    if value.decimals is not None:
        return value.decimals
    number = Decimal(str(value.number)).normalize()
    exponent = number.as_tuple().exponent
    places = min(max(0, -exponent), 2) if isinstance(exponent, int) else 0
    if value.unit in DECIMALS:
        fixed = DECIMALS[value.unit]
        return max(fixed, places) if fixed else fixed  # 38,0 % but 97,95 % as published
    return places


def text(cell, limit: int = 5) -> str:
    if not isinstance(cell, Value):
        return "" if cell is None else str(cell)
    if cell.status == SMALL:
        return f"<{limit}"
    if cell.status == SECONDARY:
        return "x"
    if cell.status == SUPPRESSED:
        return "–"
    if cell.status == NOT_AVAILABLE or cell.number is None:
        return _("n/a")
    number = formats.number_format(
        Decimal(str(cell.number)), decimals_of(cell), use_l10n=True, force_grouping=True
    )
    return number + SUFFIX.get(cell.unit, "")


def long_date(day: datetime.date) -> str:
    """1. august 2025 (in Danish)."""
    return formats.date_format(day, "j. F Y")
