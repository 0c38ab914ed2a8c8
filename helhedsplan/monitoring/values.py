"""Numbers as LBF and the housing organisations write them: `38,0`, `1.102`, `97,95%`, `-`.

A dash or a blank is not zero: it is a value under the discretion limit or a missing one, and
it stays unknown unless the indicator says a blank means zero.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

SUPPRESSED_MARKS = {"-", "–", "—", "x", "X", "..", "*", "(d)"}
BLANK_MARKS = {"", "nan", "None"}
MISSING_MARKS = {"n/a", "na", "i.t.", "ikke oplyst", "mangler"}


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
        raise NumberError(_("'%(raw)s' is not a number") % {"raw": raw})
    if isinstance(raw, int | float | Decimal):
        return Decimal(str(raw))
    text = str(raw).strip().replace("\u00a0", "").replace(" ", "")
    text = text.removesuffix("%").removesuffix("pct.").removesuffix("pct")
    if re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})+(,\d+)?", text):  # 1.102 or 1.102,5
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"[-+]?\d+,\d+", text):  # 38,0
        text = text.replace(",", ".")
    elif not re.fullmatch(r"[-+]?\d+(\.\d+)?", text):  # 38 or 38.0 (machine written)
        raise NumberError(_("'%(raw)s' is not a number") % {"raw": raw})
    try:
        return Decimal(text)
    except InvalidOperation as error:
        raise NumberError(_("'%(raw)s' is not a number") % {"raw": raw}) from error


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
