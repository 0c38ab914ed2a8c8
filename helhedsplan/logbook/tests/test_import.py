"""Importing an existing logbook: CSV and XLSX, all or nothing, with precise errors."""

import html

import pytest
import xlsxwriter
from django.utils import translation

from helhedsplan.logbook.importer import ImportError as LogbookImportError
from helhedsplan.logbook.importer import import_events
from helhedsplan.logbook.models import Event


@pytest.fixture(autouse=True)
def english_messages():
    """Problem messages are checked in English; pages set their own language per request."""
    with translation.override("en"):
        yield


HEADER = "dato;aktivitet;type;titel;afdelinger;deltagere;børn;frivillige\n"


def csv_file(tmp_path, text):
    path = tmp_path / "logbog.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_csv_logbook_with_danish_headers_imports(plan_2017, tmp_path):
    path = csv_file(
        tmp_path,
        HEADER
        + "01.06.2018;Naboskabet;arrangement;Sommerfest;vestervang;45;12;3\n"
        + '2018-06-15;vejviseren;tur;Tour de Viborg;"Egeparken;Vestervang";9;;\n',
    )

    assert import_events(path, plan_2017, None, filename=path.name) == 2

    tour = Event.objects.get(plan=plan_2017, title="Tour de Viborg")
    assert sorted(tour.departments.values_list("key", flat=True)) == ["egeparken", "vestervang"]


def test_an_xlsx_logbook_imports(plan_2017, tmp_path):
    path = tmp_path / "logbog.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Logbog")
    date_format = book.add_format({"num_format": "dd-mm-yyyy"})
    for column, name in enumerate(
        ["date", "activity", "type", "title", "departments", "participants"]
    ):
        sheet.write(0, column, name)
    import datetime

    sheet.write_datetime(1, 0, datetime.datetime(2019, 5, 2), date_format)
    for column, value in enumerate(
        ["formidling-og-information", "course", "Kursus", "houlkaervaenget"], start=1
    ):
        sheet.write(1, column, value)
    sheet.write_number(1, 5, 4)
    book.close()

    assert import_events(path, plan_2017, None, filename=path.name) == 1
    assert Event.objects.get(plan=plan_2017, title="Kursus").participants == 4


def test_every_bad_row_is_named_and_nothing_is_written(plan_2017, tmp_path):
    path = csv_file(
        tmp_path,
        HEADER
        + "01.06.2018;Naboskabet;arrangement;God række;vestervang;45;;\n"
        + "31.02.2018;Naboskabet;arrangement;Dato;vestervang;45;;\n"
        + "01.06.2018;Svømning;arrangement;Aktivitet;vestervang;45;;\n"
        + "01.06.2018;Naboskabet;fest;Type;vestervang;45;;\n"
        + "01.06.2018;Naboskabet;arrangement;Afdeling;Gellerup;45;;\n"
        + "01.06.2018;Naboskabet;arrangement;Antal;vestervang;mange;;\n"
        + "01.06.2025;Naboskabet;arrangement;Periode;vestervang;5;;\n",
    )
    before = Event.objects.count()

    with pytest.raises(LogbookImportError) as raised:
        import_events(path, plan_2017, None, filename=path.name)

    messages = [str(p) for p in raised.value.problems]
    assert (
        "logbog.csv, row 3, column 'date': expected a date like 2018-05-31 or 31.05.2018, "
        "got '31.02.2018'" in messages
    )
    assert any("row 4, column 'activity': no activity 'Svømning'" in m for m in messages)
    assert any("row 5, column 'type'" in m for m in messages)
    assert any("row 6, column 'departments': no department 'Gellerup'" in m for m in messages)
    assert any("row 7, column 'participants'" in m for m in messages)
    assert any("row 8, column 'date': 2025-06-01 is outside the plan period" in m for m in messages)
    assert Event.objects.count() == before


def test_a_missing_column_is_named(plan_2017, tmp_path):
    path = csv_file(tmp_path, "dato;aktivitet;type;titel;afdelinger\n")

    with pytest.raises(LogbookImportError, match="column 'participants': required column"):
        import_events(path, plan_2017, None, filename=path.name)


def test_the_upload_page_lists_the_problems(plan_2017, member):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from helhedsplan.accounts.models import Role

    staff = member(plan_2017, Role.STAFF)
    upload = SimpleUploadedFile("bad.csv", (HEADER + "x;y;z;t;u;v;;\n").encode())

    page = staff.post(reverse("logbook:import", args=[plan_2017.slug]), {"file": upload})

    assert page.status_code == 200
    assert "bad.csv, række 2, kolonne »date«" in html.unescape(page.content.decode())
