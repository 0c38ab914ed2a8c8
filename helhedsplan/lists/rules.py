"""Rule sets and conviction references from the shipped data file into engine specs."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import yaml

from .criteria import ClassSpec, ConvictionReference, CriterionSpec, RuleSetSpec

DATA_DIR = Path(__file__).parent / "data"
RULE_SETS_FILE = DATA_DIR / "rule_sets.yaml"


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def read_rules_file(path: Path = RULE_SETS_FILE) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def rule_set_spec(data: dict) -> RuleSetSpec:
    classes = []
    for name, rule in data["classes"].items():
        consecutive = rule.get("consecutive") or {}
        classes.append(
            ClassSpec(
                name=name,
                min_counted=rule.get("min_counted"),
                requires=rule.get("requires"),
                consecutive_of=consecutive.get("of"),
                consecutive_lists=consecutive.get("lists"),
            )
        )
    criteria = tuple(
        CriterionSpec(
            name=c["name"],
            list_class=c["list_class"],
            role=c["role"],
            comparison=c["comparison"],
            bar=_decimal(c.get("bar")),
            national_multiple=_decimal(c.get("national_multiple")),
            averaging_years=c.get("averaging_years"),
            note=c.get("note", ""),
        )
        for c in data["criteria"]
    )
    return RuleSetSpec(
        code=str(data["code"]),
        first_list_year=data["first_list_year"],
        last_list_year=data.get("last_list_year"),
        resident_minimum=data["resident_minimum"],
        classes=tuple(classes),
        criteria=criteria,
    )


def conviction_reference(data: dict) -> ConvictionReference:
    return ConvictionReference(
        list_year=data["list_year"],
        national_average=_decimal(data.get("national_average")),
        bars={Decimal(str(k)): Decimal(str(v)) for k, v in (data.get("bars") or {}).items()},
    )


def shipped_rule_sets() -> list[RuleSetSpec]:
    return [rule_set_spec(item) for item in read_rules_file()["rule_sets"]]


def shipped_conviction_references() -> dict[int, ConvictionReference]:
    return {
        item["list_year"]: conviction_reference(item)
        for item in read_rules_file()["conviction_references"]
    }
