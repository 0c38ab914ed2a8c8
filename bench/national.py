"""A synthetic national dataset, for benchmarks: every plan in the country in one installation.

At scale 1: 8,000 departments in 2,000 areas, 100 plans, 10 years x 40 indicators of
observations (~3.2 million), 1 million logbook events and 20,000 cases. Smaller scales shrink
departments, areas, plans, events and cases alike; years and indicators stay, so a plan keeps
its realistic size (~80 departments) and per-plan pages cost the same at every scale. The first
plan has 15 departments (the Viborg 2025-29 size) for the report benchmark.
Everything is fictional and marked synthetic (names, provenance, `AreaFigures.synthetic`).
"""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from helhedsplan.cases.models import Case, Consent
from helhedsplan.lists.models import AreaFigures
from helhedsplan.logbook.models import Event
from helhedsplan.monitoring.models import ImportBatch, IndicatorDefinition, Observation
from helhedsplan.monitoring.periods import PeriodType, containing
from helhedsplan.plans.models import Area, Department, Party, Plan, Residents

FULL = {"departments": 8000, "areas": 2000, "plans": 100, "events": 1_000_000, "cases": 20_000}
YEARS = range(2014, 2024)  # ten years of observations
LIST_YEARS = range(2014, 2024)  # list years classified
INDICATORS = 40
FIRST_PLAN_DEPARTMENTS = 15
BATCH = 5000
PROVENANCE = "Syntetiske data (generate-national)"


@dataclass
class Sizes:
    departments: int
    areas: int
    plans: int
    events: int
    cases: int

    @classmethod
    def at(cls, scale: float) -> "Sizes":
        sizes = {name: max(1, round(count * scale)) for name, count in FULL.items()}
        sizes["plans"] = max(2, sizes["plans"])
        sizes["departments"] = max(FIRST_PLAN_DEPARTMENTS + sizes["plans"], sizes["departments"])
        return cls(**sizes)

    @property
    def observations(self) -> int:
        return self.departments * INDICATORS * len(YEARS)


def _definitions() -> list[IndicatorDefinition]:
    """The catalogue's indicators, topped up with synthetic ones to 40."""
    shared = list(IndicatorDefinition.objects.filter(plan=None).order_by("order", "key"))
    for number in range(len(shared), INDICATORS):
        definition, _ = IndicatorDefinition.objects.get_or_create(
            key=f"syntetisk-indikator-{number:02d}",
            defaults={
                "name": f"Syntetisk indikator {number:02d}",
                "unit": "percent",
                "direction": "lower_is_better",
                "period_type": "year",
                "share": True,
                "order": 1000 + number,
            },
        )
        shared.append(definition)
    return shared[:INDICATORS]


def _value(definition, rng) -> Decimal:
    if definition.share or definition.unit == "percent":
        return Decimal(rng.randint(0, 10000)) / 100
    if definition.unit == "grade":
        return Decimal(rng.randint(200, 1200)) / 100
    return Decimal(rng.randint(0, 400))


def _plan_sizes(sizes: Sizes) -> list[int]:
    rest = sizes.departments - FIRST_PLAN_DEPARTMENTS
    others = sizes.plans - 1
    return [FIRST_PLAN_DEPARTMENTS] + [rest // others + (i < rest % others) for i in range(others)]


@transaction.atomic
def generate(scale: float, seed: int = 7, progress=print) -> dict:
    """Create the dataset at `scale` (1 = national size); returns what was made."""
    rng = random.Random(seed)
    sizes = Sizes.at(scale)
    definitions = _definitions()
    municipalities = [
        Party.objects.get_or_create(
            name=f"Syntetisk {n:02d} Kommune", defaults={"kind": Party.Kind.MUNICIPALITY}
        )[0]
        for n in range(min(98, sizes.plans))
    ]
    organisation, _ = Party.objects.get_or_create(
        name="Syntetisk Boligselskab", defaults={"kind": Party.Kind.HOUSING_ORGANISATION}
    )
    plans = Plan.objects.bulk_create(
        Plan(
            slug=f"syntetisk-{n:03d}",
            name=f"Syntetisk helhedsplan {n:03d}",
            period_start=datetime.date(2021, 8, 1),
            period_end=datetime.date(2025, 7, 31),
            project_year_start_month=8,
            municipality=municipalities[n % len(municipalities)],
            summary=PROVENANCE,
        )
        for n in range(sizes.plans)
    )
    areas = Area.objects.bulk_create(
        Area(
            name=f"Syntetisk område {n:05d}",
            municipality=municipalities[n % len(municipalities)].name.removesuffix(" Kommune")[
                :100
            ],
            note=PROVENANCE,
        )
        for n in range(sizes.areas)
    )
    progress(f"{len(plans)} plans, {len(areas)} areas")
    departments = []
    number = 0
    for plan, count in zip(plans, _plan_sizes(sizes), strict=True):
        for _ in range(count):
            departments.append(
                Department(
                    plan=plan,
                    key=f"afd-{number:05d}",
                    number=str(number),
                    name=f"Syntetisk afdeling {number:05d}",
                    housing_organisation=organisation,
                    area=areas[number * len(areas) // sizes.departments],
                    tenancies=rng.randint(40, 600),
                )
            )
            number += 1
    departments = Department.objects.bulk_create(departments, batch_size=BATCH)
    Residents.objects.bulk_create(
        (Residents(department=d, year=2023, value=rng.randint(80, 1500)) for d in departments),
        batch_size=BATCH,
    )
    progress(f"{len(departments)} departments")
    batches = {
        plan.pk: ImportBatch.objects.create(
            plan=plan, files="generate-national", layout="generated", provenance=PROVENANCE
        )
        for plan in plans
    }
    periods = {
        (d.pk, year): containing(datetime.date(year, 3, 1), PeriodType(d.period_type), 8)
        for d in definitions
        for year in YEARS
    }
    made = 0

    def observations():
        for department in departments:
            for definition in definitions:
                for year in YEARS:
                    yield _observation(
                        department.plan,
                        definition,
                        periods[definition.pk, year],
                        batches[department.plan_id],
                        rng,
                        department=department,
                    )
        for plan in plans:
            for definition in definitions:
                for year in YEARS:
                    yield _observation(
                        plan, definition, periods[definition.pk, year], batches[plan.pk], rng
                    )

    chunk = []
    for observation in observations():
        chunk.append(observation)
        if len(chunk) == BATCH:
            Observation.objects.bulk_create(chunk)
            made += len(chunk)
            chunk = []
            if made % 100_000 == 0:
                progress(f"{made} observations")
    Observation.objects.bulk_create(chunk)
    made += len(chunk)
    progress(f"{made} observations")
    figures = AreaFigures.objects.bulk_create(
        (
            AreaFigures(
                area=area,
                list_year=year,
                residents=rng.randint(600, 4000),
                non_western_pct=Decimal(rng.randint(50, 800)) / 10,
                outside_work_pct=Decimal(rng.randint(150, 600)) / 10,
                convicted_pct=Decimal(rng.randint(0, 400)) / 100,
                primary_only_pct=Decimal(rng.randint(300, 800)) / 10,
                income_pct=Decimal(rng.randint(400, 900)) / 10,
                national_convicted_pct=Decimal("0.72"),
                source=PROVENANCE,
                synthetic=True,
            )
            for area in areas
            for year in LIST_YEARS
        ),
        batch_size=BATCH,
    )
    progress(f"{len(figures)} area figures")
    events = _events(plans, departments, sizes.events, rng, progress)
    cases = _cases(plans, departments, sizes.cases, rng)
    return {
        "scale": scale,
        "plans": len(plans),
        "areas": len(areas),
        "departments": len(departments),
        "observations": made,
        "area_figures": len(figures),
        "events": events,
        "cases": cases,
    }


def _observation(plan, definition, period, batch, rng, department=None) -> Observation:
    suppressed = rng.random() < 0.05
    return Observation(
        plan=plan,
        definition=definition,
        scope="department" if department else "municipality",
        department=department,
        label="" if department else plan.municipality.name,
        subject_key=f"department:{department.key}"
        if department
        else f"municipality:{plan.municipality.name}",
        period_type=period.type,
        period_start=period.start,
        period_end=period.end,
        period_label=period.label,
        value=None if suppressed else _value(definition, rng),
        denominator=None if suppressed else Decimal(rng.randint(20, 900)),
        status="suppressed" if suppressed else "value",
        reason="Under diskretionsgrænsen (syntetisk)" if suppressed else "",
        batch=batch,
    )


def _events(plans, departments, count, rng, progress) -> int:
    through = Event.departments.through
    made = 0
    start = datetime.date(2021, 8, 1)
    while made < count:
        size = min(BATCH, count - made)
        chosen = [rng.choice(departments) for _ in range(size)]
        events = Event.objects.bulk_create(
            Event(
                plan_id=department.plan_id,
                event_type=rng.choice(["event", "tour", "course", "meeting"]),
                date=start + datetime.timedelta(days=rng.randint(0, 1460)),
                title="Syntetisk aktivitet",
                participants=rng.randint(1, 80),
            )
            for department in chosen
        )
        through.objects.bulk_create(
            through(event_id=event.pk, department_id=department.pk)
            for event, department in zip(events, chosen, strict=True)
        )
        made += size
        if made % 100_000 == 0:
            progress(f"{made} events")
    progress(f"{made} events")
    return made


def _cases(plans, departments, count, rng) -> int:
    chosen = [rng.choice(departments) for _ in range(count)]
    cases = Case.objects.bulk_create(
        (
            Case(
                plan_id=department.plan_id,
                department=department,
                tenant_name=f"Syntetisk lejer {n:05d}",
                key_person="Syntetisk medarbejder",
                opened_on=datetime.date(2022, 1, 1) + datetime.timedelta(days=rng.randint(0, 900)),
            )
            for n, department in enumerate(chosen)
        ),
        batch_size=BATCH,
    )
    Consent.objects.bulk_create(
        (
            Consent(case=case, kind="oral", given_on=case.opened_on, covers="Syntetisk samtykke")
            for case in cases
        ),
        batch_size=BATCH,
    )
    return len(cases)
