"""Disclosure control: who sees exact small counts of persons, and what everyone else sees.

The rule (docs/disclosure.md), in one place for pages, charts, exports, reports and the API:

- A *count of persons* is a value of an indicator whose unit is "count" (move-outs,
  evictions, complaints, children, counselling contacts: persons or households), and every
  count of cases. Shares, grades, rates and amounts are not counts and are never suppressed.
- A count of 1 to limit-1 (`settings.REPORT_DISCRETION_LIMIT`, 5) is shown as "<5" to anyone
  who does not see exact counts; 0 is shown (it points at no one, as in the reports and
  Statistics Denmark's tables), and so is a value suppressed at the source ("–").
- Secondary suppression: where a total (or an aggregate over departments) is shown beside its
  parts, a hidden part must not be recoverable by one subtraction, so each such sum shows 0 or
  at least 2 hidden entries: the next-smallest part is hidden too (`suppress`).
- Who sees exact counts: the plan's staff and plan administrators, who work with the data
  (`sees_exact_counts`); readers (board, municipality) see what the reports show. Case counts
  are exact only for case workers, who see the cases themselves.

This module is in `core` so that every app can use it; it knows roles only by their names.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _

DEFAULT_LIMIT = 5
EXACT_ROLES = frozenset({"staff", "admin"})  # accounts.models.Role values
COUNT_UNITS = frozenset({"count"})

SMALL = "small"  # under the limit: shown as "<5"
SECONDARY = "secondary"  # hidden so that a small one cannot be worked out from a total


def discretion_limit() -> int:
    return int(getattr(settings, "REPORT_DISCRETION_LIMIT", DEFAULT_LIMIT))


def sees_exact_counts(role) -> bool:
    """Whether a member with `role` in a plan sees exact small counts (staff and plan admins)."""
    return role is not None and str(role) in EXACT_ROLES


def is_count(unit: str | None) -> bool:
    """Whether values in `unit` count persons or households (and so fall under the limit)."""
    return unit in COUNT_UNITS


def is_small(number, limit: int | None = None) -> bool:
    """A count of 1 to limit-1: hidden from those who do not see exact counts."""
    if number is None:
        return False
    limit = discretion_limit() if limit is None else limit
    return 0 < Decimal(str(number)) < limit


def small_text(limit: int | None = None) -> str:
    return f"<{discretion_limit() if limit is None else limit}"


def small_note(limit: int | None = None) -> str:
    """The footnote (and title) beside a count shown as "<5"."""
    return _(
        "<%(limit)s: a count of fewer than %(limit)s persons is not shown "
        "(discretion limit), so that no one can be recognised."
    ) % {"limit": discretion_limit() if limit is None else limit}


def secondary_note() -> str:
    return _(
        "x: not shown, so that a count under the discretion limit cannot be worked out "
        "from the total."
    )


@dataclass(frozen=True)
class Shown:
    """One entry of a table after suppression: its number, or why it is hidden."""

    number: Decimal | int | None
    mark: str | None = None  # None (shown), SMALL or SECONDARY

    @property
    def hidden(self) -> bool:
        return self.mark is not None


def suppress_entries(
    values: list, sums: list[list[int]], limit: int | None = None
) -> list[str | None]:
    """Marks for `values` (numbers, or None for an entry not in any sum): SMALL for a count of
    1 to limit-1, SECONDARY for an entry hidden so that no hidden one can be recovered by one
    subtraction, None for one shown.

    Each sum is a list of indexes of `values` that add up: its parts and its total alike (a sum
    is an equation; which of its entries is the total does not matter). A sum with exactly one
    hidden entry gives it away, so its smallest shown entry (a positive one first: a hidden zero
    protects little) is hidden too, until every sum has none or at least two hidden entries."""
    limit = discretion_limit() if limit is None else limit
    marks: list[str | None] = [SMALL if is_small(v, limit) else None for v in values]
    changed = True
    while changed:
        changed = False
        for entries in sums:
            known = [i for i in entries if values[i] is not None]
            hidden = [i for i in known if marks[i] is not None]
            if len(hidden) != 1:
                continue
            shown = [i for i in known if marks[i] is None]
            if not shown:
                continue  # the hidden entry is the only one: nothing to subtract from
            positive = [i for i in shown if Decimal(str(values[i])) > 0]
            chosen = min(positive or shown, key=lambda i: (Decimal(str(values[i])), i))
            marks[chosen] = SECONDARY
            changed = True
    return marks


def suppress(
    table: list[list],
    row_totals: bool = True,
    column_totals: bool = True,
    limit: int | None = None,
) -> list[list[Shown]]:
    """A table of counts with its totals (the last column holds each row's total when
    `row_totals`, the last row each column's when `column_totals`), every entry marked: small
    counts hidden, and the next-smallest entries of a row or column hidden with them so that
    none can be recovered from what is shown by one subtraction."""
    height = len(table)
    width = len(table[0]) if table else 0
    values = [value for row in table for value in row]
    sums = []
    if row_totals:
        sums += [[r * width + c for c in range(width)] for r in range(height)]
    if column_totals:
        sums += [[r * width + c for r in range(height)] for c in range(width)]
    marks = suppress_entries(values, sums, limit)
    return [[Shown(table[r][c], marks[r * width + c]) for c in range(width)] for r in range(height)]
