"""A sub-agreement version (delaftale) as a report, in the structure of LBF's template
(seeds 002 and 004): parties, sub-goals with indicators and baselines, one form per activity
with its success criteria, then the agreement's own sections. Any version renders the same way
(agreements/document.py `prepare`)."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from helhedsplan.agreements.document import prepare

from .discretion import discretion_limit, persons
from .formatting import long_date
from .structure import NOT_AVAILABLE, SUPPRESSED, Report, Section, Table, Value

ACTIVITY_FIELDS = [
    ("purpose", "Purpose"),
    ("target_groups", "Target groups"),
    ("content", "Content"),
    ("practice", "Practice"),
    ("roles", "Responsibilities and roles"),
    ("partners", "Partners"),
    ("staff_resources", "Staff resources"),
]


def _date(text) -> str:
    try:
        return long_date(datetime.date.fromisoformat(str(text)))
    except ValueError:
        return str(text or "")


def agreement_report(plan, version, today=None) -> Report:
    doc = prepare(version.content)
    limit = discretion_limit()
    report = Report(
        "agreement",
        doc.get("title") or str(version.sub_agreement),
        f"{plan.name} {plan.period_label} · "
        + _("Version %(number)s, saved %(saved)s")
        % {"number": version.number, "saved": long_date(timezone.localdate(version.created_at))},
        today or timezone.localdate(),
        limit,
        filename=f"{plan.slug}-delaftale-{version.sub_agreement.key}-v{version.number}",
    )
    intro = Section(_("The sub-agreement"), 1, key="intro")
    intro.add(
        Table(
            _("The sub-agreement"),
            [_("Field"), _("Value")],
            [
                [_("Intervention area"), doc.get("intervention_area_name", "")],
                [
                    _("Valid"),
                    f"{_date(doc.get('period_start'))} – {_date(doc.get('period_end'))}",
                ],
                [_("Version"), str(version.number)],
            ],
            sheet=_("Sub-agreement"),
        )
    )
    report.sections.append(intro)
    for field, title in [
        ("parties", _("Parties to the sub-agreement")),
        ("responsible", _("Responsible")),
        ("partners", _("Partners")),
    ]:
        if doc.get(field):
            report.sections.append(Section(title, 1, key=field).add(doc[field]))
    report.sections.append(goals_section(doc, limit))
    activities = Section(_("Activities"), 1, key="activities")
    if doc.get("total_hours"):
        activities.add(
            Table(
                _("Staff hours per week"),
                [_("Activity"), _("Staff hours per week")],
                [
                    [a["name"], Value(a["hours_per_week"], "hours")]
                    for a in doc["activities"]
                    if a.get("hours_per_week")
                ]
                + [[_("In all"), Value(doc["total_hours"], "hours")]],
                sheet=_("Staff hours"),
            )
        )
    report.sections.append(activities)
    for activity in doc.get("activities", []):
        report.sections.append(activity_section(activity))
    for index, section in enumerate(doc.get("sections", [])):
        report.sections.append(
            Section(section["heading"], 1, key=f"section-{index}").add(section["body"])
        )
    return report


def goals_section(doc, limit) -> Section:
    section = Section(_("Sub-goals and indicators"), 1, key="goals")
    rows = []
    for goal in doc.get("all_goals", []):
        for indicator in goal.get("indicators", []):
            for baseline in indicator.get("baselines", []) or [{}]:
                rows.append(
                    [
                        goal.get("text", ""),
                        indicator.get("name", ""),
                        baseline.get("subject", "–"),
                        str(baseline.get("year") or "–"),
                        _baseline_value(baseline, indicator.get("unit", ""), limit),
                    ]
                )
    section.add(
        Table(
            _("Sub-goals, indicators and baselines"),
            [_("Goal"), _("Indicator"), _("Baseline for"), _("Baseline year"), _("Baseline")],
            rows,
            sheet=_("Goals"),
        )
        if rows
        else _("No sub-goals.")
    )
    return section


def _baseline_value(baseline: dict, unit: str, limit: int) -> Value:
    status = baseline.get("status", "value")
    if status == SUPPRESSED:
        return Value(None, unit, SUPPRESSED)
    if baseline.get("value") is None:
        return Value(None, unit, NOT_AVAILABLE)
    if unit == "count":
        return persons(baseline["value"], limit)
    return Value(baseline["value"], unit)


def activity_section(activity: dict) -> Section:
    number = activity.get("number")
    title = (_("Activity") + f" {number}: " if number else "") + activity["name"]
    section = Section(title, 2, key=f"activity-{activity.get('key', '')}")
    facts = [
        [
            _("Offered in"),
            ", ".join(activity.get("department_names", [])) or _("decided by the board each year"),
        ]
    ]
    if activity.get("hours_per_week"):
        facts.insert(0, [_("Staff hours per week"), Value(activity["hours_per_week"], "hours")])
    if activity.get("reference"):
        section.add(activity["reference"])
    section.add(Table(title, [_("Field"), _("Value")], facts, sheet=activity.get("key", "")[:25]))
    for field, label in ACTIVITY_FIELDS:
        if activity.get(field):
            section.add(f"{_(label)}: {activity[field]}")
    criteria = activity.get("success_criteria", [])
    if criteria:
        section.add(
            Table(
                _("Success criteria"),
                [_("Criterion"), _("Threshold"), _("Unit"), _("Period"), _("Data source")],
                [
                    [
                        c.get("text", ""),
                        Value(c["threshold"], "")
                        if c.get("threshold") is not None
                        else Value(None, "", NOT_AVAILABLE),
                        c.get("unit", ""),
                        str(c.get("period_label", "")),
                        c.get("data_source", ""),
                    ]
                    for c in criteria
                ],
                sheet=f"{activity.get('key', '')[:20]} {_('criteria')}",
            )
        )
    for field, label in [("evaluation", "Evaluation"), ("anchoring", "Anchoring")]:
        if activity.get(field):
            section.add(f"{_(label)}: {activity[field]}")
    return section
