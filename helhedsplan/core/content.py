"""The plan content generation: one number that changes with every write to the plan's content
(the plan, its parties, departments, areas, budget, goals, indicators, baselines, governance,
sub-agreements and activities), so pages rendered from that content can be kept per process
(see core.templatetags.kept) and are never shown out of date.

The number is changed by the database layer, not by model signals: every INSERT, UPDATE or
DELETE statement on one of the content tables is followed, on the same connection and in the
same transaction, by a change of the number. So bulk writes, queryset updates, cascades and
raw SQL through Django count as well as saves, and fast (signal-free) deletes stay fast.

One number for all plans: content is edited rarely against how often it is read, so a change
to one plan re-renders every plan's pages once, which costs what a page cost before it was kept.
The price: on PostgreSQL the number's row stays locked from a transaction's first content write
to its commit, so transactions that write content (a plan file import, an edit) run one after
the other; reads never wait.
"""

import re

from django.apps import apps
from django.db.backends.signals import connection_created

from . import generations

KEY = "plan-content"
CONTENT_APPS = ("plans", "goals", "governance", "agreements")
_WRITE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.IGNORECASE)


def current() -> int:
    return generations.current(KEY)[0]


def content_tables() -> frozenset[str]:
    return frozenset(
        model._meta.db_table
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    )


class ContentWrites:
    """An execute wrapper (one per database connection) that changes the generation after each
    write to a content table."""

    def __init__(self, connection, tables: frozenset[str]):
        self.connection = connection
        self.tables = tables
        self.ready = False  # the generation table exists (not yet, early in `migrate`)

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        written = _WRITE.match(sql)
        if written and written.group(1) in self.tables and self._generation_table_exists():
            generations.bump(KEY, self.connection)
        return result

    def _generation_table_exists(self) -> bool:
        if not self.ready:
            with self.connection.cursor() as cursor:
                tables = self.connection.introspection.table_names(cursor)
            self.ready = generations.TABLE in tables
        return self.ready


def _watch(sender, connection, **kwargs):
    """On every new connection: a wrapper kept over reconnects may now see another database."""
    for wrapper in connection.execute_wrappers:
        if isinstance(wrapper, ContentWrites):
            wrapper.ready = False
            return
    connection.execute_wrappers.append(ContentWrites(connection, content_tables()))


def connect() -> None:
    connection_created.connect(_watch, dispatch_uid="plan-content-writes")
