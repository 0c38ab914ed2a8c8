"""Each measure kind, counted from the logbook with exact numbers, per project year."""

import datetime
from decimal import Decimal

import pytest

from helhedsplan.agreements.models import Activity, SuccessCriterion
from helhedsplan.logbook.measures import criterion_status
from helhedsplan.logbook.models import Event, NewsletterRecipient, NewTenantContacts, Volunteer
from helhedsplan.plans.periods import project_year_of, project_years

D = datetime.date
AFTER = D(2030, 1, 1)  # every project year is over


@pytest.fixture
def plan(plan_2017):
    """The 2017-21 plan with an empty logbook (the demo's synthetic one removed)."""
    for model in (Event, Volunteer, NewTenantContacts, NewsletterRecipient):
        model.objects.filter(plan=plan_2017).delete()
    return plan_2017


def criterion(plan, text_start):
    return SuccessCriterion.objects.get(
        activity__sub_agreement__plan=plan, text__startswith=text_start
    )


def event(plan, activity_key, day, participants, event_type, *department_keys):
    made = Event.objects.create(
        plan=plan,
        activity=Activity.objects.get(sub_agreement__plan=plan, key=activity_key),
        event_type=event_type,
        date=day,
        title="Test",
        participants=participants,
    )
    made.departments.set(plan.departments.filter(key__in=department_keys or ["egeparken"]))
    return made


def year(plan, number):
    return project_years(plan)[number - 1]


def test_project_years_turn_on_1_april_for_the_2017_plan(plan):
    assert project_year_of(plan, D(2018, 3, 31)).number == 1
    assert project_year_of(plan, D(2018, 4, 1)).number == 2
    assert project_year_of(plan, D(2021, 3, 31)).number == 4
    assert project_year_of(plan, D(2021, 4, 1)) is None


def test_project_years_turn_on_1_august_for_the_2025_plan(plan_2025):
    assert project_year_of(plan_2025, D(2026, 7, 31)).number == 1
    assert project_year_of(plan_2025, D(2026, 8, 1)).number == 2


def test_participants_are_summed_per_project_year_and_event_type(plan):
    course = criterion(plan, "40 beboere har deltaget i kursus")
    event(plan, "formidling-og-information", D(2018, 3, 31), 30, "course")  # year 1
    event(plan, "formidling-og-information", D(2018, 4, 1), 25, "course")  # year 2
    event(plan, "formidling-og-information", D(2019, 3, 31), 15, "course")  # year 2
    event(plan, "formidling-og-information", D(2018, 5, 1), 99, "meeting")  # not a course

    first = criterion_status(plan, course, year(plan, 1), AFTER)
    second = criterion_status(plan, course, year(plan, 2), AFTER)

    assert (first.value, first.state) == (Decimal(30), "not_met")
    assert (second.value, second.state) == (Decimal(40), "met")  # exactly the threshold


def test_events_are_counted(plan):
    courses = criterion(plan, "Der udbydes 12 kurser")
    for day in range(1, 13):
        event(plan, "formidling-og-information", D(2019, 5, day), 3, "course")

    status = criterion_status(plan, courses, year(plan, 3), AFTER)

    assert (status.value, status.state) == (Decimal(12), "met")


def test_a_per_area_criterion_is_decided_by_the_weakest_area(plan):
    tours = criterion(plan, "Hvert boligområde arrangerer minimum fire")
    for key in (
        "egeparken",
        "vestervang",
        "ellekonebakken",
        "houlkaerparken",
        "houlkaervaenget",
        "roedkaerparken",
    ):
        for day in range(1, 4 if key == "vestervang" else 5):
            event(plan, "vejviseren", D(2017, 6, day), 8, "tour", key)

    status = criterion_status(plan, tours, year(plan, 1), AFTER)

    per_area = dict((name, value) for name, value, _ in status.per_area)
    assert per_area["Vestervang"] == 3
    assert per_area["Egeparken"] == 4
    assert (status.value, status.state) == (Decimal(3), "not_met")


def test_active_volunteers_are_distinct_and_counted_while_active(plan):
    volunteers = criterion(plan, "25 frivillige er aktive")
    activity = volunteers.activity

    def volunteer(alias, start, end=None):
        made = Volunteer.objects.create(
            plan=plan, alias=alias, start_date=start, end_date=end, consent_date=start
        )
        made.activities.set([activity])

    volunteer("A", D(2017, 1, 1), D(2017, 3, 31))  # ended before year 1
    volunteer("B", D(2017, 1, 1), D(2017, 4, 1))  # active on the first day
    volunteer("C", D(2018, 3, 31))  # starts on the last day
    volunteer("D", D(2018, 4, 1))  # year 2

    status = criterion_status(plan, volunteers, year(plan, 1), AFTER)

    assert status.value == 2


def test_volunteers_over_the_plan_period(plan):
    neighbours = criterion(plan, "Tilknytning af 40 frivillige")
    for number in range(40):
        made = Volunteer.objects.create(
            plan=plan,
            alias=f"N{number}",
            start_date=D(2017 + number % 4, 6, 1),
            consent_date=D(2017, 6, 1),
        )
        made.activities.set([neighbours.activity])

    status = criterion_status(plan, neighbours, None, AFTER)

    assert (status.value, status.state) == (Decimal(40), "met")


def test_share_of_new_tenants_contacted(plan):
    contacted = criterion(plan, "Der er registreret kontakt med 75%")
    department = plan.departments.get(key="egeparken")
    NewTenantContacts.objects.create(
        plan=plan,
        department=department,
        moved_in=12,
        contacted=9,
        period_start=D(2017, 4, 1),
        period_end=D(2017, 9, 30),
    )
    NewTenantContacts.objects.create(
        plan=plan,
        department=department,
        moved_in=8,
        contacted=5,
        period_start=D(2017, 10, 1),
        period_end=D(2018, 3, 31),
    )

    status = criterion_status(plan, contacted, year(plan, 1), AFTER)

    assert status.value == Decimal("70.0")  # 14 of 20
    assert status.state == "not_met"
    assert status.detail == "14 / 20"


def test_growth_of_newsletter_partners_against_the_year_before(plan):
    growth = criterion(plan, "Antallet af samarbejdspartnere")
    for number in range(20):
        NewsletterRecipient.objects.create(
            plan=plan, organisation=f"P{number}", added=D(2017, 1, 1)
        )
    NewsletterRecipient.objects.create(plan=plan, organisation="Ny", added=D(2017, 9, 1))
    NewsletterRecipient.objects.create(plan=plan, organisation="Ny 2", added=D(2018, 3, 31))
    NewsletterRecipient.objects.create(
        plan=plan, organisation="Ud", added=D(2017, 1, 1), removed=D(2018, 2, 1)
    )

    status = criterion_status(plan, growth, year(plan, 1), AFTER)

    assert status.detail == "21 → 22"
    assert status.value == Decimal("4.8")  # (22 - 21) / 21
    assert status.state == "not_met"


def test_pro_rata_on_track_and_behind_during_the_year(plan):
    course = criterion(plan, "40 beboere har deltaget i kursus")
    event(plan, "formidling-og-information", D(2017, 5, 1), 12, "course")
    halfway = D(2017, 9, 30)  # 183 of 365 days: 20 expected by now

    behind = criterion_status(plan, course, year(plan, 1), halfway)
    event(plan, "formidling-og-information", D(2017, 6, 1), 9, "course")
    on_track = criterion_status(plan, course, year(plan, 1), halfway)

    assert (behind.state, behind.expected_now) == ("behind", Decimal("20.1"))
    assert on_track.state == "on_track"


def test_deleted_entries_do_not_count(plan):
    course = criterion(plan, "40 beboere har deltaget i kursus")
    made = event(plan, "formidling-og-information", D(2017, 5, 1), 50, "course")
    made.soft_delete()

    assert criterion_status(plan, course, year(plan, 1), AFTER).value == 0


def test_a_criterion_measured_elsewhere_is_not_counted(plan):
    survey = criterion(plan, "Tryghed ved at færdes")

    assert criterion_status(plan, survey, None, AFTER).state == "not_counted"
