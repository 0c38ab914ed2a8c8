"""The probe's bad files (tests/data/bad/), each refused with the message in expected.csv and
nothing written: the monitoring import's side of the input boundary."""

import csv
from pathlib import Path

import pytest

from helhedsplan.monitoring.actions import ImportRejected, import_observations
from helhedsplan.monitoring.layouts import load_layout
from helhedsplan.monitoring.models import ImportBatch, Observation

BAD = Path(__file__).parent / "data" / "bad"
EXPECTED = list(csv.DictReader((BAD / "expected.csv").open(encoding="utf-8"), delimiter=";"))


def test_every_bad_file_has_an_expected_message():
    listed = {row["file"] for row in EXPECTED}
    assert listed == {path.name for path in BAD.iterdir() if path.name != "expected.csv"}


@pytest.mark.parametrize("expected", EXPECTED, ids=[row["file"] for row in EXPECTED])
def test_a_bad_file_is_refused_with_its_message_and_nothing_is_written(
    plan_2025, settings, expected
):
    for setting in filter(None, [expected["settings"]]):
        name, value = setting.split("=")
        setattr(settings, name, int(value))
    before = (Observation.objects.count(), ImportBatch.objects.count())
    content = (BAD / expected["file"]).read_bytes()

    with pytest.raises(ImportRejected) as rejected:
        import_observations(plan_2025, [(expected["file"], content)], load_layout("long"))

    [problem] = rejected.value.problems
    assert problem.file == expected["file"]
    assert (problem.sheet, str(problem.row or ""), problem.column) == (
        expected["sheet"],
        expected["row"],
        expected["column"],
    )
    assert problem.message.startswith(expected["message"])
    assert (Observation.objects.count(), ImportBatch.objects.count()) == before
