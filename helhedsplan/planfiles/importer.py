"""Import a validated plan file into the database: all of it in one transaction, or nothing."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction

from helhedsplan.agreements.actions import record_version
from helhedsplan.agreements.models import Activity, Section, SubAgreement, SuccessCriterion
from helhedsplan.goals.models import Baseline, Goal, Indicator, Target
from helhedsplan.governance.models import Body, CycleStep, Member, Milestone
from helhedsplan.plans.models import (
    Area,
    BudgetLine,
    Department,
    InterventionArea,
    Party,
    Plan,
    PlanInterventionArea,
    Residents,
)

from . import schema
from .schema import date_problems
from .source import PlanFileError, Problem, format_path, read_plan_file


def import_plan_file(path: str | Path, user=None) -> Plan:
    return import_plan(read_plan_file(path), filename=str(path), user=user)


@transaction.atomic
def import_plan(plan_file: schema.PlanFile, filename: str = "<plan file>", user=None) -> Plan:
    info = plan_file.plan
    # parse_plan_file checks these with line numbers; a PlanFile built in code is checked here
    dates = [
        Problem(filename, format_path(at), None, text) for at, text in date_problems(plan_file)
    ]
    if dates:
        raise PlanFileError(dates)
    if Plan.objects.filter(slug=info.slug).exists():
        raise PlanFileError(
            [Problem(filename, "plan.slug", None, f"a plan '{info.slug}' already exists")]
        )
    catalogue = {area.code: area for area in InterventionArea.objects.all()}
    for code in _used_codes(plan_file):
        if code not in catalogue:
            raise PlanFileError(
                [Problem(filename, "", None, f"unknown intervention area code '{code}'")]
            )
    builder = _Builder(plan_file, catalogue, filename)
    plan = builder.build()
    for sub_agreement in plan.sub_agreements.all():
        record_version(sub_agreement, user=user, note=f"Importeret fra {Path(filename).name}")
    return plan


def _used_codes(plan_file: schema.PlanFile):
    yield from (area.code for area in plan_file.intervention_areas)
    yield from (s.intervention_area for s in plan_file.sub_agreements)


class _Builder:
    def __init__(self, plan_file: schema.PlanFile, catalogue: dict, filename: str):
        self.file = plan_file
        self.catalogue = catalogue
        self.filename = filename
        self.parties: dict[str, Party] = {}
        self.areas: dict[str, Area] = {}
        self.departments: dict[str, Department] = {}

    def build(self) -> Plan:
        self._parties()
        self._areas()
        info = self.file.plan
        municipality = (
            self.parties.get(info.municipality)
            or Party.objects.get_or_create(
                name=info.municipality, defaults={"kind": Party.Kind.MUNICIPALITY}
            )[0]
        )
        plan = Plan.objects.create(
            slug=info.slug,
            name=info.name,
            period_start=info.period_start,
            period_end=info.period_end,
            project_year_start_month=info.project_year_start_month,
            municipality=municipality,
            fund=info.fund,
            summary=info.summary,
            vision=info.vision,
            method=info.method,
            stated_tenancies=info.stated_tenancies,
            stated_residents=info.stated_residents,
        )
        plan.parties.set(self.parties.values())
        self.plan = plan
        self._departments()
        for order, item in enumerate(self.file.intervention_areas):
            PlanInterventionArea.objects.create(
                plan=plan,
                intervention_area=self.catalogue[item.code],
                purpose=item.purpose,
                problem_description=item.problem_description,
                order=order,
            )
        self.indicator_order = 0
        for order, goal in enumerate(self.file.goals):
            self._goal(goal, order, sub_agreement=None)
        for indicator in self.file.indicators:
            self._indicator(indicator, goal=None)
        for sub_agreement in self.file.sub_agreements:
            self._sub_agreement(sub_agreement)
        BudgetLine.objects.bulk_create(
            BudgetLine(
                plan=plan,
                intervention_area=self._area_code(line.intervention_area),
                source=line.source,
                year=line.year,
                amount=line.amount,
                note=line.note,
            )
            for line in self.file.budget
        )
        self._governance()
        return plan

    def _area_code(self, code):
        return self.catalogue[code] if code else None

    def _parties(self):
        for item in self.file.parties:
            # Parties are shared between plans: a file fills in what it knows, never blanks.
            defaults = {"kind": item.kind}
            if item.short_name:
                defaults["short_name"] = item.short_name
            party, _ = Party.objects.update_or_create(name=item.name, defaults=defaults)
            self.parties[item.name] = party

    def _areas(self):
        for item in self.file.areas:
            area, _ = Area.objects.update_or_create(
                name=item.name,
                municipality=item.municipality,
                defaults={"note": item.note} if item.note else {},
            )
            self.areas[item.name] = area

    def _departments(self):
        for item in self.file.departments:
            department = Department.objects.create(
                plan=self.plan,
                key=item.key,
                number=item.number or "",
                name=item.name,
                housing_organisation=self.parties.get(item.housing_organisation),
                area=self.areas.get(item.area),
                built=item.built,
                built_from=item.built_from,
                built_to=item.built_to,
                tenancies=item.tenancies,
                building_form=item.building_form,
                distance_to_centre_km=item.distance_to_centre_km,
                renewal_status=item.renewal_status,
                notes=item.notes,
            )
            Residents.objects.bulk_create(
                Residents(department=department, year=r.year, value=r.value, status=r.status)
                for r in item.residents
            )
            self.departments[item.key] = department

    def _goal(self, item: schema.Goal, order: int, sub_agreement):
        goal = Goal.objects.create(
            plan=self.plan,
            sub_agreement=sub_agreement,
            level=item.level,
            intervention_area=self._area_code(item.intervention_area),
            text=item.text,
            order=order,
        )
        for indicator in item.indicators:
            self._indicator(indicator, goal)

    def _indicator(self, item: schema.Indicator, goal):
        self.indicator_order += 1
        indicator = Indicator.objects.create(
            plan=self.plan,
            goal=goal,
            key=item.key,
            name=item.name,
            unit=item.unit,
            direction=item.direction,
            data_source=item.data_source,
            definition=item.definition,
            order=self.indicator_order,
        )
        Baseline.objects.bulk_create(
            Baseline(
                indicator=indicator,
                scope=b.scope,
                department=self.departments.get(b.department),
                area=self.areas.get(b.area) if b.area else None,
                label=b.label,
                year=b.year,
                value=b.value,
                status=b.status,
                note=b.note,
                order=order,
            )
            for order, b in enumerate(item.baselines)
        )
        Target.objects.bulk_create(
            Target(
                indicator=indicator,
                kind=t.kind,
                value=t.value,
                per_year=t.per_year,
                department=self.departments.get(t.department),
                target_year=t.target_year,
                text=t.text,
                order=order,
            )
            for order, t in enumerate(item.targets)
        )

    def _sub_agreement(self, item: schema.SubAgreement):
        sub_agreement = SubAgreement.objects.create(
            plan=self.plan,
            key=item.key,
            intervention_area=self.catalogue[item.intervention_area],
            title=item.title,
            period_start=item.period_start,
            period_end=item.period_end,
            parties=item.parties,
            responsible=item.responsible,
            partners=item.partners,
        )
        Section.objects.bulk_create(
            Section(sub_agreement=sub_agreement, heading=s.heading, body=s.body, order=order)
            for order, s in enumerate(item.sections)
        )
        for order, goal in enumerate(item.goals):
            self._goal(goal, order, sub_agreement=sub_agreement)
        for order, a in enumerate(item.activities):
            activity = Activity.objects.create(
                sub_agreement=sub_agreement,
                key=a.key,
                number=a.number,
                name=a.name,
                reference=a.reference,
                purpose=a.purpose,
                target_groups=a.target_groups,
                content=a.content,
                practice=a.practice,
                roles=a.roles,
                partners=a.partners,
                staff_resources=a.staff_resources,
                evaluation=a.evaluation,
                anchoring=a.anchoring,
                hours_per_week=a.hours_per_week,
                order=order,
            )
            activity.departments.set(self.departments[key] for key in a.departments)
            SuccessCriterion.objects.bulk_create(
                SuccessCriterion(
                    activity=activity,
                    text=c.text,
                    threshold=c.threshold,
                    unit=c.unit,
                    period=c.period,
                    per_area=c.per_area,
                    data_source=c.data_source,
                    measure=c.measure,
                    event_type=c.event_type or "",
                    order=order,
                )
                for order, c in enumerate(a.success_criteria)
            )

    def _governance(self):
        governance = self.file.governance
        for order, item in enumerate(governance.bodies):
            body = Body.objects.create(
                plan=self.plan,
                key=item.key,
                kind=item.kind,
                name=item.name,
                tasks=item.tasks,
                cadence=item.cadence,
                meetings_per_year=item.meetings_per_year,
                order=order,
            )
            Member.objects.bulk_create(
                Member(
                    body=body,
                    role=m.role,
                    organisation=m.organisation,
                    person=m.person,
                    chair=m.chair,
                    order=position,
                )
                for position, m in enumerate(item.members)
            )
        CycleStep.objects.bulk_create(
            CycleStep(
                plan=self.plan,
                title=s.title,
                description=s.description,
                month=s.month,
                order=order,
            )
            for order, s in enumerate(governance.annual_cycle)
        )
        Milestone.objects.bulk_create(
            Milestone(
                plan=self.plan,
                title=m.title,
                due=m.due,
                due_text=m.due_text,
                done=m.done,
                description=m.description,
                order=order,
            )
            for order, m in enumerate(governance.milestones)
        )
