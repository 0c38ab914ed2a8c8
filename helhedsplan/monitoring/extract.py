"""Apply a layout to read sheets: observations to be, or every problem with where it is.

Pure: the plan's departments and the catalogue come in as a `Lookup`; nothing here touches the
database, so the same checks serve the command, the upload page and the tests.
"""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.utils.translation import gettext as _

from helhedsplan.core.tabular import (
    Problems,
    Sheet,
    column_name,
    overflow_message,
    overflowing,
)

from . import periods
from .layouts import Layout, Table
from .periods import Period, PeriodError, PeriodType
from .values import Cell, CellCache, NumberError, bounded


@dataclass(frozen=True)
class Subject:
    scope: str
    department: str = ""  # department key
    label: str = ""

    @cached_property
    def key(self) -> str:
        if self.scope == "department":
            return f"department:{self.department}"
        return f"{self.scope}:{self.label}" if self.label else self.scope


@dataclass(frozen=True)
class Definition:
    key: str
    period_type: PeriodType
    share: bool = False
    blank_is_zero: bool = False
    count: bool = False  # a number of persons or cases: never negative


@dataclass
class Lookup:
    departments: dict[str, str]  # any way of naming a department (normalised) -> its key
    definitions: dict[str, Definition]  # key, alias or name (normalised) -> definition
    project_year_start_month: int = 1

    def department(self, text) -> str | None:
        """The department's key; "" when the text names more than one department."""
        return self.departments.get(normalise(text))

    def definition(self, text) -> Definition | None:
        return self.definitions.get(normalise(text))


@dataclass(frozen=True)
class Problem:
    file: str
    sheet: str
    row: int | None
    column: str
    message: str

    def as_row(self) -> list:
        return [self.file, self.sheet, self.row or "", self.column, self.message]


@dataclass
class Candidate:
    """One observation to be, with where each of its numbers came from."""

    definition: str
    subject: Subject
    period: Period
    where: str
    value: Decimal | None = None
    status: str = "not_available"
    reason: str = "Ikke i kilden"
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    roles: dict[str, str] = field(default_factory=dict)  # role -> where it was read

    @property
    def identity(self) -> tuple:
        return (self.definition, self.subject.key, self.period.start)


DEPARTMENT_WORD = re.compile(r"^(afd\.?|afdeling)\s*")
SPACES = re.compile(r"\s+")


def normalise(text) -> str:
    text = unicodedata.normalize("NFC", str(text or "")).strip().lower()
    text = DEPARTMENT_WORD.sub("", text)
    return SPACES.sub(" ", text)


@dataclass
class _Column:
    index: int
    header: str
    role: str
    indicator: str | None
    period: str | None
    scale: float

    def __post_init__(self):
        self.name = f"{column_name(self.index)} ({self.header})"
        self.factor = None if self.scale == 1 else Decimal(str(self.scale))


def _find_sheet(sheets: list[Sheet], name: str | None) -> Sheet | None:
    if name is None:
        return sheets[0] if sheets else None
    wanted = normalise(name)
    return next((s for s in sheets if normalise(s.name) == wanted), None)


def _columns(table: Table, headers: list[str], report) -> dict | None:
    """Header positions for every column the layout names; None if one is missing."""
    positions = {normalise(h): i for i, h in enumerate(headers) if normalise(h)}
    found, missing = {}, False
    if table.reason_column is not None and normalise(table.reason_column) in positions:
        found["reason_column"] = positions[normalise(table.reason_column)]
    for what in ("indicator_column", "period_column"):
        header = getattr(table, what)
        if header is not None:
            if normalise(header) not in positions:
                report(
                    None,
                    header,
                    _("the layout's column '%(column)s' is missing") % {"column": header},
                )
                missing = True
            else:
                found[what] = positions[normalise(header)]
    if normalise(table.subject.column) not in positions:
        report(
            None,
            table.subject.column,
            _("the layout's column '%(column)s' is missing") % {"column": table.subject.column},
        )
        missing = True
    else:
        found["subject"] = positions[normalise(table.subject.column)]
    values = []
    for spec in table.values:
        if spec.column is not None:
            index = positions.get(normalise(spec.column))
            matches = [] if index is None else [(index, None)]
        else:
            pattern = re.compile(spec.columns, re.IGNORECASE)
            matches = []
            for i, header in enumerate(headers):
                match = pattern.fullmatch(str(header or "").strip())
                if match:
                    matches.append((i, match.groupdict().get("period")))
        if not matches and not spec.optional:
            report(None, spec.column or spec.columns, _("the layout's value column is missing"))
            missing = True
        for index, period in matches:
            values.append(
                _Column(
                    index,
                    str(headers[index]),
                    spec.role,
                    spec.indicator,
                    spec.period or period,
                    spec.scale,
                )
            )
    found["values"] = values
    return None if missing else found


class _Reader:
    """Subjects, indicators, periods and numbers read once per distinct cell: a file of
    thousands of rows names a few hundred departments, a few indicators and periods."""

    def __init__(self, lookup: Lookup):
        self.lookup = lookup
        self.cells = CellCache()
        self._resolved: dict[tuple, tuple] = {}

    def resolve(self, indicator_text, period_text) -> tuple:
        """(definition, period, None), or (None, "indicator" or "period", what is wrong)."""
        key = (type(indicator_text), indicator_text, type(period_text), period_text)
        found = self._resolved.get(key)
        if found is None:
            found = self._resolved[key] = self._read(indicator_text, period_text)
        return found

    def _read(self, indicator_text, period_text) -> tuple:
        definition = self.lookup.definition(indicator_text)
        if definition is None:
            message = _("unknown indicator '%(name)s'") % {"name": indicator_text or ""}
            return None, "indicator", message
        try:
            start_month = self.lookup.project_year_start_month
            period = periods.parse(period_text, definition.period_type, start_month)
            return definition, period, None
        except PeriodError as error:
            return None, "period", f"{definition.key}: {error}"


SKIP = object()
BLANK_PART = ("", "-", "–")  # a numerator or denominator that is not known


def _subject(table: Table, raw, lookup: Lookup, skip: list[re.Pattern]) -> Subject | str | object:
    """Whom a row is about; SKIP for a row to leave out, or the problem as a message."""
    text = str(raw or "").strip()
    if any(p.search(text) for p in skip):
        return SKIP
    if not text:
        return _("no department or subject given")
    for pattern, scope in table.subject.rows.items():
        if re.fullmatch(pattern, text, re.IGNORECASE):
            return Subject(scope, label="" if scope in ("plan", "national") else text)
    department = lookup.department(raw)
    if department is None:
        return _("unknown department '%(name)s'") % {"name": text}
    if not department:
        return f"'{text}' names more than one department; use its key or name"
    return Subject("department", department=department)


def _blank(row: tuple) -> bool:
    return all(c is None or str(c).strip() == "" for c in row)


@dataclass
class _Group:
    """Value columns that take their indicator and period from the same place."""

    indicator: str | None  # fixed, or None: the row's indicator column
    period: str | None  # fixed, or None: the row's period column
    columns: list[_Column]


def _groups(table: Table, values: list[_Column]) -> list[_Group]:
    groups: dict[tuple, _Group] = {}
    for column in values:
        indicator, period = column.indicator, column.period or table.period
        group = groups.setdefault((indicator, period), _Group(indicator, period, []))
        group.columns.append(column)
    return list(groups.values())


def extract(
    layout: Layout,
    files: list[tuple[str, list[Sheet]]],
    lookup: Lookup,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[Candidate], list[Problem]]:
    problems: list[Problem] = Problems()
    merged: dict[tuple, Candidate] = {}
    reader = _Reader(lookup)
    total = sum(len(s.rows) for _, sheets in files for s in sheets)
    every = 500 if total > 500 else max(1, total // 20)  # a small file: about twenty reports
    done = 0
    for file_name, sheets in files:
        for table in layout.tables:
            sheet = _find_sheet(sheets, table.sheet)
            if sheet is None:
                problems.append(
                    Problem(
                        file_name, table.sheet or "", None, "", _("the layout's sheet is missing")
                    )
                )
                continue

            def report(row, column, message, sheet=sheet, file_name=file_name):
                problems.append(Problem(file_name, sheet.name, row, column or "", message))

            headers = [str(h or "").strip() for h in _cell_row(sheet.rows, table.header_row - 1)]
            columns = _columns(table, headers, report)
            if columns is None:
                continue
            rows = _Rows(table, columns, file_name, reader, merged, report)
            rows.sheet, rows.header_width = sheet, len(headers)  # to find a CSV row too wide
            for number, row in enumerate(sheet.rows[table.header_row :], table.header_row + 1):
                done += 1
                if progress and done % every == 0:
                    progress(done, total)
                rows.read(number, row)
    if progress:
        progress(total, total)
    candidates = list(merged.values())
    for candidate in candidates:
        if (
            "value" not in candidate.roles
            and candidate.numerator is not None
            and candidate.denominator
        ):
            try:
                candidate.value = bounded(candidate.numerator / candidate.denominator * 100)
            except NumberError as error:
                problems.append(Problem(candidate.where, "", None, "", str(error)))
                continue
            candidate.status, candidate.reason = "value", ""
    return candidates, problems


def _cell_row(rows: list[tuple], index: int) -> tuple:
    return rows[index] if index < len(rows) else ()


class _Rows:
    """Reads the rows of one table into `merged`, reporting each problem with its row."""

    def __init__(self, table: Table, columns: dict, file_name: str, reader, merged, report):
        self.table, self.columns, self.reader = table, columns, reader
        self.merged, self.report = merged, report
        self.groups = _groups(table, columns["values"])
        self.width = max(i for i in _indexes(columns)) + 1
        self.skip = [re.compile(p, re.IGNORECASE) for p in table.subject.skip]
        self.subjects: dict[tuple, Subject | str | object] = {}
        subject = columns["subject"]
        self.subject_column = f"{column_name(subject)} ({table.subject.column})"
        self.where = f"{file_name}, {table.sheet + ', ' if table.sheet else ''}row "

    sheet: Sheet | None = None
    header_width = 0

    def read(self, number: int, row: tuple) -> None:
        if len(row) > self.header_width and self.sheet is not None:
            index = overflowing(self.sheet, row, self.header_width)
            if index is not None:
                message = overflow_message(len(row), self.header_width)
                self.report(number, column_name(index), message)
                return
        if len(row) < self.width:
            row = (*row, *[None] * (self.width - len(row)))
        raw_subject = row[self.columns["subject"]]
        key = (type(raw_subject), raw_subject)
        subject = self.subjects.get(key)
        if subject is None:
            subject = self.subjects[key] = _subject(
                self.table, raw_subject, self.reader.lookup, self.skip
            )
        if isinstance(subject, str) and _blank(row):
            return
        if subject is SKIP:
            return
        if isinstance(subject, str):
            self.report(number, self.subject_column, subject)
            return
        where = f"{self.where}{number}"
        reported = set()
        for group in self.groups:
            indicator_text = group.indicator
            if indicator_text is None:
                indicator_text = row[self.columns["indicator_column"]]
            period_text = group.period
            if period_text is None:
                period_text = row[self.columns["period_column"]]
            definition, period, wrong = self.reader.resolve(indicator_text, period_text)
            if definition is None:
                # One report per indicator and period in a row, however many columns hold it.
                seen = (str(indicator_text), str(period_text))
                if seen not in reported:
                    reported.add(seen)
                    self.report(number, self._where_wrong(group, period), wrong)
                continue
            for column in group.columns:
                raw = row[column.index]
                if column.role != "value" and (raw is None or str(raw).strip() in BLANK_PART):
                    continue  # an unknown numerator or denominator adds nothing
                self._value(column, raw, row, number, subject, definition, period, where)

    def _where_wrong(self, group: _Group, what: str) -> str:
        column = group.columns[0]
        if what == "indicator" and group.indicator is None:
            index = self.columns["indicator_column"]
            return f"{column_name(index)} ({self.table.indicator_column})"
        if what == "period" and group.period is None:
            index = self.columns["period_column"]
            return f"{column_name(index)} ({self.table.period_column})"
        return column.name

    def _value(self, column, raw, row, number, subject, definition, period, where):
        cells = self.reader.cells
        try:
            if column.role == "value":
                cell = cells.cell(raw, blank_is_zero=definition.blank_is_zero)
            else:
                cell = Cell(cells.number(raw))
        except NumberError as error:
            self.report(number, column.name, str(error))
            return
        if cell.value is not None and column.factor is not None:
            try:
                cell = Cell(bounded(cell.value * column.factor), cell.status, cell.reason)
            except NumberError as error:
                self.report(number, column.name, str(error))
                return
        if (
            cell.value is not None
            and cell.value < 0
            and (column.role != "value" or definition.count)
        ):
            self.report(
                number,
                column.name,
                _("a count cannot be negative, not %(value)s") % {"value": cell.value},
            )
            return
        share = column.role == "value" and definition.share and cell.value is not None
        if share and not Decimal(0) <= cell.value <= Decimal(100):
            self.report(
                number,
                column.name,
                _("a share must be 0-100 %%, not %(value)s") % {"value": cell.value},
            )
            return
        key = (definition.key, subject.key, period.start)
        candidate = self.merged.get(key)
        if candidate is None:
            candidate = self.merged[key] = Candidate(definition.key, subject, period, where)
        if column.role in candidate.roles:
            self.report(
                number,
                column.name,
                _("%(what)s is given twice (also %(where)s)")
                % {
                    "what": f"{definition.key} {subject.key} {period.label}",
                    "where": candidate.roles[column.role],
                },
            )
            return
        candidate.roles[column.role] = f"{where}, {column.name}"
        if column.role == "value":
            candidate.value, candidate.status, candidate.reason = (
                cell.value,
                cell.status,
                cell.reason,
            )
        else:
            setattr(candidate, column.role, cell.value)
        if "reason_column" in self.columns and cell.status != "value":
            reason = str(row[self.columns["reason_column"]] or "").strip()
            candidate.reason = reason or candidate.reason


def _indexes(columns: dict):
    for name, found in columns.items():
        if name == "values":
            yield from (column.index for column in found)
        else:
            yield found


def row_label(table: Table, number: int) -> str:
    return f"{table.sheet + ', ' if table.sheet else ''}row {number}"


def lookup_for(plan, definitions) -> Lookup:
    """The names a plan's files may use for its departments and the catalogue's indicators."""
    departments = {}
    for department in plan.departments.all():
        for name in {department.key, department.name, department.number, str(department)}:
            if name:
                name = normalise(name)
                known = departments.get(name)
                departments[name] = "" if known not in (None, department.key) else department.key
    found = {}
    for definition in definitions:
        info = Definition(
            definition.key,
            PeriodType(definition.period_type),
            definition.share,
            definition.blank_means == "zero",
            definition.unit == "count",
        )
        for name in (definition.key, definition.name, *definition.aliases):
            found.setdefault(normalise(name), info)
    return Lookup(departments, found, plan.project_year_start_month)


def fits(layout: Layout, files: list[tuple[str, list[Sheet]]]) -> bool:
    """Whether every file has the sheets and columns `layout` names."""
    for _name, sheets in files:
        for table in layout.tables:
            sheet = _find_sheet(sheets, table.sheet)
            if sheet is None:
                return False
            headers = [str(h or "").strip() for h in _cell_row(sheet.rows, table.header_row - 1)]
            if _columns(table, headers, lambda *args: None) is None:
                return False
    return True
