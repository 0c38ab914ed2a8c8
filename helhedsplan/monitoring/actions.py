"""Every write of monitoring data: one function each, in one transaction, with provenance."""

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import DatabaseError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from helhedsplan.core.tabular import Problems, TabularError, read_sheets

from .catalogue import definitions_for
from .extract import Candidate, Problem, extract, fits, lookup_for
from .layouts import Layout, LayoutError, load_layout, shipped_layouts
from .models import ImportBatch, Observation, PendingImport, PreviousObservation

PLACES = Decimal("0.0001")
logger = logging.getLogger(__name__)


class ImportRejected(Exception):
    """Files with problems: nothing was written. `problems` lists each with where it is."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        self.more = getattr(problems, "more", 0)  # found beyond MAX_PROBLEMS_LISTED
        super().__init__(f"{len(problems) + self.more} problem(s); nothing was imported")


@dataclass
class ImportOutcome:
    added: list[Candidate] = field(default_factory=list)
    changed: list[tuple[Candidate, Observation]] = field(default_factory=list)
    unchanged: list[Candidate] = field(default_factory=list)
    batch: ImportBatch | None = None
    rows: int = 0

    def summary(self) -> dict:
        return {
            "added": len(self.added),
            "changed": len(self.changed),
            "unchanged": len(self.unchanged),
        }


def _rounded(number: Decimal | None) -> Decimal | None:
    return None if number is None else number.quantize(PLACES)


CURRENT = ("value", "numerator", "denominator", "status", "reason")


def _current_values(candidate: Candidate) -> tuple:
    """The candidate's CURRENT fields as they are stored."""
    return (
        _rounded(candidate.value),
        _rounded(candidate.numerator),
        _rounded(candidate.denominator),
        candidate.status,
        candidate.reason[:300],
    )


def _fields(candidate: Candidate) -> dict:
    return dict(zip(CURRENT, _current_values(candidate), strict=True))


def read_files(files: list[tuple[str, bytes]]):
    """The files as sheets; raises ImportRejected naming each file that cannot be read."""
    problems, read = Problems(), []
    for name, content in files:
        try:
            read.append((name, read_sheets(name, content)))
        except TabularError as error:
            problems.append(Problem(name, error.sheet, error.row, error.column, error.message))
    if problems:
        raise ImportRejected(problems)
    return read


def choose_layout(files: list[tuple[str, bytes]]) -> Layout:
    """The one shipped layout whose sheets and columns the files have."""
    read = read_files(files)
    fitting = [layout for layout in shipped_layouts() if fits(layout, read)]
    if len(fitting) != 1:
        names = ", ".join(layout.name for layout in fitting) or "none"
        message = _("cannot tell the layout (fitting: %(names)s); choose one") % {"names": names}
        raise ImportRejected([Problem(files[0][0], "", None, "", message)])
    return fitting[0]


@dataclass
class _Prepared:
    """Files read and checked against the plan; nothing compared with stored data yet."""

    candidates: list[Candidate]
    definitions: dict  # key -> IndicatorDefinition
    rows: int


def _prepare(plan, files, layout: Layout, progress=None) -> _Prepared:
    """Read and check every row (the slow part; it writes nothing); raises ImportRejected."""
    read = read_files(files)
    definitions = list(definitions_for(plan))
    rows = [0]

    def count(done, total):
        rows[0] = total
        if progress:
            progress(done, total)

    candidates, problems = extract(layout, read, lookup_for(plan, definitions), count)
    if problems:
        raise ImportRejected(problems)
    return _Prepared(candidates, {d.key: d for d in definitions}, rows[0])


def _classify(plan, prepared: _Prepared) -> ImportOutcome:
    existing = _current(plan, prepared.candidates, prepared.definitions)
    outcome = ImportOutcome(rows=prepared.rows)
    for candidate in prepared.candidates:
        old = existing.get(candidate.identity)
        if old is None:
            outcome.added.append(candidate)
        elif old[1:-1] == _current_values(candidate):
            outcome.unchanged.append(candidate)
        else:
            outcome.changed.append((candidate, _observation(old)))
    return outcome


def compare(plan, files: list[tuple[str, bytes]], layout: Layout, progress=None):
    """What importing `files` would add, change and leave alone; raises ImportRejected."""
    prepared = _prepare(plan, files, layout, progress)
    return _classify(plan, prepared), prepared.definitions


def _current(plan, candidates: list[Candidate], definitions: dict) -> dict[tuple, tuple]:
    """The stored rows `candidates` may replace, by identity: (pk, *CURRENT, batch_id).

    Only the incoming indicators and periods are read, as plain tuples: a new year's import
    reads nothing of the years before it.
    """
    if not candidates:
        return {}
    keys = {c.definition: definitions[c.definition].pk for c in candidates}
    names = {pk: key for key, pk in keys.items()}
    rows = Observation.objects.filter(
        plan=plan,
        definition_id__in=set(keys.values()),
        period_start__in={c.period.start for c in candidates},
    ).order_by()
    return {
        (names[definition_id], subject_key, start): (pk, *current)
        for pk, definition_id, subject_key, start, *current in rows.values_list(
            "pk", "definition_id", "subject_key", "period_start", *CURRENT, "batch_id"
        )
    }


def _observation(row: tuple) -> Observation:
    """The stored values of a changed row, enough to keep them and to show them."""
    pk, *current, batch_id = row
    return Observation(pk=pk, batch_id=batch_id, **dict(zip(CURRENT, current, strict=True)))


def _write_added(plan, added: list[Candidate], definitions: dict, batch) -> None:
    """New rows: through COPY on PostgreSQL (several times faster), bulk_create elsewhere."""
    departments = dict(plan.departments.values_list("key", "pk"))
    definition_ids = {key: definition.pk for key, definition in definitions.items()}
    rows = (
        (
            plan.pk,
            definition_ids[c.definition],
            c.subject.scope,
            departments.get(c.subject.department),
            c.subject.label,
            c.subject.key,
            c.period.type.value,
            c.period.start,
            c.period.end,
            c.period.label,
            *_current_values(c),
            batch.pk,
        )
        for c in added
    )
    columns = (
        "plan_id",
        "definition_id",
        "scope",
        "department_id",
        "label",
        "subject_key",
        "period_type",
        "period_start",
        "period_end",
        "period_label",
        *CURRENT,
        "batch_id",
    )
    if connection.vendor == "postgresql" and added:
        table = Observation._meta.db_table
        with (
            connection.cursor() as cursor,
            cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
        return
    Observation.objects.bulk_create(
        Observation(**dict(zip(columns, row, strict=True))) for row in rows
    )


def import_observations(
    plan,
    files: list[tuple[str, bytes]],
    layout: Layout,
    *,
    user=None,
    provenance: str = "",
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportOutcome:
    """Import all rows of `files` or none; re-imported periods keep their previous values.

    The rows are read and checked before the transaction (so `progress` may write where
    others can read it); comparing with the stored values and writing is one transaction.
    """
    prepared = _prepare(plan, files, layout, progress)
    with transaction.atomic():
        outcome = _classify(plan, prepared)
        if not dry_run:
            _save(plan, files, layout, prepared, outcome, user=user, provenance=provenance)
        return outcome


def _save(plan, files, layout, prepared, outcome, *, user, provenance) -> None:
    """Write `outcome` with its ImportBatch; the caller holds the transaction."""
    definitions = prepared.definitions
    batch = ImportBatch.objects.create(
        plan=plan,
        user=user if user is not None and user.is_authenticated else None,
        files=", ".join(name for name, _ in files),
        file_hashes=", ".join(hashlib.sha256(content).hexdigest() for _, content in files),
        layout=layout.name,
        layout_hash=layout.hash,
        provenance=provenance or layout.provenance,
        added=len(outcome.added),
        changed=len(outcome.changed),
        unchanged=len(outcome.unchanged),
    )
    _write_added(plan, outcome.added, definitions, batch)
    PreviousObservation.objects.bulk_create(
        PreviousObservation(
            observation=old,
            batch_id=old.batch_id,
            replaced_by=batch,
            **{name: getattr(old, name) for name in CURRENT},
        )
        for _, old in outcome.changed
    )
    changed = []
    for candidate, old in outcome.changed:
        for name, value in _fields(candidate).items():
            setattr(old, name, value)
        old.batch = batch
        changed.append(old)
    Observation.objects.bulk_update(changed, [*CURRENT, "batch"], batch_size=500)
    outcome.batch = batch


@transaction.atomic
def hold_upload(plan, user, files: list[tuple[str, bytes]], layout: str, provenance: str):
    """Keep uploaded files for the confirmation step; older holds of the user are dropped."""
    import base64

    State = PendingImport.State
    older = PendingImport.objects.filter(plan=plan, user=user)
    older.exclude(state__in=[State.QUEUED, State.RUNNING]).delete()
    return PendingImport.objects.create(
        plan=plan,
        user=user,
        layout=layout,
        provenance=provenance,
        files=[[name, base64.b64encode(content).decode()] for name, content in files],
    )


def start_import(pending, user) -> bool:
    """Queue the import of a held upload for the worker (`helhedsplan worker`).

    False if it is queued or running already. The hold and its task are written in one
    transaction, so a queued import always has a task. An import whose worker died (queued
    or running without news for STALLED_AFTER) may be started again: nothing of it was saved.
    """
    from .tasks import import_upload

    Pending, State = PendingImport, PendingImport.State
    stale = timezone.now() - Pending.STALLED_AFTER
    free = Q(state__in=[State.HELD, State.FAILED]) | Q(
        state__in=[State.QUEUED, State.RUNNING], updated__lt=stale
    )
    with transaction.atomic():
        claimed = Pending.objects.filter(free, pk=pending.pk, user=user).update(
            state=State.QUEUED, rows_done=0, rows_total=0, result={}, updated=timezone.now()
        )
        if claimed:
            import_upload.enqueue(pending.pk)
    return claimed == 1


def run_upload(pending_pk: int) -> str:
    """Import a queued upload (the worker's task), writing rows done as it goes and the
    outcome at the end; returns the state it ended in.

    It does not raise for a rejected import or an error: that is written to the hold, which
    keeps the files. The rows are written in one transaction with the state "done", so a
    worker killed half-way leaves nothing of the import and the upload may be started again.
    """
    State = PendingImport.State
    rows = PendingImport.objects.filter(pk=pending_pk)
    if not rows.filter(state=State.QUEUED).update(state=State.RUNNING, updated=timezone.now()):
        return "skipped"  # started again meanwhile, or already done
    pending = PendingImport.objects.select_related("plan", "user").get(pk=pending_pk)

    def progress(done, total):
        try:
            rows.update(rows_done=done, rows_total=total, updated=timezone.now())
        except DatabaseError:  # e.g. SQLite busy with another write: the next report will do
            logger.warning("could not record the progress of upload %s", pending_pk)

    try:
        _import_held(pending, load_layout(pending.layout), progress)
    except (ImportRejected, LayoutError) as error:
        problems = getattr(error, "problems", None) or [Problem("", "", None, "", str(error))]
        result = {
            "problems": [problem.as_row() for problem in problems],
            "more": getattr(error, "more", 0),
        }
        rows.update(state=State.FAILED, result=result, updated=timezone.now())
        return State.FAILED
    except Exception:
        logger.exception("the import of upload %s failed", pending_pk)
        result = {"error": _("The import stopped with an error; nothing was imported.")}
        rows.update(state=State.FAILED, result=result, updated=timezone.now())
        return State.FAILED
    return State.DONE


def _import_held(pending, layout: Layout, progress=None) -> ImportOutcome:
    files = pending.contents()
    prepared = _prepare(pending.plan, files, layout, progress)
    with transaction.atomic():
        outcome = _classify(pending.plan, prepared)
        _save(
            pending.plan,
            files,
            layout,
            prepared,
            outcome,
            user=pending.user,
            provenance=pending.provenance,
        )
        # Written with the import: "done" is seen exactly when the rows are.
        PendingImport.objects.filter(pk=pending.pk).update(
            state=PendingImport.State.DONE,
            files=[],
            rows_done=prepared.rows,
            rows_total=prepared.rows,
            updated=timezone.now(),
            result=outcome.summary(),
        )
    return outcome
