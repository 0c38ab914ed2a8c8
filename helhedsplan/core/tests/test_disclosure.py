"""The disclosure rule: who sees exact small counts, and secondary suppression of totals."""

from hypothesis import given
from hypothesis import strategies as st

from helhedsplan.core.disclosure import (
    SECONDARY,
    SMALL,
    is_small,
    sees_exact_counts,
    suppress,
    suppress_entries,
)


def test_staff_and_plan_admins_see_exact_counts_and_readers_do_not():
    assert sees_exact_counts("staff") and sees_exact_counts("admin")
    assert not sees_exact_counts("reader") and not sees_exact_counts(None)


def test_one_to_four_is_small_and_zero_or_five_is_not():
    assert [is_small(n, 5) for n in (0, 1, 4, 5, 12)] == [False, True, True, False, False]
    assert not is_small(None, 5)


def test_a_single_small_cell_in_a_row_with_a_total_hides_the_next_smallest_cell_too():
    table = [
        [2, 10, 7, 19],
        [8, 6, 9, 23],
        [10, 16, 16, 42],
    ]

    marks = [[entry.mark for entry in row] for row in suppress(table)]

    assert marks[0][0] == SMALL
    assert marks[0][2] == SECONDARY  # 7 is the smallest other entry of the first row
    assert marks[1][0] == SECONDARY  # and the first column needs a second hidden entry
    numbers = [[entry.number for entry in row] for row in suppress(table)]
    assert numbers == table


def test_a_zero_is_a_complement_only_when_nothing_positive_is_left():
    marks = suppress_entries([0, 3, 6, 9], [[0, 1, 2, 3]], limit=5)

    assert marks == [None, SMALL, SECONDARY, None]


def test_an_entry_outside_every_sum_is_never_hidden_as_a_complement():
    marks = suppress_entries([3, None, 8, 11], [[0, 1, 2, 3]], limit=5)

    assert marks == [SMALL, None, SECONDARY, None]


def _with_totals(cells: list[list[int]]) -> list[list[int]]:
    rows = [[*row, sum(row)] for row in cells]
    return [*rows, [sum(column) for column in zip(*rows, strict=True)]]


tables = st.integers(1, 5).flatmap(
    lambda width: st.lists(
        st.lists(st.integers(0, 40), min_size=width, max_size=width), min_size=1, max_size=6
    )
)


@given(tables)
def test_no_hidden_count_can_be_recovered_from_a_row_or_column_by_one_subtraction(cells):
    table = _with_totals(cells)

    shown = suppress(table, limit=5)

    lines = [list(row) for row in shown] + [list(column) for column in zip(*shown, strict=True)]
    for line in lines:
        assert sum(entry.hidden for entry in line) != 1
    for row, values in zip(shown, table, strict=True):
        for entry, value in zip(row, values, strict=True):
            assert entry.number == value
            assert (entry.mark == SMALL) == (0 < value < 5)


@given(st.lists(st.integers(0, 30), min_size=1, max_size=12), st.integers(1, 12))
def test_an_aggregate_over_departments_never_gives_away_one_hidden_department(parts, size):
    groups = [list(range(i, min(i + size, len(parts)))) for i in range(0, len(parts), size)]
    values = list(parts) + [sum(parts)] + [sum(parts[i] for i in g) for g in groups]
    sums = [[*range(len(parts)), len(parts)]]
    sums += [[*group, len(parts) + 1 + n] for n, group in enumerate(groups)]

    marks = suppress_entries(values, sums, limit=5)

    for entries in sums:
        assert sum(marks[i] is not None for i in entries) != 1
