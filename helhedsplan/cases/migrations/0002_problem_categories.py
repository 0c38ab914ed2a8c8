from django.db import migrations

CATEGORIES = [
    ("neighbour-complaints", "Naboklager"),
    ("rent-arrears", "Huslejerestance"),
    ("eviction-scheduled", "Berammet udsættelse"),
    ("mental-health", "Psykisk sygdom"),
    ("abuse", "Misbrug"),
    ("hoarding", "Samlermani / hygiejne"),
    ("conflict", "Konflikter i opgangen"),
    ("loneliness", "Ensomhed"),
    ("other", "Andet"),
]


def add(apps, schema_editor):
    Category = apps.get_model("cases", "ProblemCategory")
    for order, (code, name) in enumerate(CATEGORIES):
        Category.objects.update_or_create(code=code, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
