"""Spreading an activity's hours over departments: shares, needs, rounding, capacity."""

from decimal import Decimal

from helhedsplan.steering.allocation import Candidate, allocate, capacity_warning

D = Decimal


def hours(shares):
    return {s.key: s.hours for s in shares}


def test_hours_follow_the_resident_shares_when_needs_do_not_count():
    shares = allocate(
        D(17),
        [Candidate("a", 600, D(0)), Candidate("b", 300, D(0)), Candidate("c", 100, D(0))],
        needs_factor=D(0),
    )

    # exact 10.2, 5.1, 1.7 -> floors 10.0, 5.0, 1.5 (16.5) -> the last half hour to the
    # largest remainder (c: 0.2; a: 0.2; b: 0.1 -> first of the equal ones in order: a)
    assert hours(shares) == {"a": D("10.5"), "b": D("5.0"), "c": D("1.5")}
    assert sum(hours(shares).values()) == D(17)


def test_needs_raise_a_departments_share():
    equal = [Candidate("a", 500, D(0)), Candidate("b", 500, D(4))]

    shares = allocate(D(25), equal, needs_factor=D(1))

    # weights 0.5 x 1 and 0.5 x 2: one third and two thirds of 25 hours
    assert hours(shares) == {"a": D("8.5"), "b": D("16.5")}
    assert [round(s.weight, 4) for s in shares] == [D("0.3333"), D("0.6667")]


def test_the_hours_always_add_up_exactly():
    candidates = [Candidate(str(n), 100 + 37 * n, D(n % 3)) for n in range(7)]

    for total in (D(7), D(17), D(25), D("12.5")):
        assert sum(hours(allocate(total, candidates, D("0.5"))).values()) == total


def test_unknown_residents_count_as_the_mean_of_the_known():
    shares = allocate(D(10), [Candidate("a", 400, D(0)), Candidate("b", None, D(0))], D(0))

    assert hours(shares) == {"a": D(5), "b": D(5)}


def test_capacity_warning_only_when_the_hours_exceed_it():
    assert capacity_warning(D(87), D(87)) is None
    assert capacity_warning(D("87.5"), D(87)) == "87.5 > 87.0"
