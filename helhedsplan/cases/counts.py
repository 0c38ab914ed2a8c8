"""The counts the plan reports from cases: open cases and anonymised records alike."""

from collections import Counter

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
