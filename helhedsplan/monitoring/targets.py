"""Target rules as data, the path each draws from its baseline, and where a department stands.

Kinds (goals.Target.Kind): absolute (reach a value by a year), relative_change (% of the
baseline, per year or by a year), point_change (points, per year or by a year),
not_exceed_baseline, improve_on_baseline, close_gap (close a share of the gap to the
municipality by a year). Status: on track / at risk / off track / no data, with the reason.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from helhedsplan.core.templatetags.helhedsplan import num

from .series import Point, latest_known

ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA = "on_track", "at_risk", "off_track", "no_data"


@dataclass(frozen=True)
class Rule:
    kind: str
    value: Decimal | None = None
    per_year: bool = False
    target_year: int | None = None
    text: str = ""


@dataclass
class Status:
    state: str
    reason: str
    path: list[tuple[int, Decimal]] = field(default_factory=list)

    @property
    def label(self) -> str:
        return {
            ON_TRACK: _("On track"),
            AT_RISK: _("At risk"),
            OFF_TRACK: _("Off track"),
            NO_DATA: _("No data"),
        }[self.state]


def _end_year(rule: Rule, baseline_year: int, last_year: int, plan_end: int | None) -> int:
    return rule.target_year or plan_end or max(last_year, baseline_year + 1)


def bar(
    rule: Rule,
    baseline: Decimal,
    baseline_year: int,
    year: int,
    end_year: int,
    municipality: Decimal | None = None,
) -> Decimal | None:
    """The value the rule asks for in `year` (a straight path from the baseline)."""
    years = year - baseline_year
    span = max(end_year - baseline_year, 1)
    progress = min(Decimal(years) / Decimal(span), Decimal(1))
    if rule.kind == "not_exceed_baseline" or rule.kind == "improve_on_baseline":
        return baseline
    if rule.kind == "relative_change":
        if rule.per_year:
            return baseline * (1 + rule.value / 100 * years)
        return baseline + baseline * rule.value / 100 * progress
    if rule.kind == "point_change":
        if rule.per_year:
            return baseline + rule.value * years
        return baseline + rule.value * progress
    if rule.kind == "absolute":
        return baseline + (rule.value - baseline) * progress
    if rule.kind == "close_gap":
        if municipality is None:
            return None
        return baseline - (baseline - municipality) * rule.value / 100 * progress
    raise ValueError(f"unknown target kind '{rule.kind}'")


def evaluate(
    rule: Rule,
    baseline: Decimal | None,
    baseline_year: int | None,
    points: list[Point],
    higher_is_better: bool | None,
    municipality: Decimal | None = None,
    plan_end: int | None = None,
) -> Status:
    """Where the latest known value after the baseline year stands against the rule; a rule
    without a target year runs to `plan_end` (the plan period's last year)."""
    if baseline is None or baseline_year is None:
        return Status(NO_DATA, _("The baseline is unknown."))
    if higher_is_better is None:
        return Status(NO_DATA, _("The indicator has no direction to judge by."))
    if rule.kind == "close_gap" and municipality is None:
        return Status(NO_DATA, _("The municipality's value at the baseline is unknown."))
    latest = latest_known(points, after_year=baseline_year)
    last_year = max([p.year for p in points] + [baseline_year + 1])
    end_year = _end_year(rule, baseline_year, last_year, plan_end)
    path = [
        (year, bar(rule, baseline, baseline_year, year, end_year, municipality))
        for year in range(baseline_year, max(end_year, last_year) + 1)
    ]
    if latest is None:
        return Status(
            NO_DATA, _("No value after the baseline year %(year)s.") % {"year": baseline_year}, path
        )
    wanted = bar(rule, baseline, baseline_year, latest.year, end_year, municipality)
    sign = 1 if higher_is_better else -1
    beyond_bar = (latest.value - wanted) * sign  # >= 0: at or better than the bar
    beyond_baseline = (latest.value - baseline) * sign
    words = {
        "year": latest.label,
        "value": num(latest.value),
        "bar": num(round(wanted, 2)),
        "baseline": num(baseline),
        "baseline_year": baseline_year,
    }
    if rule.kind == "improve_on_baseline":
        state = ON_TRACK if beyond_baseline > 0 else OFF_TRACK
        reason = _(
            "%(year)s: %(value)s against %(baseline)s in %(baseline_year)s; "
            "the target is to do better than the baseline."
        )
    elif rule.kind == "not_exceed_baseline":
        state = ON_TRACK if beyond_baseline >= 0 else OFF_TRACK
        reason = _(
            "%(year)s: %(value)s against %(baseline)s in %(baseline_year)s; "
            "the target is not to do worse than the baseline."
        )
    else:
        if beyond_bar >= 0:
            state = ON_TRACK
        elif beyond_baseline > 0:
            state = AT_RISK
        else:
            state = OFF_TRACK
        reason = _(
            "%(year)s: %(value)s; the target path asks for %(bar)s "
            "(baseline %(baseline)s in %(baseline_year)s)."
        )
    return Status(state, reason % words, path)
