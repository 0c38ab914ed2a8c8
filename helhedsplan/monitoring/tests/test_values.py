"""Numbers as the sources write them; unknown is never zero unless the indicator says so."""

from decimal import Decimal

import pytest

from helhedsplan.monitoring.values import NumberError, read_cell, to_number


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("38,0", "38.0"),
        ("1.102", "1102"),
        ("97,95%", "97.95"),
        ("97,95 %", "97.95"),
        ("1.102,5", "1102.5"),
        ("44.24", "44.24"),
        (36.5, "36.5"),
        (652, "652"),
        ("-2", "-2"),
    ],
)
def test_danish_and_machine_numbers_are_read(raw, expected):
    assert to_number(raw) == Decimal(expected)


@pytest.mark.parametrize("raw", ["abc", "12,3,4", "1,2.3", "3 4a", True])
def test_other_text_is_not_a_number(raw):
    with pytest.raises(NumberError):
        to_number(raw)


def test_a_dash_is_suppressed_not_zero():
    cell = read_cell("-")

    assert cell.value is None
    assert cell.status == "suppressed"


def test_a_blank_is_unknown_by_default():
    cell = read_cell("  ")

    assert (cell.value, cell.status) == (None, "not_available")


def test_a_blank_is_zero_when_the_indicator_says_so():
    assert read_cell(None, blank_is_zero=True).value == Decimal(0)


def test_a_dash_stays_suppressed_even_where_blanks_mean_zero():
    assert read_cell("-", blank_is_zero=True).status == "suppressed"
