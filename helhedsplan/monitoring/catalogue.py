"""The indicator catalogue shipped as data (catalogue.yaml), and how plan indicators find it."""

from pathlib import Path

import yaml

CATALOGUE_FILE = Path(__file__).parent / "catalogue.yaml"

FIELDS = {
    "key",
    "name",
    "unit",
    "direction",
    "period_type",
    "share",
    "blank",
    "additive",
    "numerator",
    "denominator",
    "source",
    "aliases",
}


def read_catalogue(path: Path = CATALOGUE_FILE) -> list[dict]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    for entry in entries:
        unknown = set(entry) - FIELDS
        if unknown:
            raise ValueError(f"{path.name}: {entry.get('key')}: unknown fields {sorted(unknown)}")
    return entries


def ensure_catalogue(definition_model, path: Path = CATALOGUE_FILE) -> None:
    """Create or update the shared catalogue; safe to run any number of times."""
    for order, entry in enumerate(read_catalogue(path)):
        definition_model.objects.update_or_create(
            key=entry["key"],
            defaults={
                "plan": None,
                "name": entry["name"],
                "unit": entry["unit"],
                "direction": entry.get("direction", "neutral"),
                "period_type": entry["period_type"],
                "share": entry.get("share", False),
                "blank_means": entry.get("blank", "unknown"),
                "additive": entry.get("additive", False),
                "numerator": entry.get("numerator", ""),
                "denominator": entry.get("denominator", ""),
                "source": entry.get("source", ""),
                "aliases": entry.get("aliases", []),
                "order": order,
            },
        )


def definitions_for(plan):
    """The catalogue entries a plan can use: the shared ones and its own."""
    from django.db.models import Q

    from .models import IndicatorDefinition

    return IndicatorDefinition.objects.filter(Q(plan=None) | Q(plan=plan))


def definition_of(indicator, definitions) -> object | None:
    """The catalogue entry a plan's goal indicator is measured by (its key or an alias)."""
    for definition in definitions:
        if indicator.key == definition.key or indicator.key in definition.aliases:
            return definition
    return None
