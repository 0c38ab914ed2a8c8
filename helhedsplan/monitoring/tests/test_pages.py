"""The monitoring pages: Danish numbers, charts without JavaScript, the needs matrix, upload."""

import io
import re
from html import unescape

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from helhedsplan.accounts.models import Role
from helhedsplan.monitoring import report
from helhedsplan.monitoring.models import ImportBatch, Observation, PendingImport

from .files import EXAMPLES, long_csv


def page(client, name, plan, **query):
    response = client.get(reverse(name, args=[plan.slug]), query, HTTP_ACCEPT_LANGUAGE="da")
    assert response.status_code == 200
    return response


def test_the_department_page_charts_each_indicator_beside_the_municipality(plan_2025, member):
    url = reverse("plans:department", args=[plan_2025.slug, "houlkaervaenget"])

    client = member(plan_2025)
    html = client.get(url).content.decode()

    charts = re.findall(r'<img src="([^"]+/charts/[^"]+\.svg\?v=\w+)"', html)
    assert len(charts) >= 5
    assert "Andel 18-64-årige uden tilknytning til arbejdsmarked og uddannelse" in html
    assert "36 %" in html  # a Danish number in the figures under the chart
    [chart] = [c for c in charts if "/lbf-18-64-uden-tilknytning.svg" in c]
    response = client.get(unescape(chart))
    svg = response.content.decode()
    assert response["Content-Type"].startswith("image/svg+xml") and svg.startswith("<svg")
    assert "Viborg Kommune" in svg  # the municipality's line beside the department's
    assert "immutable" in response["Cache-Control"]  # kept for good under its version


def test_a_chart_asked_for_under_an_old_version_is_not_kept(plan_2025, member):
    url = reverse(
        "plans:department_chart",
        args=[plan_2025.slug, "houlkaervaenget", "lbf-18-64-uden-tilknytning"],
    )

    client = member(plan_2025)
    response = client.get(url, {"v": "outdated"})

    assert response.status_code == 200 and response["Cache-Control"] == "private, no-cache"
    unknown = url.replace("lbf-18-64-uden-tilknytning", "no-such-indicator")
    assert client.get(unknown).status_code == 404


def test_the_department_page_shows_target_status_with_its_reason(plan_2017, member):
    url = reverse("plans:department", args=[plan_2017.slug, "ellekonebakken"])

    html = member(plan_2017).get(url).content.decode()

    assert "Antallet af beboer-klagesager pr. afdeling må ikke overstige niveauet for 2015" in html
    assert "baseline 32 in 2015" in html or "32 i 2015" in html
    assert 'class="target-' in html


def test_the_overview_weights_departments_and_says_what_it_covers(plan_2025, member):
    response = page(member(plan_2025), "monitoring:overview", plan_2025)

    [row] = [
        r for r in response.context["rows"] if r["definition"].key == "lbf-18-64-uden-tilknytning"
    ]
    assert row["period"] == "2024"
    assert row["aggregate"].covered < row["aggregate"].total  # suppressed departments left out
    assert row["aggregate"].note.startswith(f"{row['aggregate'].covered} ")
    assert "17" in row["aggregate"].note


def test_each_area_is_weighted_from_its_own_departments_only(plan_2025, member):
    response = page(member(plan_2025), "monitoring:overview", plan_2025)

    [row] = [
        r for r in response.context["rows"] if r["definition"].key == "lbf-18-64-uden-tilknytning"
    ]
    [(group, result, value)] = [g for g in row["groups"] if g[0].name == "Rønne Allé"]
    area = plan_2025.departments.filter(area__name="Rønne Allé")
    assert sorted(group.keys) == sorted(d.key for d in area) and len(group.keys) == 3
    known = Observation.objects.filter(
        plan=plan_2025,
        department__in=area,
        definition__key="lbf-18-64-uden-tilknytning",
        period_label=row["period"],
        value__isnull=False,
    )
    expected = sum(o.value * o.denominator for o in known) / sum(o.denominator for o in known)
    assert value == round(expected, 1)
    assert result.covered == len(known) and result.total == 3
    assert result.note.startswith(f"{len(known)} af 3 afdelinger")
    assert "Rønne Allé" in response.content.decode()


def test_the_needs_matrix_puts_the_neediest_department_first_when_sorted(plan_2025, member):
    client = member(plan_2025)
    html = page(client, "monitoring:matrix", plan_2025, sort="fraflytningsprocent").content
    again = page(client, "monitoring:matrix", plan_2025, sort="fraflytningsprocent").content

    _departments, columns = report.matrix(plan_2025)
    column = next(c for c in columns if c.key == "fraflytningsprocent")
    by_url = {d.get_absolute_url(): d.key for d in plan_2025.departments.all()}
    links = re.findall(r'<th scope="row"><a href="([^"]+)"', html.decode())
    departments = [by_url[link] for link in links]
    needs = [column.cells[k].need for k in departments if column.cells[k].need is not None]
    assert needs == sorted(needs, reverse=True)
    assert departments[0] == "lindon"  # 60 % in 2023 (seed 002) and the highest since
    table = re.compile(rb'<div class="table-scroll">.*</table>', re.S)
    assert table.search(again).group() == table.search(html).group()  # kept, and the same


def test_the_needs_matrix_downloads_as_xlsx_with_the_same_colours(plan_2025, member):
    response = page(member(plan_2025), "monitoring:matrix_xlsx", plan_2025)

    book = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = book.active
    headers = [c.value for c in sheet[3]]
    column = headers.index("Fraflytningsprocent (andel årlige fraflytninger)") + 1
    lindon = next(r for r in sheet.iter_rows(min_row=7) if "Lindon" in str(r[0].value))
    assert lindon[column - 1].fill.fgColor.rgb.endswith("F19C9C")  # much worse: red


def test_a_staff_member_previews_then_imports_and_the_import_keeps_provenance(plan_2025, member):
    staff = member(plan_2025, Role.STAFF)
    url = reverse("monitoring:upload", args=[plan_2025.slug])
    before = Observation.objects.count()

    with (EXAMPLES / "long.csv").open("rb") as upload:
        preview = staff.post(url, {"files": upload, "provenance": "Testudtræk"})

    assert preview.status_code == 200
    assert preview.context["outcome"].summary()["added"] == 8
    assert Observation.objects.count() == before  # a preview writes nothing

    done = staff.post(url, {"confirm": "1", "pending": preview.context["pending"].pk})

    assert done.status_code == 302
    assert Observation.objects.count() == before + 8
    batch = ImportBatch.objects.latest("pk")
    assert (batch.user, batch.provenance, batch.files) == (staff.user, "Testudtræk", "long.csv")
    assert PendingImport.objects.get().files == []  # done: the uploaded files are not kept


def test_an_upload_with_problems_lists_them_offers_a_csv_and_writes_nothing(plan_2025, member):
    staff = member(plan_2025, Role.STAFF)
    name, content = long_csv(
        ["Nowhere", "fraflytningsprocent", "2026", "1", "", ""], name="bad.csv"
    )
    upload = SimpleUploadedFile(name, content, content_type="text/csv")
    before = Observation.objects.count()

    response = staff.post(
        reverse("monitoring:upload", args=[plan_2025.slug]),
        {"files": upload, "layout": "long"},
    )

    assert response.status_code == 400
    html = response.content.decode()
    [problem] = response.context["problems"]
    assert (problem.file, problem.row, problem.column) == ("bad.csv", 2, "A (afdeling)")
    assert "Nowhere" in html
    assert "data:text/csv" in html
    assert Observation.objects.count() == before
    assert not PendingImport.objects.exists()


def test_the_catalogue_page_lists_indicators_and_layouts(plan_2025, member):
    html = page(member(plan_2025), "monitoring:catalogue", plan_2025).content.decode()

    assert "fraflytningsprocent" in html and "lbf-wide" in html
