"""The published lists as history: who was listed, and which years are complete enough to say
that an absent area was not listed."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .criteria import COLUMN_OF_CLASS, Tri, all_of

DATA_DIR = Path(__file__).parent / "data"

# List types as published, to the engine's output columns.
LIST_TYPE_COLUMN = {**COLUMN_OF_CLASS, "haardt_ghetto": "omdannelse"}
FIRST_LIST_YEAR = 2010


@dataclass(frozen=True)
class Listing:
    list_year: int
    list_type: str
    area: str  # the area's name today (aliases resolved)
    kommune: str
    name_as_published: str
    status: str
    source: str


@dataclass
class OfficialHistory:
    listings: list[Listing]
    published_counts: dict[tuple[int, str], int | None]
    _listed: set = field(init=False, repr=False)
    _by_name: dict = field(init=False, repr=False)
    _rows_in: dict = field(init=False, repr=False)

    def __post_init__(self):
        self._rows_in = Counter((item.list_year, item.list_type) for item in self.listings)
        self._listed = {
            (item.kommune, item.area, item.list_year, LIST_TYPE_COLUMN[item.list_type])
            for item in self.listings
        }
        self._by_name = {}
        for item in self.listings:
            for name in {item.area, item.name_as_published}:
                self._by_name.setdefault(name, set()).add((item.kommune, item.area))

    def rows_in(self, year: int, list_type: str) -> int:
        return self._rows_in[year, list_type]

    def is_complete(self, year: int, column: str) -> bool:
        """A year is complete when the shipped rows reach the published count."""
        types = [t for t, c in LIST_TYPE_COLUMN.items() if c == column]
        for list_type in types:
            count = self.published_counts.get((year, list_type))
            if count is not None:
                return self.rows_in(year, list_type) >= count
        return False

    def resolve(self, area: str, kommune: str | None = None) -> tuple[str, str] | None:
        """(kommune, area) of a name, when it names exactly one published area."""
        candidates = self._by_name.get(area, set())
        if kommune:
            candidates = {c for c in candidates if c[0] == kommune}
        return next(iter(candidates)) if len(candidates) == 1 else None

    def status(self, kommune: str, area: str, year: int, column: str) -> Tri:
        if year < FIRST_LIST_YEAR:
            return False  # there was no list
        if (kommune, area, year, column) in self._listed:
            return True
        return False if self.is_complete(year, column) else None


def read_aliases(path: Path = DATA_DIR / "area_aliases.csv") -> dict[tuple[str, str], str]:
    with path.open(encoding="utf-8") as handle:
        return {(r["kommune"], r["name_as_published"]): r["area"] for r in csv.DictReader(handle)}


def read_listings(
    path: Path = DATA_DIR / "official_lists.csv", aliases: dict | None = None
) -> list[Listing]:
    aliases = read_aliases() if aliases is None else aliases
    with path.open(encoding="utf-8") as handle:
        return [
            Listing(
                list_year=int(r["list_year"]),
                list_type=r["list_type"],
                area=aliases.get((r["kommune"], r["area"]), r["area"]),
                kommune=r["kommune"],
                name_as_published=r["area"],
                status=r["status"],
                source=r["source"],
            )
            for r in csv.DictReader(handle)
        ]


def read_counts(path: Path = DATA_DIR / "official_list_counts.csv") -> dict:
    with path.open(encoding="utf-8") as handle:
        return {
            (int(r["list_year"]), r["list_type"]): (
                int(r["published_count"]) if r["published_count"] else None
            )
            for r in csv.DictReader(handle)
        }


def shipped_history() -> OfficialHistory:
    return OfficialHistory(read_listings(), read_counts())


def lookup_for(history: OfficialHistory, kommune_of: dict, names: dict | None = None):
    """A history lookup for the engine, for input areas named as in `kommune_of`.

    With `names`, the input areas are identities (such as Area ids) rather than names:
    `kommune_of` and `names` give each identity's kommune and name."""
    resolved_names: dict = {}

    def lookup(area, year: int, column: str) -> Tri:
        if area not in resolved_names:
            name = area if names is None else names[area]
            resolved_names[area] = history.resolve(name, kommune_of.get(area))
        resolved = resolved_names[area]
        if resolved is None:
            # Not a published area: absent from every complete list, unknown elsewhere.
            return False if year < FIRST_LIST_YEAR or history.is_complete(year, column) else None
        return history.status(resolved[0], resolved[1], year, column)

    return lookup


def derived_counts(history: OfficialHistory, years: Iterable[int], column: str, lists: int = 5):
    """For each year: how many areas were on `column`'s list this year and the `lists - 1`
    before (yes), and how many might have been (unknown)."""
    areas = {(i.kommune, i.area) for i in history.listings}
    counts = {}
    for year in years:
        words = []
        for kommune, area in areas:
            words.append(
                all_of(history.status(kommune, area, year - back, column) for back in range(lists))
            )
        counts[year] = {"yes": words.count(True), "unknown": words.count(None)}
    return counts
