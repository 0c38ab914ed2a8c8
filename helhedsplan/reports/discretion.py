"""Small numbers: a count of persons under the discretion limit is never shown as a number.

The limit is `settings.REPORT_DISCRETION_LIMIT` (default 5). A count of 1 to limit-1 persons
becomes "<5"; zero is shown (it points at nobody); a value suppressed at the source stays "–".
Shares and percentages are never suppressed here: they are not counts.
"""

from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _

from .structure import NOT_AVAILABLE, SMALL, SUPPRESSED, Value

DEFAULT_LIMIT = 5


def discretion_limit() -> int:
    return int(getattr(settings, "REPORT_DISCRETION_LIMIT", DEFAULT_LIMIT))


def persons(number, limit: int, unit: str = "count") -> Value:
    """A count of persons (participants, volunteers, cases, residents, households)."""
    if number is None:
        return Value(None, unit, NOT_AVAILABLE)
    if 0 < Decimal(str(number)) < limit:
        return Value(None, unit, SMALL)
    return Value(number, unit)


def footnotes(report) -> list[str]:
    found = report.statuses()
    notes = []
    if SMALL in found:
        notes.append(
            _(
                "<%(limit)s: a count of fewer than %(limit)s persons is not shown "
                "(discretion limit), so that no one can be recognised."
            )
            % {"limit": report.limit}
        )
    if SUPPRESSED in found:
        notes.append(_("–: suppressed at the source (few persons); unknown, not zero."))
    if NOT_AVAILABLE in found:
        notes.append(_("n/a: not available."))
    return notes
