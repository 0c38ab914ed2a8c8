"""The § 61 a / § 61 b engine: classify areas for list years under versioned rule sets.

Pure computation, no database: rule sets, conviction references and the published history come
in as plain values, so the pages, the `classify` command, reports and the API all call
`classify_all` and get the same answer. Arithmetic is decimal (3 x 0.65 is 1.95, exactly), and
logic is three-valued: a criterion with a missing or suppressed input is *unknown*, never met or
not met, and a class is decided only when the known criteria already decide it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

CRITERIA = ("non_western", "outside_work", "convicted", "primary_only", "income")
# Output columns and the class names each rule set uses for them.
CLASS_COLUMNS = {
    "udsat": ("udsat",),
    "parallelsamfund": ("ghetto", "parallelsamfund"),
    "omdannelse": ("haardt_ghetto", "omdannelse"),
    "forebyggelse": ("forebyggelse",),
}
COLUMN_OF_CLASS = {name: column for column, names in CLASS_COLUMNS.items() for name in names}
MAIN_LIST_CLASSES = {"udsat", "ghetto", "parallelsamfund"}

Tri = bool | None  # True, False, or None for unknown


@dataclass(frozen=True)
class CriterionSpec:
    name: str
    list_class: str
    role: str  # "counted" or "required"
    comparison: str  # "gt", "gte" or "lt"
    bar: Decimal | None = None
    national_multiple: Decimal | None = None
    averaging_years: int | None = None
    note: str = ""


@dataclass(frozen=True)
class ClassSpec:
    name: str
    min_counted: int | None = None
    requires: str | None = None
    consecutive_of: str | None = None
    consecutive_lists: int | None = None


@dataclass(frozen=True)
class RuleSetSpec:
    code: str
    first_list_year: int
    last_list_year: int | None
    resident_minimum: int
    classes: tuple[ClassSpec, ...]
    criteria: tuple[CriterionSpec, ...]

    def covers(self, year: int) -> bool:
        return self.first_list_year <= year and (
            self.last_list_year is None or year <= self.last_list_year
        )


@dataclass(frozen=True)
class ConvictionReference:
    """The national conviction average of a list year, or the bars as published."""

    list_year: int
    national_average: Decimal | None = None
    bars: dict = field(default_factory=dict)  # multiple (Decimal) -> bar (Decimal)


@dataclass
class AreaYear:
    area: str
    list_year: int
    residents: int | None
    values: dict[str, Decimal | None]
    national_convicted_pct: Decimal | None = None


@dataclass
class CriterionResult:
    name: str
    list_class: str
    role: str
    comparison: str
    value: Decimal | None
    bar: Decimal | None
    met: Tri
    margin: Decimal | None


@dataclass
class Classification:
    area: str
    list_year: int
    rule_set: str
    residents: int | None
    residents_ok: Tri
    results: list[CriterionResult]
    classes: dict[str, str]  # column -> "yes" / "no" / "unknown" / "n/a"
    missing: list[str]

    def main_results(self) -> list[CriterionResult]:
        """One result per criterion against the udsat and parallelsamfund/ghetto bars."""
        seen, main = set(), []
        for result in self.results:
            if result.list_class in MAIN_LIST_CLASSES and result.name not in seen:
                seen.add(result.name)
                main.append(result)
        return main

    def criteria_met(self) -> list[str]:
        return [r.name for r in self.main_results() if r.met is True]

    def criteria_unknown(self) -> list[str]:
        return [r.name for r in self.main_results() if r.met is None]

    def margin(self, criterion: str) -> Decimal | None:
        return next((r.margin for r in self.main_results() if r.name == criterion), None)


# History: (area, list year, class column) -> listed? (None: not known)
HistoryLookup = Callable[[str, int, str], Tri]


def no_history(area: str, year: int, column: str) -> Tri:
    return None


def all_of(values: Iterable[Tri]) -> Tri:
    values = list(values)
    if any(v is False for v in values):
        return False
    if any(v is None for v in values):
        return None
    return True


def at_least(count: int, results: list[Tri]) -> Tri:
    met = sum(1 for r in results if r is True)
    unknown = sum(1 for r in results if r is None)
    if met >= count:
        return True
    if met + unknown < count:
        return False
    return None


def compare(value: Decimal | None, comparison: str, bar: Decimal | None):
    """Met or not, and the margin: positive on the listing side, 0 exactly on the bar."""
    if value is None or bar is None:
        return None, None
    if comparison == "gt":
        return value > bar, value - bar
    if comparison == "gte":
        return value >= bar, value - bar
    if comparison == "lt":
        return value < bar, bar - value
    raise ValueError(f"unknown comparison {comparison!r}")


def _tri_word(value: Tri) -> str:
    return {True: "yes", False: "no", None: "unknown"}[value]


def bar_for(
    criterion: CriterionSpec,
    row: AreaYear,
    references: dict[int, ConvictionReference],
    missing: list[str],
) -> Decimal | None:
    if criterion.national_multiple is None:
        return criterion.bar
    multiple = criterion.national_multiple
    if row.national_convicted_pct is not None:
        return multiple * row.national_convicted_pct
    reference = references.get(row.list_year)
    if reference is not None:
        published = reference.bars.get(multiple)
        if published is not None:
            return published
        if reference.national_average is not None:
            return multiple * reference.national_average
    note = f"national conviction average for {row.list_year} (bar {multiple.normalize()} x)"
    if note not in missing:
        missing.append(note)
    return None


def classify_one(
    row: AreaYear,
    rule_set: RuleSetSpec,
    references: dict[int, ConvictionReference],
    history: HistoryLookup,
) -> Classification:
    missing: list[str] = []
    residents_ok = None if row.residents is None else row.residents >= rule_set.resident_minimum
    results = []
    for criterion in rule_set.criteria:
        value = row.values.get(criterion.name)
        bar = bar_for(criterion, row, references, missing)
        met, margin = compare(value, criterion.comparison, bar)
        results.append(
            CriterionResult(
                criterion.name,
                criterion.list_class,
                criterion.role,
                criterion.comparison,
                value,
                bar,
                met,
                margin,
            )
        )
    decided: dict[str, Tri] = {}
    for spec in rule_set.classes:
        own = [r for r in results if r.list_class == spec.name]
        parts: list[Tri] = [residents_ok]
        if spec.min_counted is not None:
            parts.append(at_least(spec.min_counted, [r.met for r in own if r.role == "counted"]))
        parts.extend(r.met for r in own if r.role == "required")
        if spec.requires:
            parts.append(decided[spec.requires])
        if spec.consecutive_of:
            column = COLUMN_OF_CLASS[spec.consecutive_of]
            parts.append(decided[spec.consecutive_of])
            for back in range(1, spec.consecutive_lists):
                parts.append(history(row.area, row.list_year - back, column))
        decided[spec.name] = all_of(parts)
    classes = {column: "n/a" for column in CLASS_COLUMNS}
    for name, value in decided.items():
        classes[COLUMN_OF_CLASS[name]] = _tri_word(value)
    return Classification(
        row.area,
        row.list_year,
        rule_set.code,
        row.residents,
        residents_ok,
        results,
        classes,
        missing,
    )


def rule_set_for(year: int, rule_sets: Iterable[RuleSetSpec]) -> RuleSetSpec:
    for rule_set in rule_sets:
        if rule_set.covers(year):
            return rule_set
    raise ValueError(f"no rule set covers list year {year}")


def classify_all(
    rows: list[AreaYear],
    rule_sets: list[RuleSetSpec],
    references: dict[int, ConvictionReference] | None = None,
    history: HistoryLookup = no_history,
) -> list[Classification]:
    """Classify every row in one pass; results come back in the order of `rows`.

    Rows are worked through by area and year, so an area's earlier years in the input are its
    history (for omdannelse) before `history` (the published lists) is asked.
    """
    references = references or {}
    computed: dict[tuple[str, int], Classification] = {}

    def lookup(area: str, year: int, column: str) -> Tri:
        earlier = computed.get((area, year))
        if earlier is not None:
            word = earlier.classes[column]
            return {"yes": True, "no": False}.get(word)
        return history(area, year, column)

    order = sorted(range(len(rows)), key=lambda i: (rows[i].area, rows[i].list_year))
    results: list[Classification | None] = [None] * len(rows)
    for index in order:
        row = rows[index]
        classification = classify_one(
            row, rule_set_for(row.list_year, rule_sets), references, lookup
        )
        computed[(row.area, row.list_year)] = classification
        results[index] = classification
    return results  # type: ignore[return-value]
