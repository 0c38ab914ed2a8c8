"""Readers see small counts as the reports show them ("<5", and "x" beside a total); staff and
plan admins see them exactly, on every page, chart and export (docs/disclosure.md)."""

import io
import re
from html import unescape

import openpyxl
import pytest
from django.urls import reverse

from helhedsplan.accounts.models import Role
from helhedsplan.monitoring import report
from helhedsplan.monitoring.actions import import_observations
from helhedsplan.monitoring.layouts import load_layout

from .files import long_csv

COMPLAINTS = "beboerklager"  # a count of households, added up over half-years


@pytest.fixture
def complaints_2028(plan_2025):
    """Complaints in 2028: Houlkærvænget 2 (small), Vestervang 7, Ringparken 20 (total 29)."""
    rows = [
        (name, COMPLAINTS, f"2028H{half}", value, "", "")
        for name, values in [
            ("Houlkærvænget", (1, 1)),
            ("Vestervang", (3, 4)),
            ("Ringparken", (10, 10)),
        ]
        for half, value in zip((1, 2), values, strict=True)
    ]
    import_observations(plan_2025, [long_csv(*rows)], load_layout("long"))
    return plan_2025


def department_page(client, plan, key):
    url = reverse("plans:department", args=[plan.slug, key])
    return client.get(url, HTTP_ACCEPT_LANGUAGE="da").content.decode()


def figure_2028(html: str) -> str:
    """The 2028 figure under the complaints chart of a department page."""
    section = html[html.index("Antal beboerklagesager") :]
    return re.search(r"<td>2028</td><td class=\"number\">(.*?)</td>", section)[1]


def test_a_reader_sees_a_small_count_on_the_department_page_as_under_five(complaints_2028, member):
    reader = member(complaints_2028, Role.READER)

    html = department_page(reader, complaints_2028, "houlkaervaenget")

    assert ">&lt;5<" in figure_2028(html)
    latest = re.search(r"Seneste \(2028\): (.*?)\n", html[html.index("Antal beboerklagesager") :])
    assert "&lt;5" in latest[1]


def test_staff_see_the_exact_count_on_the_department_page(complaints_2028, member):
    staff = member(complaints_2028, Role.STAFF)

    html = department_page(staff, complaints_2028, "houlkaervaenget")

    assert figure_2028(html) == "2"


def test_a_page_kept_for_staff_is_not_shown_to_a_reader(complaints_2028, member):
    staff = member(complaints_2028, Role.STAFF)
    reader = member(complaints_2028, Role.READER)

    first = department_page(staff, complaints_2028, "houlkaervaenget")
    then = department_page(reader, complaints_2028, "houlkaervaenget")

    assert figure_2028(first) == "2"
    assert "&lt;5" in figure_2028(then)


def chart(client, plan, key):
    html = department_page(client, plan, key)
    [url] = re.findall(rf'<img src="([^"]+/charts/{COMPLAINTS}\.svg\?v=\w+)"', html)
    response = client.get(unescape(url))
    assert response.status_code == 200
    return url, response.content.decode()


def plotted_2028(svg: str) -> list[str]:
    """The values a chart plots for 2028 (each point's accessible label names its value)."""
    return re.findall(r"periode: 2028; antal: ([\d.,]+); serie: Afd. 12", svg)


def test_a_readers_chart_does_not_plot_a_small_count_even_after_staff_drew_it(
    complaints_2028, member
):
    staff = member(complaints_2028, Role.STAFF)
    reader = member(complaints_2028, Role.READER)

    staff_url, staff_svg = chart(staff, complaints_2028, "houlkaervaenget")
    reader_url, reader_svg = chart(reader, complaints_2028, "houlkaervaenget")

    assert plotted_2028(staff_svg) == ["2"]
    assert plotted_2028(reader_svg) == []
    assert "tegnes ikke (diskretionsgrænse)" in reader_svg
    assert "diskretionsgrænse" not in staff_svg
    assert staff_url != reader_url  # the browser's and the cache's key differ too
    # The staff member's address asked by a reader is still drawn for the reader.
    assert plotted_2028(reader.get(unescape(staff_url)).content.decode()) == []


def matrix_cells(client, plan) -> dict[str, str]:
    html = client.get(
        reverse("monitoring:matrix", args=[plan.slug]), HTTP_ACCEPT_LANGUAGE="da"
    ).content.decode()
    header = re.findall(r'<th scope="col" class="number"[^>]*><a href="[^"]*">(.*?)</a>', html)
    column = header.index("Antal beboerklagesager")
    cells = {}
    for name, row in re.findall(
        r'<tr><th scope="row"><a href="[^"]+">(.*?)</a></th>(.*?)</tr>', html, re.S
    ):
        values = re.findall(r"<td [^>]*>(.*?)</td>", row)
        cells[unescape(name)] = values[column]
    return cells


def test_a_reader_sees_small_counts_hidden_in_the_needs_matrix_and_one_more_beside_the_total(
    complaints_2028, member
):
    reader = member(complaints_2028, Role.READER)

    cells = matrix_cells(reader, complaints_2028)

    assert ">&lt;5<" in cells["Afd. 12 Houlkærvænget"]
    assert ">x<" in cells["Afd. 10 Vestervang"]  # 7, or 29 - 20 - 7 would give the 2 away
    assert cells["Afd. 6 Ringparken"] == "20"


def test_staff_see_the_exact_needs_matrix(complaints_2028, member):
    staff = member(complaints_2028, Role.STAFF)

    cells = matrix_cells(staff, complaints_2028)

    assert cells["Afd. 12 Houlkærvænget"] == "2"
    assert (cells["Afd. 10 Vestervang"], cells["Afd. 6 Ringparken"]) == ("7", "20")


def matrix_workbook(client, plan) -> list[tuple]:
    response = client.get(reverse("monitoring:matrix_xlsx", args=[plan.slug]))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    column = rows[2].index("Antal beboerklagesager")
    return {row[0]: row[column] for row in rows[6:] if row[0]}


def test_the_needs_matrix_workbook_hides_small_counts_from_a_reader_only(complaints_2028, member):
    reader = member(complaints_2028, Role.READER)
    staff = member(complaints_2028, Role.STAFF)

    for_reader = matrix_workbook(reader, complaints_2028)
    for_staff = matrix_workbook(staff, complaints_2028)

    assert for_reader["Afd. 12 Houlkærvænget"] == "<5"
    assert for_staff["Afd. 12 Houlkærvænget"] == 2
    assert 7 in for_staff.values() and 7 not in for_reader.values()


def test_no_hidden_count_follows_from_the_overviews_totals(complaints_2028):
    departments, columns = report.matrix_for(complaints_2028, exact=False)
    [column] = [c for c in columns if c.key == COMPLAINTS]
    [row] = [
        r
        for r in report.aggregates_for(complaints_2028, exact=False)
        if r["definition"].key == COMPLAINTS
    ]
    groups = report.groups(complaints_2028, departments)

    shown_totals = [row["value"], *(value for _g, _r, value in row["groups"])]
    for group, total in zip(groups, shown_totals, strict=True):
        cells = [column.cells[key].point for key in group.keys]
        known = [
            p for p in cells if p is not None and (p.known or p.status in ("small", "secondary"))
        ]
        hidden = [p for p in known if not p.known]
        total_hidden = not isinstance(total, (int, float)) and getattr(total, "hidden", False)
        assert len(hidden) + total_hidden != 1, group.name


def test_a_reader_sees_the_overview_and_case_counts_without_small_counts(complaints_2028, member):
    reader = member(complaints_2028, Role.READER)
    staff = member(complaints_2028, Role.STAFF)
    url = reverse("monitoring:overview", args=[complaints_2028.slug])

    for_reader = reader.get(url, HTTP_ACCEPT_LANGUAGE="da").content.decode()
    for_staff = staff.get(url, HTTP_ACCEPT_LANGUAGE="da").content.decode()

    # The demo plan's cases: 1 opened in Houlkærvænget in 2025 (staff without the case role
    # see case counts as readers do).
    assert (
        re.search(
            r"<td>2025</td><td>Afd. 12 Houlkærvænget</td><td class=\"number\">1</td>", for_staff
        )
        is None
    )
    assert (
        re.search(
            r"<td>2025</td><td>Afd. 12 Houlkærvænget</td><td class=\"number\">1</td>", for_reader
        )
        is None
    )
    assert 'Afd. 12 Houlkærvænget</td><td class="number"><span class="small-count"' in for_reader
    assert "29" in for_staff


def test_a_readers_pages_say_what_under_five_and_x_mean_and_staff_pages_do_not(
    complaints_2028, member
):
    reader = member(complaints_2028, Role.READER)
    staff = member(complaints_2028, Role.STAFF)
    matrix = reverse("monitoring:matrix", args=[complaints_2028.slug])

    for_reader = reader.get(matrix, HTTP_ACCEPT_LANGUAGE="da").content.decode()
    for_staff = staff.get(matrix, HTTP_ACCEPT_LANGUAGE="da").content.decode()

    assert "disclosure-note" in for_reader and "diskretionsgrænse" in for_reader
    assert "disclosure-note" not in for_staff
    assert "disclosure-note" in department_page(reader, complaints_2028, "houlkaervaenget")


def test_a_reader_sees_a_small_baseline_count_of_the_department_as_under_five(plan_2025, member):
    from helhedsplan.goals.models import Baseline, Indicator

    goal = plan_2025.goals.first()
    indicator = Indicator.objects.create(
        plan=plan_2025, goal=goal, key="udsaettelser-test", name="Udsættelser (test)", unit="count"
    )
    department = plan_2025.departments.get(key="houlkaervaenget")
    Baseline.objects.create(
        indicator=indicator, scope="department", department=department, year=2023, value=3
    )
    row = re.compile(
        r"<td>Udsættelser \(test\)</td><td class=\"number\">2023</td>"
        r"<td class=\"number\">(.*?)</td>"
    )

    for_reader = department_page(member(plan_2025, Role.READER), plan_2025, "houlkaervaenget")
    for_staff = department_page(member(plan_2025, Role.STAFF), plan_2025, "houlkaervaenget")

    assert "&lt;5" in row.search(for_reader)[1]
    assert row.search(for_staff)[1] == "3"


def overview_row(client, plan) -> str:
    html = client.get(
        reverse("monitoring:overview", args=[plan.slug]), HTTP_ACCEPT_LANGUAGE="da"
    ).content.decode()
    return re.search(
        r"<td>Antal beboerklagesager</td>\s*<td>2028</td>\s*<td class=\"number\">(.*?)</td>", html
    )[1]


def test_a_reader_sees_a_small_total_over_the_departments_as_under_five(plan_2025, member):
    rows = [("Houlkærvænget", COMPLAINTS, f"2028H{half}", 1, "", "") for half in (1, 2)]
    import_observations(plan_2025, [long_csv(*rows)], load_layout("long"))

    for_reader = overview_row(member(plan_2025, Role.READER), plan_2025)
    for_staff = overview_row(member(plan_2025, Role.STAFF), plan_2025)

    assert "&lt;5" in for_reader
    assert for_staff == "2"
