"""Spreading an activity's hours per week over the departments where it is offered.

Each department's weight is its share of the residents (among the departments offered the
activity), raised by its need score: weight = share x (1 + needs_factor x need / highest need).
The hours follow the weights and are rounded to half hours by the largest-remainder method,
so the departments' hours always add up to the activity's hours exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

STEP = Decimal("0.5")


@dataclass(frozen=True)
class Candidate:
    key: str
    residents: int | None
    need: Decimal


@dataclass(frozen=True)
class Share:
    key: str
    resident_share: Decimal
    weight: Decimal
    exact_hours: Decimal
    hours: Decimal


def _resident_counts(candidates: list[Candidate]) -> dict[str, Decimal]:
    """Residents per department; an unknown count takes the mean of the known ones."""
    known = [c.residents for c in candidates if c.residents]
    fallback = Decimal(sum(known)) / len(known) if known else Decimal(1)
    return {c.key: Decimal(c.residents) if c.residents else fallback for c in candidates}


def allocate(hours: Decimal, candidates: list[Candidate], needs_factor: Decimal) -> list[Share]:
    if not candidates:
        return []
    residents = _resident_counts(candidates)
    total_residents = sum(residents.values())
    highest_need = max((c.need for c in candidates), default=Decimal(0))
    weights = {}
    for candidate in candidates:
        share = residents[candidate.key] / total_residents
        need = candidate.need / highest_need if highest_need > 0 else Decimal(0)
        weights[candidate.key] = share * (1 + needs_factor * need)
    total_weight = sum(weights.values())
    exact = {key: hours * weight / total_weight for key, weight in weights.items()}
    rounded = _largest_remainder(exact, hours)
    return [
        Share(
            c.key,
            residents[c.key] / total_residents,
            weights[c.key] / total_weight,
            exact[c.key],
            rounded[c.key],
        )
        for c in candidates
    ]


def _largest_remainder(exact: dict[str, Decimal], total: Decimal) -> dict[str, Decimal]:
    """Round down to half hours, then give the remaining half hours to the largest remainders
    (ties: the order given). The sum is `total` whenever `total` is a multiple of 0.5."""
    floors = {
        k: (v / STEP).to_integral_value(rounding=ROUND_FLOOR) * STEP for k, v in exact.items()
    }
    left = total - sum(floors.values())
    by_remainder = sorted(exact, key=lambda k: exact[k] - floors[k], reverse=True)
    index = 0
    while left >= STEP and by_remainder:
        floors[by_remainder[index % len(by_remainder)]] += STEP
        left -= STEP
        index += 1
    if left > 0:  # a total that is not a multiple of half an hour: the rest to the largest
        floors[by_remainder[0]] += left
    return floors


def capacity_warning(allocated: Decimal, capacity: Decimal) -> str | None:
    if capacity and allocated > capacity:
        return f"{Decimal(allocated):.1f} > {Decimal(capacity):.1f}"
    return None
