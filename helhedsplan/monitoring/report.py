"""What the monitoring pages show, read from the database; the computing is in the pure modules."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from helhedsplan.goals.models import Baseline

from .catalogue import definition_of, definitions_for
from .charts import series_svg
from .models import IndicatorDefinition, Observation
from .periods import PeriodType
from .series import Point, latest_known, yearly
from .targets import Rule, Status, evaluate

SPAN_TYPES = {PeriodType.SCHOOL_YEAR, PeriodType.PROJECT_YEAR}


def point(observation: Observation) -> Point:
    start, end = observation.period_start, observation.period_end
    year = end.year if observation.period_type in SPAN_TYPES else start.year
    return Point(
        observation.period_label,
        year,
        observation.value,
        observation.status,
        observation.reason,
        observation.denominator,
    )


def subject_name(observation: Observation, departments: dict) -> str:
    if observation.scope == "department":
        return str(departments[observation.department_id])
    if observation.scope == "plan":
        return _("The plan (all departments)")
    if observation.scope == "national":
        return _("National")
    return observation.label


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
    svg: str = ""

    @property
    def latest(self) -> Point | None:
        return latest_known(self.points) or (self.points[-1] if self.points else None)


def _series(observations, definition) -> list[Point]:
    return yearly([point(o) for o in observations], definition.additive)


def department_panels(plan, department, charts: bool = True) -> list[Panel]:
    """For each indicator measured for `department`: its series, the municipality's and the
    comparison values beside it, the targets' status and the chart."""
    measured = set(
        Observation.objects.filter(plan=plan, department=department).values_list(
            "definition_id", flat=True
        )
    )
    definitions = {d.pk: d for d in definitions_for(plan).filter(pk__in=measured)}
    by_definition = defaultdict(lambda: defaultdict(list))
    departments = {department.pk: department}
    observations = Observation.objects.filter(
        Q(department=department) | ~Q(scope="department"), plan=plan, definition_id__in=measured
    ).order_by("period_start")
    for observation in observations:
        name = subject_name(observation, departments)
        by_definition[observation.definition_id][name].append(observation)
    indicators = plan.indicators.prefetch_related("baselines", "targets")
    linked = defaultdict(list)
    for indicator in indicators:
        found = definition_of(indicator, definitions.values())
        if found:
            linked[found.pk].append(indicator)
    panels = []
    for pk, definition in sorted(definitions.items(), key=lambda item: item[1].order):
        subjects = by_definition[pk]
        own = subjects.pop(str(department), [])
        panel = Panel(
            definition,
            _series(own, definition),
            [(name, _series(obs, definition)) for name, obs in subjects.items()],
        )
        municipality = next(
            (series for name, series in panel.comparisons if name.lower().endswith("kommune")),
            [],
        )
        for indicator in linked[pk]:
            _add_targets(panel, indicator, department, municipality, plan.period_end.year)
        if charts:
            drawn = sorted(panel.targets, key=lambda t: not t.sloped)  # a sloped path first
            path = next((t.status.path for t in drawn if t.status.path), None)
            panel.svg = series_svg(
                [(str(department), panel.points), *panel.comparisons], definition.unit, path
            )
        panels.append(panel)
    return panels


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

    departments = plan.departments.select_related("plan").prefetch_related("residents")
    return sorted(departments, key=lambda d: danish_sort_key(d.name))


def _grouped(plan):
    """Points per definition: per department key, and the municipality's."""
    departments = {d.pk: d.key for d in plan.departments.all()}
    per_department = defaultdict(lambda: defaultdict(list))
    per_municipality = defaultdict(list)
    observations = Observation.objects.filter(
        plan=plan, scope__in=["department", "municipality"]
    ).order_by("period_start")
    for observation in observations:
        if observation.scope == "department":
            per_department[observation.definition_id][
                departments[observation.department_id]
            ].append(observation)
        else:
            per_municipality[observation.definition_id].append(observation)
    return per_department, per_municipality


def matrix(plan):
    """The needs matrix's departments (Danish order) and its columns, one per indicator."""
    from .matrix import column

    per_department, per_municipality = _grouped(plan)
    departments = _department_order(plan)
    definitions = definitions_for(plan).filter(pk__in=per_department.keys())
    columns = []
    for definition in definitions:
        by_department = {
            d.key: _series(per_department[definition.pk].get(d.key, []), definition)
            for d in departments
        }
        municipality = _series(per_municipality.get(definition.pk, []), definition)
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
    return departments, columns


def aggregates(plan):
    """Per indicator, for its latest period: the departments weighted together with what they
    cover, beside the stored plan and municipality values."""
    from .aggregation import Part, aggregate

    departments, columns = matrix(plan)
    residents = {}
    for department in departments:
        latest = max(
            (r for r in department.residents.all() if r.value is not None),
            key=lambda r: r.year,
            default=None,
        )
        residents[department.key] = latest.value if latest else None
    stored = defaultdict(dict)
    for observation in Observation.objects.filter(plan=plan, scope="plan"):
        stored[observation.definition.key][observation.period_label] = observation
    definitions = {d.key: d for d in definitions_for(plan)}
    rows = []
    for col in columns:
        definition = definitions[col.key]
        parts = []
        for department in departments:
            cell = col.cells[department.key]
            known = cell.point is not None and cell.point.known
            parts.append(
                Part(
                    department.key,
                    cell.point.value if known else None,
                    cell.point.denominator if cell.point else None,
                    residents=residents[department.key],
                )
            )
        result = aggregate(parts, definition.unit, definition.additive)
        rows.append(
            {
                "definition": definition,
                "period": col.period,
                "aggregate": result,
                "value": None if result.value is None else round(result.value, 1),
                "plan_value": stored[col.key].get(col.period),
                "municipality": col.municipality,
            }
        )
    return rows
