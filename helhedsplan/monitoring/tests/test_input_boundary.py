"""The monitoring import at its boundary (issue 17, findings 1, 2, 7 and 9): a layout only by
its shipped name, numbers that fit what is stored, size limits, and wrong data refused."""

import io
import struct
import sys
import zipfile
from html import unescape

import openpyxl
import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from helhedsplan.accounts.models import Role
from helhedsplan.api.tests.conftest import token_client
from helhedsplan.monitoring.actions import ImportRejected, import_observations
from helhedsplan.monitoring.layouts import load_layout
from helhedsplan.monitoring.models import ImportBatch, Observation, PendingImport
from helhedsplan.monitoring.values import DECIMAL_PLACES, MAX_DIGITS

from .files import csv_file, long_csv, xlsx_file

LONG = load_layout("long")
OPENED: list[str] | None = None  # paths opened while a test records them


def _record_opens(event, args):
    if event == "open" and OPENED is not None and isinstance(args[0], str):
        OPENED.append(args[0])


sys.addaudithook(_record_opens)


def upload(client, plan, *files, **fields):
    url = reverse("monitoring:upload", args=[plan.slug])
    uploads = [SimpleUploadedFile(name, content) for name, content in files]
    return client.post(url, {"files": uploads, **fields})


def problems(call) -> list[str]:
    with pytest.raises(ImportRejected) as rejected:
        call()
    return [f"{p.row}:{p.column}:{p.message}" for p in rejected.value.problems]


# Finding 1: the upload form read any file on the server through its `layout` field.


@pytest.mark.parametrize(
    "layout",
    [
        "/etc/resolv.conf",
        "../../../../etc/hostname",
        "layouts/long.yaml",
        str(django_settings.DATABASES["default"]["NAME"]),
    ],
)
def test_a_path_as_layout_is_a_form_error_that_opens_no_file(plan_2025, member, layout):
    global OPENED
    staff = member(plan_2025, Role.STAFF)
    OPENED = []
    try:
        page = upload(
            staff,
            plan_2025,
            long_csv(["Houlkærvænget", "beboerklager", "2027H1", 3]),
            layout=layout,
        )
        opened = [path for path in OPENED if not path.endswith((".py", ".pyc", ".mo", ".html"))]
    finally:
        OPENED = None

    text = unescape(page.content.decode())
    assert page.status_code == 400
    assert "Vælg et af de medfølgende layouts." in text
    assert "nameserver" not in text and "SQLite" not in text
    assert layout not in opened and not any(p.startswith("/etc") for p in opened)
    assert not PendingImport.objects.filter(plan=plan_2025).exists()


def test_the_command_takes_a_layout_file_only_through_its_own_option(plan_2025, tmp_path):
    data = tmp_path / "data.csv"
    data.write_bytes(long_csv(["Houlkærvænget", "beboerklager", "2027H1", 3])[1])
    own = tmp_path / "mine.yaml"
    own.write_text(load_layout("long").model_dump_json(exclude={"hash"}), encoding="utf-8")

    with pytest.raises(CommandError, match="no layout"):
        call_command("import_data", str(data), plan=plan_2025.slug, layout=str(own))
    call_command("import_data", str(data), plan=plan_2025.slug, layout_file=str(own))

    assert Observation.objects.filter(plan=plan_2025, period_label="2027H1").count() == 1


# Finding 2: a 13-digit value broke five pages and the API for good.

DEPARTMENT_PAGES = [
    ("plans:department", ["houlkaervaenget"]),
    ("monitoring:overview", []),
    ("monitoring:matrix", []),
    ("monitoring:matrix_xlsx", []),
    ("reports:monitoring", []),
]


def test_the_issues_fourteen_digit_value_is_refused_and_a_correction_imports(plan_2025, tmp_path):
    bad = tmp_path / "klager.csv"
    bad.write_text(
        "afdeling;indikator;periode;værdi\nHoulkærvænget;beboerklager;2027H1;99999999999999\n",
        encoding="utf-8",
    )
    report = tmp_path / "problems.csv"
    before = Observation.objects.count()

    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_data", str(bad), plan=plan_2025.slug, problems_csv=str(report))

    assert (
        "klager.csv;klager;2;D (værdi);'99999999999999' is too large: at most 12 digits "
        "before the decimal point" in report.read_text(encoding="utf-8-sig")
    )
    assert Observation.objects.count() == before
    good = tmp_path / "rettet.csv"
    good.write_text(
        "afdeling;indikator;periode;værdi\nHoulkærvænget;beboerklager;2027H1;14\n", encoding="utf-8"
    )
    call_command("import_data", str(good), plan=plan_2025.slug)
    stored = Observation.objects.get(
        plan=plan_2025,
        definition__key="beboerklager",
        period_label="2027H1",
        subject_key="department:houlkaervaenget",
    )
    assert stored.value == 14


@pytest.mark.parametrize(
    "raw",
    ["99999999999999", "1" * 40, "1e400", "inf", "-999999999999,99999", 1e300],
)
def test_a_number_that_does_not_fit_the_field_is_a_problem_of_its_cell(plan_2025, raw):
    file = xlsx_file(
        "tal.xlsx",
        {
            "Ark": [
                ["afdeling", "indikator", "periode", "værdi"],
                ["Houlkærvænget", "tilflytninger", "2027H1", raw],
            ]
        },
    )

    found = problems(lambda: import_observations(plan_2025, [file], LONG, dry_run=True))

    assert len(found) == 1 and found[0].startswith("2:D (værdi):")
    assert "too large" in found[0] or "not a number" in found[0] or "not a finite" in found[0]


def test_the_field_limits_are_the_models():
    field = Observation._meta.get_field("value")
    assert (field.max_digits, field.decimal_places) == (MAX_DIGITS, DECIMAL_PLACES)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL refuses such a value")
def test_a_too_large_value_already_stored_is_made_unknown_and_the_pages_work(plan_2025, member):
    from importlib import import_module

    import_observations(plan_2025, [long_csv(["Houlkærvænget", "beboerklager", "2027H1", 3])], LONG)
    row = Observation.objects.get(plan=plan_2025, period_label="2027H1")
    with connection.cursor() as cursor:  # as the import before the check stored it
        cursor.execute(
            f"UPDATE {Observation._meta.db_table} SET value = 99999999999999 WHERE id = %s",
            [row.pk],
        )
    migration = import_module("helhedsplan.monitoring.migrations.0005_out_of_range_values")

    migration.make_unknown(apps, connection)

    row = Observation.objects.get(pk=row.pk)
    assert (row.value, row.status) == (None, "not_available")
    reader = member(plan_2025)
    for name, args in DEPARTMENT_PAGES:
        assert reader.get(reverse(name, args=[plan_2025.slug, *args])).status_code == 200
    api = token_client(reader.user).get(
        f"/api/plans/{plan_2025.slug}/observations?indicator=beboerklager"
    )
    assert api.status_code == 200


# Finding 7: size limits.


def test_an_upload_over_the_size_limit_is_refused_before_it_is_read(plan_2025, member, settings):
    settings.MAX_UPLOAD_BYTES = 1000
    staff = member(plan_2025, Role.STAFF)
    big = long_csv(*[["Houlkærvænget", "beboerklager", "2027H1", n] for n in range(60)])
    assert len(big[1]) > 1000

    page = upload(staff, plan_2025, big, layout="long")

    assert page.status_code == 400
    assert "files may be at most 0,0 MB (MAX_UPLOAD_BYTES)" in unescape(
        page.content.decode()
    ) or "MAX_UPLOAD_BYTES" in unescape(page.content.decode())
    assert not PendingImport.objects.filter(plan=plan_2025).exists()


def zip_bomb(entry: str = "xl/sharedStrings.xml", size: int = 2_000_000) -> bytes:
    """A small workbook-like zip with one entry that unpacks to `size` bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(entry, b"<sst>" + b" " * size + b"</sst>")
    return out.getvalue()


def test_a_workbook_that_unpacks_beyond_the_limit_is_refused_before_openpyxl(plan_2025, settings):
    settings.MAX_UNCOMPRESSED_BYTES = 1024 * 1024
    bomb = zip_bomb()
    assert len(bomb) < 10_000

    found = problems(lambda: import_observations(plan_2025, [("bombe.xlsx", bomb)], LONG))

    assert found == [
        "None::the workbook unpacks to 1,9 MB; at most 1,0 MB is allowed (MAX_UNCOMPRESSED_BYTES)"
    ]


def lying_workbook(declared: int = 1000) -> bytes:
    """A real workbook whose worksheet unpacks to 5 MB but whose zip headers say `declared`."""
    book = openpyxl.Workbook()
    book.active.append(["afdeling", "indikator", "periode", "værdi"])
    saved = io.BytesIO()
    book.save(saved)
    source, out = zipfile.ZipFile(saved), io.BytesIO()
    part = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename == part:
                data = data.replace(b"<sheetData>", b"<sheetData><!--" + b" " * 5_000_000 + b"-->")
            archive.writestr(entry.filename, data)
    raw, name = bytearray(out.getvalue()), part.encode()
    for signature, size_at, name_at, length_at in (
        (b"PK\x03\x04", 22, 30, 26),
        (b"PK\x01\x02", 24, 46, 28),
    ):
        at = raw.find(signature)
        while at >= 0:
            length = struct.unpack("<H", raw[at + length_at : at + length_at + 2])[0]
            if raw[at + name_at : at + name_at + length] == name:
                raw[at + size_at : at + size_at + 4] = struct.pack("<I", declared)
            at = raw.find(signature, at + 4)
    return bytes(raw)


def test_a_workbook_that_unpacks_beyond_its_declared_sizes_is_refused(plan_2025, settings):
    settings.MAX_UNCOMPRESSED_BYTES = 1024 * 1024  # the declared sizes pass; the 5 MB would not
    liar = lying_workbook()
    assert sum(entry.file_size for entry in zipfile.ZipFile(io.BytesIO(liar)).infolist()) < 10**6

    found = problems(lambda: import_observations(plan_2025, [("lögn.xlsx", liar)], LONG))

    assert found == [
        "None::not a readable XLSX workbook (Bad CRC-32 for file 'xl/worksheets/sheet1.xml')"
    ]


def test_a_file_with_more_rows_than_the_limit_is_refused(plan_2025, settings):
    settings.MAX_IMPORT_ROWS = 10
    rows = [["Houlkærvænget", "tilflytninger", "2027H1", n] for n in range(10)]

    for file in (long_csv(*rows), xlsx_file("r.xlsx", {"Ark": [["afdeling"], *rows]})):
        found = problems(lambda file=file: import_observations(plan_2025, [file], LONG))
        assert found == ["None::the file has more than 10 rows (MAX_IMPORT_ROWS)"]


def test_a_cell_longer_than_the_limit_is_named(plan_2025, settings):
    settings.MAX_CELL_CHARACTERS = 50
    file = long_csv(["Houlkærvænget", "tilflytninger", "2027H1", "x" * 51])

    found = problems(lambda: import_observations(plan_2025, [file], LONG))

    assert found == ["2:D:the cell has more than 50 characters (MAX_CELL_CHARACTERS)"]


def test_problems_beyond_the_limit_are_counted_in_page_csv_and_command(
    plan_2025, member, settings, tmp_path, capsys
):
    settings.MAX_PROBLEMS_LISTED = 5
    file = long_csv(*[["Nowhere", "tilflytninger", "2027H1", 1]] * 1000, name="mange.csv")

    with pytest.raises(ImportRejected) as rejected:
        import_observations(plan_2025, [file], LONG)
    path = tmp_path / "mange.csv"
    path.write_bytes(file[1])
    with pytest.raises(CommandError):
        call_command(
            "import_data",
            str(path),
            plan=plan_2025.slug,
            layout="long",
            problems_csv=str(tmp_path / "p.csv"),
        )
    err = capsys.readouterr().err
    page = upload(member(plan_2025, Role.STAFF), plan_2025, file, layout="long")

    assert len(rejected.value.problems) == 5 and rejected.value.more == 995
    text = unescape(page.content.decode())
    assert "… og 995 problemer mere" in text
    assert "995" in (tmp_path / "p.csv").read_text(encoding="utf-8-sig")
    assert "… and 995 more problems" in err


# Finding 9: wrong data accepted.


def test_an_unquoted_decimal_comma_in_a_comma_separated_file_names_the_row(plan_2025):
    file = (
        "komma.csv",
        "afdeling,indikator,periode,værdi\nHoulkærvænget,lbf-trygge,2026,14,2\n".encode(),
    )

    found = problems(lambda: import_observations(plan_2025, [file], LONG, dry_run=True))

    assert found == [
        "2:E:the row has 5 cells but the header has 4; is a number with a decimal comma (14,2) "
        "unquoted in a comma-separated file?"
    ]


@pytest.mark.parametrize(
    "indicator, column, row",
    [
        ("beboerklager", "D (værdi)", ["Houlkærvænget", "beboerklager", "2027H1", "-5"]),
        ("fraflytninger", "D (værdi)", ["Houlkærvænget", "fraflytninger", "2027H1", "-12"]),
        (
            "udsaettelser-effektive",
            "D (værdi)",
            ["Houlkærvænget", "udsaettelser-effektive", "2027H1", "-1"],
        ),
        ("lbf-trygge", "E (tæller)", ["Houlkærvænget", "lbf-trygge", "2026", "", "-3", "10"]),
    ],
)
def test_a_negative_count_is_refused(plan_2025, indicator, column, row):
    found = problems(lambda: import_observations(plan_2025, [long_csv(row)], LONG, dry_run=True))

    assert len(found) == 1 and found[0].startswith(f"2:{column}:a count cannot be negative")


def test_a_formula_without_a_stored_result_is_an_error_naming_the_cell(plan_2025):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(["afdeling", "indikator", "periode", "værdi"])
    sheet.append(["Houlkærvænget", "beboerklager", "2027H1", "=2+3"])
    content = io.BytesIO()
    book.save(content)

    with pytest.raises(ImportRejected) as rejected:
        import_observations(plan_2025, [("formel.xlsx", content.getvalue())], LONG)

    [problem] = rejected.value.problems
    assert (problem.sheet, problem.row, problem.column) == ("Data", 2, "D")
    assert problem.message.startswith("the cell has a formula without a stored result")
    assert not ImportBatch.objects.filter(files="formel.xlsx").exists()


def test_the_same_encodings_are_read_everywhere(plan_2025):
    row = ["Houlkærvænget", "tilflytninger", "2027H1", "4"]
    for encoding in ("utf-8", "utf-8-sig", "utf-16", "cp1252"):
        outcome = import_observations(
            plan_2025,
            [
                csv_file(
                    "e.csv", [["afdeling", "indikator", "periode", "værdi"], row], encoding=encoding
                )
            ],
            LONG,
            dry_run=True,
        )
        assert len(outcome.added) == 1, encoding
