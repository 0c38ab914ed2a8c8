"""Engine inputs from the database: rule sets, conviction references, published history.

Read as plain rows (values_list), not model instances: the engine needs only the values."""

from collections import defaultdict
from decimal import Decimal

from .criteria import ClassSpec, ConvictionReference, CriterionSpec, RuleSetSpec
from .history import Listing, OfficialHistory
from .models import ClassRule, Criterion, PublishedCount, PublishedListing, RuleSet
from .models import ConvictionReference as ConvictionReferenceRow


def rule_sets() -> list[RuleSetSpec]:
    classes = defaultdict(list)
    rows = ClassRule.objects.order_by("order", "pk").values_list(
        "rule_set_id", "name", "min_counted", "requires", "consecutive_of", "consecutive_lists"
    )
    for rule_set_id, name, min_counted, requires, consecutive_of, consecutive_lists in rows:
        classes[rule_set_id].append(
            ClassSpec(
                name=name,
                min_counted=min_counted,
                requires=requires or None,
                consecutive_of=consecutive_of or None,
                consecutive_lists=consecutive_lists,
            )
        )
    criteria = defaultdict(list)
    for rule_set_id, *fields in Criterion.objects.order_by("order", "pk").values_list(
        "rule_set_id",
        "name",
        "list_class",
        "role",
        "comparison",
        "bar",
        "national_multiple",
        "averaging_years",
        "note",
    ):
        criteria[rule_set_id].append(CriterionSpec(*fields))
    rows = RuleSet.objects.values_list(
        "pk", "code", "first_list_year", "last_list_year", "resident_minimum"
    )
    return [
        RuleSetSpec(
            code=code,
            first_list_year=first_list_year,
            last_list_year=last_list_year,
            resident_minimum=resident_minimum,
            classes=tuple(classes[pk]),
            criteria=tuple(criteria[pk]),
        )
        for pk, code, first_list_year, last_list_year, resident_minimum in rows
    ]


def conviction_references() -> dict[int, ConvictionReference]:
    return {
        list_year: ConvictionReference(
            list_year=list_year,
            national_average=national_average,
            bars={Decimal(k): Decimal(v) for k, v in (bars or {}).items()},
        )
        for list_year, national_average, bars in ConvictionReferenceRow.objects.values_list(
            "list_year", "national_average", "bars"
        )
    }


def official_history() -> OfficialHistory:
    listings = [
        Listing(*row)
        for row in PublishedListing.objects.order_by().values_list(
            "list_year",
            "list_type",
            "area__name",
            "area__municipality",
            "name_as_published",
            "status",
            "source",
        )
    ]
    counts = {
        (year, list_type): count
        for year, list_type, count in PublishedCount.objects.values_list(
            "list_year", "list_type", "published_count"
        )
    }
    return OfficialHistory(listings, counts)
