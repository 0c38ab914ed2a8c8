"""A clearly synthetic logbook for the Viborg 2017-21 demo plan: four project years of events,
volunteers, new-tenant contacts and newsletter partners, from a fixed random seed.

Every title starts with "[Syntetisk]": none of this happened. The numbers are chosen so that the
seed 004 criteria come out differently (some met, some not), so the status page shows each case.
"""

import datetime
import random

from django.db import transaction

from helhedsplan.agreements.models import Activity
from helhedsplan.plans.models import Plan
from helhedsplan.plans.periods import project_years

from .models import Event, NewsletterRecipient, NewTenantContacts, Volunteer

PLAN = "viborg-2017-21"
MARK = "[Syntetisk]"


def _day(rng, year):
    return year.start + datetime.timedelta(days=rng.randrange((year.end - year.start).days + 1))


@transaction.atomic
def load_logbook_demo() -> None:
    plan = Plan.objects.filter(slug=PLAN).first()
    if plan is None or Event.objects.filter(plan=plan).exists():
        return
    rng = random.Random(2017)
    activities = {a.key: a for a in Activity.objects.filter(sub_agreement__plan=plan)}
    departments = list(plan.departments.order_by("pk"))
    events = []
    for year in project_years(plan):
        # Formidling og information: courses (12 a year; fewer in year 4 under the lockdown).
        for _ in range(13 if year.number < 4 else 8):
            events.append(
                (
                    "formidling-og-information",
                    "course",
                    "Kursus i opslag og referater",
                    _day(rng, year),
                    rng.randint(2, 5),
                    rng.sample(departments, 1),
                )
            )
        # Vejviseren: tours per area (one area short in year 2).
        for department in departments:
            tours = 3 if (year.number == 2 and department.key == "egeparken") else 4
            for _ in range(tours):
                events.append(
                    (
                        "vejviseren",
                        "tour",
                        "Tour de Viborg",
                        _day(rng, year),
                        rng.randint(5, 12),
                        [department],
                    )
                )
        # Naboskabet: neighbourhood events.
        for _ in range(18):
            events.append(
                (
                    "naboskabet",
                    "event",
                    "Sommerfest og fællesspisning",
                    _day(rng, year),
                    rng.randint(25, 50),
                    rng.sample(departments, 2),
                )
            )
        # New tenants contacted, per department and half-year.
        for half in (0, 1):
            start = year.start if half == 0 else year.start.replace(month=10)
            end = year.start.replace(month=9, day=30) if half == 0 else year.end
            for department in departments:
                moved_in = rng.randint(8, 16)
                NewTenantContacts.objects.create(
                    plan=plan,
                    department=department,
                    period_start=start,
                    period_end=end,
                    moved_in=moved_in,
                    contacted=round(moved_in * rng.uniform(0.65, 0.9)),
                )
    for key, event_type, title, day, participants, where in events:
        event = Event.objects.create(
            plan=plan,
            activity=activities[key],
            event_type=event_type,
            title=f"{MARK} {title}",
            date=day,
            participants=participants,
            volunteers_involved=rng.randint(0, 3),
        )
        event.departments.set(where)
    years = project_years(plan)
    for number in range(1, 31):
        start = _day(rng, years[rng.randrange(3)])
        volunteer = Volunteer.objects.create(
            plan=plan,
            alias=f"F{number:02d}",
            department=rng.choice(departments),
            start_date=start,
            consent_date=start,
            end_date=start + datetime.timedelta(days=rng.randint(200, 900)),
        )
        volunteer.activities.set([activities["formidling-og-information"]])
    for number in range(1, 47):
        start = _day(rng, years[rng.randrange(4)])
        volunteer = Volunteer.objects.create(
            plan=plan,
            alias=f"N{number:02d}",
            department=rng.choice(departments),
            start_date=start,
            consent_date=start,
        )
        volunteer.activities.set([activities["naboskabsfrivillige"]])
    for number in range(1, 31):
        NewsletterRecipient.objects.create(
            plan=plan,
            organisation=f"{MARK} Partner {number:02d}",
            added=plan.period_start - datetime.timedelta(days=30),
        )
    for year, new in zip(years, (4, 3, 2, 5), strict=True):
        for extra in range(new):
            NewsletterRecipient.objects.create(
                plan=plan,
                organisation=f"{MARK} Ny partner {year.number}.{extra + 1}",
                added=_day(rng, year),
            )
