"""The semi-annual monitoring report ("halvårligt datatræk") as plain data.

Reads what the monitoring, lists and cases apps compute (department panels, the needs matrix,
list classifications, case counts) and arranges it as a `Report`; the renderers do the rest.
Call it under `translation.override("da")` so headings and numbers come out Danish.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from helhedsplan.cases.counts import case_counts
from helhedsplan.core.disclosure import is_count, is_small
from helhedsplan.lists.models import AreaFigures
from helhedsplan.lists.templatetags.lists import CLASS_LABELS, CRITERION_LABELS
from helhedsplan.monitoring import report as monitoring
from helhedsplan.monitoring.catalogue import definition_of, definitions_for
from helhedsplan.monitoring.charts import series_chart
from helhedsplan.monitoring.models import Observation
from helhedsplan.monitoring.series import Point, latest_known
from helhedsplan.plans.models import Area

from .discretion import discretion_limit, persons
from .formatting import long_date
from .structure import (
    NOT_AVAILABLE,
    SECONDARY,
    SMALL,
    SUPPRESSED,
    Chart,
    Report,
    Section,
    Table,
    Value,
)

PERIOD = re.compile(r"^(?P<year>\d{4})H(?P<half>[12])$")


class ReportError(ValueError):
    """A request for a report that cannot be made (a message for the user)."""


def half_year_end(period: str) -> datetime.date:
    match = PERIOD.match(period or "")
    if not match:
        raise ReportError(_("The period must be written like 2025H1 or 2025H2."))
    year = int(match["year"])
    return datetime.date(year, 6, 30) if match["half"] == "1" else datetime.date(year, 12, 31)


def latest_half_year(today: datetime.date) -> str:
    """The last half-year that has ended on `today`."""
    return f"{today.year}H1" if today.month > 6 else f"{today.year - 1}H2"


def within(points: list[Point], cutoff: datetime.date) -> list[Point]:
    """The points of periods that have ended by the report's cut-off."""
    kept = []
    for point in points:
        same_year = point.year == cutoff.year
        if point.year < cutoff.year or (
            same_year and (cutoff.month == 12 or point.label.endswith("H1"))
        ):
            kept.append(point)
    return kept


def is_count_of_persons(definition) -> bool:
    """Count indicators (move-outs, evictions, complaints, children, counselling contacts)
    count persons or households; shares, grades and rates do not (`core.disclosure`)."""
    return is_count(definition.unit)


def shown(point: Point | None, definition, limit: int) -> Value:
    if point is None:
        return Value(None, definition.unit, NOT_AVAILABLE)
    if point.status == SUPPRESSED:
        return Value(None, definition.unit, SUPPRESSED)
    if point.status in (SMALL, SECONDARY):  # hidden by monitoring.disclosure, as for readers
        return Value(None, definition.unit, point.status)
    if point.value is None:
        return Value(None, definition.unit, NOT_AVAILABLE)
    if is_count_of_persons(definition):
        return persons(point.value, limit, definition.unit)
    return Value(point.value, definition.unit)


def chartable(points: list[Point], definition, limit: int) -> list[Point]:
    """Counts of persons under the limit are left out of a chart (a gap), as in the tables."""
    if not is_count_of_persons(definition):
        return points
    return [
        Point(p.label, p.year, None, "small") if is_small(p.value, limit) else p for p in points
    ]


def monitoring_report(plan, period: str | None = None, today=None) -> Report:
    today = today or timezone.localdate()
    period = period or latest_half_year(today)
    cutoff = half_year_end(period)
    limit = discretion_limit()
    report = Report(
        "monitoring",
        _("Monitoring report %(period)s") % {"period": period_name(period)},
        f"{plan.name} {plan.period_label}",
        today,
        limit,
        filename=f"{plan.slug}-monitorering-{period}",
    )
    departments = monitoring._department_order(plan)
    panels = {d.pk: department_panels(plan, d, cutoff) for d in departments}
    states = Counter(t.status.state for items in panels.values() for p in items for t in p.targets)
    report.sections.append(summary_section(plan, period, cutoff, departments, states))
    report.sections.extend(goal_sections(plan, panels, cutoff, limit))
    report.sections.append(Section(_("Departments"), 1))
    for department in departments:
        report.sections.append(department_section(department, panels[department.pk], limit))
    report.sections.append(list_section(plan))
    report.sections.append(matrix_section(plan, limit))
    report.sections.append(cases_section(plan, cutoff, limit))
    return report


def period_name(period: str) -> str:
    match = PERIOD.match(period)
    if not match:
        return period
    half = _("1st half-year") if match["half"] == "1" else _("2nd half-year")
    return f"{half} {match['year']}"


def department_panels(plan, department, cutoff):
    """The department's panels as a reader sees them (a report is read by the board): small
    counts hidden, and beside the plan's total the next-smallest department too."""
    panels = monitoring.department_panels(plan, department, exact=False)
    for panel in panels:
        panel.points = within(panel.points, cutoff)
        panel.comparisons = [(name, within(pts, cutoff)) for name, pts in panel.comparisons]
    return panels


def summary_section(plan, period, cutoff, departments, states) -> Section:
    section = Section(_("Summary"), 1, key="summary")
    section.add(
        _(
            "The plan's monitoring data up to %(date)s: %(count)s departments, the LBF goals "
            "with their baselines, each department's indicators beside the municipality, the "
            "list criteria with early warning and the needs matrix."
        )
        % {"date": long_date(cutoff), "count": len(departments)}
    )
    rows = [
        [_("Departments"), Value(len(departments))],
        [_("Targets on track"), Value(states.get("on_track", 0))],
        [_("Targets at risk"), Value(states.get("at_risk", 0))],
        [_("Targets off track"), Value(states.get("off_track", 0))],
        [_("Targets without data"), Value(states.get("no_data", 0))],
    ]
    section.add(Table(_("Summary"), [_("Figure"), _("Number")], rows, sheet=_("Summary")))
    return section


def _trend(points: list[Point], higher_is_better) -> str:
    known = [p for p in points if p.known]
    if len(known) < 2:
        return "–"
    change = known[-1].value - known[-2].value
    if change == 0 or higher_is_better is None:
        return _("unchanged") if change == 0 else (_("up") if change > 0 else _("down"))
    better = (change > 0) == higher_is_better
    return ("↑ " if change > 0 else "↓ ") + (_("better") if better else _("worse"))


def _target_summary(states: Counter) -> str:
    from helhedsplan.monitoring.targets import Status

    if not states:
        return "–"
    return ", ".join(
        f"{Status(state, '').label}: {count}" for state, count in sorted(states.items())
    )


def goal_sections(plan, panels, cutoff, limit) -> list[Section]:
    definitions = list(definitions_for(plan))
    hidden = monitoring.reader_view(plan)[2]  # what the needs matrix hides from readers
    plan_points = {}
    for observation in Observation.objects.filter(plan=plan, scope="plan").order_by("period_start"):
        plan_points.setdefault(observation.definition_id, []).append(monitoring.point(observation))
    target_states = {}
    for items in panels.values():
        for panel in items:
            counter = target_states.setdefault(panel.definition.pk, Counter())
            counter.update(t.status.state for t in panel.targets)
    columns = [
        _("Indicator"),
        _("Baseline year"),
        _("Baseline, the plan's area"),
        _("Baseline, municipality"),
        _("Latest period"),
        _("Latest value"),
        _("Trend"),
        _("Targets in the departments"),
    ]
    overall, local = [], []
    goals = plan.goals.prefetch_related("indicators__baselines").order_by("order")
    for goal in goals:
        for indicator in goal.indicators.all():
            baselines = list(indicator.baselines.all())
            area = next((b for b in baselines if b.scope in ("plan", "area")), None)
            municipality = next((b for b in baselines if b.scope == "municipality"), None)
            definition = definition_of(indicator, definitions)
            points = within(plan_points.get(definition.pk, []), cutoff) if definition else []
            latest = latest_known(points)
            unit = indicator.unit
            row = [
                indicator.name,
                str(area.year if area and area.year else "–"),
                _baseline(area, unit, limit),
                _baseline(municipality, unit, limit),
                latest.label if latest else "–",
                _plan_latest(latest, unit, limit, definition, hidden),
                _trend(points, definition.higher_is_better if definition else None),
                _target_summary(target_states.get(definition.pk, Counter()) if definition else {}),
            ]
            (overall if goal.level == "overall" else local).append(row)
    lbf = Section(_("LBF's goals"), 1, key="lbf-goals")
    lbf.add(
        _(
            "LBF's fixed indicators: the baseline of the plan's area beside the municipality's, "
            "the latest value for all the plan's departments and its trend since the period "
            "before."
        ),
        Table(_("LBF's goals and indicators"), columns, overall, sheet=_("LBF goals")),
    )
    sections = [lbf]
    if local:
        own = Section(_("Local goals and sub-goals"), 1, key="local-goals")
        own.add(Table(_("Local goals and sub-goals"), columns, local, sheet=_("Local goals")))
        sections.append(own)
    return sections


def _baseline(baseline, unit, limit) -> Value:
    if baseline is None:
        return Value(None, unit, NOT_AVAILABLE)
    if baseline.status == SUPPRESSED:
        return Value(None, unit, SUPPRESSED)
    if baseline.value is None:
        return Value(None, unit, NOT_AVAILABLE)
    return persons(baseline.value, limit, unit) if is_count(unit) else Value(baseline.value, unit)


def _plan_latest(latest, unit, limit, definition, hidden) -> Value:
    """The plan's latest value: a total over its departments, so hidden as the needs matrix
    hides it from readers (secondary suppression), and a small count as "<5"."""
    if latest is None:
        return Value(None, unit, NOT_AVAILABLE)
    if not is_count(unit):
        return Value(latest.value, unit)
    found = hidden.get(definition.key, {}) if definition else {}
    mark = found.get("marks", {}).get(("published",))
    if mark and found.get("period") == latest.label:
        return Value(None, unit, mark)
    return persons(latest.value, limit, unit)


def department_section(department, panels, limit) -> Section:
    section = Section(str(department), 2, key=f"department-{department.key}")
    rows = []
    charts = []
    for panel in panels:
        definition = panel.definition
        latest = panel.latest
        municipality = next(
            (pts for name, pts in panel.comparisons if name.lower().endswith("kommune")), []
        )
        same = next((p for p in municipality if latest and p.label == latest.label), None)
        rows.append(
            [
                definition.name,
                latest.label if latest else "–",
                shown(latest, definition, limit),
                shown(same, definition, limit) if same else Value(None, "", NOT_AVAILABLE),
                "; ".join(f"{t.status.label}: {t.text}" for t in panel.targets) or "–",
            ]
        )
        own = chartable(panel.points, definition, limit)
        if sum(1 for p in own if p.known) >= 2:  # a single point is in the table
            drawn = sorted(panel.targets, key=lambda t: not t.sloped)
            path = next((t.status.path for t in drawn if t.status.path), None)
            lines = [(str(department), own)]
            lines += [(n, chartable(p, definition, limit)) for n, p in panel.comparisons]
            charts.append(Chart(definition.name, series_chart(lines, definition.unit, path)))
    columns = [_("Indicator"), _("Period"), _("Value"), _("Municipality"), _("Targets")]
    section.add(
        Table(str(department), columns, rows, sheet=department.key) if rows else "",
        *charts,
    )
    if not rows:
        section.add(_("No monitoring data has been imported for this department."))
    return section


def list_section(plan) -> Section:
    from helhedsplan.lists.areas import classify_figures
    from helhedsplan.lists.warning import outlook

    section = Section(_("The list criteria and early warning"), 1, key="lists")
    areas = Area.objects.filter(departments__plan=plan).distinct()
    figures = list(AreaFigures.objects.filter(area__in=areas).select_related("area"))
    classified, _names = classify_figures(figures) if figures else ({}, {})
    rows = []
    for area in sorted(areas, key=lambda a: a.name):
        seen = outlook(classified.get(area.pk, []))
        if seen is None:
            continue
        listed = ", ".join(str(CLASS_LABELS.get(c, c)) for c in seen.listed_classes) or _("no")
        for criterion in seen.criteria:
            rows.append(
                [
                    area.name,
                    str(seen.latest_year),
                    listed,
                    str(CRITERION_LABELS.get(criterion.name, criterion.name)),
                    _number(criterion.value, 2),
                    _number(criterion.bar, 2),
                    {True: _("yes"), False: _("no"), None: _("unknown")}[criterion.met],
                    _number(criterion.margin, 2),
                    _number(criterion.slope, 2),
                    str(criterion.crosses_in or "–"),
                ]
            )
    columns = [
        _("Area"),
        _("List year"),
        _("Listed"),
        _("Criterion"),
        _("Value"),
        _("Bar"),
        _("Met"),
        _("Margin"),
        _("Trend per year"),
        _("First projected crossing"),
    ]
    section.add(
        _(
            "Per area the latest list year's criteria: the value, the bar, the margin (positive "
            "on the listing side) and the first list year a straight-line trend crosses the bar."
        ),
        Table(_("List criteria"), columns, rows, sheet=_("List criteria"))
        if rows
        else _("No list figures are registered for the plan's areas."),
    )
    return section


def _number(number, decimals) -> Value:
    if number is None:
        return Value(None, "", NOT_AVAILABLE)
    return Value(Decimal(number), "", decimals=decimals)


def matrix_section(plan, limit) -> Section:
    departments, columns = monitoring.matrix_for(plan, exact=False)  # as readers see it
    definitions = {d.key: d for d in definitions_for(plan)}
    section = Section(_("Needs matrix"), 1, key="matrix")
    header = [_("Department")] + [f"{c.name} ({c.period})" for c in columns]
    rows = [
        [_("Municipality")] + [shown(c.municipality, definitions[c.key], limit) for c in columns]
    ]
    for department in departments:
        rows.append(
            [str(department)]
            + [shown(c.cells[department.key].point, definitions[c.key], limit) for c in columns]
        )
    section.add(
        _(
            "Each department's latest value per indicator beside the municipality's; the web "
            "page colours the cells by the distance from the municipality."
        ),
        Table(_("Needs matrix"), header, rows, sheet=_("Needs matrix")),
    )
    return section


def cases_section(plan, cutoff, limit) -> Section:
    section = Section(_("Coordinated cases (Bo Godt)"), 1, key="cases")
    rows = [
        [
            str(row["year"]),
            row["department"],
            persons(row["opened"], limit),
            persons(row["closed"], limit),
            persons(row["avoided"], limit),
        ]
        for row in case_counts(plan)
        if row["year"] <= cutoff.year
    ]
    columns = [_("Year"), _("Department"), _("Opened"), _("Closed"), _("Evictions avoided")]
    section.add(
        Table(_("Coordinated cases"), columns, rows, sheet=_("Cases"))
        if rows
        else _("No coordinated cases are registered.")
    )
    return section
