"""Load the shipped list data into the database. Called by data migrations with their
historical models, so it uses only what is passed in."""

from .history import read_counts, read_listings
from .rules import read_rules_file


def load_rule_sets(RuleSet, ClassRule, Criterion, ConvictionReference) -> None:
    """Add the rule sets and references the database does not have; never change existing ones."""
    data = read_rules_file()
    for item in data["rule_sets"]:
        if RuleSet.objects.filter(code=str(item["code"])).exists():
            continue
        rule_set = RuleSet.objects.create(
            code=str(item["code"]),
            name=item["name"],
            first_list_year=item["first_list_year"],
            last_list_year=item.get("last_list_year"),
            resident_minimum=item["resident_minimum"],
            resident_minimum_note=item.get("resident_minimum_note", ""),
            sources=item.get("sources", ""),
            locked=True,
        )
        for order, (name, rule) in enumerate(item["classes"].items()):
            consecutive = rule.get("consecutive") or {}
            ClassRule.objects.create(
                rule_set=rule_set,
                name=name,
                min_counted=rule.get("min_counted"),
                requires=rule.get("requires", ""),
                consecutive_of=consecutive.get("of", ""),
                consecutive_lists=consecutive.get("lists"),
                order=order,
            )
        for order, c in enumerate(item["criteria"]):
            Criterion.objects.create(
                rule_set=rule_set,
                name=c["name"],
                list_class=c["list_class"],
                role=c["role"],
                comparison=c["comparison"],
                bar=c.get("bar"),
                national_multiple=c.get("national_multiple"),
                averaging_years=c.get("averaging_years"),
                note=c.get("note", ""),
                order=order,
            )
    for item in data["conviction_references"]:
        ConvictionReference.objects.get_or_create(
            list_year=item["list_year"],
            defaults={
                "national_average": item.get("national_average"),
                "bars": {str(k): str(v) for k, v in (item.get("bars") or {}).items()},
                "source": item.get("source", ""),
            },
        )


def load_published_lists(Area, PublishedListing, PublishedCount) -> None:
    for listing in read_listings():
        area, _ = Area.objects.get_or_create(name=listing.area, municipality=listing.kommune)
        PublishedListing.objects.update_or_create(
            area=area,
            list_year=listing.list_year,
            list_type=listing.list_type,
            defaults={
                "name_as_published": listing.name_as_published,
                "status": listing.status,
                "source": listing.source,
            },
        )
    for (year, list_type), count in read_counts().items():
        PublishedCount.objects.update_or_create(
            list_year=year, list_type=list_type, defaults={"published_count": count}
        )
