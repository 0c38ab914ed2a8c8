"""Figures the plan pages show, computed in one place so pages and reports agree."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from .models import BudgetLine, Department, Plan, budget_totals


@dataclass
class BudgetRow:
    label: str
    lbf: object
    local: object
    total: object
    local_share: object


def budget_summary(plan: Plan, intervention_areas=None) -> dict:
    """The plan's totals (the whole-plan lines, or the sum of the areas when there are none)
    and one row per intervention area that has budget lines. One query for the amounts
    (`intervention_areas`, the plan's, with their catalogue entries, may be passed in)."""
    amounts = defaultdict(lambda: defaultdict(Decimal))  # area id (None: whole plan) -> source
    sums = (
        BudgetLine.objects.filter(plan=plan)
        .values_list("intervention_area_id", "source")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    for area_id, source, total in sums:
        amounts[area_id][source] += total
    if None in amounts:
        whole = amounts[None]
    else:
        whole = defaultdict(Decimal)
        for by_source in amounts.values():
            for source, total in by_source.items():
                whole[source] += total
    if intervention_areas is None:
        intervention_areas = plan.intervention_areas.select_related("intervention_area")
    rows = []
    for item in intervention_areas:
        if item.intervention_area_id in amounts:
            t = budget_totals(amounts[item.intervention_area_id])
            rows.append(BudgetRow(str(item), t["lbf"], t["local"], t["total"], t["local_share"]))
    return {"totals": budget_totals(whole), "rows": rows, "has_budget": bool(amounts)}


def department_rows(plan: Plan):
    """Departments with their latest residents figure, sorted the Danish way."""
    departments = list(
        Department.objects.filter(plan=plan)
        .select_related("plan", "housing_organisation", "area")
        .prefetch_related("residents")
    )
    for department in departments:
        residents = sorted(department.residents.all(), key=lambda r: r.year)
        department.latest_residents = residents[-1] if residents else None
    return sorted(departments, key=lambda d: danish_sort_key(d.name))


_DANISH_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}", "Æ": "{", "Ø": "|", "Å": "}"})


def danish_sort_key(text: str) -> str:
    """Sorts æ, ø, å after z on every database (SQLite has no Danish collation)."""
    return text.lower().translate(_DANISH_ORDER)
