"""Classify input rows with the rule sets and history in the database (one call for all)."""

from __future__ import annotations

from . import store
from .criteria import Classification, classify_all, no_history
from .history import lookup_for
from .inputs import InputRow


def classify_rows(rows: list[InputRow], history: str = "official") -> list[Classification]:
    lookup = no_history
    if history == "official":
        lookup = lookup_for(store.official_history(), {r.area_year.area: r.kommune for r in rows})
    return classify_all(
        [r.area_year for r in rows], store.rule_sets(), store.conviction_references(), lookup
    )
