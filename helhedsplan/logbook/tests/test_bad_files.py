"""The logbook import at the input boundary (issue 17, finding 8): the probe's bad files
(tests/data/bad/) each give the message in expected.csv and write nothing, or import
correctly; never another exception."""

import csv
from html import unescape
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from helhedsplan.accounts.models import Role
from helhedsplan.logbook.importer import ImportError as LogbookImportError
from helhedsplan.logbook.importer import import_events
from helhedsplan.logbook.models import Event

BAD = Path(__file__).parent / "data" / "bad"
EXPECTED = list(csv.DictReader((BAD / "expected.csv").open(encoding="utf-8"), delimiter=";"))
HEADER = "dato;aktivitet;type;titel;afdelinger;deltagere\n"


@pytest.fixture(autouse=True)
def english_messages():
    with translation.override("en"):
        yield


def test_every_bad_file_has_an_expected_message():
    listed = {row["file"] for row in EXPECTED}
    assert listed == {path.name for path in BAD.iterdir() if path.name != "expected.csv"}


@pytest.mark.parametrize("expected", EXPECTED, ids=[row["file"] for row in EXPECTED])
def test_a_bad_file_gives_its_message_and_writes_nothing_or_imports(plan_2017, settings, expected):
    for setting in filter(None, [expected["settings"]]):
        name, value = setting.split("=")
        setattr(settings, name, int(value))
    before = Event.objects.count()
    path = BAD / expected["file"]

    if expected["imports"]:
        assert import_events(path, plan_2017, None, filename=path.name) == int(expected["imports"])
        assert Event.objects.count() == before + int(expected["imports"])
        return
    with pytest.raises(LogbookImportError) as rejected:
        import_events(path, plan_2017, None, filename=path.name)

    assert str(rejected.value.problems[0]).startswith(expected["message"])
    assert Event.objects.count() == before


def test_a_field_of_200000_characters_is_named_not_a_traceback(plan_2017, tmp_path):
    path = tmp_path / "lang.csv"
    path.write_text(HEADER + "01.06.2018;Naboskabet;arrangement;" + "x" * 200_000 + ";a;4\n")

    with pytest.raises(LogbookImportError) as rejected:
        import_events(path, plan_2017, None, filename=path.name)

    assert [str(p) for p in rejected.value.problems] == [
        "lang.csv, row 2, column 'D': the cell has more than 10.000 characters "
        "(MAX_CELL_CHARACTERS)"
    ]


def test_an_upload_over_the_size_limit_is_refused_before_it_is_read(plan_2017, member, settings):
    settings.MAX_UPLOAD_BYTES = 100
    staff = member(plan_2017, Role.STAFF)
    upload = SimpleUploadedFile("stor.csv", (HEADER * 10).encode())
    before = Event.objects.count()

    page = staff.post(reverse("logbook:import", args=[plan_2017.slug]), {"file": upload})

    assert page.status_code == 200
    assert "en fil må højst fylde 100 bytes (MAX_UPLOAD_BYTES)" in unescape(page.content.decode())
    assert Event.objects.count() == before


def test_problems_beyond_the_limit_are_counted_on_the_page(plan_2017, member, settings):
    settings.MAX_PROBLEMS_LISTED = 3
    staff = member(plan_2017, Role.STAFF)
    rows = "x;Naboskabet;arrangement;Fest;vestervang;4\n" * 50
    upload = SimpleUploadedFile("mange.csv", (HEADER + rows).encode())

    page = staff.post(reverse("logbook:import", args=[plan_2017.slug]), {"file": upload})

    text = page.content.decode()
    assert text.count("kolonne »date«") == 3
    assert "… og 47 problemer mere" in text
