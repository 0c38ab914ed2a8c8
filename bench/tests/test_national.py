"""The synthetic national dataset (at a tiny scale) and the SQL baseline of the benchmark."""

from pathlib import Path

import pytest
from django.db import connection

from bench.generate_national import main
from bench.national import Sizes, generate
from helhedsplan.lists.areas import classify_figures
from helhedsplan.lists.models import AreaFigures
from helhedsplan.monitoring.models import Observation
from helhedsplan.plans.models import Plan

SQL = Path(__file__).resolve().parents[1] / "classification.sql"


def test_full_scale_has_the_sizes_the_issue_names():
    sizes = Sizes.at(1)

    assert (sizes.departments, sizes.areas, sizes.plans) == (8000, 2000, 100)
    assert (sizes.events, sizes.cases) == (1_000_000, 20_000)
    assert sizes.observations == 3_200_000


def test_the_generator_makes_plans_of_realistic_size_marked_synthetic(db):
    made = generate(0.002, progress=lambda text: None)

    plans = Plan.objects.filter(slug__startswith="syntetisk-").order_by("slug")
    assert made["plans"] == plans.count() == 2
    assert plans[0].departments.count() == 15
    assert made["observations"] == Observation.objects.filter(plan__in=plans).count()
    assert not AreaFigures.objects.filter(area__name__startswith="Syntetisk", synthetic=False)
    assert {o.batch.provenance for o in Observation.objects.filter(plan__in=plans)[:50]} == {
        "Syntetiske data (generate-national)"
    }


def test_generate_national_refuses_a_scale_over_one(capsys):
    with pytest.raises(SystemExit):
        main(["--scale", "2"])

    assert "at most 1" in capsys.readouterr().err


def test_generate_national_writes_the_dataset_it_describes(db):
    printed = []

    made = main(["--scale", "0.002", "--seed", "3"], out=printed.append)

    assert made["plans"] == Plan.objects.filter(slug__startswith="syntetisk-").count() == 2
    assert printed[0].endswith(f"-> {Sizes.at(0.002).observations} department observations")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the baseline is PostgreSQL SQL")
def test_the_sql_baseline_classifies_as_the_engine_does(db):
    generate(0.002, progress=lambda text: None)
    figures = list(
        AreaFigures.objects.filter(area__name__startswith="Syntetisk område").select_related("area")
    )
    by_area, _names = classify_figures(figures)
    ids = {(f.area_id, f.list_year): f.pk for f in figures}
    by_engine = {ids[a, c.list_year]: c.classes for a, items in by_area.items() for c in items}
    words = {0: "no", 1: "unknown", 2: "yes", None: "n/a"}

    with connection.cursor() as cursor:
        cursor.execute(SQL.read_text())
        by_sql = {
            row[0]: dict(
                zip(
                    ("udsat", "parallelsamfund", "omdannelse", "forebyggelse"),
                    (words[v] for v in row[1:]),
                    strict=True,
                )
            )
            for row in cursor.fetchall()
        }

    assert {pk: by_sql[pk] for pk in by_engine} == by_engine
