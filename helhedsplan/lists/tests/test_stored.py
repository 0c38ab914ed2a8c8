"""Classifying the stored area figures as plain rows: the same answer as from model instances,
in a fixed number of queries."""

from dataclasses import asdict
from decimal import Decimal

from helhedsplan.lists.areas import classify_figures, classify_stored
from helhedsplan.lists.demo import load_lists_demo
from helhedsplan.lists.history import Listing, OfficialHistory
from helhedsplan.lists.models import AreaFigures
from helhedsplan.plans.models import Area


def store_gellerup_figures():
    """Figures on every bar for a published area, one year with an unknown criterion."""
    area = Area.objects.get(name="Gellerupparken/Toveshøj")
    for year in (2019, 2020, 2021):
        AreaFigures.objects.create(
            area=area,
            list_year=year,
            residents=6000,
            non_western_pct=Decimal("80"),
            outside_work_pct=Decimal("45") if year != 2020 else None,
            convicted_pct=Decimal("2.5"),
            primary_only_pct=Decimal("65"),
            income_pct=Decimal("50"),
            national_convicted_pct=Decimal("0.65"),
        )


def test_stored_figures_classify_as_the_model_instances_do(db):
    load_lists_demo()
    store_gellerup_figures()
    figures = list(AreaFigures.objects.select_related("area"))

    stored = classify_stored()
    by_area, _names = classify_figures(figures)

    expected = {
        f.pk: c
        for f in figures
        for c in by_area[f.area_id]
        if c.list_year == f.list_year and c.area == f.area.name
    }
    assert stored.keys() == expected.keys()
    assert {pk: asdict(c) for pk, c in stored.items()} == {
        pk: asdict(c) for pk, c in expected.items()
    }


def test_stored_figures_take_their_omdannelse_history_from_the_published_lists(db):
    store_gellerup_figures()

    stored = classify_stored(AreaFigures.objects.filter(area__name="Gellerupparken/Toveshøj"))

    omdannelse = {c.list_year: c.classes["omdannelse"] for c in stored.values()}
    assert omdannelse == {2019: "yes", 2020: "yes", 2021: "yes"}


def test_classifying_the_stored_figures_takes_a_fixed_number_of_queries(
    db, django_assert_num_queries
):
    load_lists_demo()
    store_gellerup_figures()

    # figures, published listings and counts, rule sets, class rules, criteria, references
    with django_assert_num_queries(7):
        classify_stored()


def store_listed_figures(municipality, years):
    """Figures on the parallelsamfund bars for a "Vestervang" in `municipality`, and no others."""
    area, _ = Area.objects.get_or_create(name="Vestervang", municipality=municipality)
    area.figures.all().delete()
    for year in years:
        AreaFigures.objects.create(
            area=area,
            list_year=year,
            residents=2000,
            non_western_pct=Decimal("60"),
            outside_work_pct=Decimal("45"),
            convicted_pct=Decimal("0.1"),
            primary_only_pct=Decimal("20"),
            income_pct=Decimal("50"),
            national_convicted_pct=Decimal("0.65"),
        )


def complete_history(*listings: Listing) -> OfficialHistory:
    """Published lists complete for 2010-2023, holding only `listings`."""
    counts = {(year, "parallelsamfund"): 0 for year in range(2010, 2024)}
    for listing in listings:
        counts[listing.list_year, listing.list_type] += 1
    return OfficialHistory(list(listings), counts)


def omdannelse_2023(history) -> dict[str, str]:
    """{municipality: omdannelse in 2023}, the same from both stored paths."""
    namesakes = AreaFigures.objects.filter(area__name="Vestervang")
    stored = classify_stored(namesakes, history)
    figures = list(namesakes.select_related("area"))
    by_area, _names = classify_figures(figures, history)
    kommune_of = {f.pk: f.area.municipality for f in figures}
    kommune_of_area = {f.area_id: f.area.municipality for f in figures}
    from_stored = {
        kommune_of[pk]: c.classes["omdannelse"] for pk, c in stored.items() if c.list_year == 2023
    }
    from_figures = {
        kommune_of_area[area_id]: c.classes["omdannelse"]
        for area_id, items in by_area.items()
        for c in items
        if c.list_year == 2023
    }
    assert from_stored == from_figures
    assert {c.area for c in stored.values()} == {"Vestervang"}
    return from_stored


def test_an_area_s_earlier_years_are_not_history_for_a_namesake_in_another_kommune(db):
    store_listed_figures("Viborg", range(2019, 2024))
    store_listed_figures("Testkommune", [2023])

    omdannelse = omdannelse_2023(complete_history())

    assert omdannelse == {"Viborg": "yes", "Testkommune": "no"}


def test_published_listings_count_only_for_the_area_in_their_kommune(db):
    store_listed_figures("Viborg", [2023])
    store_listed_figures("Testkommune", [2023])
    listings = [
        Listing(year, "parallelsamfund", "Vestervang", "Viborg", "Vestervang", "confirmed", "")
        for year in range(2019, 2023)
    ]

    omdannelse = omdannelse_2023(complete_history(*listings))

    assert omdannelse == {"Viborg": "yes", "Testkommune": "no"}
