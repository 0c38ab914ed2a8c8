"""Classifying the stored area figures as plain rows: the same answer as from model instances,
in a fixed number of queries."""

from dataclasses import asdict
from decimal import Decimal

from helhedsplan.lists.areas import classify_figures, classify_stored
from helhedsplan.lists.demo import load_lists_demo
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
