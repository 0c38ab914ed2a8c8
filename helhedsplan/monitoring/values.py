"""Numbers as LBF and the housing organisations write them: `38,0`, `1.102`, `97,95%`, `-`.

A dash or a blank is not zero: it is a value under the discretion limit or a missing one, and
it stays unknown unless the indicator says a blank means zero.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

SUPPRESSED_MARKS = {"-", "–", "—", "x", "X", "..", "*", "(d)"}
THOUSANDS = re.compile(r"[-+]?\d{1,3}(\.\d{3})+(,\d+)?")  # 1.102 or 1.102,5
DECIMAL_COMMA = re.compile(r"[-+]?\d+,\d+")  # 38,0
PLAIN = re.compile(r"[-+]?\d+(\.\d+)?")  # 38 or 38.0 (machine written)
BLANK_MARKS = {"", "nan", "None"}
MISSING_MARKS = {"n/a", "na", "i.t.", "ikke oplyst", "mangler"}


# What Observation's DecimalField(max_digits=16, decimal_places=4) stores: 12 digits before the
# point (test_values checks these against the model).
MAX_DIGITS, DECIMAL_PLACES = 16, 4
PLACES = Decimal(1).scaleb(-DECIMAL_PLACES)
LIMIT = Decimal(10) ** (MAX_DIGITS - DECIMAL_PLACES)


class NumberError(ValueError):
    """A cell that is neither a number nor a known mark for an unknown value."""


@dataclass(frozen=True)
class Cell:
    """A read value: a number, or unknown with its status and reason."""

    value: Decimal | None
    status: str = "value"  # value / suppressed / not_available
    reason: str = ""


def to_number(raw) -> Decimal:
    """A number from a typed spreadsheet cell or from Danish (or plain) text."""
    if isinstance(raw, bool):
        raise NumberError(_("'%(raw)s' is not a number") % {"raw": _shortened(raw)})
    if isinstance(raw, int | float | Decimal):
        return bounded(Decimal(str(raw)), raw)
    text = str(raw).strip().replace("\u00a0", "").replace(" ", "")
    text = text.removesuffix("%").removesuffix("pct.").removesuffix("pct")
    if THOUSANDS.fullmatch(text):
        text = text.replace(".", "").replace(",", ".")
    elif DECIMAL_COMMA.fullmatch(text):
        text = text.replace(",", ".")
    elif not PLAIN.fullmatch(text):
        raise NumberError(_("'%(raw)s' is not a number") % {"raw": _shortened(raw)})
    try:
        return bounded(Decimal(text), raw)
    except InvalidOperation as error:
        raise NumberError(_("'%(raw)s' is not a number") % {"raw": _shortened(raw)}) from error


def bounded(number: Decimal, raw=None) -> Decimal:
    """`number` if it is finite and fits what is stored (12 digits before the point)."""
    shown = number if raw is None else raw
    if not number.is_finite():
        raise NumberError(_("'%(raw)s' is not a finite number") % {"raw": shown})
    if number and (
        number.adjusted() >= MAX_DIGITS - DECIMAL_PLACES or abs(number.quantize(PLACES)) >= LIMIT
    ):
        raise NumberError(
            _("'%(raw)s' is too large: at most %(digits)s digits before the decimal point")
            % {"raw": _shortened(shown), "digits": MAX_DIGITS - DECIMAL_PLACES}
        )
    return number


def _shortened(raw) -> str:
    text = str(raw)
    return text if len(text) <= 30 else f"{text[:27]}..."


def read_cell(raw, *, blank_is_zero: bool = False) -> Cell:
    """Read one value cell: a number, a suppressed mark, a blank (unknown or zero)."""
    text = "" if raw is None else str(raw).strip()
    if text in SUPPRESSED_MARKS:
        return Cell(None, "suppressed", "Under diskretionsgrænsen i kilden")
    if text in BLANK_MARKS:
        if blank_is_zero:
            return Cell(Decimal(0))
        return Cell(None, "not_available", "Tom celle i kilden")
    if text.lower() in MISSING_MARKS:
        return Cell(None, "not_available", f"'{text}' i kilden")
    return Cell(to_number(raw))


class CellCache:
    """`read_cell` and `to_number` remembered per distinct cell: files repeat their values.

    Keys carry the type, so `1`, `1.0`, `True` and `"1"` are read apart as they are read alone.
    A cell that is not a number is remembered by its message and raised anew each time.
    """

    def __init__(self):
        self._cells: dict[tuple, Cell | str] = {}
        self._numbers: dict[tuple, Decimal | str] = {}

    def cell(self, raw, *, blank_is_zero: bool = False) -> Cell:
        key = (type(raw), raw, blank_is_zero)
        return _remembered(self._cells, key, read_cell, raw, blank_is_zero=blank_is_zero)

    def number(self, raw) -> Decimal:
        return _remembered(self._numbers, (type(raw), raw), to_number, raw)


def _remembered(memory: dict, key: tuple, read, raw, **options):
    found = memory.get(key)
    if found is None:
        found = memory[key] = _or_message(read, raw, **options)
    if isinstance(found, str):
        raise NumberError(found)
    return found


def _or_message(read, raw, **options):
    try:
        return read(raw, **options)
    except NumberError as error:
        return str(error)
