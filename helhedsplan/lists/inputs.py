"""Reading area figures (the input of `classify`): CSV (or XLSX) read through the shared
boundary (core/tabular.py), decimal point or Danish comma, blank or '-' for unknown. Every
problem is reported with file, row and column."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from helhedsplan.core.tabular import (
    Problems,
    TabularError,
    overflow_message,
    overflowing,
    read_table,
    read_upload,
)
from helhedsplan.monitoring.values import NumberError, read_cell

from .criteria import CRITERIA, AreaYear

REQUIRED = ["area", "list_year", "residents"] + [f"{name}_pct" for name in CRITERIA]
OPTIONAL = ["national_convicted_pct", "kommune", "source"]
FIRST_LIST_YEAR = 2010
LAST_LIST_YEAR = 2100
LARGEST_COUNT = 2_147_483_647  # PositiveIntegerField on every database
SOURCE_LENGTH, NAME_LENGTH = 300, 200  # AreaFigures.source, Area.name


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
        return read_cell(str(text).replace("\u2212", "-")).value
    except NumberError as error:
        raise InvalidOperation(str(error)) from error


def read_area_figures(path: str | Path) -> list[InputRow]:
    path = Path(path)
    try:
        sheet, header = read_table(path.name, read_upload(path))
    except TabularError as error:
        column = f"{error.column}" if error.column else ""
        raise InputError([InputProblem(str(path), error.row, column, error.message)]) from error
    return parse_area_figures(sheet, header, str(path))


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # an XLSX number cell: 2019, not 2019.0
    return "" if value is None else str(value)


def parse_area_figures(sheet, header: list[str], filename: str) -> list[InputRow]:
    problems = Problems()
    for name in header:
        if name not in REQUIRED + OPTIONAL:
            problems.append(
                InputProblem(
                    filename,
                    1,
                    name[:100],
                    "unknown column (expected: " + ", ".join(REQUIRED + OPTIONAL) + ")",
                )
            )
    for name in REQUIRED:
        if name not in header:
            problems.append(InputProblem(filename, 1, name, "required column is missing"))
    if problems:
        raise InputError(problems)
    reader = []
    for line, raw in enumerate(sheet.rows[1:], start=2):
        if not any(_text(v).strip() for v in raw):
            continue
        if overflowing(sheet, raw, len(header)) is not None:
            problems.append(
                InputProblem(filename, line, header[-1], overflow_message(len(raw), len(header)))
            )
            continue
        reader.append((line, dict(zip(header, map(_text, raw), strict=False))))
    rows, seen = [], {}
    for line, raw in reader:
        record = {key: value for key, value in raw.items() if key}
        row_problems = []

        def problem(column, message, problems=row_problems, line=line):
            problems.append(InputProblem(filename, line, column, message))

        def number(column, problem=problem, record=record):
            try:
                return parse_number(record.get(column, ""))
            except InvalidOperation:
                problem(column, f"expected a number, got {record.get(column, '')[:40]!r}")
                return None

        area = record.get("area", "").strip()
        if not area:
            problem("area", "the area's name is missing")
        year = None
        try:
            year = int(record.get("list_year", "").strip() or "x")
            if year < FIRST_LIST_YEAR:
                problem("list_year", f"the first list was in {FIRST_LIST_YEAR}, got {year}")
            elif year > LAST_LIST_YEAR:
                problem("list_year", f"expected a year before {LAST_LIST_YEAR + 1}, got {year}")
        except ValueError:
            problem("list_year", f"expected a year, got {record.get('list_year', '')[:40]!r}")
        residents = number("residents")
        if residents is not None and (
            residents < 0 or residents != residents.to_integral() or residents > LARGEST_COUNT
        ):
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
        if len(record.get("source", "")) > SOURCE_LENGTH:
            problem("source", f"at most {SOURCE_LENGTH} characters")
        if len(area) > NAME_LENGTH:
            problem("area", f"at most {NAME_LENGTH} characters")
        kommune = record.get("kommune", "").strip() or None
        key = (kommune, area, year)
        if area and year and key in seen:
            problem("list_year", f"{area} {year} is also in row {seen[key]}")
        seen[key] = line
        problems.extend(row_problems)
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
