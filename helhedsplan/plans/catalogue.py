"""LBF's catalogue of intervention areas, shipped as data (docs/intervention-areas.md)."""

CATALOGUE = [
    ("uddannelse-og-livschancer", "Uddannelse og livschancer", "2019-26"),
    ("beskaeftigelse", "Beskæftigelse", "2019-26"),
    ("kriminalitetsforebyggelse", "Kriminalitetsforebyggelse", "2015-18, 2019-26"),
    ("sammenhaengskraft-og-medborgerskab", "Sammenhængskraft og medborgerskab", "2019-26"),
    ("tryghed-og-trivsel", "Tryghed og trivsel", "2015-18"),
    ("uddannelse-og-beskaeftigelse", "Uddannelse og beskæftigelse", "2015-18"),
    ("forebyggelse-og-foraeldreansvar", "Forebyggelse og forældreansvar", "2015-18"),
]


def ensure_catalogue(intervention_area_model) -> None:
    """Create or update the catalogue rows; safe to run any number of times."""
    for order, (code, name, funds) in enumerate(CATALOGUE):
        intervention_area_model.objects.update_or_create(
            code=code, defaults={"name": name, "funds": funds, "order": order}
        )
