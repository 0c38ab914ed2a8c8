"""The published lists ship with the product and give the history omdannelse needs."""

import pytest
from django.core.exceptions import ValidationError

from helhedsplan.lists import store
from helhedsplan.lists.history import derived_counts, read_counts, shipped_history
from helhedsplan.lists.models import PublishedListing, RuleSet
from helhedsplan.lists.rules import shipped_rule_sets

PUBLISHED_OMDANNELSE = {2018: 15, 2019: 15, 2020: 13, 2021: 10, 2022: 9, 2023: 8}


def test_omdannelse_counts_are_derived_from_the_shipped_ghetto_history():
    counts = derived_counts(shipped_history(), PUBLISHED_OMDANNELSE, "parallelsamfund")

    assert {year: c["yes"] for year, c in counts.items()} == PUBLISHED_OMDANNELSE
    published = read_counts()
    for year, expected in PUBLISHED_OMDANNELSE.items():
        kind = "haardt_ghetto" if year < 2021 else "omdannelse"
        assert published[(year, kind)] == expected


def test_an_incomplete_year_makes_absence_unknown_not_unlisted():
    history = shipped_history()

    assert history.is_complete(2016, "parallelsamfund")
    assert not history.is_complete(2014, "parallelsamfund")  # 24 rows of 31 published
    assert history.status("Viborg", "Houlkærvænget", 2016, "parallelsamfund") is False
    assert history.status("Viborg", "Houlkærvænget", 2014, "parallelsamfund") is None
    assert history.status("Viborg", "Houlkærvænget", 2010, "parallelsamfund") is True


def test_names_over_time_are_one_area():
    history = shipped_history()

    assert history.resolve("Agervang mv.") == ("Holbæk", "Agervang")
    assert history.status("Holbæk", "Agervang", 2013, "parallelsamfund") is True


def test_the_database_holds_the_same_rule_sets_as_the_shipped_file(db):
    assert store.rule_sets() == shipped_rule_sets()


def test_the_database_holds_the_published_lists(db):
    assert PublishedListing.objects.count() == 381
    houlkaer = PublishedListing.objects.filter(area__name="Houlkærvænget")
    assert sorted(houlkaer.values_list("list_year", "list_type")) == [
        (2010, "ghetto"),
        (2011, "ghetto"),
        (2018, "udsat"),
        (2019, "udsat"),
        (2020, "udsat"),
        (2021, "udsat"),
    ]
    counts = derived_counts(store.official_history(), PUBLISHED_OMDANNELSE, "parallelsamfund")
    assert {year: c["yes"] for year, c in counts.items()} == PUBLISHED_OMDANNELSE


def test_a_used_rule_set_cannot_be_edited_in_place(db):
    rule_set = RuleSet.objects.get(code="2018")
    rule_set.resident_minimum = 500

    with pytest.raises(ValidationError):
        rule_set.save()
