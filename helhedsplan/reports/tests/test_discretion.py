"""Small counts of persons, and the Danish way of writing numbers and dates."""

import datetime
from decimal import Decimal

from django.utils import translation

from helhedsplan.monitoring.series import Point
from helhedsplan.reports.data import chartable, half_year_end, within
from helhedsplan.reports.discretion import discretion_limit, persons
from helhedsplan.reports.formatting import long_date, text
from helhedsplan.reports.structure import Value


class CountDefinition:
    unit = "count"


class ShareDefinition:
    unit = "percent"


def test_a_count_of_persons_under_the_limit_is_shown_as_under_the_limit():
    assert text(persons(4, 5), 5) == "<5"
    assert text(persons(1, 5), 5) == "<5"


def test_zero_and_counts_at_the_limit_are_shown():
    with translation.override("da"):
        assert text(persons(0, 5), 5) == "0"
        assert text(persons(5, 5), 5) == "5"
        assert text(persons(1234, 5), 5) == "1.234"


def test_a_value_suppressed_at_the_source_is_a_dash_not_zero():
    assert text(Value(None, "percent", "suppressed")) == "–"


def test_the_limit_is_a_setting(settings):
    settings.REPORT_DISCRETION_LIMIT = 3

    assert discretion_limit() == 3
    assert text(persons(4, discretion_limit()), 3) == "4"
    assert text(persons(2, discretion_limit()), 3) == "<3"


def test_the_limit_is_five_by_default():
    assert discretion_limit() == 5


def test_shares_are_never_suppressed():
    points = [Point("2024", 2024, Decimal("2.0")), Point("2025", 2025, Decimal("3.0"))]

    assert chartable(points, ShareDefinition, 5) == points
    with translation.override("da"):
        assert text(Value(Decimal("2.0"), "percent")) == "2,0 %"


def test_a_chart_leaves_small_counts_out_as_a_gap():
    points = [Point("2024", 2024, Decimal(3)), Point("2025", 2025, Decimal(12))]

    drawn = chartable(points, CountDefinition, 5)

    assert [p.value for p in drawn] == [None, Decimal(12)]


def test_numbers_and_dates_are_danish():
    with translation.override("da"):
        assert text(Value(Decimal("1234.5"), "", decimals=1)) == "1.234,5"
        assert text(Value(38, "percent")) == "38,0 %"
        assert long_date(datetime.date(2025, 8, 1)) == "1. august 2025"


def test_a_half_year_report_keeps_only_periods_ended_by_then():
    points = [Point(label, int(label[:4]), Decimal(1)) for label in ["2024", "2025H1", "2025"]]

    kept = within(points, half_year_end("2025H1"))

    assert [p.label for p in kept] == ["2024", "2025H1"]
