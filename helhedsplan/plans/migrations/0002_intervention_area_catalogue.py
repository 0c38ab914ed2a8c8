"""LBF's intervention areas, shipped as data (docs/intervention-areas.md)."""

from django.db import migrations

CATALOGUE = [
    ("uddannelse-og-livschancer", "Uddannelse og livschancer", "2019-26"),
    ("beskaeftigelse", "Beskæftigelse", "2019-26"),
    ("kriminalitetsforebyggelse", "Kriminalitetsforebyggelse", "2015-18, 2019-26"),
    ("sammenhaengskraft-og-medborgerskab", "Sammenhængskraft og medborgerskab", "2019-26"),
    ("tryghed-og-trivsel", "Tryghed og trivsel", "2015-18"),
    ("uddannelse-og-beskaeftigelse", "Uddannelse og beskæftigelse", "2015-18"),
    ("forebyggelse-og-foraeldreansvar", "Forebyggelse og forældreansvar", "2015-18"),
]


def add_catalogue(apps, schema_editor):
    InterventionArea = apps.get_model("plans", "InterventionArea")
    for order, (code, name, funds) in enumerate(CATALOGUE):
        InterventionArea.objects.update_or_create(
            code=code, defaults={"name": name, "funds": funds, "order": order}
        )


def remove_catalogue(apps, schema_editor):
    apps.get_model("plans", "InterventionArea").objects.filter(
        code__in=[code for code, _, _ in CATALOGUE]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]
    operations = [migrations.RunPython(add_catalogue, remove_catalogue)]
