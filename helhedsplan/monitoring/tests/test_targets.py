"""Each target rule at and around its bar: on track, at risk, off track, no data."""

from decimal import Decimal as D

import pytest

from helhedsplan.monitoring.series import Point
from helhedsplan.monitoring.targets import (
    AT_RISK,
    NO_DATA,
    OFF_TRACK,
    ON_TRACK,
    Rule,
    bar,
    evaluate,
)


def at(year, value):
    return [Point(str(year), year, None if value is None else D(str(value)))]


COMPLAINTS_DOWN_5_A_YEAR = Rule("relative_change", D(-5), per_year=True)


def test_complaints_down_5_percent_a_year_draw_a_path_from_the_2015_baseline():
    assert bar(COMPLAINTS_DOWN_5_A_YEAR, D(32), 2015, 2017, 2020) == D("28.8")


@pytest.mark.parametrize(
    "value,state",
    [(28.8, ON_TRACK), (28, ON_TRACK), (29, AT_RISK), (32, OFF_TRACK), (33, OFF_TRACK)],
)
def test_complaints_at_and_around_their_bar(value, state):
    status = evaluate(COMPLAINTS_DOWN_5_A_YEAR, D(32), 2015, at(2017, value), False)

    assert status.state == state


MOVE_OUT_2_POINTS_BELOW = Rule("point_change", D(-2), target_year=2020)


@pytest.mark.parametrize(
    "value,state", [(14.27, ON_TRACK), (14.0, ON_TRACK), (15.0, AT_RISK), (16.27, OFF_TRACK)]
)
def test_move_out_rate_2_points_below_baseline_by_the_target_year(value, state):
    status = evaluate(MOVE_OUT_2_POINTS_BELOW, D("16.27"), 2015, at(2020, value), False)

    assert status.state == state


def test_a_point_rule_halfway_to_its_year_asks_for_half_the_change():
    assert bar(MOVE_OUT_2_POINTS_BELOW, D(20), 2015, 2017, 2019) == D(19)


@pytest.mark.parametrize("value,state", [(32, ON_TRACK), (31, ON_TRACK), (33, OFF_TRACK)])
def test_not_above_the_baseline(value, state):
    rule = Rule("not_exceed_baseline")

    assert evaluate(rule, D(32), 2015, at(2018, value), False).state == state


@pytest.mark.parametrize("value,state", [(47, ON_TRACK), (46, OFF_TRACK), (45, OFF_TRACK)])
def test_better_than_the_baseline_for_a_higher_is_better_indicator(value, state):
    rule = Rule("improve_on_baseline", target_year=2020)

    assert evaluate(rule, D(46), 2016, at(2019, value), True).state == state


@pytest.mark.parametrize("value,state", [(80, ON_TRACK), (79.9, AT_RISK), (72.8, OFF_TRACK)])
def test_reach_a_value_by_a_date(value, state):
    rule = Rule("absolute", D(80), target_year=2021)

    assert evaluate(rule, D("72.8"), 2017, at(2021, value), True).state == state


@pytest.mark.parametrize("value,state", [(30, ON_TRACK), (31, AT_RISK), (40, OFF_TRACK)])
def test_close_half_the_gap_to_the_municipality(value, state):
    rule = Rule("close_gap", D(50), target_year=2025)

    status = evaluate(rule, D(40), 2023, at(2025, value), False, municipality=D(20))

    assert status.state == state
    assert status.path[-1] == (2025, D(30))


def test_no_value_after_the_baseline_year_is_no_data_with_the_reason():
    status = evaluate(COMPLAINTS_DOWN_5_A_YEAR, D(32), 2015, at(2015, 30) + at(2016, None), False)

    assert status.state == NO_DATA
    assert "2015" in status.reason


def test_an_unknown_baseline_is_no_data():
    assert evaluate(COMPLAINTS_DOWN_5_A_YEAR, None, 2015, at(2016, 1), False).state == NO_DATA


def test_the_reason_is_in_words_with_danish_numbers(settings):
    from django.utils import translation

    with translation.override("da"):
        status = evaluate(MOVE_OUT_2_POINTS_BELOW, D("16.27"), 2015, at(2020, 15), False)

    assert "15" in status.reason and "14,27" in status.reason and "16,27" in status.reason
