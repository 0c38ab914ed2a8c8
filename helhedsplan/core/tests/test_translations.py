"""The Danish user interface is complete: every message has a translation."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "da" / "LC_MESSAGES" / "django.po"


def entries_matching(*flags) -> str:
    """The catalogue's entries that gettext's own msgattrib selects (header excluded)."""
    result = subprocess.run(
        ["msgattrib", *flags, "--no-wrap", str(CATALOGUE)],
        capture_output=True,
        text=True,
        check=True,
    )
    return (
        "\n".join(line for line in result.stdout.splitlines() if line.startswith("msgid "))
        .replace('msgid ""', "")
        .strip()
    )


@pytest.mark.skipif(shutil.which("msgattrib") is None, reason="needs gettext")
def test_every_danish_message_is_translated():
    assert entries_matching("--untranslated") == ""


@pytest.mark.skipif(shutil.which("msgattrib") is None, reason="needs gettext")
def test_no_danish_message_is_a_fuzzy_guess():
    assert entries_matching("--only-fuzzy") == ""


def test_the_catalogue_is_compiled():
    assert CATALOGUE.with_suffix(".mo").exists(), "run `make install` (compilemessages)"
