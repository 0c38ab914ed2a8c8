"""Observations: read with filters, and a bulk upsert through monitoring's own import.

The upsert writes the rows as a file in monitoring's documented long layout and hands it to
`monitoring.actions.import_observations`, so the API gets the very same checks, all-or-nothing
behaviour, provenance (ImportBatch) and kept previous values as an uploaded file.
"""

import csv
import datetime
import io
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import Field, model_validator

from helhedsplan.accounts.models import Role
from helhedsplan.core.disclosure import SMALL, is_count, is_small, sees_exact_counts
from helhedsplan.monitoring.actions import ImportRejected, import_observations
from helhedsplan.monitoring.layouts import load_layout
from helhedsplan.monitoring.models import Observation
from helhedsplan.monitoring.report import half_year_marks, reader_view

from .common import ERRORS, WRITE_ERRORS, IsoDate, Pages, plan_of
from .schemas import Key, Text

router = Router(tags=["observations"])

Number = Annotated[Decimal, Field(ge=-(10**11), le=10**11, allow_inf_nan=False)]
COLUMNS = ["afdeling", "indikator", "periode", "værdi", "tæller", "nævner", "forklaring"]
# What the long layout reads as suppressed and as "not available" (see monitoring/values.py).
STATUS_MARK = {"suppressed": "-", "not_available": "n/a"}


class ObservationOut(Schema):
    indicator: str
    scope: str
    department: str | None
    subject: str
    period: str
    period_type: str
    period_start: datetime.date
    period_end: datetime.date
    value: float | None = Field(
        description="null when unknown, or when `small_count` hides it from a reader"
    )
    numerator: float | None
    denominator: float | None
    status: str = Field(
        description="value, suppressed (at the source), not_available, small (a count of "
        "fewer persons than the discretion limit, hidden from readers) or secondary (hidden "
        "from readers beside a total so that a small count cannot be worked out; see "
        "docs/disclosure.md)"
    )
    small_count: bool = Field(
        description="True when the value is hidden from the token's user (a reader) by the "
        "discretion rule: a count of 1 to 4 persons (status small), or a count hidden beside "
        "a total (status secondary); `value` is then null. Staff and plan admins see exact "
        "counts."
    )
    reason: str
    import_id: int

    @staticmethod
    def resolve_small_count(observation, context) -> bool:
        return hides(observation, context) is not None

    @staticmethod
    def resolve_value(observation, context):
        return None if hides(observation, context) else observation.value

    @staticmethod
    def resolve_status(observation, context):
        return hides(observation, context) or observation.status

    @staticmethod
    def resolve_indicator(observation):
        return observation.definition.key

    @staticmethod
    def resolve_department(observation):
        return observation.department.key if observation.department else None

    @staticmethod
    def resolve_subject(observation):
        return observation.label

    @staticmethod
    def resolve_period(observation):
        return observation.period_label

    @staticmethod
    def resolve_import_id(observation):
        return observation.batch_id


def hides(observation, context) -> str | None:
    """Why the requesting user may not see this value (core.disclosure's rule), or None: a
    small count, or one hidden beside a total (`hidden_counts`)."""
    request = context["request"]
    if sees_exact_counts(getattr(request, "plan_role", None)):
        return None
    if not is_count(observation.definition.unit) or observation.value is None:
        return None
    if is_small(observation.value):
        return SMALL
    hidden = getattr(request, "hidden_counts", {})
    subject = observation.department.key if observation.department else None
    return hidden.get(
        (observation.definition.key, observation.scope, subject, observation.period_label)
    )


def hidden_counts(plan) -> dict:
    """What the pages hide from readers beside a total (monitoring.report): the needs
    matrix's hidden entries, and half-years beside a hidden one or of a hidden year, as
    {(indicator, scope, department key or None, period): mark}."""
    hidden = {}
    for key, found in reader_view(plan)[2].items():
        for entry, mark in found["marks"].items():
            if entry[0] == "department":
                hidden[(key, "department", entry[1], found["period"])] = mark
            elif entry[0] == "published":
                hidden[(key, "plan", None, found["period"])] = mark
    return {**hidden, **half_year_marks(plan)}


class ObservationFilters(Schema):
    department: Key | None = Field(None, description="department key")
    indicator: Key | None = Field(None, description="indicator key")
    scope: (
        Literal["department", "area", "plan", "municipality", "national", "comparison_group"] | None
    ) = None
    period: Key | None = Field(None, description="period label, e.g. 2023 or 2023H1")
    period_from: IsoDate | None = Field(None, description="periods starting on or after")
    period_to: IsoDate | None = Field(None, description="periods starting on or before")


class ObservationIn(Schema):
    department: Text(60) | None = Field(None, description="A department's key")
    subject: Text(200) | None = Field(
        None, description="Instead of a department: 'Viborg Kommune', 'Hele landet', 'Helhedsplan'"
    )
    indicator: Text(100) = Field(description="Catalogue key, a plan file's key or the name")
    period: Text(30) = Field(description="In the indicator's period type: 2023, 2023H1, 2023/24")
    value: Number | None = None
    status: Literal["value", "suppressed", "not_available"] = "value"
    numerator: Number | None = None
    denominator: Number | None = None
    reason: Text(300) = ""

    @model_validator(mode="after")
    def one_subject_and_a_value_that_fits_the_status(self):
        if (self.department is None) == (self.subject is None):
            raise ValueError("give either department or subject")
        if (self.status == "value") != (self.value is not None):
            raise ValueError("a value is given exactly when status is 'value'")
        return self


class Upload(Schema):
    observations: list[ObservationIn] = Field(min_length=1, max_length=200_000)
    provenance: Text(1000) = ""
    dry_run: bool = False


class Outcome(Schema):
    added: int
    changed: int
    unchanged: int
    import_id: int | None
    dry_run: bool


def _number(value: Decimal | None) -> str:
    # A decimal comma: the reader takes "1.102" as one thousand one hundred and two.
    return "" if value is None else format(value, "f").replace(".", ",")


def as_long_file(rows: list[ObservationIn]) -> bytes:
    """The observations in monitoring's long layout, tab-separated."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    # The reader guesses the separator from the first 4 KB: trailing empty header cells (which
    # the layout ignores) make sure it is the tab, whatever the texts hold.
    writer.writerow(COLUMNS + [""] * 600)
    for row in rows:
        value = _number(row.value) if row.status == "value" else STATUS_MARK[row.status]
        writer.writerow(
            [
                row.department if row.department is not None else row.subject,
                row.indicator,
                row.period,
                value,
                _number(row.numerator),
                _number(row.denominator),
                row.reason,
            ]
        )
    return out.getvalue().encode("utf-8")


FIELD_OF_COLUMN = dict(
    zip(
        "ABCDEFG",
        ["department", "indicator", "period", "value", "numerator", "denominator", "reason"],
        strict=True,
    )
)


def _problem(problem) -> dict:
    return {
        "index": problem.row - 2 if problem.row else None,
        "field": FIELD_OF_COLUMN.get(problem.column[:1], problem.column) if problem.column else "",
        "message": problem.message,
    }


@router.get(
    "/plans/{plan}/observations",
    response={200: list[ObservationOut], **ERRORS},
    summary="Observations, filtered by department, indicator, scope and period",
)
@paginate(Pages)
def list_observations(request, plan: Key, filters: Query[ObservationFilters]):
    found = plan_of(request, plan)
    if not sees_exact_counts(request.plan_role):
        request.hidden_counts = hidden_counts(found)
    rows = Observation.objects.filter(plan=found)
    if filters.department is not None:
        rows = rows.filter(department__key=filters.department)
    if filters.indicator is not None:
        rows = rows.filter(definition__key=filters.indicator)
    if filters.scope is not None:
        rows = rows.filter(scope=filters.scope)
    if filters.period is not None:
        rows = rows.filter(period_label=filters.period)
    if filters.period_from is not None:
        rows = rows.filter(period_start__gte=filters.period_from)
    if filters.period_to is not None:
        rows = rows.filter(period_start__lte=filters.period_to)
    return rows.select_related("definition", "department").order_by(
        "definition_id", "subject_key", "period_start"
    )


@router.post(
    "/plans/{plan}/observations",
    response={200: Outcome, **WRITE_ERRORS},
    summary="Add or update observations: all of them or none (staff)",
)
def upsert_observations(request, plan: Key, upload: Upload):
    found = plan_of(request, plan, Role.STAFF)
    try:
        outcome = import_observations(
            found,
            [("api.csv", as_long_file(upload.observations))],
            load_layout("long"),
            user=request.user,
            provenance=upload.provenance or "API",
            dry_run=upload.dry_run,
        )
    except ImportRejected as error:
        return Status(
            422,
            {
                "detail": "Nothing was imported.",
                "problems": [_problem(p) for p in error.problems],
            },
        )
    return {
        **outcome.summary(),
        "import_id": outcome.batch.pk if outcome.batch else None,
        "dry_run": upload.dry_run,
    }
