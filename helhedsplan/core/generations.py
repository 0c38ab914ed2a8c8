"""Generations of data, and results kept per process under the generation they came from.

A generation is a number that changes whenever its data changes. It lives in the database, so
every app process sees a change at once (the processes' caches are their own), and changing it
is part of the transaction that changes the data, so no one reads the new generation with the
old data.
"""

import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from django.db import connections

from .models import Generation

TABLE = Generation._meta.db_table
_UPSERT = (
    f'INSERT INTO {TABLE} ("key", "number") VALUES (%s, %s) '
    'ON CONFLICT ("key") DO UPDATE SET "number" = excluded."number"'
)


def current(*keys: str) -> tuple[int, ...]:
    """The generations of `keys`, in one query (0 for one never changed). Plain SQL: most
    requests ask this, and the ORM would cost more than the query."""
    marks = ", ".join(["%s"] * len(keys))
    with connections["default"].cursor() as cursor:
        cursor.execute(f'SELECT "key", "number" FROM {TABLE} WHERE "key" IN ({marks})', keys)
        found = dict(cursor.fetchall())
    return tuple(found.get(key, 0) for key in keys)


_thread = threading.local()


def for_request(request, *keys: str) -> tuple[int, ...]:
    """`current(*keys)`, read at most once per request, so one request sees one state of the
    data; read again after this thread changed a generation itself (a view that writes and then
    renders)."""
    bumps = getattr(_thread, "bumps", 0)
    seen = getattr(request, "_generations", None)
    if seen is None or seen[0] != bumps:
        seen = request._generations = (bumps, {})
    missing = [key for key in keys if key not in seen[1]]
    if missing:
        seen[1].update(zip(missing, current(*missing), strict=True))
    return tuple(seen[1][key] for key in keys)


def bump(key: str, connection=None) -> None:
    """Give `key` a new generation: whatever was computed from its data is out of date. The
    new number is random, not the old one plus one, so a rolled-back change can never leave a
    number behind that a later change would reuse for different data."""
    with (connection or connections["default"]).cursor() as cursor:
        cursor.execute(_UPSERT, [key, secrets.randbits(62)])
    _thread.bumps = getattr(_thread, "bumps", 0) + 1


class Kept:
    """The last `size` results, per process. The objects are shared, not copied: whoever gets
    one must not change it."""

    def __init__(self, size: int = 64):
        self.size = size
        self._results: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], object]):
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]
        result = compute()  # outside the lock: two threads may both compute, either is right
        with self._lock:
            self._results[key] = result
            while len(self._results) > self.size:
                self._results.popitem(last=False)
        return result

    def clear(self) -> None:
        with self._lock:
            self._results.clear()
