"""The plan file format, version 1: one YAML document describes one whole plan.

The pydantic models below *are* the format: `docs/plan-file-format.md` explains it for people,
and `python -m helhedsplan.planfiles.validate FILE` checks a file against it without a database.
Every name that other parts of the file refer to (department keys, area names, party names,
intervention-area codes) is checked here, so a file that validates can be imported.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from helhedsplan.core.validators import CONTROL_CHARACTER

FORMAT_NAME = "helhedsplan-plan"
FORMAT_VERSION = 1

# What the database columns hold (tests/test_limits.py checks these against the models).
SMALL_INTEGER_MAX = 32_767
INTEGER_MAX = 2_147_483_647
# SQLite keeps decimals as floats, which hold 15 significant digits: a 16-digit value would be
# stored but could not be read back. No decimal in a plan file has more, whatever its column.
MAX_DIGITS = 15
# A plan period: LBF plans run four to five years; these bounds keep every date the product
# computes from a plan (project years, deadlines, reports) far from the calendar's ends.
EARLIEST_DATE = datetime.date(2000, 1, 1)
LATEST_DATE = datetime.date(2100, 12, 31)
MAX_PLAN_YEARS = 10
PlanDate = Annotated[datetime.date, Field(ge=EARLIEST_DATE, le=LATEST_DATE)]


def no_control_characters(value: str) -> str:
    """NUL and other control characters are invisible, and PostgreSQL cannot store NUL."""
    found = CONTROL_CHARACTER.search(value)
    if found:
        raise ValueError(
            f"contains the control character U+{ord(found.group()):04X} at position "
            f"{found.start() + 1}; only tabs and line breaks are allowed in text"
        )
    return value


def Line(max_length: int, min_length: int = 0):
    """One line of text of at most `max_length` characters (the database column's size)."""
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=min_length, max_length=max_length),
        AfterValidator(no_control_characters),
    ]


Key = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60)]
Text = Annotated[
    str, StringConstraints(strip_whitespace=True), AfterValidator(no_control_characters)
]
Name = Line(200, min_length=1)
LongName = Line(300, min_length=1)  # titles and roles


class Strict(BaseModel):
    """Unknown fields are errors: a typo must not silently drop data."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class PartyKind(StrEnum):
    HOUSING_ORGANISATION = "housing_organisation"
    MUNICIPALITY = "municipality"
    OTHER = "other"


class Party(Strict):
    name: Name
    kind: PartyKind
    short_name: Line(60) = ""


class Area(Strict):
    name: Name
    municipality: Line(100, min_length=1)
    note: Text = ""


class ValueStatus(StrEnum):
    """A number, a number hidden by the discretion limit, or a number not (yet) available."""

    VALUE = "value"
    SUPPRESSED = "suppressed"
    NOT_AVAILABLE = "not_available"


class Residents(Strict):
    year: int = Field(ge=1900, le=2100)
    value: int | None = Field(default=None, ge=0, le=INTEGER_MAX)
    status: ValueStatus = ValueStatus.VALUE

    @model_validator(mode="after")
    def value_matches_status(self):
        _check_value_status(self.value, self.status)
        return self


class Department(Strict):
    key: Key
    number: Line(20) | None = None
    name: Name
    housing_organisation: Name | None = None
    area: Name | None = None
    built: Line(100) = ""
    built_from: int | None = Field(default=None, ge=1800, le=2100)
    built_to: int | None = Field(default=None, ge=1800, le=2100)
    tenancies: int | None = Field(default=None, ge=0, le=INTEGER_MAX)
    building_form: Line(300) = ""
    distance_to_centre_km: Decimal | None = Field(
        default=None, ge=0, max_digits=6, decimal_places=1
    )
    renewal_status: Text = ""
    notes: Text = ""
    residents: list[Residents] = []


class PlanInterventionArea(Strict):
    code: Key
    purpose: Text = ""
    problem_description: Text = ""


class Unit(StrEnum):
    PERCENT = "percent"
    COUNT = "count"
    GRADE = "grade"
    DKK = "dkk"
    RATE = "rate"
    OTHER = "other"


class Direction(StrEnum):
    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"
    NEUTRAL = "neutral"


class BaselineScope(StrEnum):
    PLAN = "plan"
    AREA = "area"
    DEPARTMENT = "department"
    TARGET_GROUP = "target_group"
    MUNICIPALITY = "municipality"
    NATIONAL = "national"
    COMPARISON_GROUP = "comparison_group"


class Baseline(Strict):
    scope: BaselineScope
    department: Key | None = None
    area: Name | None = None
    label: Line(300) = ""
    year: int | None = Field(default=None, ge=1900, le=2100)
    value: Decimal | None = Field(default=None, max_digits=MAX_DIGITS, decimal_places=4)
    status: ValueStatus = ValueStatus.VALUE
    note: Text = ""

    @model_validator(mode="after")
    def scope_has_its_subject(self):
        _check_value_status(self.value, self.status)
        if (self.scope == BaselineScope.DEPARTMENT) != (self.department is not None):
            raise ValueError("'department' is required for scope 'department' and only there")
        if (self.scope == BaselineScope.AREA) != (self.area is not None):
            raise ValueError("'area' is required for scope 'area' and only there")
        if (
            self.scope in (BaselineScope.COMPARISON_GROUP, BaselineScope.TARGET_GROUP)
            and not self.label
        ):
            raise ValueError(f"scope '{self.scope}' needs a 'label' naming the group")
        return self


class TargetKind(StrEnum):
    ABSOLUTE = "absolute"  # reach `value` (in the indicator's unit)
    RELATIVE_CHANGE = "relative_change"  # change by `value` % of the baseline
    POINT_CHANGE = "point_change"  # change by `value` percentage points / units
    NOT_EXCEED_BASELINE = "not_exceed_baseline"
    IMPROVE_ON_BASELINE = "improve_on_baseline"
    CLOSE_GAP = "close_gap"  # close `value` % of the gap to the municipality by `target_year`


class Target(Strict):
    kind: TargetKind
    value: Decimal | None = Field(default=None, max_digits=MAX_DIGITS, decimal_places=4)
    per_year: bool = False
    department: Key | None = None
    target_year: int | None = Field(default=None, ge=1900, le=2100)
    text: Text = ""

    @model_validator(mode="after")
    def value_when_needed(self):
        needs_value = self.kind in (
            TargetKind.ABSOLUTE,
            TargetKind.RELATIVE_CHANGE,
            TargetKind.POINT_CHANGE,
            TargetKind.CLOSE_GAP,
        )
        if needs_value and self.value is None:
            raise ValueError(f"a target of kind '{self.kind}' needs a 'value'")
        if not needs_value and self.value is not None:
            raise ValueError(f"a target of kind '{self.kind}' takes no 'value'")
        return self


class Indicator(Strict):
    key: Key
    name: LongName
    unit: Unit
    direction: Direction = Direction.NEUTRAL
    data_source: Text = ""
    definition: Text = ""
    baselines: list[Baseline] = []
    targets: list[Target] = []


class GoalLevel(StrEnum):
    OVERALL = "overall"  # LBF's fixed overall goals
    LOCAL = "local"  # the plan's own goals in the strategic agreement
    SUB_GOAL = "sub_goal"  # delmål in a sub-agreement


class Goal(Strict):
    level: GoalLevel
    text: Text
    intervention_area: Key | None = None
    indicators: list[Indicator] = []


class CriterionPeriod(StrEnum):
    PROJECT_YEAR = "project_year"
    PLAN_PERIOD = "plan_period"


class Measure(StrEnum):
    """How a success criterion is counted from the logbook (none: measured elsewhere)."""

    NONE = "none"
    PARTICIPANTS = "participants"  # sum of participants in the activity's events
    EVENTS = "events"  # number of the activity's events
    ACTIVE_VOLUNTEERS = "active_volunteers"  # distinct volunteers active in the period
    SHARE_CONTACTED = "share_contacted"  # % of new tenants contacted
    RECIPIENT_GROWTH = "recipient_growth"  # % growth of newsletter partners over the period


class EventType(StrEnum):
    EVENT = "event"  # arrangement
    TOUR = "tour"  # tur
    COURSE = "course"  # kursus
    MEETING = "meeting"  # møde
    OTHER = "other"


class SuccessCriterion(Strict):
    text: Text
    threshold: Decimal | None = Field(default=None, max_digits=14, decimal_places=2)
    unit: Line(60) = ""
    period: CriterionPeriod = CriterionPeriod.PROJECT_YEAR
    per_area: bool = False
    data_source: Text = ""
    measure: Measure = Measure.NONE
    event_type: EventType | None = None

    @model_validator(mode="after")
    def counted_criteria_have_a_threshold(self):
        if self.measure != Measure.NONE and self.threshold is None:
            raise ValueError(f"a criterion measured as '{self.measure}' needs a 'threshold'")
        return self


class Activity(Strict):
    key: Key
    number: int | None = Field(default=None, ge=0, le=SMALL_INTEGER_MAX)
    name: Name
    reference: Line(300) = ""
    purpose: Text = ""
    target_groups: Text = ""
    content: Text = ""
    practice: Text = ""
    roles: Text = ""
    partners: Text = ""
    staff_resources: Text = ""
    evaluation: Text = ""
    anchoring: Text = ""
    hours_per_week: Decimal | None = Field(default=None, ge=0, max_digits=6, decimal_places=1)
    departments: list[Key] = []
    success_criteria: list[SuccessCriterion] = []


class Section(Strict):
    heading: Name
    body: Text


class SubAgreement(Strict):
    key: Key
    intervention_area: Key
    title: LongName
    period_start: PlanDate
    period_end: PlanDate
    parties: Text = ""
    responsible: Text = ""
    partners: Text = ""
    sections: list[Section] = []
    goals: list[Goal] = []
    activities: list[Activity] = []

    @model_validator(mode="after")
    def period_is_ordered(self):
        _check_period(self.period_start, self.period_end)
        return self


class FundingSource(StrEnum):
    LBF = "lbf"
    MUNICIPALITY_CASH = "municipality_cash"
    MUNICIPALITY_RESOURCES = "municipality_resources"
    MUNICIPALITY = "municipality"  # cash and resources not split in the source
    HOUSING_ORGANISATION = "housing_organisation"
    LOCAL = "local"  # local co-financing not split in the source


class BudgetLine(Strict):
    source: FundingSource
    amount: Decimal = Field(ge=0, max_digits=14, decimal_places=2)
    intervention_area: Key | None = None
    year: int | None = Field(default=None, ge=1900, le=2100)
    note: Line(300) = ""


class BodyKind(StrEnum):
    BOARD = "board"  # bestyrelse
    HEADS_GROUP = "heads_group"  # chefgruppe
    COORDINATION_GROUP = "coordination_group"  # projektkoordineringsgruppe
    AD_HOC_GROUP = "ad_hoc_group"
    RESIDENTS_PANEL = "residents_panel"  # beboerpanel
    SECRETARIAT = "secretariat"
    OTHER = "other"


class Member(Strict):
    role: LongName
    organisation: Line(200) = ""
    person: Line(200) = ""
    chair: bool = False


class Body(Strict):
    key: Key
    kind: BodyKind
    name: Name
    tasks: Text = ""
    cadence: Line(300) = ""
    meetings_per_year: int | None = Field(default=None, ge=0, le=SMALL_INTEGER_MAX)
    members: list[Member] = []


class CycleStep(Strict):
    title: LongName
    description: Text = ""
    month: int | None = Field(default=None, ge=1, le=12)


class Milestone(Strict):
    title: LongName
    due: PlanDate | None = None
    due_text: Line(200) = ""
    done: PlanDate | None = None
    description: Text = ""


class Governance(Strict):
    bodies: list[Body] = []
    annual_cycle: list[CycleStep] = []
    milestones: list[Milestone] = []


class PlanInfo(Strict):
    slug: Key
    name: Name
    period_start: PlanDate
    period_end: PlanDate
    project_year_start_month: int = Field(ge=1, le=12)
    municipality: Name
    fund: Line(20) = ""
    summary: Text = ""
    vision: Text = ""
    method: Text = ""
    stated_tenancies: int | None = Field(default=None, ge=0, le=INTEGER_MAX)
    stated_residents: int | None = Field(default=None, ge=0, le=INTEGER_MAX)

    @model_validator(mode="after")
    def period_is_ordered(self):
        _check_period(self.period_start, self.period_end)
        return self


class PlanFile(Strict):
    format: Literal["helhedsplan-plan"]
    version: Literal[1]
    plan: PlanInfo
    parties: list[Party] = []
    areas: list[Area] = []
    departments: list[Department] = []
    intervention_areas: list[PlanInterventionArea] = []
    goals: list[Goal] = []
    indicators: list[Indicator] = []
    sub_agreements: list[SubAgreement] = []
    budget: list[BudgetLine] = []
    governance: Governance = Governance()

    @model_validator(mode="after")
    def references_resolve(self):
        check_references(self)
        return self


def _check_value_status(value, status: ValueStatus) -> None:
    if status == ValueStatus.VALUE and value is None:
        raise ValueError("'value' is required unless 'status' is 'suppressed' or 'not_available'")
    if status != ValueStatus.VALUE and value is not None:
        raise ValueError(f"a value with status '{status}' must not have a 'value'")


def _check_period(start: datetime.date, end: datetime.date) -> None:
    if end <= start:
        raise ValueError("'period_end' must be after 'period_start'")


def _unique(items, attribute: str, what: str) -> set:
    seen = set()
    for item in items:
        value = getattr(item, attribute)
        if value in seen:
            raise ValueError(f"{what} '{value}' appears twice")
        seen.add(value)
    return seen


def _all_indicators(plan_file: PlanFile):
    yield from plan_file.indicators
    for goal in plan_file.goals:
        yield from goal.indicators
    for sub_agreement in plan_file.sub_agreements:
        for goal in sub_agreement.goals:
            yield from goal.indicators


def check_references(plan_file: PlanFile) -> None:
    """Every name used as a reference must be defined once in the same file."""
    parties = _unique(plan_file.parties, "name", "party")
    areas = _unique(plan_file.areas, "name", "area")
    departments = _unique(plan_file.departments, "key", "department key")
    codes = _unique(plan_file.intervention_areas, "code", "intervention area")
    _unique(plan_file.sub_agreements, "key", "sub-agreement key")
    _unique(list(_all_indicators(plan_file)), "key", "indicator key")
    _unique(plan_file.governance.bodies, "key", "governance body key")
    _unique([a for s in plan_file.sub_agreements for a in s.activities], "key", "activity key")

    def need(value, known: set, what: str, where: str) -> None:
        if value is not None and value not in known:
            raise ValueError(f"{where} refers to {what} '{value}', which the file does not define")

    for department in plan_file.departments:
        need(department.housing_organisation, parties, "party", f"department '{department.key}'")
        need(department.area, areas, "area", f"department '{department.key}'")
    for goal in plan_file.goals:
        need(goal.intervention_area, codes, "intervention area", "a goal")
    for line in plan_file.budget:
        need(line.intervention_area, codes, "intervention area", "a budget line")
    for sub_agreement in plan_file.sub_agreements:
        where = f"sub-agreement '{sub_agreement.key}'"
        need(sub_agreement.intervention_area, codes, "intervention area", where)
        for goal in sub_agreement.goals:
            need(goal.intervention_area, codes, "intervention area", where)
        for activity in sub_agreement.activities:
            for key in activity.departments:
                need(key, departments, "department", f"activity '{activity.key}'")
    for indicator in _all_indicators(plan_file):
        where = f"indicator '{indicator.key}'"
        for baseline in indicator.baselines:
            need(baseline.department, departments, "department", where)
            need(baseline.area, areas, "area", where)
        for target in indicator.targets:
            need(target.department, departments, "department", where)


def _years_later(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def date_problems(plan_file: PlanFile) -> Iterator[tuple[tuple, str]]:
    """Dates and years that do not fit the plan's period, as (location, message).

    The period is at most `MAX_PLAN_YEARS`; sub-agreements and budget years lie inside it;
    milestones within a year of it; baselines at most ten years before it and targets at most
    five years after it; residents' counts and buildings no later than its last year.
    """
    plan = plan_file.plan
    start, end = plan.period_start, plan.period_end
    period = f"the plan period {start.isoformat()} to {end.isoformat()}"
    if end > _years_later(start, MAX_PLAN_YEARS):
        yield (
            ("plan", "period_end"),
            f"a plan period is at most {MAX_PLAN_YEARS} years (LBF plans run 4-5 years)",
        )
        return

    def year_within(location, year, first, last, what):
        if year is not None and not first <= year <= last:
            return [(location, f"{what} must be between {first} and {last}, got {year}")]
        return []

    for index, sub_agreement in enumerate(plan_file.sub_agreements):
        for name in ("period_start", "period_end"):
            day = getattr(sub_agreement, name)
            if not start <= day <= end:
                yield (("sub_agreements", index, name), f"must lie within {period}")
    for index, line in enumerate(plan_file.budget):
        yield from year_within(
            ("budget", index, "year"), line.year, start.year, end.year, "a budget year"
        )
    first, last = _years_later(start, -1), _years_later(end, 1)
    for index, milestone in enumerate(plan_file.governance.milestones):
        for name in ("due", "done"):
            day = getattr(milestone, name)
            if day is not None and not first <= day <= last:
                yield (
                    ("governance", "milestones", index, name),
                    f"must lie within a year of {period}",
                )
    for index, department in enumerate(plan_file.departments):
        where = ("departments", index)
        yield from year_within(
            (*where, "built_to"),
            department.built_to,
            department.built_from or 1800,
            end.year,
            "the last building year",
        )
        for position, residents in enumerate(department.residents):
            yield from year_within(
                (*where, "residents", position, "year"),
                residents.year,
                start.year - 10,
                end.year,
                "a residents' count year",
            )
    for location, indicator in _indicators_with_locations(plan_file):
        for position, baseline in enumerate(indicator.baselines):
            yield from year_within(
                (*location, "baselines", position, "year"),
                baseline.year,
                start.year - 10,
                end.year,
                "a baseline year",
            )
        for position, target in enumerate(indicator.targets):
            yield from year_within(
                (*location, "targets", position, "target_year"),
                target.target_year,
                start.year,
                end.year + 5,
                "a target year",
            )


def _indicators_with_locations(plan_file: PlanFile):
    for index, indicator in enumerate(plan_file.indicators):
        yield ("indicators", index), indicator
    for index, goal in enumerate(plan_file.goals):
        for position, indicator in enumerate(goal.indicators):
            yield ("goals", index, "indicators", position), indicator
    for index, sub_agreement in enumerate(plan_file.sub_agreements):
        for number, goal in enumerate(sub_agreement.goals):
            for position, indicator in enumerate(goal.indicators):
                yield ("sub_agreements", index, "goals", number, "indicators", position), indicator
