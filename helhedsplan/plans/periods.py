"""A plan's project years: numbered from the plan's start, beginning in its start month."""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class ProjectYear:
    number: int  # 1 for the plan's first project year
    start: datetime.date
    end: datetime.date  # inclusive

    @property
    def label(self) -> str:
        return f"{self.start:%d.%m.%Y}-{self.end:%d.%m.%Y}"

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end

    def elapsed_share(self, today: datetime.date) -> float:
        """How much of the year has passed on `today` (0 before it starts, 1 after it ends)."""
        if today < self.start:
            return 0.0
        if today >= self.end:
            return 1.0
        return ((today - self.start).days + 1) / ((self.end - self.start).days + 1)


def _start_of(plan, number: int) -> datetime.date:
    first = plan.period_start
    year = first.year + (number - 1)
    if first.month > plan.project_year_start_month:
        year += 1  # the first project year starts at the next start month
    return datetime.date(year, plan.project_year_start_month, 1)


def project_years(plan) -> list[ProjectYear]:
    years, number = [], 1
    while True:
        start = _start_of(plan, number)
        if start > plan.period_end:
            return years
        end = _start_of(plan, number + 1) - datetime.timedelta(days=1)
        years.append(ProjectYear(number, start, min(end, plan.period_end)))
        number += 1


def project_year_of(plan, day: datetime.date) -> ProjectYear | None:
    return next((year for year in project_years(plan) if year.contains(day)), None)
