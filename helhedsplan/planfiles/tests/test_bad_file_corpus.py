"""The bad-file corpus: each file in tests/data/bad/ is refused with the message listed for
it in expected.tsv, and nothing is written. Big files are made by the tests below."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from helhedsplan.planfiles.source import PlanFileError, parse_plan_file, read_plan_file

from .test_bad_files import VALID, counts, write

BAD = Path(__file__).parent / "data" / "bad"
EXPECTED = dict(
    line.split("\t", 1)
    for line in (BAD / "expected.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
)


def test_every_file_in_the_corpus_has_an_expected_message():
    files = {path.name for path in BAD.glob("*.yaml")}

    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_bad_file_is_refused_with_its_message_and_nothing_is_written(db, name):
    before = counts()

    with pytest.raises(CommandError) as raised:
        call_command("import_plan", str(BAD / name))

    assert f"{BAD / name}, {EXPECTED[name]}" in str(raised.value)
    assert "Traceback" not in str(raised.value)
    assert counts() == before


def test_100000_nested_brackets_are_refused_without_crashing_the_process(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("plan: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")

    finished = subprocess.run(
        [sys.executable, "-m", "helhedsplan.planfiles.validate", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert finished.returncode == 1, finished.stderr[-500:]
    assert f"{path}, line 1: nests deeper than 20 levels" in finished.stderr


def test_a_billion_laughs_file_is_refused_quickly(tmp_path):
    laughs = "".join(
        f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10 if i else ["lol"] * 10) + "]\n"
        for i in range(10)
    )
    path = tmp_path / "laughs.yaml"
    path.write_text(laughs, encoding="utf-8")

    finished = subprocess.run(
        [sys.executable, "-m", "helhedsplan.planfiles.validate", str(path)],
        capture_output=True,
        text=True,
        timeout=20,
    )

    assert finished.returncode == 1
    assert "aliases repeat more than 10,000 values in all" in finished.stderr


def test_a_file_over_the_upload_limit_is_refused_before_it_is_read(db, tmp_path, settings):
    settings.MAX_UPLOAD_BYTES = 2_000
    path = write(tmp_path, VALID + "# " + "x" * 2_000 + "\n")
    before = counts()

    with pytest.raises(CommandError) as raised:
        call_command("import_plan", str(path))

    size = path.stat().st_size
    assert f"is {size:,} bytes; a plan file may be at most 2,000 bytes" in str(raised.value)
    assert counts() == before


def test_a_200000_character_name_is_refused_with_its_path(db, tmp_path):
    text = VALID.replace("name: Testparken\n    housing", f"name: {'x' * 200_000}\n    housing")
    before = counts()

    with pytest.raises(CommandError) as raised:
        call_command("import_plan", str(write(tmp_path, text)))

    assert "line 21 at departments[0].name: String should have at most 200 characters" in str(
        raised.value
    )
    assert counts() == before


def test_the_problems_listed_are_capped_with_a_count_of_the_rest(settings):
    settings.MAX_PROBLEMS_LISTED = 5
    departments = "".join(f"  - key: d{i}\n    name: D\n    tenancies: -1\n" for i in range(12))
    text = VALID.split("departments:")[0] + "departments:\n" + departments

    with pytest.raises(PlanFileError) as raised:
        parse_plan_file(text, "many.yaml")

    problems = [str(problem) for problem in raised.value.problems]
    assert len(problems) == 6
    assert problems[-1] == "many.yaml: and 7 more problems"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_utf8_utf16_with_bom_and_windows_1252_files_are_read_correctly(db, tmp_path, encoding):
    text = VALID.replace("name: Testparken\n    housing", "name: Testparken Øst\n    housing")
    path = tmp_path / "plan.yaml"
    path.write_bytes(text.encode(encoding))

    call_command("import_plan", str(path))

    from helhedsplan.plans.models import Department

    assert Department.objects.get(plan__slug="test-plan").name == "Testparken Øst"


def test_a_file_without_end_is_read_no_further_than_the_limit(settings):
    settings.MAX_UPLOAD_BYTES = 1_000

    with pytest.raises(
        PlanFileError, match="is more than 1,000 bytes; a plan file may be at most 1,000"
    ):
        read_plan_file("/dev/zero")
