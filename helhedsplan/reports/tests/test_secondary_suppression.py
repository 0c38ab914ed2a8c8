"""The monitoring report hides what the pages hide from readers: a small count as "<5", and
beside the plan's total the next-smallest department as "x" (docs/disclosure.md)."""

import datetime

from django.utils import translation

from helhedsplan.monitoring.actions import import_observations
from helhedsplan.monitoring.layouts import load_layout
from helhedsplan.monitoring.tests.files import long_csv
from helhedsplan.reports.data import monitoring_report
from helhedsplan.reports.formatting import text

COMPLAINTS = "Antal beboerklagesager"


def complaints_2028(plan, rows):
    lines = [
        (name, "beboerklager", f"2028H{half}", value, "", "")
        for name, values in rows
        for half, value in zip((1, 2), values, strict=True)
    ]
    import_observations(plan, [long_csv(*lines)], load_layout("long"))


def shown_in_department_section(report, department: str) -> str:
    [section] = [s for s in report.sections if s.title == department]
    [table] = [b for b in section.blocks if hasattr(b, "rows")]
    [row] = [r for r in table.rows if r[0] == COMPLAINTS]
    return text(row[2], report.limit)


def test_the_report_hides_a_small_count_and_the_next_smallest_beside_the_total(plan_2025):
    complaints_2028(
        plan_2025, [("Houlkærvænget", (1, 1)), ("Vestervang", (3, 4)), ("Ringparken", (10, 10))]
    )

    with translation.override("da"):
        report = monitoring_report(plan_2025, "2028H2", today=datetime.date(2029, 1, 15))

    assert shown_in_department_section(report, "Afd. 12 Houlkærvænget") == "<5"
    assert shown_in_department_section(report, "Afd. 10 Vestervang") == "x"
    assert shown_in_department_section(report, "Afd. 6 Ringparken") == "20"
    assert any(note.startswith("x:") for note in report.footnotes)


def test_the_reports_needs_matrix_hides_the_same_cells_as_the_page(plan_2025):
    complaints_2028(
        plan_2025, [("Houlkærvænget", (1, 1)), ("Vestervang", (3, 4)), ("Ringparken", (10, 10))]
    )

    with translation.override("da"):
        report = monitoring_report(plan_2025, "2028H2", today=datetime.date(2029, 1, 15))

    [section] = [s for s in report.sections if s.key == "matrix"]
    [table] = [b for b in section.blocks if hasattr(b, "rows")]
    column = table.columns.index(f"{COMPLAINTS} (2028)")
    shown = {row[0]: text(row[column], report.limit) for row in table.rows}
    assert shown["Afd. 12 Houlkærvænget"] == "<5"
    assert shown["Afd. 10 Vestervang"] == "x"
    assert shown["Afd. 6 Ringparken"] == "20"
