"""Values too large for Observation's DecimalField(16, 4) made unknown.

Before the import checked numbers against the field, SQLite stored any size (PostgreSQL refused
them), and every page reading such a row failed (decimal.InvalidOperation). They are made
unknown with a reason, so a corrective import can replace them; PostgreSQL has none.
"""

from django.db import migrations

REASON = "Værdien var for stor til at gemme; importér den igen"
LIMIT = "1000000000000"  # 10 ** 12: 12 digits before the point


def unknown_when_too_large(apps, schema_editor):
    make_unknown(apps, schema_editor.connection)


def make_unknown(apps, connection):
    if connection.vendor != "sqlite":
        return  # numeric(16, 4) never held such a value
    with connection.cursor() as cursor:
        for model in ("Observation", "PreviousObservation"):
            table = apps.get_model("monitoring", model)._meta.db_table
            too_large = f"ABS(CAST(value AS REAL)) >= {LIMIT}"
            cursor.execute(
                f"UPDATE {table} SET value = NULL, status = 'not_available', reason = %s "
                f"WHERE value IS NOT NULL AND {too_large}",
                [REASON],
            )
            for column in ("numerator", "denominator"):
                cursor.execute(
                    f"UPDATE {table} SET {column} = NULL "
                    f"WHERE {column} IS NOT NULL AND ABS(CAST({column} AS REAL)) >= {LIMIT}"
                )


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0004_pending_import_progress")]

    operations = [migrations.RunPython(unknown_when_too_large, migrations.RunPython.noop)]
