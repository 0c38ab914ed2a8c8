"""The plan file format, version 1: one YAML document describes one whole plan.

The pydantic models below *are* the format: `docs/plan-file-format.md` explains it for people,
and `python -m helhedsplan.planfiles.validate FILE` checks a file against it without a database.
Every name that other parts of the file refer to (department keys, area names, party names,
intervention-area codes) is checked here, so a file that validates can be imported.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

FORMAT_NAME = "helhedsplan-plan"
FORMAT_VERSION = 1

Key = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


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
    short_name: Text = ""


class Area(Strict):
    name: Name
    municipality: Name
    note: Text = ""


class ValueStatus(StrEnum):
    """A number, a number hidden by the discretion limit, or a number not (yet) available."""

    VALUE = "value"
    SUPPRESSED = "suppressed"
    NOT_AVAILABLE = "not_available"


class Residents(Strict):
    year: int = Field(ge=1900, le=2100)
    value: int | None = Field(default=None, ge=0)
    status: ValueStatus = ValueStatus.VALUE

    @model_validator(mode="after")
    def value_matches_status(self):
        _check_value_status(self.value, self.status)
        return self


class Department(Strict):
    key: Key
    number: Text | None = None
    name: Name
    housing_organisation: Name | None = None
    area: Name | None = None
    built: Text = ""
    built_from: int | None = Field(default=None, ge=1800, le=2100)
    built_to: int | None = Field(default=None, ge=1800, le=2100)
    tenancies: int | None = Field(default=None, ge=0)
    building_form: Text = ""
    distance_to_centre_km: Decimal | None = Field(default=None, ge=0)
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
    label: Text = ""
    year: int | None = Field(default=None, ge=1900, le=2100)
    value: Decimal | None = None
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
    value: Decimal | None = None
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
    name: Name
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
    threshold: Decimal | None = None
    unit: Text = ""
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
    number: int | None = None
    name: Name
    reference: Text = ""
    purpose: Text = ""
    target_groups: Text = ""
    content: Text = ""
    practice: Text = ""
    roles: Text = ""
    partners: Text = ""
    staff_resources: Text = ""
    evaluation: Text = ""
    anchoring: Text = ""
    hours_per_week: Decimal | None = Field(default=None, ge=0)
    departments: list[Key] = []
    success_criteria: list[SuccessCriterion] = []


class Section(Strict):
    heading: Name
    body: Text


class SubAgreement(Strict):
    key: Key
    intervention_area: Key
    title: Name
    period_start: datetime.date
    period_end: datetime.date
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
    amount: Decimal = Field(ge=0)
    intervention_area: Key | None = None
    year: int | None = Field(default=None, ge=1900, le=2100)
    note: Text = ""


class BodyKind(StrEnum):
    BOARD = "board"  # bestyrelse
    HEADS_GROUP = "heads_group"  # chefgruppe
    COORDINATION_GROUP = "coordination_group"  # projektkoordineringsgruppe
    AD_HOC_GROUP = "ad_hoc_group"
    RESIDENTS_PANEL = "residents_panel"  # beboerpanel
    SECRETARIAT = "secretariat"
    OTHER = "other"


class Member(Strict):
    role: Name
    organisation: Text = ""
    person: Text = ""
    chair: bool = False


class Body(Strict):
    key: Key
    kind: BodyKind
    name: Name
    tasks: Text = ""
    cadence: Text = ""
    meetings_per_year: int | None = Field(default=None, ge=0)
    members: list[Member] = []


class CycleStep(Strict):
    title: Name
    description: Text = ""
    month: int | None = Field(default=None, ge=1, le=12)


class Milestone(Strict):
    title: Name
    due: datetime.date | None = None
    due_text: Text = ""
    done: datetime.date | None = None
    description: Text = ""


class Governance(Strict):
    bodies: list[Body] = []
    annual_cycle: list[CycleStep] = []
    milestones: list[Milestone] = []


class PlanInfo(Strict):
    slug: Key
    name: Name
    period_start: datetime.date
    period_end: datetime.date
    project_year_start_month: int = Field(ge=1, le=12)
    municipality: Name
    fund: Text = ""
    summary: Text = ""
    vision: Text = ""
    method: Text = ""
    stated_tenancies: int | None = Field(default=None, ge=0)
    stated_residents: int | None = Field(default=None, ge=0)

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
