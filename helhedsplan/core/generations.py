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

from .models import Generation


def current(*keys: str) -> tuple[int, ...]:
    """The generations of `keys`, in one query (0 for one never changed)."""
    found = dict(Generation.objects.filter(key__in=keys).values_list("key", "number"))
    return tuple(found.get(key, 0) for key in keys)


def bump(key: str) -> None:
    """Give `key` a new generation: whatever was computed from its data is out of date. The
    new number is random, not the old one plus one, so a rolled-back change can never leave a
    number behind that a later change would reuse for different data."""
    Generation.objects.update_or_create(key=key, defaults={"number": secrets.randbits(62)})


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
