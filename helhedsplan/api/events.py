"""Logbook events (list and register) and the success criteria counted from the logbook."""

import datetime
from typing import Literal

from django.utils import timezone
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import Field

from helhedsplan.accounts.models import Role
from helhedsplan.agreements.models import Activity
from helhedsplan.logbook.actions import save_entry
from helhedsplan.logbook.forms import EventForm, entered_values
from helhedsplan.logbook.measures import default_year, plan_statuses
from helhedsplan.logbook.models import Event
from helhedsplan.plans.periods import project_years

from .common import ERRORS, WRITE_ERRORS, IsoDate, Pages, plan_of
from .schemas import Key, Text

router = Router(tags=["logbook"])

Count = Field(None, ge=0, le=1_000_000)
EventType = Literal["event", "tour", "course", "meeting", "other"]


class EventOut(Schema):
    id: int
    date: datetime.date
    title: str
    event_type: str
    activity: str | None
    departments: list[str]
    participants: int
    children: int | None
    youth: int | None
    adults: int | None
    seniors: int | None
    new_tenants: int | None
    volunteers_involved: int
    note: str


class EventFilters(Schema):
    department: Key | None = Field(None, description="department key")
    activity: Key | None = Field(None, description="activity key")
    date_from: IsoDate | None = None
    date_to: IsoDate | None = None


class EventIn(Schema):
    date: IsoDate = Field(ge=datetime.date(1990, 1, 1), le=datetime.date(2100, 12, 31))
    title: Text(200) = Field(min_length=1)
    event_type: EventType = "event"
    activity: Text(60) | None = Field(None, description="the activity's key")
    departments: list[Text(60)] = Field(min_length=1, max_length=1000, description="keys")
    participants: int = Field(ge=0, le=1_000_000)
    children: int | None = Count
    youth: int | None = Count
    adults: int | None = Count
    seniors: int | None = Count
    new_tenants: int | None = Count
    volunteers_involved: int = Field(0, ge=0, le=1_000_000)
    note: Text(5000) = ""


class CriterionStatusOut(Schema):
    activity: str
    activity_name: str
    criterion: str
    measure: str
    threshold: float | None
    unit: str
    period_start: datetime.date
    period_end: datetime.date
    value: float | None
    expected_now: float | None
    state: str
    detail: str
    per_area: list[dict]


def not_saved(errors: dict[str, list[str]]):
    problems = [
        {"index": None, "field": field, "message": message}
        for field, messages in errors.items()
        for message in messages
    ]
    return Status(422, {"detail": "Not saved.", "problems": problems})


def event_row(event: Event) -> dict:
    return {
        **{
            name: getattr(event, name)
            for name in (
                "id",
                "date",
                "title",
                "event_type",
                "participants",
                "children",
                "youth",
                "adults",
                "seniors",
                "new_tenants",
                "volunteers_involved",
                "note",
            )
        },
        "activity": event.activity.key if event.activity else None,
        "departments": sorted(d.key for d in event.departments.all()),
    }


@router.get(
    "/plans/{plan}/logbook/events",
    response={200: list[EventOut], **ERRORS},
    summary="The logbook's events, newest first (staff, as in the web app)",
)
@paginate(Pages)
def list_events(request, plan: Key, filters: Query[EventFilters]):
    found = plan_of(request, plan, Role.STAFF)
    events = Event.objects.live().filter(plan=found)
    if filters.department is not None:
        events = events.filter(departments__key=filters.department)
    if filters.activity is not None:
        events = events.filter(activity__key=filters.activity)
    if filters.date_from is not None:
        events = events.filter(date__gte=filters.date_from)
    if filters.date_to is not None:
        events = events.filter(date__lte=filters.date_to)
    events = events.select_related("activity").prefetch_related("departments")
    return [event_row(e) for e in events.order_by("-date", "-pk").distinct()]


@router.post(
    "/plans/{plan}/logbook/events",
    response={201: EventOut, **WRITE_ERRORS},
    summary="Register an event (staff)",
)
def create_event(request, plan: Key, event: EventIn):
    found = plan_of(request, plan, Role.STAFF)
    data = event.model_dump()
    activity = None
    if data["activity"] is not None:
        activity = Activity.objects.filter(sub_agreement__plan=found, key=data["activity"]).first()
        if activity is None:
            return not_saved({"activity": ["No such activity."]})
    departments = dict(
        found.departments.filter(key__in=data["departments"]).values_list("key", "pk")
    )
    unknown = sorted(set(data["departments"]) - set(departments))
    if unknown:
        return not_saved({"departments": [f"No such department: {key}" for key in unknown]})
    form_data = {
        **{k: v for k, v in data.items() if v is not None},
        "date": data["date"].isoformat(),
        "activity": activity.pk if activity else "",
        "departments": list(departments.values()),
    }
    form = EventForm(form_data, plan=found)
    if not form.is_valid():
        return not_saved(
            {
                field: [error["message"] for error in errors]
                for field, errors in form.errors.get_json_data().items()
            }
        )
    saved = save_entry(Event, found, entered_values(form), request.user)
    return Status(201, event_row(saved))


@router.get(
    "/plans/{plan}/success-criteria",
    response={200: list[CriterionStatusOut], **ERRORS},
    summary="Each success criterion counted from the logbook for a project year",
)
def success_criteria(
    request, plan: Key, year: int | None = Query(None, ge=1, le=100, description="project year")
):
    found = plan_of(request, plan)
    today = timezone.localdate()
    chosen = next((y for y in project_years(found) if y.number == year), None)
    if year is not None and chosen is None:
        return Status(404, {"detail": "The plan has no such project year."})
    chosen = chosen or default_year(found, today)

    def number(value):
        return None if value is None else float(value)

    return [
        {
            "activity": s.criterion.activity.key,
            "activity_name": s.criterion.activity.name,
            "criterion": s.criterion.text,
            "measure": s.criterion.measure,
            "threshold": number(s.criterion.threshold),
            "unit": s.criterion.unit,
            "period_start": s.period_start,
            "period_end": s.period_end,
            "value": number(s.value),
            "expected_now": number(s.expected_now),
            "state": s.state,
            "detail": s.detail,
            "per_area": [
                {"area": name, "value": float(value), "state": state}
                for name, value, state in s.per_area
            ],
        }
        for s in plan_statuses(found, chosen, today)
    ]
