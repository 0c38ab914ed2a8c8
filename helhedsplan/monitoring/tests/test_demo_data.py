"""The demo plans hold several years of data: the seeds' numbers and labelled synthetic data."""

from decimal import Decimal

from helhedsplan.monitoring.models import ImportBatch, Observation

SEED_PLAN = ["44", "44.24", "45.39", "43.93", "41.08", "39.40", "39.79", "39.54", "37.50"]
SEED_MUNICIPALITY = [
    "15.08",
    "14.83",
    "14.80",
    "14.51",
    "14.07",
    "13.91",
    "14.68",
    "13.97",
    "13.49",
]


def series(plan, indicator, subject):
    return [
        o.value
        for o in Observation.objects.filter(
            plan=plan, definition__key=indicator, subject_key=subject
        ).order_by("period_start")
    ]


def test_the_18_64_series_of_seed_000_is_loaded_for_the_plan_and_the_municipality(plan_2025):
    plan = series(plan_2025, "lbf-18-64-uden-tilknytning", "plan")
    municipality = series(plan_2025, "lbf-18-64-uden-tilknytning", "municipality:Viborg Kommune")

    assert plan == [Decimal(v) for v in SEED_PLAN]
    assert municipality[:9] == [Decimal(v) for v in SEED_MUNICIPALITY]


def test_the_move_out_baselines_of_the_seeds_are_loaded(plan_2025, plan_2017):
    [lindon] = series(plan_2025, "fraflytningsprocent", "department:lindon")[:1]
    egeparken = series(plan_2017, "fraflytningsprocent", "department:egeparken")

    assert lindon == Decimal(60)
    assert egeparken[0] == Decimal("26.80")
    assert len(egeparken) == 6


def test_every_synthetic_file_says_so(db):
    for batch in ImportBatch.objects.all():
        if "syntetisk" in batch.files:
            assert "Syntetiske demodata" in batch.provenance
        else:
            assert batch.provenance.startswith("Seed 00")


def test_each_department_of_the_2025_plan_has_several_years_of_data(plan_2025):
    for department in plan_2025.departments.all():
        periods = set(
            department.observations.filter(status="value").values_list(
                "period_start__year", flat=True
            )
        )
        assert len(periods) >= 3, department
