"""Early warning: where each criterion is heading, and what it takes to leave a list.

Pure computation over an area's classified years (oldest first). A straight-line trend through
the known values of the last years is projected forward list year by list year against the bar
of the latest rule set; the first year it crosses is the warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .criteria import Classification, CriterionResult

HORIZON = 6  # list years ahead
TREND_YEARS = 5


@dataclass
class CriterionOutlook:
    name: str
    value: Decimal | None
    bar: Decimal | None
    comparison: str
    met: bool | None
    margin: Decimal | None
    slope: Decimal | None  # change per year, in the criterion's unit
    crosses_in: int | None  # first list year the trend crosses the bar (towards listing)
    leaves_in: int | None  # for a met criterion: first list year the trend leaves it


@dataclass
class Outlook:
    latest_year: int
    criteria: list[CriterionOutlook]
    listed_classes: list[str]
    to_leave: int  # how many met criteria must fall for the area to leave the udsat list

    @property
    def first_crossing(self) -> int | None:
        years = [c.crosses_in for c in self.criteria if c.crosses_in]
        return min(years) if years else None

    def risk_key(self):
        """Sort key: listed first, then most criteria met, then nearest crossing, then margin."""
        met = sum(1 for c in self.criteria if c.met)
        nearest = self.first_crossing or 9999
        closest = max(
            (c.margin for c in self.criteria if c.margin is not None), default=Decimal(-999)
        )
        return (-len(self.listed_classes), -met, nearest, -closest)


def slope_of(points: list[tuple[int, Decimal]]) -> Decimal | None:
    """Least-squares slope per year, in decimals; None with fewer than two points."""
    if len(points) < 2:
        return None
    n = Decimal(len(points))
    mean_x = sum(Decimal(x) for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    spread = sum((Decimal(x) - mean_x) ** 2 for x, _ in points)
    if spread == 0:
        return None
    return sum((Decimal(x) - mean_x) * (y - mean_y) for x, y in points) / spread


def _on_listing_side(value: Decimal, comparison: str, bar: Decimal) -> bool:
    return {"gt": value > bar, "gte": value >= bar, "lt": value < bar}[comparison]


def outlook(history: list[Classification]) -> Outlook | None:
    if not history:
        return None
    latest = history[-1]
    recent = history[-TREND_YEARS:]
    criteria = []
    for result in latest.main_results():
        points = [
            (c.list_year, r.value)
            for c in recent
            for r in c.main_results()
            if r.name == result.name and r.value is not None
        ]
        slope = slope_of(points)
        criteria.append(_criterion_outlook(result, latest.list_year, points, slope))
    met = sum(1 for c in criteria if c.met and c.name != "non_western")
    listed = [column for column, word in latest.classes.items() if word == "yes"]
    to_leave = max(0, met - 1) if "udsat" in listed else 0
    return Outlook(latest.list_year, criteria, listed, to_leave)


def _criterion_outlook(result: CriterionResult, year: int, points, slope) -> CriterionOutlook:
    crosses = leaves = None
    if slope is not None and result.bar is not None and points:
        last_year, last_value = points[-1]
        for ahead in range(1, HORIZON + 1):
            projected = last_value + slope * (year + ahead - last_year)
            listing = _on_listing_side(projected, result.comparison, result.bar)
            if result.met is False and listing and crosses is None:
                crosses = year + ahead
            if result.met is True and not listing and leaves is None:
                leaves = year + ahead
    return CriterionOutlook(
        result.name,
        result.value,
        result.bar,
        result.comparison,
        result.met,
        result.margin,
        slope,
        crosses,
        leaves,
    )
