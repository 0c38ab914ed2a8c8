"""What plans computes for its pages, without the pages (they live in `pages`)."""

from helhedsplan.plans.summary import danish_sort_key, department_rows


def test_danish_order_puts_ae_oe_aa_after_z_on_every_database():
    names = ["Åbyhøj", "Ørum", "Zealand", "Aarhus", "Ærø"]

    assert sorted(names, key=danish_sort_key) == ["Aarhus", "Zealand", "Ærø", "Ørum", "Åbyhøj"]


def test_department_rows_are_every_department_in_danish_order_with_its_latest_residents(
    plan_2025,
):
    rows = department_rows(plan_2025)

    names = [department.name for department in rows]
    assert len(rows) == plan_2025.departments.count()
    assert names == sorted(names, key=danish_sort_key)
    for department in rows:
        years = [r.year for r in department.residents.all()]
        assert (department.latest_residents.year if years else None) == max(years, default=None)
