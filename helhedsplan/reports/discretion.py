"""Small numbers in reports: the rule of `core.disclosure` (docs/disclosure.md) as `Value`s.

A report is read by the board and the municipality, so it shows what readers see: a count of
1 to limit-1 persons becomes "<5"; zero is shown (it points at nobody); a value suppressed at
the source stays "–". Shares and percentages are never suppressed: they are not counts.
"""

from django.utils.translation import gettext as _

from helhedsplan.core.disclosure import discretion_limit, is_small, secondary_note, small_note

from .structure import NOT_AVAILABLE, SECONDARY, SMALL, SUPPRESSED, Value

__all__ = ["discretion_limit", "footnotes", "persons"]


def persons(number, limit: int, unit: str = "count") -> Value:
    """A count of persons (participants, volunteers, cases, residents, households)."""
    if number is None:
        return Value(None, unit, NOT_AVAILABLE)
    if is_small(number, limit):
        return Value(None, unit, SMALL)
    return Value(number, unit)


def footnotes(report) -> list[str]:
    found = report.statuses()
    notes = []
    if SMALL in found:
        notes.append(small_note(report.limit))
    if SECONDARY in found:
        notes.append(secondary_note())
    if SUPPRESSED in found:
        notes.append(_("–: suppressed at the source (few persons); unknown, not zero."))
    if NOT_AVAILABLE in found:
        notes.append(_("n/a: not available."))
    return notes
