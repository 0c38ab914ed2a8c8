"""`helhedsplan import-data`: dry run, problems as CSV, nothing written on error."""

import re

import pytest
from django.core.management import CommandError, call_command

from helhedsplan.monitoring.models import Observation
from helhedsplan.monitoring.tests.files import EXAMPLES


def test_a_dry_run_reports_and_writes_nothing(plan_2025, capsys):
    before = Observation.objects.count()

    call_command("import_data", str(EXAMPLES / "long.csv"), plan="viborg-2025-29", dry_run=True)

    assert (
        "Would add 8, change 0, leave 0 unchanged (long, viborg-2025-29)" in capsys.readouterr().out
    )
    assert Observation.objects.count() == before


def test_the_command_imports_with_the_layout_it_finds(plan_2025, capsys):
    call_command("import_data", str(EXAMPLES / "boligorganisation.xlsx"), plan="viborg-2025-29")

    out = capsys.readouterr().out
    counts = [int(n) for n in re.findall(r"\d+", out.split("(")[0])]
    assert out.startswith("Added") and sum(counts) == 15  # 3 rows x 5 measures


def test_problems_are_printed_and_written_as_csv_and_nothing_is_imported(plan_2025, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("afdeling;indikator;periode;værdi\nNowhere;fraflytningsprocent;2026;1\n")
    report = tmp_path / "problems.csv"
    before = Observation.objects.count()

    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command(
            "import_data", str(bad), plan="viborg-2025-29", layout="long", problems_csv=str(report)
        )

    assert "bad.csv;bad;2;A (afdeling);unknown department 'Nowhere'" in report.read_text()
    assert Observation.objects.count() == before
