"""`python -m helhedsplan.planfiles.validate` checks files without a database."""

import subprocess
import sys

from helhedsplan.planfiles.demo import DEMO_FILES


def run_validate(*paths):
    return subprocess.run(
        [sys.executable, "-m", "helhedsplan.planfiles.validate", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_demo_files_are_valid():
    result = run_validate(*DEMO_FILES)

    assert result.returncode == 0
    assert "viborg-2025-29: 17 departments, 1 sub-agreements" in result.stdout


def test_a_bad_file_fails_with_its_errors(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: helhedsplan-plan\nversion: 2\n", encoding="utf-8")

    result = run_validate(bad)

    assert result.returncode == 1
    assert "bad.yaml, line 2 at version: Input should be 1" in result.stderr
    assert "at plan: this field is required" in result.stderr
