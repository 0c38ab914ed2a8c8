from django.db import migrations

from helhedsplan.monitoring.catalogue import ensure_catalogue


def add_catalogue(apps, schema_editor):
    ensure_catalogue(apps.get_model("monitoring", "IndicatorDefinition"))


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_initial")]

    operations = [migrations.RunPython(add_catalogue, migrations.RunPython.noop)]
