"""Reading area figures (the input of `classify`): CSV with comma or semicolon, decimal point or
Danish comma, blank or '-' for unknown. Every problem is reported with file, row and column."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from helhedsplan.monitoring.values import NumberError, read_cell

from .criteria import CRITERIA, AreaYear

REQUIRED = ["area", "list_year", "residents"] + [f"{name}_pct" for name in CRITERIA]
OPTIONAL = ["national_convicted_pct", "kommune", "source"]
FIRST_LIST_YEAR = 2010


@dataclass(frozen=True)
class InputProblem:
    file: str
    row: int | None
    column: str
    message: str

    def __str__(self):
        row = f", row {self.row}" if self.row else ""
        column = f", column '{self.column}'" if self.column else ""
        return f"{self.file}{row}{column}: {self.message}"


class InputError(Exception):
    def __init__(self, problems: list[InputProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class InputRow:
    line: int
    area_year: AreaYear
    kommune: str | None
    source: str


def parse_number(text: str) -> Decimal | None:
    """'38,0' '38.0' '1.102' (thousands) -> Decimal; '' and '-' -> None (unknown).

    The same reading of Danish numbers as the monitoring import (monitoring/values.py)."""
    try:
        return read_cell(text.replace("\u2212", "-")).value
    except NumberError as error:
        raise InvalidOperation(str(error)) from error


def read_area_figures(path: str | Path) -> list[InputRow]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError([InputProblem(str(path), None, "", f"cannot be read: {error}")]) from error
    return parse_area_figures(text, str(path))


def parse_area_figures(text: str, filename: str) -> list[InputRow]:
    first_line = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip() for name in (reader.fieldnames or [])]
    problems = [
        InputProblem(
            filename, 1, name, "unknown column (expected: " + ", ".join(REQUIRED + OPTIONAL) + ")"
        )
        for name in header
        if name not in REQUIRED + OPTIONAL
    ]
    problems += [
        InputProblem(filename, 1, name, "required column is missing")
        for name in REQUIRED
        if name not in header
    ]
    if problems:
        raise InputError(problems)
    rows, seen = [], {}
    for line, raw in enumerate(reader, start=2):
        record = {key.strip(): (value or "") for key, value in raw.items() if key}
        row_problems = []

        def problem(column, message, problems=row_problems, line=line):
            problems.append(InputProblem(filename, line, column, message))

        def number(column, problem=problem, record=record):
            try:
                return parse_number(record.get(column, ""))
            except InvalidOperation:
                problem(column, f"expected a number, got {record.get(column)!r}")
                return None

        area = record["area"].strip()
        if not area:
            problem("area", "the area's name is missing")
        year = None
        try:
            year = int(record["list_year"].strip())
            if year < FIRST_LIST_YEAR:
                problem("list_year", f"the first list was in {FIRST_LIST_YEAR}, got {year}")
        except ValueError:
            problem("list_year", f"expected a year, got {record['list_year']!r}")
        residents = number("residents")
        if residents is not None and (residents < 0 or residents != residents.to_integral()):
            problem("residents", f"expected a whole number of residents, got {residents}")
        values = {}
        for name in CRITERIA:
            value = number(f"{name}_pct")
            if value is not None and not (0 <= value <= 100):
                problem(f"{name}_pct", f"a share in percent must be 0-100, got {value}")
            values[name] = value
        national = number("national_convicted_pct")
        if national is not None and not (0 < national <= 100):
            problem("national_convicted_pct", f"expected a share in percent, got {national}")
        kommune = record.get("kommune", "").strip() or None
        key = (kommune, area, year)
        if area and year and key in seen:
            problem("list_year", f"{area} {year} is also in row {seen[key]}")
        seen[key] = line
        problems += row_problems
        if not row_problems:
            rows.append(
                InputRow(
                    line,
                    AreaYear(
                        area, year, None if residents is None else int(residents), values, national
                    ),
                    kommune,
                    record.get("source", "").strip(),
                )
            )
    if problems:
        raise InputError(problems)
    return rows
