"""The shipped layouts read their example files; a moved column needs a new layout, not code."""

from decimal import Decimal

import pytest

from helhedsplan.monitoring.actions import ImportRejected, choose_layout, import_observations
from helhedsplan.monitoring.layouts import LayoutError, load_layout, parse_layout
from helhedsplan.monitoring.models import Observation

from .files import csv_file, example, xlsx_file


def values(plan, indicator, subject):
    return {
        o.period_label: (o.value, o.denominator, o.status)
        for o in Observation.objects.filter(
            plan=plan, definition__key=indicator, subject_key=subject
        )
    }


def test_the_lbf_wide_example_reads_years_danish_numbers_and_dashes(plan_2025):
    import_observations(plan_2025, [example("lbf-wide.xlsx")], load_layout("lbf-wide"))

    houlkaer = values(plan_2025, "lbf-18-64-uden-tilknytning", "department:houlkaervaenget")
    ellekone = values(plan_2025, "lbf-18-64-uden-tilknytning", "department:ellekonebakken")
    kloster = values(plan_2025, "lbf-18-64-uden-tilknytning", "department:klostervaenget")
    municipality = values(plan_2025, "lbf-18-64-uden-tilknytning", "municipality:Viborg Kommune")

    assert houlkaer["2024"] == (Decimal("38.0"), Decimal(640), "value")
    assert houlkaer["2025"] == (Decimal("36.5"), Decimal(652), "value")
    assert ellekone["2024"][0] == Decimal("42.70")
    assert ellekone["2025"] == (None, Decimal(396), "suppressed")
    assert kloster["2024"] == (None, Decimal(380), "not_available")
    assert municipality["2025"] == (Decimal("12.90"), Decimal(58911), "value")


def test_the_criteria_table_reads_one_column_per_measure(plan_2025):
    import_observations(plan_2025, [example("lbf-kriterier.csv")], load_layout("lbf-kriterier"))

    crime = values(plan_2025, "kriterie-doemte", "department:houlkaervaenget")
    solgaarden = values(plan_2025, "kriterie-bruttoindkomst", "department:solgaarden")

    assert crime["2025"][0] == Decimal("1.02")
    assert solgaarden["2025"][2] == "suppressed"


def test_the_housing_organisation_example_reads_half_years(plan_2025):
    import_observations(
        plan_2025, [example("boligorganisation.xlsx")], load_layout("boligorganisation")
    )

    evictions = values(plan_2025, "udsaettelser-effektive", "department:houlkaervaenget")
    complaints = values(plan_2025, "beboerklager", "department:houlkaervaenget")

    assert evictions["2026H1"][0] == Decimal(1)
    assert evictions["2026H2"] == (Decimal(0), None, "value")  # blank means zero here
    assert complaints["2026H2"] == (None, None, "not_available")  # but not here


def test_a_release_with_moved_and_renamed_columns_needs_only_a_new_layout(plan_2025):
    moved = xlsx_file(
        "tabel-9a-2027.xlsx",
        {
            "Ark": [
                ["Periode", "Andel (%)", "Boligafdeling"],
                ["2025", "35,5", "Houlkærvænget"],
            ]
        },
    )
    layout = parse_layout(
        """
name: lbf-2027
title: LBF release 2027
tables:
  - sheet: Ark
    subject: {column: Boligafdeling}
    period_column: Periode
    values:
      - {column: Andel (%), indicator: lbf-18-64-uden-tilknytning}
"""
    )

    import_observations(plan_2025, [moved], layout)

    assert values(plan_2025, "lbf-18-64-uden-tilknytning", "department:houlkaervaenget")["2025"][
        0
    ] == Decimal("35.5")


def test_a_shipped_layout_that_does_not_fit_says_which_sheet_is_missing(plan_2025):
    with pytest.raises(ImportRejected) as rejected:
        import_observations(plan_2025, [example("long.csv")], load_layout("lbf-wide"))

    assert rejected.value.problems[0].message == "the layout's sheet is missing"


def test_the_layout_is_found_from_the_files_columns():
    assert choose_layout([example("boligorganisation.xlsx")]).name == "boligorganisation"
    assert choose_layout([example("lbf-wide.xlsx")]).name == "lbf-wide"
    assert choose_layout([example("long.csv")]).name == "long"


def test_a_file_no_layout_fits_is_refused():
    with pytest.raises(ImportRejected):
        choose_layout([csv_file("x.csv", [["a", "b"], ["1", "2"]])])


def test_a_broken_layout_is_refused_with_its_problem():
    with pytest.raises(LayoutError):
        parse_layout("name: x\ntitle: y\ntables: [{subject: {column: a}, values: [{}]}]")
    with pytest.raises(LayoutError):
        load_layout("no-such-layout")
