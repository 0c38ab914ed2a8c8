"""Figures the plan pages show, computed in one place so pages and reports agree."""

from dataclasses import dataclass

from .models import BudgetLine, Department, Plan


@dataclass
class BudgetRow:
    label: str
    lbf: object
    local: object
    total: object
    local_share: object


def budget_summary(plan: Plan) -> dict:
    """The plan's totals (the whole-plan lines, or the sum of the areas when there are none)
    and one row per intervention area that has budget lines."""
    lines = BudgetLine.objects.filter(plan=plan)
    whole = lines.filter(intervention_area=None)
    totals = (whole if whole.exists() else lines).totals()
    rows = []
    for item in plan.intervention_areas.select_related("intervention_area"):
        area_lines = lines.filter(intervention_area=item.intervention_area)
        if area_lines.exists():
            t = area_lines.totals()
            rows.append(BudgetRow(str(item), t["lbf"], t["local"], t["total"], t["local_share"]))
    return {"totals": totals, "rows": rows, "has_budget": lines.exists()}


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
