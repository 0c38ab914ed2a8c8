"""The counts the plan reports from cases: open cases and anonymised records alike."""

from collections import Counter

from django.utils.translation import gettext as _

from helhedsplan.core.disclosure import suppress

from .models import AVOIDED_EVICTION, Case, CaseRecord


def case_counts(plan) -> list[dict]:
    """Per department and year: cases opened, closed, and evictions avoided."""
    counter = Counter()
    rows = [
        (c.department_id, c.opened_on, c.closed_on, c.outcome)
        for c in Case.objects.filter(plan=plan).only(
            "department", "opened_on", "closed_on", "outcome"
        )
    ] + [
        (r.department_id, r.opened_on, r.closed_on, r.outcome)
        for r in CaseRecord.objects.filter(plan=plan)
    ]
    for department, opened, closed, outcome in rows:
        counter[(department, opened.year, "opened")] += 1
        if closed:
            counter[(department, closed.year, "closed")] += 1
            if outcome in AVOIDED_EVICTION:
                counter[(department, closed.year, "avoided")] += 1
    names = {d.pk: str(d) for d in plan.departments.all()}
    keys = sorted({(d, y) for d, y, _ in counter}, key=lambda k: (k[1], names.get(k[0], "")))
    return [
        {
            "department": names.get(department, "–"),
            "year": year,
            "opened": counter[(department, year, "opened")],
            "closed": counter[(department, year, "closed")],
            "avoided": counter[(department, year, "avoided")],
        }
        for department, year in keys
    ]


COUNTS = ("opened", "closed", "avoided")


def shown_case_counts(rows: list[dict], exact: bool) -> list[dict]:
    """The counts table as the viewer may see it, with each year's total over its departments
    (when it has more than one). Unless `exact` (case workers), each count is a
    `core.disclosure.Shown`: 1-4 cases hidden as "<5", and the next-smallest department of the
    year hidden with it so that no hidden count follows from the total (docs/disclosure.md)."""
    by_year: dict[int, list[dict]] = {}
    for row in rows:
        by_year.setdefault(row["year"], []).append(row)
    shown = []
    for year, parts in by_year.items():
        block = [dict(row) for row in parts]
        if len(parts) > 1:
            total = {"department": _("All departments"), "year": year, "total": True}
            total.update({name: sum(row[name] for row in parts) for name in COUNTS})
            block.append(total)
        if not exact:
            table = [[row[name] for name in COUNTS] for row in block]
            marked = suppress(table, row_totals=False, column_totals=len(parts) > 1)
            for row, entries in zip(block, marked, strict=True):
                row.update(
                    {
                        name: entry if entry.hidden else entry.number
                        for name, entry in zip(COUNTS, entries, strict=True)
                    }
                )
        shown.extend(block)
    return shown
