"""Periods: what people write in spreadsheets, and where project years begin and end."""

import datetime

import pytest

from helhedsplan.monitoring.periods import PeriodError, PeriodType, containing, parse


def test_31_july_belongs_to_the_project_year_that_began_the_august_before():
    day = datetime.date(2026, 7, 31)

    period = containing(day, PeriodType.PROJECT_YEAR, start_month=8)

    assert (period.start, period.end) == (datetime.date(2025, 8, 1), datetime.date(2026, 7, 31))
    assert period.label == "2025/26"


def test_1_august_begins_a_new_project_year():
    period = containing(datetime.date(2026, 8, 1), PeriodType.PROJECT_YEAR, start_month=8)

    assert (period.start, period.end) == (datetime.date(2026, 8, 1), datetime.date(2027, 7, 31))


def test_a_project_year_from_april_ends_31_march():
    period = parse("2017/18", PeriodType.PROJECT_YEAR, start_month=4)

    assert (period.start, period.end) == (datetime.date(2017, 4, 1), datetime.date(2018, 3, 31))
    assert containing(datetime.date(2018, 3, 31), PeriodType.PROJECT_YEAR, 4) == period
    assert containing(datetime.date(2018, 4, 1), PeriodType.PROJECT_YEAR, 4) != period


def test_school_years_run_august_to_july():
    assert containing(datetime.date(2024, 7, 31), PeriodType.SCHOOL_YEAR).label == "2023/24"
    assert containing(datetime.date(2024, 8, 1), PeriodType.SCHOOL_YEAR).label == "2024/25"


@pytest.mark.parametrize(
    "text", ["2023H1", "2023-H1", "2023 h1", "1. halvår 2023", "2023, 1. halvår"]
)
def test_half_years_are_read_as_people_write_them(text):
    period = parse(text, PeriodType.HALF_YEAR)

    assert (period.start, period.end) == (datetime.date(2023, 1, 1), datetime.date(2023, 6, 30))


def test_a_point_in_time_given_as_a_year_is_1_january():
    assert parse("2024", PeriodType.POINT).start == datetime.date(2024, 1, 1)
    assert parse("1.1.2024", PeriodType.POINT).start == datetime.date(2024, 1, 1)
    assert parse(datetime.datetime(2024, 1, 1), PeriodType.POINT).label == "2024-01-01"


def test_a_year_from_a_workbook_number_is_a_calendar_year():
    assert parse(2023.0, PeriodType.YEAR).label == "2023"


@pytest.mark.parametrize(
    "text,period_type",
    [
        ("2023H1", PeriodType.YEAR),
        ("2023", PeriodType.HALF_YEAR),
        ("2023/25", PeriodType.SCHOOL_YEAR),
        ("2023", PeriodType.SCHOOL_YEAR),
        ("31.2.2024", PeriodType.POINT),
        ("", PeriodType.YEAR),
    ],
)
def test_a_period_of_another_type_is_refused(text, period_type):
    with pytest.raises(PeriodError):
        parse(text, period_type)
