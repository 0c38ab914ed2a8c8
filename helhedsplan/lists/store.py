"""Engine inputs from the database: rule sets, conviction references, published history."""

from decimal import Decimal

from .criteria import ClassSpec, ConvictionReference, CriterionSpec, RuleSetSpec
from .history import Listing, OfficialHistory
from .models import ConvictionReference as ConvictionReferenceRow
from .models import PublishedCount, PublishedListing, RuleSet


def rule_sets() -> list[RuleSetSpec]:
    specs = []
    for rule_set in RuleSet.objects.prefetch_related("class_rules", "criteria"):
        specs.append(
            RuleSetSpec(
                code=rule_set.code,
                first_list_year=rule_set.first_list_year,
                last_list_year=rule_set.last_list_year,
                resident_minimum=rule_set.resident_minimum,
                classes=tuple(
                    ClassSpec(
                        name=c.name,
                        min_counted=c.min_counted,
                        requires=c.requires or None,
                        consecutive_of=c.consecutive_of or None,
                        consecutive_lists=c.consecutive_lists,
                    )
                    for c in rule_set.class_rules.all()
                ),
                criteria=tuple(
                    CriterionSpec(
                        name=c.name,
                        list_class=c.list_class,
                        role=c.role,
                        comparison=c.comparison,
                        bar=c.bar,
                        national_multiple=c.national_multiple,
                        averaging_years=c.averaging_years,
                        note=c.note,
                    )
                    for c in rule_set.criteria.all()
                ),
            )
        )
    return specs


def conviction_references() -> dict[int, ConvictionReference]:
    return {
        row.list_year: ConvictionReference(
            list_year=row.list_year,
            national_average=row.national_average,
            bars={Decimal(k): Decimal(v) for k, v in (row.bars or {}).items()},
        )
        for row in ConvictionReferenceRow.objects.all()
    }


def official_history() -> OfficialHistory:
    listings = [
        Listing(
            list_year=row.list_year,
            list_type=row.list_type,
            area=row.area.name,
            kommune=row.area.municipality,
            name_as_published=row.name_as_published,
            status=row.status,
            source=row.source,
        )
        for row in PublishedListing.objects.select_related("area")
    ]
    counts = {
        (row.list_year, row.list_type): row.published_count for row in PublishedCount.objects.all()
    }
    return OfficialHistory(listings, counts)
