"""Series of one indicator for one subject, and the yearly view targets are judged on."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Point:
    label: str  # the period as people write it: 2023, 2023H1, 2025/26
    year: int  # the year it is charted and judged under
    value: Decimal | None
    status: str = "value"
    reason: str = ""
    denominator: Decimal | None = None

    @property
    def known(self) -> bool:
        return self.value is not None


def yearly(points: list[Point], additive: bool) -> list[Point]:
    """One point per year: half-years of a count add up (only when both are known); other
    series keep their own points, keyed by the year they belong to."""
    if not additive or all(p.label.isdigit() for p in points):
        return sorted(points, key=lambda p: (p.year, p.label))
    by_year: dict[int, list[Point]] = {}
    for point in points:
        by_year.setdefault(point.year, []).append(point)
    result = []
    for year, parts in sorted(by_year.items()):
        known = [p for p in parts if p.known]
        if len(parts) == 2 and len(known) == 2:
            result.append(Point(str(year), year, sum((p.value for p in known), Decimal(0))))
        else:
            result.append(
                Point(
                    str(year),
                    year,
                    None,
                    "not_available",
                    _("%(known)s of 2 half-years known") % {"known": len(known)},
                )
            )
    return result


def latest_known(points: list[Point], after_year: int | None = None) -> Point | None:
    known = [p for p in points if p.known and (after_year is None or p.year > after_year)]
    return max(known, key=lambda p: (p.year, p.label)) if known else None
