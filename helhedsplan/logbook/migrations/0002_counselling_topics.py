from django.db import migrations

TOPICS = [
    ("letters", "Breve fra kommunen"),
    ("forms", "Skemaer og blanketter"),
    ("housing-benefit", "Boligstøtte"),
    ("debt", "Gæld og økonomi"),
    ("digital", "Digital post og MitID"),
    ("job-education", "Job og uddannelse"),
    ("rent-tenancy", "Husleje og lejemål"),
    ("health", "Sundhed"),
    ("other", "Andet"),
]


def add_topics(apps, schema_editor):
    Topic = apps.get_model("logbook", "CounsellingTopic")
    for order, (code, name) in enumerate(TOPICS):
        Topic.objects.update_or_create(code=code, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("logbook", "0001_initial")]
    operations = [migrations.RunPython(add_topics, migrations.RunPython.noop)]
