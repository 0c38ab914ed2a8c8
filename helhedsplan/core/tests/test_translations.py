"""The Danish user interface is complete: every message has a translation."""

import re
from pathlib import Path

from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "da" / "LC_MESSAGES" / "django.po"


def entries(text: str):
    """(msgid, msgstr, flags) for each entry but the header."""
    for block in text.split("\n\n"):
        flags = " ".join(line for line in block.splitlines() if line.startswith("#,"))
        msgid = "".join(re.findall(r'^msgid "(.*)"$|^"(.*)"$', block, re.M)[0])
        strings = re.findall(r'^msgstr(?:\[\d\])? "(.*)"((?:\n".*")*)', block, re.M)
        if msgid:
            yield msgid, ["".join(parts) for parts in strings], flags


def test_every_danish_message_is_translated():
    untranslated = [
        msgid
        for msgid, msgstrs, flags in entries(CATALOGUE.read_text(encoding="utf-8"))
        if "fuzzy" in flags or not msgstrs or not all(s.strip('"\n') for s in msgstrs)
    ]

    assert untranslated == []


def test_the_catalogue_is_compiled():
    assert CATALOGUE.with_suffix(".mo").exists(), "run `make install` (compilemessages)"
