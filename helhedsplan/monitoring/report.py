"""What the monitoring pages show, read from the database; the computing is in the pure modules."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Max, Q
from django.utils.translation import gettext as _

from helhedsplan.core.disclosure import (
    SECONDARY,
    discretion_limit,
    is_count,
    suppress_entries,
)
from helhedsplan.goals.models import Baseline
from helhedsplan.plans.models import Residents
from helhedsplan.plans.versions import cached

from . import disclosure
from .aggregation import Part, aggregate
from .catalogue import definition_of, definitions_for
from .charts import series_key, series_svg
from .models import IndicatorDefinition, Observation, Scope
from .periods import PeriodType
from .series import Point, latest_known, yearly
from .targets import Rule, Status, evaluate

SPAN_TYPES = {PeriodType.SCHOOL_YEAR, PeriodType.PROJECT_YEAR}
COMPARISON_SCOPES = [scope for scope in Scope.values if scope != Scope.DEPARTMENT]


def point(observation: Observation) -> Point:
    o = observation
    return _point(
        o.period_type,
        o.period_start,
        o.period_end,
        o.period_label,
        o.value,
        o.status,
        o.reason,
        o.denominator,
    )


def _point(kind, start, end, label, value, status, reason, denominator) -> Point:
    """A span (school or project year) is charted and judged under the year it ends in."""
    year = end.year if kind in SPAN_TYPES else start.year
    return Point(label, year, value, status, reason, denominator)


_POINT_FIELDS = (
    "definition_id",
    "scope",
    "department_id",
    "period_type",
    "period_start",
    "period_end",
    "period_label",
    "value",
    "status",
    "reason",
    "denominator",
)


def _row_point(row) -> Point:
    return _point(*row[3:11])  # a row of _POINT_FIELDS, from period_type to denominator


@dataclass
class TargetStatus:
    text: str
    status: Status
    kind: str = ""

    @property
    def sloped(self) -> bool:
        return self.kind not in ("not_exceed_baseline", "improve_on_baseline")


@dataclass
class Panel:
    definition: IndicatorDefinition
    points: list[Point]
    comparisons: list[tuple[str, list[Point]]]
    targets: list[TargetStatus] = field(default_factory=list)
    baseline: Baseline | None = None
    subject: str = ""  # the department's name, the chart's first line
    exact: bool = True  # False: a reader's copy, small counts hidden (monitoring.disclosure)

    @property
    def latest(self) -> Point | None:
        """The latest known point, or hidden from a reader (which is then its "<5")."""
        known = latest_known(self.points)
        hidden = [p for p in self.points if p.status in disclosure.HIDDEN]
        if hidden and (
            known is None or (hidden[-1].year, hidden[-1].label) > (known.year, known.label)
        ):
            return hidden[-1]
        return known or (self.points[-1] if self.points else None)

    def chart_inputs(self):
        drawn = sorted(self.targets, key=lambda t: not t.sloped)  # a sloped path first
        path = next((t.status.path for t in drawn if t.status.path), None)
        return [(self.subject, self.points), *self.comparisons], self.definition.unit, path

    @property
    def chart_version(self) -> str:
        """Changes when the chart does, so the chart's address can be cached for good; a
        reader's chart has an address of its own. (The drawn SVG is cached under what it
        draws, so a reader's, with its gaps, is never a staff member's.)"""
        return series_key(*self.chart_inputs(), exact=self.exact)[:16]

    def svg(self) -> str:
        return series_svg(*self.chart_inputs())


def _yearly(points, definition) -> list[Point]:
    return yearly(points, definition.additive)


def department_panels(
    plan, department, definition_key: str | None = None, exact: bool = True
) -> list[Panel]:
    """For each indicator measured for `department` (or only `definition_key`): its series,
    the municipality's and the comparison values beside it, and the targets' status; each
    panel draws its chart on request (`Panel.svg`). Not `exact`: as a reader sees them, small
    counts hidden, and what the needs matrix hides for readers hidden too."""
    measured = Observation.objects.filter(plan=plan, department=department)
    if definition_key is not None:
        measured = measured.filter(definition__key=definition_key)
    measured = set(measured.order_by().values_list("definition_id", flat=True))
    definitions = {d.pk: d for d in definitions_for(plan).filter(pk__in=measured)}
    by_definition = defaultdict(lambda: defaultdict(list))
    own_name = str(department)
    names = {"plan": _("The plan (all departments)"), "national": _("National")}
    rows = (
        Observation.objects.filter(
            Q(department=department) | Q(plan=plan, scope__in=COMPARISON_SCOPES),
            definition_id__in=measured,
        )
        .order_by("period_start", "subject_key")  # the same order on every page
        .values_list(*_POINT_FIELDS, "label")
    )
    for row in rows:  # tuples, not objects: a department has hundreds of observations
        scope = row[1]
        name = own_name if scope == "department" else names.get(scope) or row[11]
        by_definition[row[0]][name].append(_row_point(row))
    indicators = plan.indicators.prefetch_related("baselines", "targets")
    linked = defaultdict(list)
    for indicator in indicators:
        found = definition_of(indicator, definitions.values())
        if found:
            linked[found.pk].append(indicator)
    panels = []
    for pk, definition in sorted(definitions.items(), key=lambda item: item[1].order):
        subjects = by_definition[pk]
        own = subjects.pop(own_name, [])
        panel = Panel(
            definition,
            _yearly(own, definition),
            [(name, _yearly(points, definition)) for name, points in subjects.items()],
            subject=own_name,
        )
        municipality = next(
            (series for name, series in panel.comparisons if name.lower().endswith("kommune")),
            [],
        )
        for indicator in linked[pk]:
            _add_targets(panel, indicator, department, municipality, plan.period_end.year)
        panels.append(panel)
    if exact:
        return panels
    limit = discretion_limit()
    hidden = reader_view(plan)[2]
    return [
        disclosure.panel(
            panel,
            limit,
            _marks_of(hidden.get(panel.definition.key, {}), department.key),
            names["plan"],
        )
        for panel in panels
    ]


def _marks_of(column_marks: dict, department_key: str) -> dict:
    """The needs matrix's hidden entries for one department, keyed by period."""
    period = column_marks.get("period")
    found = {}
    for entry, mark in column_marks.get("marks", {}).items():
        if entry == ("department", department_key):
            found[("department", period)] = mark
        elif entry == ("published",):
            found[("published", period)] = mark
    return found


def _add_targets(panel: Panel, indicator, department, municipality, plan_end: int) -> None:
    baseline = next(
        (b for b in indicator.baselines.all() if b.department_id == department.pk), None
    )
    if baseline is None:
        return
    panel.baseline = baseline
    for target in indicator.targets.all():
        if target.department_id not in (None, department.pk):
            continue
        rule = Rule(target.kind, target.value, target.per_year, target.target_year, target.text)
        at_baseline = next(
            (p.value for p in municipality if p.year == baseline.year and p.known), None
        )
        status = evaluate(
            rule,
            baseline.value,
            baseline.year,
            panel.points,
            panel.definition.higher_is_better,
            at_baseline,
            plan_end,
        )
        panel.targets.append(
            TargetStatus(target.text or target.get_kind_display(), status, target.kind)
        )


def _department_order(plan):
    from helhedsplan.plans.summary import danish_sort_key

    departments = plan.departments.select_related("plan", "area")
    return sorted(departments, key=lambda d: danish_sort_key(d.name))


def _latest_window(plan) -> dict[int, date]:
    """Per indicator, the first day worth reading for its latest period: that period's start,
    or for a count the year before, so that its half-years can still add up to a year."""
    latest = (
        Observation.objects.filter(plan=plan, scope="department", value__isnull=False)
        .values("definition_id", "definition__additive")
        .annotate(last=Max("period_start"))
        .order_by()
    )
    return {
        row["definition_id"]: (
            date(row["last"].year - 1, 1, 1) if row["definition__additive"] else row["last"]
        )
        for row in latest
    }


def _grouped(plan):
    """Points per definition near its latest period: per department key, and the
    municipality's. Only that window is read, as tuples (a plan holds years of data)."""
    window = _latest_window(plan)
    departments = {d.pk: d.key for d in plan.departments.all()}
    per_department = defaultdict(lambda: defaultdict(list))
    per_municipality = defaultdict(list)
    if not window:
        return per_department, per_municipality
    recent = Q()
    for definition, first in window.items():
        recent |= Q(definition_id=definition, period_start__gte=first)
    rows = (
        Observation.objects.filter(recent, plan=plan, scope__in=["department", "municipality"])
        .order_by("period_start", "subject_key")
        .values_list(*_POINT_FIELDS)
    )
    for row in rows:
        if row[1] == "department":
            per_department[row[0]][departments[row[2]]].append(_row_point(row))
        else:
            per_municipality[row[0]].append(_row_point(row))
    return per_department, per_municipality


def matrix(plan):
    """The needs matrix's departments (Danish order) and its columns, one per indicator. The
    columns are computed once per version of the plan (`plans.versions`) and kept in the cache."""
    departments = _department_order(plan)
    columns = cached(plan, "matrix-columns", lambda: _columns(plan, departments))
    return departments, columns


def _columns(plan, departments):
    from .matrix import column

    per_department, per_municipality = _grouped(plan)
    definitions = definitions_for(plan).filter(pk__in=per_department.keys())
    columns = []
    for definition in definitions:
        by_department = {
            d.key: _yearly(per_department[definition.pk].get(d.key, []), definition)
            for d in departments
        }
        municipality = _yearly(per_municipality.get(definition.pk, []), definition)
        columns.append(
            column(
                definition.key,
                definition.name,
                definition.unit,
                definition.higher_is_better,
                by_department,
                municipality,
            )
        )
    return columns


@dataclass
class Group:
    """Departments weighed together: the plan's, an area's (boligområde) or a municipality's."""

    kind: str  # "plan", "area" or "municipality"
    name: str
    keys: list[str]


def groups(plan, departments) -> list[Group]:
    """All the plan's departments; each area with more than one of them (an area of one is
    that department, in the needs matrix); each municipality when there is more than one."""
    result = [Group("plan", _("All departments"), [d.key for d in departments])]
    areas, municipalities = defaultdict(list), defaultdict(list)
    for department in departments:
        if department.area is not None:
            areas[department.area.name].append(department.key)
            municipalities[department.area.municipality].append(department.key)
    result += [Group("area", name, keys) for name, keys in sorted(areas.items()) if len(keys) > 1]
    if len(municipalities) > 1:
        result += [Group("municipality", name, keys) for name, keys in municipalities.items()]
    return result


def _parts(column, departments, residents) -> dict:
    parts = {}
    for department in departments:
        cell = column.cells[department.key]
        known = cell.point is not None and cell.point.known
        parts[department.key] = Part(
            department.key,
            cell.point.value if known else None,
            cell.point.denominator if cell.point else None,
            residents=residents[department.key],
        )
    return parts


def _latest_residents(plan) -> dict[str, int | None]:
    """Each department's residents in the latest year they are known."""
    latest = {}
    rows = Residents.objects.filter(department__plan=plan, value__isnull=False).order_by("year")
    for key, value in rows.values_list("department__key", "value"):
        latest[key] = value  # later years overwrite earlier ones
    return defaultdict(lambda: None, latest)


def aggregates(plan):
    """Per indicator, for its latest period: the departments weighted together, for the whole
    plan and for each area (and municipality), with what each covers, beside the stored plan
    and municipality values. Kept per version of the plan, like the matrix."""
    return cached(plan, "aggregates", lambda: _aggregates(plan))


def _aggregates(plan):
    departments, columns = matrix(plan)
    residents = _latest_residents(plan)
    stored = defaultdict(dict)
    for observation in Observation.objects.filter(plan=plan, scope="plan").select_related(
        "definition"
    ):
        stored[observation.definition.key][observation.period_label] = observation
    definitions = {d.key: d for d in definitions_for(plan)}
    wanted = groups(plan, departments)
    rows = []
    for col in columns:
        definition = definitions[col.key]
        parts = _parts(col, departments, residents)
        by_group = []
        for group in wanted:
            result = aggregate(
                [parts[key] for key in group.keys], definition.unit, definition.additive
            )
            value = None if result.value is None else round(result.value, 1)
            by_group.append((group, result, value))
        _plan, result, value = by_group[0]
        rows.append(
            {
                "definition": definition,
                "period": col.period,
                "aggregate": result,
                "value": value,
                "groups": by_group[1:],
                "plan_value": stored[col.key].get(col.period),
                "municipality": col.municipality,
            }
        )
    return rows


def reader_view(plan):
    """The needs matrix's columns, the aggregate rows and what is hidden, as a reader sees
    them (`monitoring.disclosure`): kept per version like the exact ones."""
    return cached(plan, "reader-view", lambda: _reader_view(plan))


def _reader_view(plan):
    departments, columns = matrix(plan)
    rows = {row["definition"].key: row for row in aggregates(plan)}
    wanted = groups(plan, departments)
    limit = discretion_limit()
    hidden = {}
    for column in columns:
        row = rows.get(column.key)
        if row is None or not is_count(column.unit):
            continue
        group_values = [row["value"], *(value for _group, _result, value in row["groups"])]
        published = row["plan_value"]
        published = published.value if published is not None else None
        marks = disclosure.column_marks(column, departments, wanted, group_values, published, limit)
        hidden[column.key] = {"period": column.period, "marks": marks}
    marks_by_key = {key: found["marks"] for key, found in hidden.items()}
    return (
        disclosure.matrix_columns(columns, marks_by_key),
        disclosure.aggregate_rows(list(rows.values()), marks_by_key, limit),
        hidden,
    )


def matrix_for(plan, exact: bool):
    """The needs matrix as the viewer may see it: exact for staff, a reader's copy otherwise."""
    if exact:
        return matrix(plan)
    return _department_order(plan), reader_view(plan)[0]


def aggregates_for(plan, exact: bool):
    return aggregates(plan) if exact else reader_view(plan)[1]


def half_year_marks(plan) -> dict:
    """What a reader may not see of the half-years of counts that add up to a year (the pages
    show the year, the API the half-years): a half-year beside a hidden one is hidden too, so
    that the year minus the other half gives nothing away. As {(indicator, scope, department
    key or None, period): mark}, kept per version."""
    return cached(plan, "half-years", lambda: _half_year_marks(plan))


def _half_year_marks(plan) -> dict:
    limit = discretion_limit()
    matrix_hidden = {}
    for key, found in reader_view(plan)[2].items():
        for entry, mark in found["marks"].items():
            department = entry[1] if entry[0] == "department" else None
            scope = "department" if entry[0] == "department" else "plan"
            matrix_hidden[(key, scope, department, found["period"])] = mark
    years = defaultdict(dict)
    rows = Observation.objects.filter(
        plan=plan,
        definition__additive=True,
        definition__unit="count",
        period_type=PeriodType.HALF_YEAR,
        value__isnull=False,
    ).values_list("definition__key", "scope", "department__key", "period_label", "value")
    for key, scope, department, label, value in rows:
        years[(key, scope, department, label[:4])][label] = value
    marks = {}
    for (key, scope, department, year), halves in years.items():
        labels = sorted(halves)
        values = [halves[label] for label in labels]
        year_hidden = (key, scope, department, year) in matrix_hidden
        total = sum(values) if len(values) == 2 else None
        entries = [*values, total]
        found = suppress_entries(entries, [list(range(len(entries)))], limit)
        if year_hidden and len(values) == 2 and sum(m is not None for m in found[:2]) < 2:
            found[:2] = [m or SECONDARY for m in found[:2]]  # the year is hidden: both halves
        for label, mark in zip(labels, found, strict=False):
            if mark:
                marks[(key, scope, department, label)] = mark
    return marks
