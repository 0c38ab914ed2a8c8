"""Import an existing logbook of events (CSV or XLSX): every row valid, or nothing is written.

Columns (header names, any order; Danish names accepted): date/dato, activity/aktivitet (key or
name), type (event, tour, course, meeting, other / arrangement, tur, kursus, møde, andet),
title/titel, departments/afdelinger (keys, names or numbers separated by ';'),
participants/deltagere, and optionally children/børn, youth/unge, adults/voksne,
seniors/ældre, new_tenants/tilflyttere, volunteers/frivillige, note/bemærkning.
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from django.db import transaction

from helhedsplan.agreements.models import Activity

from .models import Event

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
    row: int
    column: str
    message: str

    def __str__(self):
        sheet = f", sheet '{self.sheet}'" if self.sheet else ""
        return f"{self.file}{sheet}, row {self.row}, column '{self.column}': {self.message}"


class ImportError(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _rows(upload, filename: str):
    """(sheet, header, rows) from a CSV or XLSX file object or path."""
    name = filename.lower()
    data = upload.read() if hasattr(upload, "read") else Path(upload).read_bytes()
    if name.endswith(".xlsx"):
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        values = list(sheet.iter_rows(values_only=True))
        header = [str(v).strip() if v is not None else "" for v in (values[0] if values else [])]
        return sheet.title, header, [list(r) for r in values[1:]]
    text = data.decode("utf-8-sig")
    delimiter = ";" if text.splitlines()[0].count(";") > text.splitlines()[0].count(",") else ","
    reader = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    return "", [h.strip() for h in reader[0]], reader[1:]


def _date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"expected a date like 2018-05-31 or 31.05.2018, got {text!r}")


def _count(value, required: bool):
    if value is None or str(value).strip() == "":
        if required:
            raise ValueError("a number is required")
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if not text.isdigit():
        raise ValueError(f"expected a whole number of persons, got {text!r}")
    return int(text)


@transaction.atomic
def import_events(upload, plan, user, filename: str | None = None) -> int:
    filename = filename or str(upload)
    sheet, header, rows = _rows(upload, filename)
    columns = [ALIASES.get(h.lower(), h.lower()) for h in header]
    problems = [
        Problem(filename, sheet, 1, name, "required column is missing")
        for name in REQUIRED
        if name not in columns
    ] + [
        Problem(filename, sheet, 1, header[i], "unknown column")
        for i, name in enumerate(columns)
        if name not in REQUIRED + OPTIONAL
    ]
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
        record = dict(zip(columns, raw, strict=False))

        def problem(column, message, number=number):
            problems.append(Problem(filename, sheet, number, column, message))

        values = {}
        try:
            values["date"] = _date(record.get("date"))
            if not (plan.period_start <= values["date"] <= plan.period_end):
                problem("date", f"{values['date']} is outside the plan period")
        except ValueError as error:
            problem("date", str(error))
        activity = activities.get(str(record.get("activity") or "").strip().lower())
        if activity is None:
            problem("activity", f"no activity {record.get('activity')!r} in this plan")
        event_type = TYPES.get(str(record.get("type") or "").strip().lower())
        if event_type is None:
            problem(
                "type", f"expected one of {', '.join(sorted(TYPES))}, got {record.get('type')!r}"
            )
        title = str(record.get("title") or "").strip()
        if not title:
            problem("title", "a title is required")
        found = []
        for name in str(record.get("departments") or "").split(";"):
            if name.strip():
                department = departments.get(name.strip().lower())
                if department is None:
                    problem("departments", f"no department {name.strip()!r} in this plan")
                found.append(department)
        if not found:
            problem("departments", "at least one department is required")
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
