"""Aggregates over departments, weighted by the denominator (the age band's size), never a
plain mean of shares; an aggregate says what it covers when some departments are unknown."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from helhedsplan.core.templatetags.helhedsplan import num


@dataclass(frozen=True)
class Part:
    subject: str
    value: Decimal | None
    denominator: Decimal | None = None
    numerator: Decimal | None = None
    residents: Decimal | None = None  # a weight for coverage when the denominator is unknown


@dataclass
class Aggregate:
    value: Decimal | None
    covered: int
    total: int
    covered_share: Decimal | None  # share of residents (or of the denominator) covered
    note: str

    @property
    def complete(self) -> bool:
        return self.covered == self.total


def _weight(part: Part) -> Decimal | None:
    return part.denominator if part.denominator is not None else part.residents


def aggregate(parts: list[Part], unit: str, additive: bool = False) -> Aggregate:
    """Counts add up; shares and averages are weighted by their denominators."""
    known = [p for p in parts if p.value is not None]
    weights = [_weight(p) for p in parts]
    covered_share = None
    if parts and all(w is not None for w in weights) and sum(weights):
        covered_share = sum(_weight(p) for p in known) / sum(weights) * 100
    value = None
    if known and additive:
        value = sum((p.value for p in known), Decimal(0))
    elif known and all(p.denominator for p in known):
        total = sum(p.denominator for p in known)
        if all(p.numerator is not None for p in known):
            value = sum(p.numerator for p in known) / total * 100
        else:
            value = sum(p.value * p.denominator for p in known) / total
    note = ngettext(
        "%(covered)s of %(total)s department",
        "%(covered)s of %(total)s departments",
        len(parts),
    ) % {"covered": len(known), "total": len(parts)}
    if covered_share is not None and len(known) < len(parts):
        note += ", " + _("%(share)s %% of residents") % {"share": num(round(covered_share))}
    if known and value is None:
        note += "; " + _("not computed: a denominator is missing")
    elif additive and len(known) < len(parts):
        note += "; " + _("a lower bound: the unknown departments are not counted as zero")
    return Aggregate(value, len(known), len(parts), covered_share, note)
