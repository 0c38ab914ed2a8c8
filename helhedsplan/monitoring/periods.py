"""Periods an indicator is measured over, parsed from what people write in spreadsheets.

Every period has a type, a first and a last day and a label; the plan's project year starts in
the plan's own month (e.g. 1 August - 31 July).
"""

import datetime
import re
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class PeriodType(StrEnum):
    YEAR = "year"
    HALF_YEAR = "half_year"
    SCHOOL_YEAR = "school_year"
    POINT = "point"
    PROJECT_YEAR = "project_year"


TYPE_WORDS = {
    PeriodType.YEAR: gettext_lazy("calendar year (2023)"),
    PeriodType.HALF_YEAR: gettext_lazy("half-year (2023H1, 2. halvår 2023)"),
    PeriodType.SCHOOL_YEAR: gettext_lazy("school year (2023/24)"),
    PeriodType.POINT: gettext_lazy("point in time (1 January: 2024 or 2024-01-01)"),
    PeriodType.PROJECT_YEAR: gettext_lazy("project year (2025/26)"),
}


class PeriodError(ValueError):
    """A period that cannot be read, or that is not of the indicator's period type."""


@dataclass(frozen=True, order=True)
class Period:
    start: datetime.date
    end: datetime.date
    type: PeriodType
    label: str

    @property
    def year(self) -> int:
        """The calendar year the period is charted and compared under (the year it ends in
        for school and project years, since that is when results are reported)."""
        if self.type in (PeriodType.SCHOOL_YEAR, PeriodType.PROJECT_YEAR):
            return self.end.year
        return self.start.year


def calendar_year(year: int) -> Period:
    return Period(
        datetime.date(year, 1, 1), datetime.date(year, 12, 31), PeriodType.YEAR, str(year)
    )


def half_year(year: int, half: int) -> Period:
    if half == 1:
        start, end = datetime.date(year, 1, 1), datetime.date(year, 6, 30)
    else:
        start, end = datetime.date(year, 7, 1), datetime.date(year, 12, 31)
    return Period(start, end, PeriodType.HALF_YEAR, f"{year}H{half}")


def school_year(first_year: int) -> Period:
    return Period(
        datetime.date(first_year, 8, 1),
        datetime.date(first_year + 1, 7, 31),
        PeriodType.SCHOOL_YEAR,
        f"{first_year}/{(first_year + 1) % 100:02d}",
    )


def project_year(first_year: int, start_month: int) -> Period:
    """The project year that begins on the 1st of `start_month` in `first_year`."""
    start = datetime.date(first_year, start_month, 1)
    if start_month == 1:
        end = datetime.date(first_year, 12, 31)
        label = f"{first_year}"
    else:
        end = datetime.date(first_year + 1, start_month, 1) - datetime.timedelta(days=1)
        label = f"{first_year}/{(first_year + 1) % 100:02d}"
    return Period(start, end, PeriodType.PROJECT_YEAR, label)


def point(day: datetime.date) -> Period:
    return Period(day, day, PeriodType.POINT, day.isoformat())


def containing(day: datetime.date, period_type: PeriodType, start_month: int = 1) -> Period:
    """The period of `period_type` that `day` falls in."""
    if period_type == PeriodType.YEAR:
        return calendar_year(day.year)
    if period_type == PeriodType.HALF_YEAR:
        return half_year(day.year, 1 if day.month <= 6 else 2)
    if period_type == PeriodType.SCHOOL_YEAR:
        return school_year(day.year if day.month >= 8 else day.year - 1)
    if period_type == PeriodType.PROJECT_YEAR:
        return project_year(day.year if day.month >= start_month else day.year - 1, start_month)
    return point(day)


YEAR = r"(?P<year>(19|20)\d\d)"
HALF_PATTERNS = [
    re.compile(rf"^{YEAR}\s*[-/ ]?\s*[hH](?P<half>[12])$"),
    re.compile(rf"^(?P<half>[12])\.?\s*(halvår|halvaar|half|h)\.?\s*{YEAR}$", re.IGNORECASE),
    re.compile(rf"^{YEAR}\s*,?\s*(?P<half>[12])\.?\s*(halvår|halvaar|half)$", re.IGNORECASE),
]
SPAN = re.compile(rf"^{YEAR}\s*[/-]\s*(?P<next>\d{{2}}|\d{{4}})$")
DANISH_DATE = re.compile(r"^(?P<day>\d{1,2})\.\s*(?P<month>\d{1,2})\.\s*(?P<year>\d{4})$")


def _span_start(text: str) -> int | None:
    match = SPAN.match(text)
    if not match:
        return None
    first, following = int(match["year"]), match["next"]
    if int(following) % 100 != (first + 1) % 100:
        raise PeriodError(_("'%(text)s' does not span two consecutive years") % {"text": text})
    return first


def _date(text: str) -> datetime.date | None:
    match = DANISH_DATE.match(text)
    try:
        if match:
            return datetime.date(int(match["year"]), int(match["month"]), int(match["day"]))
        if re.match(r"^\d{4}-\d{2}-\d{2}", text):
            return datetime.date.fromisoformat(text[:10])
    except ValueError as error:
        raise PeriodError(_("'%(text)s' is not a date") % {"text": text}) from error
    return None


def parse(value, period_type: PeriodType, start_month: int = 1) -> Period:
    """Read `value` (text, number, or date from a spreadsheet) as a period of `period_type`."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = value.isoformat() if isinstance(value, datetime.date) else str(value).strip()
    expected = _("expected a %(type)s") % {"type": TYPE_WORDS[period_type]}
    if not text:
        raise PeriodError(_("no period given; %(expected)s") % {"expected": expected})
    period = None
    if period_type == PeriodType.YEAR and re.fullmatch(YEAR, text):
        period = calendar_year(int(text))
    elif period_type == PeriodType.HALF_YEAR:
        for pattern in HALF_PATTERNS:
            if match := pattern.match(text):
                period = half_year(int(match["year"]), int(match["half"]))
                break
    elif period_type in (PeriodType.SCHOOL_YEAR, PeriodType.PROJECT_YEAR):
        first = _span_start(text)
        if first is None and period_type == PeriodType.PROJECT_YEAR and start_month == 1:
            first = int(text) if re.fullmatch(YEAR, text) else None
        if first is not None:
            period = (
                school_year(first)
                if period_type == PeriodType.SCHOOL_YEAR
                else project_year(first, start_month)
            )
    elif period_type == PeriodType.POINT:
        if re.fullmatch(YEAR, text):
            period = point(datetime.date(int(text), 1, 1))
        elif day := _date(text):
            period = point(day)
    if period is None:
        raise PeriodError(
            _("'%(text)s' is not a period of this indicator; %(expected)s")
            % {"text": text, "expected": expected}
        )
    return period
