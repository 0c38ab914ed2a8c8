"""Import an existing logbook of events (CSV or XLSX): every row valid, or nothing is written.

Columns (header names, any order; Danish names accepted): date/dato, activity/aktivitet (key or
name), type (event, tour, course, meeting, other / arrangement, tur, kursus, møde, andet),
title/titel, departments/afdelinger (keys, names or numbers separated by ';'),
participants/deltagere, and optionally children/børn, youth/unge, adults/voksne,
seniors/ældre, new_tenants/tilflyttere, volunteers/frivillige, note/bemærkning.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from helhedsplan.agreements.models import Activity
from helhedsplan.core.tabular import (
    Problems,
    TabularError,
    overflow_message,
    overflowing,
    read_table,
    read_upload,
)

from .models import Event

# PositiveIntegerField holds at most this on every database.
LARGEST_COUNT = 2_147_483_647
TITLE_LENGTH = Event._meta.get_field("title").max_length
WHOLE_NUMBER = re.compile(r"[0-9]+")

ALIASES = {
    "dato": "date",
    "aktivitet": "activity",
    "type": "type",
    "titel": "title",
    "afdelinger": "departments",
    "deltagere": "participants",
    "børn": "children",
    "unge": "youth",
    "voksne": "adults",
    "ældre": "seniors",
    "tilflyttere": "new_tenants",
    "frivillige": "volunteers",
    "bemærkning": "note",
}
REQUIRED = ["date", "activity", "type", "title", "departments", "participants"]
OPTIONAL = ["children", "youth", "adults", "seniors", "new_tenants", "volunteers", "note"]
TYPES = {
    "event": "event",
    "arrangement": "event",
    "tour": "tour",
    "tur": "tour",
    "course": "course",
    "kursus": "course",
    "meeting": "meeting",
    "møde": "meeting",
    "other": "other",
    "andet": "other",
}


@dataclass(frozen=True)
class Problem:
    file: str
    sheet: str
    row: int | None
    column: str
    message: str

    def __str__(self):
        where = self.file
        if self.sheet:
            where += _(", sheet '%(sheet)s'") % {"sheet": self.sheet}
        if self.row:
            where += _(", row %(row)s") % {"row": self.row}
        if self.column:
            where += _(", column '%(column)s'") % {"column": self.column}
        return f"{where}: {self.message}"


class ImportError(Exception):
    def __init__(self, problems):
        self.problems = problems
        self.more = getattr(problems, "more", 0)  # found beyond MAX_PROBLEMS_LISTED
        super().__init__("\n".join(str(p) for p in problems))


def _date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value if value is not None else "").strip()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(
        _("expected a date like 2018-05-31 or 31.05.2018, got '%(text)s'") % {"text": text[:40]}
    )


def _count(value, required: bool):
    if value is None or str(value).strip() == "":
        if required:
            raise ValueError(_("a number is required"))
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if not WHOLE_NUMBER.fullmatch(text):
        raise ValueError(
            _("expected a whole number of persons, got '%(text)s'") % {"text": text[:40]}
        )
    if len(text) > 10 or int(text) > LARGEST_COUNT:
        raise ValueError(
            _("%(text)s is too large: at most %(largest)s")
            % {"text": text[:40], "largest": f"{LARGEST_COUNT:,}".replace(",", ".")}
        )
    return int(text)


def _read(upload, filename: str):
    """(sheet name, header, rows) of the file; raises ImportError naming what is wrong."""
    try:
        sheet, header = read_table(filename, read_upload(upload))
    except TabularError as error:
        raise ImportError(
            [Problem(filename, error.sheet, error.row, error.column, error.message)]
        ) from error
    return sheet, header


@transaction.atomic
def import_events(upload, plan, user, filename: str | None = None) -> int:
    filename = filename or str(upload)
    table, header = _read(upload, filename)
    sheet, rows = table.name if table.typed else "", table.rows[1:]
    columns = [ALIASES.get(h.lower(), h.lower()) for h in header]
    problems = Problems()
    for name in REQUIRED:
        if name not in columns:
            problems.append(Problem(filename, sheet, 1, name, _("required column is missing")))
    for i, name in enumerate(columns):
        if name not in REQUIRED + OPTIONAL:
            problems.append(Problem(filename, sheet, 1, header[i][:100], _("unknown column")))
        elif name in columns[:i]:
            problems.append(Problem(filename, sheet, 1, header[i], _("the column is given twice")))
    if problems:
        raise ImportError(problems)
    activities = {}
    for activity in Activity.objects.filter(sub_agreement__plan=plan):
        activities[activity.key.lower()] = activity
        activities[activity.name.lower()] = activity
    departments = {}
    for department in plan.departments.all():
        for name in (department.key, department.name, department.number):
            if name:
                departments[name.lower()] = department
    prepared = []
    for number, raw in enumerate(rows, start=2):
        if not any(v not in (None, "") for v in raw):
            continue

        def problem(column, message, number=number):
            problems.append(Problem(filename, sheet, number, column, message))

        extra = overflowing(table, raw, len(header))
        if extra is not None:
            problem(header[-1], overflow_message(len(raw), len(header)))
            continue
        record = dict(zip(columns, raw, strict=False))

        values = {}
        try:
            values["date"] = _date(record.get("date"))
            if not (plan.period_start <= values["date"] <= plan.period_end):
                problem(
                    "date",
                    _("%(date)s is outside the plan period (%(start)s to %(end)s)")
                    % {"date": values["date"], "start": plan.period_start, "end": plan.period_end},
                )
        except ValueError as error:
            problem("date", str(error))
        activity = activities.get(str(record.get("activity") or "").strip().lower())
        if activity is None:
            problem(
                "activity",
                _("no activity '%(name)s' in this plan")
                % {"name": str(record.get("activity") or "")[:100]},
            )
        event_type = TYPES.get(str(record.get("type") or "").strip().lower())
        if event_type is None:
            problem(
                "type",
                _("expected one of %(types)s, got '%(text)s'")
                % {"types": ", ".join(sorted(TYPES)), "text": str(record.get("type") or "")[:40]},
            )
        title = str(record.get("title") or "").strip()
        if not title:
            problem("title", _("a title is required"))
        elif len(title) > TITLE_LENGTH:
            problem(
                "title",
                _("the title has %(length)s characters; at most %(limit)s")
                % {"length": len(title), "limit": TITLE_LENGTH},
            )
        found = []
        for name in str(record.get("departments") or "").split(";"):
            if name.strip():
                department = departments.get(name.strip().lower())
                if department is None:
                    problem(
                        "departments",
                        _("no department '%(name)s' in this plan") % {"name": name.strip()[:100]},
                    )
                found.append(department)
        if not found:
            problem("departments", _("at least one department is required"))
        for column in [
            "participants",
            "children",
            "youth",
            "adults",
            "seniors",
            "new_tenants",
            "volunteers",
        ]:
            try:
                values[column] = _count(record.get(column), column == "participants")
            except ValueError as error:
                problem(column, str(error))
        prepared.append((values, activity, event_type, title, found, record.get("note") or ""))
    if problems:
        raise ImportError(problems)
    for values, activity, event_type, title, found, note in prepared:
        event = Event.objects.create(
            plan=plan,
            created_by=user,
            activity=activity,
            event_type=event_type,
            date=values["date"],
            title=title,
            participants=values["participants"],
            children=values["children"],
            youth=values["youth"],
            adults=values["adults"],
            seniors=values["seniors"],
            new_tenants=values["new_tenants"],
            volunteers_involved=values["volunteers"] or 0,
            note=str(note),
        )
        event.departments.set(found)
    return len(prepared)
