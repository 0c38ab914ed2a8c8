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


@dataclass(slots=True)
class AreaYear:
    area: str  # the area's name, or an identity unique per area (the stored figures' Area id)
    list_year: int
    residents: int | None
    values: dict[str, Decimal | None]
    national_convicted_pct: Decimal | None = None


@dataclass(slots=True)
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


# Three-valued logic as levels, so "all of" is min(): no, unknown, yes.
NO, UNKNOWN, YES = 0, 1, 2
LEVEL_WORDS = ("no", "unknown", "yes")
LEVEL_OF = {False: NO, None: UNKNOWN, True: YES}
NOT_APPLICABLE = {column: "n/a" for column in CLASS_COLUMNS}


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


class _CompiledRuleSet:
    """A rule set worked out once per engine call: which criteria each class counts.

    Plain tuples, unpacked per row: `criteria` holds (spec, name, comparison, fixed bar or
    None, national multiple or None); `classes` holds (name, column, min_counted, counted
    indexes, required indexes, requires, consecutive_of, its column, years back)."""

    def __init__(self, rule_set: RuleSetSpec):
        self.spec = rule_set
        self.criteria = tuple(
            (c, c.name, c.comparison, c.bar, c.national_multiple) for c in rule_set.criteria
        )
        self.classes = tuple(
            (
                spec.name,
                COLUMN_OF_CLASS[spec.name],
                spec.min_counted,
                self._indexes(spec.name, "counted"),
                self._indexes(spec.name, "required"),
                spec.requires or None,
                spec.consecutive_of or None,
                COLUMN_OF_CLASS[spec.consecutive_of] if spec.consecutive_of else None,
                tuple(range(1, spec.consecutive_lists)) if spec.consecutive_of else (),
            )
            for spec in rule_set.classes
        )

    def _indexes(self, list_class: str, role: str) -> tuple[int, ...]:
        return tuple(
            i
            for i, c in enumerate(self.spec.criteria)
            if c.list_class == list_class and c.role == role
        )


def _classify(
    row: AreaYear,
    compiled: _CompiledRuleSet,
    references: dict[int, ConvictionReference],
    history: Callable[[str, int, str], int],
) -> tuple[Classification, dict[str, int]]:
    """The classification of one row, and its class levels by output column.

    A criterion's margin is positive on the listing side and 0 exactly on the bar."""
    rule_set = compiled.spec
    missing: list[str] = []
    residents = row.residents
    residents_ok = None if residents is None else residents >= rule_set.resident_minimum
    values = row.values
    national = row.national_convicted_pct
    results = []
    levels = []
    for criterion, name, comparison, bar, multiple in compiled.criteria:
        value = values.get(name)
        if multiple is not None:
            if national is not None:
                bar = multiple * national
            else:
                bar = bar_for(criterion, row, references, missing)
        if value is None or bar is None:
            met = margin = None
            levels.append(UNKNOWN)
        else:
            if comparison == "gt":
                met, margin = value > bar, value - bar
            elif comparison == "gte":
                met, margin = value >= bar, value - bar
            elif comparison == "lt":
                met, margin = value < bar, bar - value
            else:
                raise ValueError(f"unknown comparison {comparison!r}")
            levels.append(YES if met else NO)
        results.append(
            CriterionResult(
                name, criterion.list_class, criterion.role, comparison, value, bar, met, margin
            )
        )
    residents_level = LEVEL_OF[residents_ok]
    decided: dict[str, int] = {}
    classes = dict(NOT_APPLICABLE)
    by_column: dict[str, int] = {}
    for (
        name,
        column,
        min_counted,
        counted,
        required,
        requires,
        consecutive_of,
        consecutive_column,
        years_back,
    ) in compiled.classes:
        level = residents_level
        if min_counted is not None:
            met_count = unknown_count = 0
            for i in counted:
                if levels[i] == YES:
                    met_count += 1
                elif levels[i] == UNKNOWN:
                    unknown_count += 1
            if met_count < min_counted:
                level = NO if met_count + unknown_count < min_counted else min(level, UNKNOWN)
        for i in required:
            if levels[i] < level:
                level = levels[i]
        if requires and decided[requires] < level:
            level = decided[requires]
        if consecutive_of:
            level = min(level, decided[consecutive_of])
            for back in years_back:
                if level == NO:
                    break
                level = min(level, history(row.area, row.list_year - back, consecutive_column))
        decided[name] = level
        by_column[column] = level
        classes[column] = LEVEL_WORDS[level]
    classification = Classification(
        row.area,
        row.list_year,
        rule_set.code,
        row.residents,
        residents_ok,
        results,
        classes,
        missing,
    )
    return classification, by_column


def classify_one(
    row: AreaYear,
    rule_set: RuleSetSpec,
    references: dict[int, ConvictionReference],
    history: HistoryLookup,
) -> Classification:
    classification, _levels = _classify(
        row,
        _CompiledRuleSet(rule_set),
        references,
        lambda area, year, column: LEVEL_OF[history(area, year, column)],
    )
    return classification


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
    computed: dict[tuple[str, int], dict[str, int]] = {}  # (area, year) -> level by column

    def lookup(area: str, year: int, column: str) -> int:
        earlier = computed.get((area, year))
        if earlier is not None:
            # A column the earlier year's rule set does not have ("n/a") is unknown.
            return earlier.get(column, UNKNOWN)
        return LEVEL_OF[history(area, year, column)]

    compiled: dict[int, _CompiledRuleSet] = {}  # list year -> its rule set
    order = sorted(range(len(rows)), key=lambda i: (rows[i].area, rows[i].list_year))
    results: list[Classification | None] = [None] * len(rows)
    for index in order:
        row = rows[index]
        rule_set = compiled.get(row.list_year)
        if rule_set is None:
            rule_set = compiled[row.list_year] = _CompiledRuleSet(
                rule_set_for(row.list_year, rule_sets)
            )
        classification, levels = _classify(row, rule_set, references, lookup)
        computed[(row.area, row.list_year)] = levels
        results[index] = classification
    return results  # type: ignore[return-value]
