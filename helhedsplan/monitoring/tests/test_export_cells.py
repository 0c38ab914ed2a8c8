"""The needs matrix XLSX and the problems CSV write names from user data as inert text."""

import csv
import io

import openpyxl
from django.urls import reverse

from helhedsplan.monitoring.extract import Problem
from helhedsplan.monitoring.models import IndicatorDefinition
from helhedsplan.monitoring.problems import problems_csv
from helhedsplan.plans.models import Department

FORMULA = '=HYPERLINK("http://x","y")'


def test_the_needs_matrix_writes_plan_department_and_indicator_names_as_text(plan_2025, member):
    plan_2025.name = FORMULA
    plan_2025.save()
    department = Department.objects.get(plan=plan_2025, key="lindon")
    department.name, department.number = "@SUM(A1)", ""
    department.save()
    definition = IndicatorDefinition.objects.get(key="fraflytningsprocent")
    definition.name = "+1+1"
    definition.save()
    client = member(plan_2025)

    response = client.get(reverse("monitoring:matrix_xlsx", args=[plan_2025.slug]))

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    texts = {cell.value for cell in cells if cell.data_type == "s"}
    assert any(text.startswith("'" + FORMULA) for text in texts)
    assert "'@SUM(A1)" in texts
    assert "'+1+1" in texts
    assert any(cell.data_type == "n" for cell in cells)  # the figures are still numbers


def test_the_problems_csv_neutralises_every_text_and_keeps_the_row_number():
    problem = Problem(file=FORMULA, sheet="+1+1", row=7, column="@SUM(A1)", message="-2+3")

    text = problems_csv([problem])

    [_header, row] = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert row == ["'" + FORMULA, "'+1+1", "7", "'@SUM(A1)", "'-2+3"]
