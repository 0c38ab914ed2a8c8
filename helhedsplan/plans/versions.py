"""One version per plan, changed by the database itself, and what the pages keep under it.

Every table of the apps whose data a plan's pages show (`VERSIONED_APPS`) gets triggers, created
after every `migrate`, that give the plan(s) a written row belongs to a new random version in
the same statement's transaction. A row finds its plan through its foreign keys (an observation:
its `plan`; a baseline: its indicator's plan); a row with no plan (a party, an area, a
definition of the national catalogue) changes every plan's version. So a write in one plan
leaves every other plan's kept parts warm, and nothing parses SQL: saves, queryset updates,
bulk creates (with or without `ignore_conflicts`), cascades, m2m changes, COPY, psql edits all
count. PostgreSQL runs one statement-level trigger per statement (a COPY of 300,000 rows changes
the version once); SQLite one per row.

The version is random, not the old one plus one: a rolled-back change must never leave a
number behind that a later change would reuse for different data. After a restore (which may
bring back old numbers), run `helhedsplan bump-plan-version --all`.
"""

import hashlib

from django.apps import apps
from django.core.cache import cache
from django.db import connections
from django.utils.translation import get_language

VERSIONED_APPS = ("plans", "goals", "governance", "agreements", "monitoring")
# Rows no kept part shows: an upload waiting for confirmation reports its progress many times.
UNVERSIONED = {"monitoring.pendingimport", "plans.planversion"}
PREFIX = "hpv_"
TIMEOUT = 7 * 24 * 3600  # a kept part under a version no longer current ages out


def plan_version_table() -> str:
    return apps.get_model("plans", "PlanVersion")._meta.db_table


def current(plan_id: int) -> int:
    model = apps.get_model("plans", "PlanVersion")
    return model.objects.filter(plan_id=plan_id).values_list("number", flat=True).first() or 0


def bump(plan_ids=None, using: str = "default") -> None:
    """Give the plans (all of them when `plan_ids` is None) new versions by hand: after a
    restore, or an edit in a table the triggers do not watch."""
    plans = apps.get_model("plans", "Plan")
    table, plan_table = plan_version_table(), plans._meta.db_table
    where, params = "", []
    if plan_ids is not None:
        plan_ids = list(plan_ids)
        if not plan_ids:
            return
        where, params = f"WHERE p.id IN ({', '.join(['%s'] * len(plan_ids))})", plan_ids
    else:
        where = "WHERE 1 = 1"  # SQLite needs a WHERE before ON CONFLICT in INSERT ... SELECT
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (plan_id, number) SELECT p.id, {_random(connection)} "
            f"FROM {plan_table} p {where} "
            "ON CONFLICT (plan_id) DO UPDATE SET number = excluded.number",
            params,
        )


def cached(plan, name: str, compute, *vary, timeout: int = TIMEOUT):
    """`compute()`, kept in Django's cache under the plan's version, the language and `vary`
    (whatever else the result depends on: the viewer's role, exactness, a sort order)."""
    key = part_key(plan, name, *vary)
    return cache.get_or_set(key, compute, timeout)


def part_key(plan, name: str, *vary) -> str:
    varies = hashlib.sha256(repr(vary).encode()).hexdigest()[:32]
    return f"plan:{plan.pk}:{plan.version}:{name}:{get_language() or ''}:{varies}"


# The triggers.


def _random(connection) -> str:
    if connection.vendor == "postgresql":
        return "floor(random() * 9.0e18)::bigint"
    return "random()"


def versioned_models():
    for label in VERSIONED_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if model._meta.label_lower in UNVERSIONED or _is_history(model):
                continue
            yield model


def _is_history(model) -> bool:
    return any(field.name == "history_id" for field in model._meta.local_fields)


def plan_path(model, seen=frozenset()):
    """How a row of `model` finds its plan: (hops, column) where each hop is (foreign key
    column, table it points to, that table's key column) and `column` holds the plan id in
    the last table reached; None when the row belongs to no plan."""
    plan = apps.get_model("plans", "Plan")
    if model is plan:
        return [], model._meta.pk.column
    foreign_keys = [
        field
        for field in model._meta.local_fields
        if field.many_to_one and field.related_model._meta.app_label in VERSIONED_APPS
    ]
    for field in foreign_keys:
        if field.related_model is plan:
            return [], field.column
    found = []
    for field in foreign_keys:
        target = field.related_model
        if target in seen or target is model:
            continue
        path = plan_path(target, seen | {model})
        if path is not None:
            hop = (field.column, target._meta.db_table, field.target_field.column)
            found.append((field.null, len(path[0]), [hop, *path[0]], path[1]))
    if not found:
        return None
    _null, _length, hops, column = min(found, key=lambda item: item[:2])
    return hops, column


def _ids_of_rows(rows: str, hops, column: str) -> str:
    """SQL selecting `plan_id` for every row of the table (or transition table) `rows`."""
    joins, alias = "", "r"
    for number, (foreign_key, table, key) in enumerate(hops, start=1):
        joins += f" LEFT JOIN {table} h{number} ON h{number}.{key} = {alias}.{foreign_key}"
        alias = f"h{number}"
    return f"SELECT {alias}.{column} AS plan_id FROM {rows} r{joins}"


def _id_of_row(row: str, hops, column: str) -> str:
    """An SQL expression for the plan id of the row `row` (NEW or OLD) in a row trigger."""
    if not hops:
        return f"{row}.{column}"
    foreign_key, table, key = hops[0]
    inner = _ids_of_rows(table, hops[1:], column)
    return f"({inner} WHERE r.{key} = {row}.{foreign_key})"


def _statements(connection):
    """(trigger name, table, [SQL]) for every versioned table."""
    plan = apps.get_model("plans", "Plan")
    version_table, plan_table = plan_version_table(), plan._meta.db_table
    upsert = (
        f"INSERT INTO {version_table} (plan_id, number) "
        f"SELECT p.id, {_random(connection)} FROM {plan_table} p WHERE {{where}} "
        "ON CONFLICT (plan_id) DO UPDATE SET number = excluded.number"
    )
    postgresql = connection.vendor == "postgresql"
    planned = []
    for model in versioned_models():
        table = model._meta.db_table
        path = plan_path(model)
        for event in ("INSERT", "UPDATE", "DELETE"):
            rows = {"INSERT": ["NEW"], "UPDATE": ["NEW", "OLD"], "DELETE": ["OLD"]}[event]
            if model is plan and event == "DELETE":
                deleted = "SELECT r.id FROM old_rows r" if postgresql else "SELECT OLD.id"
                body = f"DELETE FROM {version_table} WHERE plan_id IN ({deleted})"
            elif path is None:
                body = upsert.format(where="1 = 1")
            elif postgresql:
                ids = " UNION ".join(_ids_of_rows(f"{row.lower()}_rows", *path) for row in rows)
                body = (
                    f"WITH changed AS (SELECT DISTINCT plan_id FROM ({ids}) ids) "
                    + upsert.format(
                        where="p.id IN (SELECT plan_id FROM changed) "
                        "OR EXISTS (SELECT 1 FROM changed WHERE plan_id IS NULL)"
                    )
                )
            else:
                ids = [_id_of_row(row, *path) for row in rows]
                body = upsert.format(where=" OR ".join(f"p.id = {i} OR {i} IS NULL" for i in ids))
            planned.append((event, table, body))
    digest = hashlib.sha256(repr(planned).encode()).hexdigest()[:8]
    for event, table, body in planned:
        name = f"{PREFIX}{digest}_{event[0].lower()}_{table}"[:63]
        if postgresql:
            referencing = {
                "INSERT": "REFERENCING NEW TABLE AS new_rows",
                "UPDATE": "REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows",
                "DELETE": "REFERENCING OLD TABLE AS old_rows",
            }[event]
            sql = [
                f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS "
                f"$$ BEGIN {body}; RETURN NULL; END $$",
                f"CREATE TRIGGER {name} AFTER {event} ON {table} {referencing} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()",
            ]
        else:
            sql = [f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW BEGIN {body}; END"]
        yield name, table, sql


def installed(connection) -> dict[str, str]:
    """The version triggers in the database, as {name: table}."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE t.tgname LIKE %s",
                [PREFIX.replace("_", "\\_") + "%"],
            )
        else:
            cursor.execute(
                "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE %s ESCAPE '\\'",
                [PREFIX.replace("_", "\\_") + "%"],
            )
        return dict(cursor.fetchall())


def install(using: str = "default", **kwargs) -> None:
    """Create the version triggers, replacing older ones; nothing to do when they are current.
    Connected to `post_migrate`."""
    connection = connections[using]
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
    if plan_version_table() not in tables:
        return
    wanted = [item for item in _statements(connection) if item[1] in tables]
    present = installed(connection)
    if {name for name, _table, _sql in wanted} == set(present):
        return
    with connection.cursor() as cursor:
        for name, table in present.items():
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}" + _on(connection, table))
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP FUNCTION IF EXISTS {name}()")
        for _name, _table, sql in wanted:
            for statement in sql:
                cursor.execute(statement)


def _on(connection, table: str) -> str:
    return f" ON {table}" if connection.vendor == "postgresql" else ""
