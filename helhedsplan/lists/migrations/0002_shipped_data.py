"""The four rule sets (2010, 2013, 2018, 2021), conviction references and the published lists."""

from django.db import migrations

from helhedsplan.lists.loading import load_published_lists, load_rule_sets


def load(apps, schema_editor):
    get = apps.get_model
    load_rule_sets(
        get("lists", "RuleSet"),
        get("lists", "ClassRule"),
        get("lists", "Criterion"),
        get("lists", "ConvictionReference"),
    )
    load_published_lists(
        get("plans", "Area"), get("lists", "PublishedListing"), get("lists", "PublishedCount")
    )


class Migration(migrations.Migration):
    dependencies = [("lists", "0001_initial"), ("plans", "0002_intervention_area_catalogue")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
