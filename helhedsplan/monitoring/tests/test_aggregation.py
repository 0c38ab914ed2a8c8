"""Aggregates are weighted by the denominator and say what they cover; unknown is not zero."""

from decimal import Decimal as D

from django.utils import translation

from helhedsplan.monitoring.aggregation import Part, aggregate
from helhedsplan.monitoring.series import Point, yearly


def test_shares_are_weighted_by_the_age_band_not_averaged():
    parts = [Part("big", D(40), D(900)), Part("small", D(10), D(100))]

    result = aggregate(parts, "percent")

    assert result.value == D(37)  # a plain mean would say 25
    assert result.complete


def test_an_unknown_department_is_left_out_and_the_coverage_is_said():
    parts = [
        Part("a", D(40), D(300)),
        Part("b", D(30), D(300)),
        Part("c", D(20), D(270)),
        Part("d", None, D(130)),  # suppressed: its size is known, its share is not
    ]

    with translation.override("en"):
        result = aggregate(parts, "percent")

    assert result.value == (D(40) * 300 + D(30) * 300 + D(20) * 270) / 870
    assert (result.covered, result.total, round(result.covered_share)) == (3, 4, 87)
    assert result.note == "3 of 4 departments, 87 % of residents"


def test_numerators_and_denominators_give_the_exact_share():
    parts = [Part("a", D("33.3333"), D(3), D(1)), Part("b", D(50), D(2), D(1))]

    assert aggregate(parts, "percent").value == D(40)


def test_shares_without_denominators_are_not_averaged():
    with translation.override("en"):
        result = aggregate([Part("a", D(40)), Part("b", D(10))], "percent")

    assert result.value is None
    assert "denominator is missing" in result.note


def test_counts_add_up_and_an_unknown_count_makes_a_lower_bound_not_a_zero():
    with translation.override("en"):
        result = aggregate(
            [Part("a", D(3)), Part("b", None), Part("c", D(0))], "count", additive=True
        )

    assert result.value == D(3)
    assert "lower bound" in result.note


def test_half_years_of_a_count_add_up_to_a_year_only_when_both_are_known():
    points = [
        Point("2023H1", 2023, D(3)),
        Point("2023H2", 2023, D(4)),
        Point("2024H1", 2024, D(2)),
        Point("2024H2", 2024, None, "not_available"),
    ]

    years = yearly(points, additive=True)

    assert [(p.label, p.value) for p in years] == [("2023", D(7)), ("2024", None)]
