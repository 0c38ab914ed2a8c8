"""A report's workbook writes titles, names and texts from user data as inert text."""

import io

import openpyxl
from django.utils import translation

from helhedsplan.agreements.models import SubAgreementVersion
from helhedsplan.reports.agreement import agreement_report
from helhedsplan.reports.render_xlsx import render_xlsx

FORMULA = '=HYPERLINK("http://x","y")'


def test_the_report_workbook_never_holds_a_formula_from_user_data(plan_2017):
    version = SubAgreementVersion.objects.filter(sub_agreement__plan=plan_2017).first()
    content = dict(version.content)
    content["title"] = FORMULA
    content["activities"] = [
        {**a, "success_criteria": [{**c, "text": "@SUM(A1)"} for c in a["success_criteria"]]}
        for a in content["activities"]
    ]
    version.content = content  # in memory only: versions are kept as they were saved
    plan_2017.name = "+1+1"

    with translation.override("da"):
        workbook = render_xlsx(agreement_report(plan_2017, version))

    book = openpyxl.load_workbook(io.BytesIO(workbook))
    cells = [c for s in book.worksheets for row in s.iter_rows() for c in row if c.value]
    assert not [(c.parent.title, c.coordinate) for c in cells if c.data_type == "f"]
    texts = [c.value for c in cells if c.data_type == "s"]
    assert any(text.startswith("'" + FORMULA) for text in texts)  # the title
    assert any(text.startswith("'+1+1 ") for text in texts)  # the subtitle with the plan
    assert "'@SUM(A1)" in texts
    assert 32 in [c.value for c in cells]  # numbers stay numbers (seed 004's complaints)
