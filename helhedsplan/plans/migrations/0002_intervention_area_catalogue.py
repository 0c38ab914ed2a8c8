"""LBF's intervention areas, shipped as data (docs/intervention-areas.md)."""

from django.db import migrations

from helhedsplan.plans.catalogue import CATALOGUE, ensure_catalogue

def add_catalogue(apps, schema_editor):
    ensure_catalogue(apps.get_model("plans", "InterventionArea"))


def remove_catalogue(apps, schema_editor):
    apps.get_model("plans", "InterventionArea").objects.filter(
        code__in=[code for code, _, _ in CATALOGUE]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]
    operations = [migrations.RunPython(add_catalogue, remove_catalogue)]
