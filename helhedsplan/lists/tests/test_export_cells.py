"""The classification CSV writes area names as inert text and margins as plain numbers."""

import csv
import io
from decimal import Decimal

from helhedsplan.lists.criteria import CLASS_COLUMNS, CRITERIA, Classification, CriterionResult
from helhedsplan.lists.output import write_csv


def test_an_area_named_like_a_formula_is_neutralised_and_a_negative_margin_is_kept():
    criterion = next(iter(CRITERIA))
    result = CriterionResult(
        criterion, "udsat", "main", ">=", Decimal("1.5"), Decimal("2"), False, Decimal("-0.5")
    )
    item = Classification(
        area='=HYPERLINK("http://x","y")',
        list_year=2023,
        rule_set="2021",
        residents=1200,
        residents_ok=True,
        results=[result],
        classes={column: "no" for column in CLASS_COLUMNS},
        missing=[],
    )

    [row] = list(csv.DictReader(io.StringIO(write_csv([item]))))

    assert row["area"] == '\'=HYPERLINK("http://x","y")'
    assert row[f"margin_{criterion}"] == "-0.5"
