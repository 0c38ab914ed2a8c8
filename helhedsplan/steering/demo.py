"""The 2025-29 demo plan's first decision round (project year 2025/26), from its demo
monitoring data; the proposals, decisions, meeting, staff and calendar are demo examples."""

import datetime

from django.db import transaction

from helhedsplan.governance.models import Body
from helhedsplan.plans.models import Plan

from . import actions
from .models import CalendarEvent, DecisionRound, Meeting, PlanItem, Proposal, StaffMember

PLAN = "viborg-2025-29"
OFFERS = {
    "Hverdagsrådgivning": [
        "houlkaervaenget",
        "ellekonebakken",
        "vestervang",
        "ringparken",
        "klostervaenget",
    ],
    "Civilsamfund som samarbejdspartner": ["houlkaervaenget", "ellekonebakken", "kaersangerparken"],
    "Bo Godt – et koordineret samarbejde": [
        "houlkaervaenget",
        "ellekonebakken",
        "ringparken",
        "stoholm",
    ],
}


def _needs_text(row) -> str:
    worse = [c["name"] for c in row if c["level"] in ("worse", "much-worse")]
    if not worse:
        return "Demo: ingen indikatorer ligger markant dårligere end kommunen i de seneste data."
    return "Demo: ligger dårligere end kommunen på " + ", ".join(worse) + "."


@transaction.atomic
def load_steering_demo() -> None:
    plan = Plan.objects.filter(slug=PLAN).first()
    if plan is None or DecisionRound.objects.filter(plan=plan).exists():
        return
    round = DecisionRound.objects.create(
        plan=plan, project_year=1, title="Beslutningsrunde 2025/26 (demo)"
    )
    from .needs import snapshots

    frozen = snapshots(plan)
    actions.write_needs(round, {key: _needs_text(row) for key, (row, _s) in frozen.items()})
    board = Body.objects.get(plan=plan, kind=Body.Kind.BOARD)
    ad_hoc = Body.objects.filter(plan=plan, kind=Body.Kind.AD_HOC_GROUP).first()
    meeting = Meeting.objects.create(
        body=board,
        date=datetime.date(2025, 9, 15),
        agenda="1. Afdelingernes behov (demo)\n2. Indsatser og timer for 2025/26",
        minutes="Bestyrelsen og chefgruppen besluttede indsatserne i tabellen (demo).",
    )
    for activity in plan.sub_agreements.get().activities.all():
        for key in OFFERS.get(activity.name, []):
            proposal = Proposal.objects.create(
                round=round,
                activity=activity,
                department=plan.departments.get(key=key),
                ad_hoc_group=ad_hoc,
                note="Foreslået ud fra behovsmatricen (demo).",
            )
            actions.decide(proposal, "approved", meeting.date, meeting)
    actions.compute_allocations(round)
    for initials, hours in (("AB", 37), ("CD", 30), ("EF", 20)):
        StaffMember.objects.create(plan=plan, initials=initials, hours_per_week=hours)
    for title, due, owner, kind in (
        (
            "1-års eftersyn af opstart og fremdrift",
            datetime.date(2026, 10, 1),
            "Bestyrelsen",
            "milestone",
        ),
        (
            "Halvårligt datatræk og analyse af afdelingerne",
            datetime.date(2026, 2, 1),
            "Sekretariatet",
            "milestone",
        ),
        (
            "Beredskab: afløser for Bo Godt ved sygdom",
            datetime.date(2026, 1, 15),
            "Leder af helhedsplanen",
            "contingency",
        ),
    ):
        PlanItem.objects.create(plan=plan, kind=kind, title=title, due=due, owner=owner)
    for title, date, role in (
        ("Halvårligt datatræk (LBF-tabeller)", datetime.date(2026, 2, 1), "staff"),
        ("Halvårligt datatræk (LBF-tabeller)", datetime.date(2026, 8, 1), "staff"),
        (
            "Bestyrelsesmøde med chefgruppen: beslutningsrunde 2026/27",
            datetime.date(2026, 9, 15),
            "admin",
        ),
        ("1-års eftersyn (efteråret 2026)", datetime.date(2026, 10, 1), "admin"),
        (
            "Bestyrelsesmøde med chefgruppen: beslutningsrunde 2027/28",
            datetime.date(2027, 9, 15),
            "admin",
        ),
    ):
        CalendarEvent.objects.create(plan=plan, title=title, date=date, responsible_role=role)
