"""The plan file format's limits are the database's: every text, number and year the schema
accepts fits the column it is imported into, so a file that validates also imports."""

import types
import typing
from enum import Enum

import pytest
from django.core.management import call_command
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations

from helhedsplan.agreements import models as agreements
from helhedsplan.goals import models as goals
from helhedsplan.governance import models as governance
from helhedsplan.planfiles import schema
from helhedsplan.plans import models as plans

from .test_bad_files import VALID, write

PAIRS = [
    (schema.PlanInfo, plans.Plan),
    (schema.Party, plans.Party),
    (schema.Area, plans.Area),
    (schema.Department, plans.Department),
    (schema.Residents, plans.Residents),
    (schema.PlanInterventionArea, plans.PlanInterventionArea),
    (schema.BudgetLine, plans.BudgetLine),
    (schema.Goal, goals.Goal),
    (schema.Indicator, goals.Indicator),
    (schema.Baseline, goals.Baseline),
    (schema.Target, goals.Target),
    (schema.SubAgreement, agreements.SubAgreement),
    (schema.Section, agreements.Section),
    (schema.Activity, agreements.Activity),
    (schema.SuccessCriterion, agreements.SuccessCriterion),
    (schema.Body, governance.Body),
    (schema.Member, governance.Member),
    (schema.CycleStep, governance.CycleStep),
    (schema.Milestone, governance.Milestone),
]


def constraints(field_info) -> tuple[dict, list]:
    """The limits pydantic applies to a field, and the types it accepts."""
    found, kinds = {}, []
    items = list(field_info.metadata)
    pending = [field_info.annotation]
    while pending:
        annotation = pending.pop()
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            items.extend(annotation.__metadata__)
            pending.append(typing.get_args(annotation)[0])
        elif origin in (typing.Union, types.UnionType):
            pending.extend(typing.get_args(annotation))
        else:
            kinds.append(annotation)
    for item in items:
        for name in ("max_length", "max_digits", "decimal_places", "ge", "le"):
            value = getattr(item, name, None)
            if value is not None:
                found[name] = value
    return found, kinds


def stored_fields():
    for schema_class, model in PAIRS:
        for name, field_info in schema_class.model_fields.items():
            try:
                column = model._meta.get_field(name)
            except Exception:
                continue
            if column.concrete and not column.is_relation:
                yield f"{schema_class.__name__}.{name}", field_info, column


@pytest.mark.parametrize(
    ("where", "field_info", "column"), list(stored_fields()), ids=lambda v: str(v)[:40]
)
def test_every_field_the_schema_accepts_fits_its_column(where, field_info, column):
    limits, kinds = constraints(field_info)

    if isinstance(column, models.CharField):
        enums = [kind for kind in kinds if isinstance(kind, type) and issubclass(kind, Enum)]
        if enums:
            assert max(len(member.value) for member in enums[0]) <= column.max_length, where
        else:
            # equal, not just within: what the web lets people save must export and re-import
            assert limits.get("max_length") == column.max_length, where
    elif isinstance(column, models.DecimalField):
        assert limits.get("max_digits", 99) <= min(column.max_digits, schema.MAX_DIGITS), where
        assert limits.get("decimal_places") == column.decimal_places, where
    elif isinstance(column, models.IntegerField):
        low, high = BaseDatabaseOperations.integer_field_ranges[column.get_internal_type()]
        assert limits.get("ge", low - 1) >= low, where
        assert limits.get("le", high + 1) <= high, where


def test_the_named_limits_are_the_database_ones():
    ranges = BaseDatabaseOperations.integer_field_ranges

    assert ranges["PositiveSmallIntegerField"][1] == schema.SMALL_INTEGER_MAX
    assert ranges["PositiveIntegerField"][1] == schema.INTEGER_MAX


AT_THE_LIMITS = {
    "tenancies: 120": (
        "tenancies: 2147483647\n"
        "    distance_to_centre_km: 99999.9\n"
        f"    building_form: {'b' * 300}\n"
        f"    built: {'c' * 100}"
    ),
    'number: "1"': f'number: "{"9" * 20}"',
    "municipality: Testby\n": f"municipality: {'m' * 100}\n",
    "value: 12.5": "value: -99999999999.9999",
    "kind: housing_organisation": f"kind: housing_organisation\n    short_name: {'s' * 60}",
}


def test_a_file_with_every_value_at_its_limit_imports(db, tmp_path):
    text = VALID
    for old, new in AT_THE_LIMITS.items():
        assert old in text
        text = text.replace(old, new)
    text += (
        "budget:\n  - source: lbf\n    amount: 999999999999.99\n"
        f"    note: {'n' * 300}\n"
        "governance:\n  bodies:\n    - key: b\n      kind: board\n      name: B\n"
        "      meetings_per_year: 32767\n"
        f"      cadence: {'k' * 300}\n"
        f"      members:\n        - role: R\n          person: {'p' * 200}\n"
    )

    call_command("import_plan", str(write(tmp_path, text)))

    department = plans.Department.objects.get(plan__slug="test-plan")
    assert department.tenancies == 2147483647
    assert department.number == "9" * 20
    assert str(goals.Baseline.objects.get(indicator__plan__slug="test-plan").value) == (
        "-99999999999.9999"
    )
