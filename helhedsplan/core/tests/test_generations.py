"""Generations: a number per kind of data that changes with it, and results kept under it."""

from helhedsplan.core import generations


def test_a_generation_changes_with_every_bump_and_starts_at_zero(db):
    assert generations.current("a", "b") == (0, 0)

    generations.bump("a")
    first = generations.current("a")
    generations.bump("a")

    assert first != (0,) and generations.current("a") != first
    assert generations.current("b") == (0,)


def test_kept_results_are_computed_once_per_key_and_the_oldest_make_room():
    kept, calls = generations.Kept(size=2), []

    def compute(value):
        return lambda: calls.append(value) or value

    assert kept.get(1, compute("one")) == "one"
    assert kept.get(1, compute("again")) == "one"  # kept, not computed again
    kept.get(2, compute("two"))
    kept.get(3, compute("three"))  # 1 is the oldest: it goes

    assert kept.get(1, compute("one, later")) == "one, later"
    assert calls == ["one", "two", "three", "one, later"]
