"""The shipped demo plans carry the seeds' numbers (a sample, checked against the documents)."""

from decimal import Decimal

from helhedsplan.agreements.models import Activity, SuccessCriterion
from helhedsplan.goals.models import Baseline
from helhedsplan.plans.summary import budget_summary


def baseline(plan, indicator_name_part, **filters):
    return Baseline.objects.get(
        indicator__plan=plan, indicator__name__icontains=indicator_name_part, **filters
    )


def test_viborg_2025_has_all_departments_and_their_facts(plan_2025):
    assert plan_2025.project_year_start_month == 8
    assert str(plan_2025.period_start) == "2025-08-01"
    assert plan_2025.departments.count() == 17  # the 15 rows, with 71, 73 and 75 apart
    houlkaer = plan_2025.departments.get(key="houlkaervaenget")
    assert (houlkaer.number, houlkaer.tenancies, houlkaer.built) == ("12", 504, "1968-1971")
    assert houlkaer.residents.get(year=2023).value == 1102
    assert plan_2025.departments.get(key="ellekonebakken").tenancies == 474
    assert plan_2025.departments.get(key="vestervang").tenancies == 319
    assert plan_2025.stated_tenancies == 2470


def test_rønne_allé_area_groups_three_departments(plan_2025):
    area = plan_2025.departments.get(key="roenne-alle").area
    numbers = sorted(area.departments.filter(plan=plan_2025).values_list("number", flat=True))
    assert numbers == ["71", "73", "75"]


def test_suppressed_residents_are_not_zero(plan_2025):
    residents = plan_2025.departments.get(key="solgaarden").residents.get(year=2023)
    assert residents.status == "suppressed"
    assert residents.value is None


def test_lbf_goals_table_baselines_match_seed_000(plan_2025):
    assert baseline(plan_2025, "dagtilbud", scope="plan").value == Decimal("97.95")
    assert baseline(plan_2025, "dagtilbud", scope="municipality").value == Decimal("82.77")
    assert baseline(plan_2025, "dagtilbud", scope="plan").year == 2021
    assert baseline(plan_2025, "restgruppen", scope="plan").value == Decimal("25.95")
    assert baseline(plan_2025, "restgruppen", scope="municipality").value == Decimal("14.25")


def test_move_out_baselines_per_department_match_seed_002(plan_2025):
    def move_out(key):
        return baseline(plan_2025, "fraflytning", department__key=key).value

    assert move_out("lindon") == Decimal("60")
    assert move_out("engholmvej") == Decimal("27.3")
    assert move_out("ellekonebakken") == Decimal("17.1")


def test_sammenhaengskraft_activities_have_their_staff_hours(plan_2025):
    hours = dict(
        Activity.objects.filter(sub_agreement__plan=plan_2025).values_list("name", "hours_per_week")
    )
    assert sorted(hours.values()) == [Decimal("7"), Decimal("17"), Decimal("25")]
    assert hours["Hverdagsrådgivning"] == Decimal("17")


def test_viborg_2017_local_baselines_match_seed_003(plan_2017):
    assert plan_2017.project_year_start_month == 4
    assert plan_2017.departments.count() == 6
    complaints = baseline(plan_2017, "klage", department__key="ellekonebakken")
    assert (complaints.value, complaints.year) == (Decimal("32"), 2015)
    move_out = baseline(plan_2017, "fraflytning", department__key="vestervang")
    assert move_out.value == Decimal("14.11")


def test_viborg_2017_success_criteria_match_seed_004(plan_2017):
    thresholds = sorted(
        SuccessCriterion.objects.filter(activity__sub_agreement__plan=plan_2017)
        .exclude(threshold=None)
        .values_list("threshold", flat=True)
    )
    assert thresholds == [4, 10, 12, 25, 40, 40, 75, 200, 700]
    volunteers = SuccessCriterion.objects.get(
        activity__sub_agreement__plan=plan_2017, text__startswith="Tilknytning af 40 frivillige"
    )
    assert volunteers.period == "plan_period"
    tours = SuccessCriterion.objects.get(activity__sub_agreement__plan=plan_2017, threshold=4)
    assert tours.per_area


def test_viborg_2017_budget_and_co_financing_share(plan_2017):
    budget = budget_summary(plan_2017)
    assert budget["totals"]["lbf"] == Decimal("14600000")
    assert budget["totals"]["local"] == Decimal("12502000")
    assert round(budget["totals"]["local_share"], 1) == Decimal("46.1")
    (tryghed,) = budget["rows"]
    assert (tryghed.lbf, tryghed.local) == (Decimal("2919000"), Decimal("1991000"))
