"""Apply a layout to read sheets: observations to be, or every problem with where it is.

Pure: the plan's departments and the catalogue come in as a `Lookup`; nothing here touches the
database, so the same checks serve the command, the upload page and the tests.
"""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from . import periods
from .layouts import Layout, Table
from .periods import Period, PeriodError, PeriodType
from .readers import Sheet
from .values import Cell, NumberError, read_cell, to_number


@dataclass(frozen=True)
class Subject:
    scope: str
    department: str = ""  # department key
    label: str = ""

    @property
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


def normalise(text) -> str:
    text = unicodedata.normalize("NFC", str(text or "")).strip().lower()
    text = re.sub(r"^(afd\.?|afdeling)\s*", "", text)
    return re.sub(r"\s+", " ", text)


def column_name(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class _Column:
    index: int
    header: str
    role: str
    indicator: str | None
    period: str | None
    scale: float

    @property
    def name(self) -> str:
        return f"{column_name(self.index)} ({self.header})"


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


def _subject(table: Table, raw, lookup: Lookup) -> Subject | None:
    text = str(raw).strip()
    for pattern, scope in table.subject.rows.items():
        if re.fullmatch(pattern, text, re.IGNORECASE):
            return Subject(scope, label="" if scope in ("plan", "national") else text)
    department = lookup.department(raw)
    return Subject("department", department=department) if department is not None else None


def _cell(row: tuple, index: int):
    return row[index] if index < len(row) else None


def extract(
    layout: Layout,
    files: list[tuple[str, list[Sheet]]],
    lookup: Lookup,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[Candidate], list[Problem]]:
    problems: list[Problem] = []
    merged: dict[tuple, Candidate] = {}
    total = sum(len(s.rows) for _, sheets in files for s in sheets)
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
            skip = [re.compile(p, re.IGNORECASE) for p in table.subject.skip]
            for number, row in enumerate(sheet.rows[table.header_row :], table.header_row + 1):
                done += 1
                if progress and done % 500 == 0:
                    progress(done, total)
                if all(c is None or str(c).strip() == "" for c in row):
                    continue
                raw_subject = _cell(row, columns["subject"])
                subject_text = str(raw_subject or "").strip()
                if any(p.search(subject_text) for p in skip):
                    continue
                subject_column = f"{column_name(columns['subject'])} ({table.subject.column})"
                if not subject_text:
                    report(number, subject_column, _("no department or subject given"))
                    continue
                subject = _subject(table, raw_subject, lookup)
                if subject is not None and subject.scope == "department" and not subject.department:
                    report(
                        number,
                        subject_column,
                        f"'{subject_text}' names more than one department; use its key or name",
                    )
                    continue
                if subject is None:
                    report(
                        number,
                        subject_column,
                        _("unknown department '%(name)s'") % {"name": subject_text},
                    )
                    continue
                _row(table, columns, row, number, subject, lookup, merged, report, file_name)
    if progress:
        progress(total, total)
    candidates = list(merged.values())
    for candidate in candidates:
        if (
            "value" not in candidate.roles
            and candidate.numerator is not None
            and candidate.denominator
        ):
            candidate.value = candidate.numerator / candidate.denominator * 100
            candidate.status, candidate.reason = "value", ""
    return candidates, problems


def _cell_row(rows: list[tuple], index: int) -> tuple:
    return rows[index] if index < len(rows) else ()


def _resolve(table, columns, column, row, number, lookup, report, seen):
    """The definition and period a value column holds in this row, reported once if wrong."""
    indicator_text = column.indicator
    if indicator_text is None:
        indicator_text = _cell(row, columns["indicator_column"])
    period_text = column.period or table.period
    if period_text is None:
        period_text = _cell(row, columns["period_column"])
    key = (str(indicator_text), str(period_text))
    if key in seen:
        return seen[key]
    seen[key] = None
    definition = lookup.definition(indicator_text)
    if definition is None:
        where = column.name
        if column.indicator is None:
            where = f"{column_name(columns['indicator_column'])} ({table.indicator_column})"
        report(number, where, _("unknown indicator '%(name)s'") % {"name": indicator_text or ""})
        return None
    try:
        period = periods.parse(period_text, definition.period_type, lookup.project_year_start_month)
    except PeriodError as error:
        where = column.name
        if not (column.period or table.period):
            where = f"{column_name(columns['period_column'])} ({table.period_column})"
        report(number, where, f"{definition.key}: {error}")
        return None
    seen[key] = (definition, period)
    return seen[key]


def _row(table, columns, row, number, subject, lookup, merged, report, file_name):
    seen = {}
    for column in columns["values"]:
        resolved = _resolve(table, columns, column, row, number, lookup, report, seen)
        if resolved is None:
            continue
        definition, period = resolved
        raw = _cell(row, column.index)
        try:
            if column.role == "value":
                cell = read_cell(raw, blank_is_zero=definition.blank_is_zero)
            else:
                if raw is None or str(raw).strip() in ("", "-", "–"):
                    continue  # an unknown numerator or denominator adds nothing
                cell = Cell(to_number(raw))
        except NumberError as error:
            report(number, column.name, str(error))
            continue
        if cell.value is not None and column.scale != 1:
            cell = Cell(cell.value * Decimal(str(column.scale)), cell.status, cell.reason)
        share = column.role == "value" and definition.share and cell.value is not None
        if share and not Decimal(0) <= cell.value <= Decimal(100):
            report(
                number,
                column.name,
                _("a share must be 0-100 %%, not %(value)s") % {"value": cell.value},
            )
            continue
        where = f"{file_name}, {row_label(table, number)}"
        key = (definition.key, subject.key, period.start)
        candidate = merged.get(key)
        if candidate is None:
            candidate = merged[key] = Candidate(definition.key, subject, period, where)
        if column.role in candidate.roles:
            report(
                number,
                column.name,
                _("%(what)s is given twice (also %(where)s)")
                % {
                    "what": f"{definition.key} {subject.key} {period.label}",
                    "where": candidate.roles[column.role],
                },
            )
            continue
        candidate.roles[column.role] = f"{where}, {column.name}"
        if column.role == "value":
            candidate.value, candidate.status, candidate.reason = (
                cell.value,
                cell.status,
                cell.reason,
            )
        else:
            setattr(candidate, column.role, cell.value)
        if "reason_column" in columns and cell.status != "value":
            reason = str(_cell(row, columns["reason_column"]) or "").strip()
            candidate.reason = reason or candidate.reason


def row_label(table: Table, number: int) -> str:
    return f"{table.sheet + ', ' if table.sheet else ''}row {number}"


def lookup_for(plan, definitions) -> Lookup:
    """The names a plan's files may use for its departments and the catalogue's indicators."""
    departments = {}
    for department in plan.departments.all():
        for name in {department.key, department.name, department.number, str(department)}:
            if name:
                known = departments.get(normalise(name))
                departments[normalise(name)] = (
                    "" if known not in (None, department.key) else department.key
                )
    found = {}
    for definition in definitions:
        info = Definition(
            definition.key,
            PeriodType(definition.period_type),
            definition.share,
            definition.blank_means == "zero",
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
