"""The one way a spreadsheet comes in: CSV and XLSX as sheets of rows of cells, checked against
the input limits (settings.MAX_*) before anything is interpreted.

Every importer (monitoring data, logbook events, area figures) reads its files here, so every
one of them accepts the same encodings (UTF-8 with or without BOM, UTF-16 with BOM,
Windows-1252), the same delimiters (`;`, `,` or tab) and refuses the same bad files with a
`TabularError` that says where and what: never another exception.

XLSX is read with openpyxl so a number stays a number; its zip entries' sizes are checked before
openpyxl opens it (zipfile stops at an entry's declared size, so the declared sizes bound what
is unpacked), and a formula without a stored result is an error naming the cell.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted XLSX and old .xls files
SPREADSHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
MAX_ZIP_ENTRIES = 10_000


class TabularError(ValueError):
    """A file that is not a spreadsheet we can read, or breaks a limit; says where."""

    def __init__(self, message: str, *, sheet: str = "", row: int | None = None, column=""):
        self.message, self.sheet, self.row, self.column = message, sheet, row, column
        super().__init__(message)


@dataclass
class Sheet:
    name: str
    rows: list[tuple]
    typed: bool = True  # XLSX: numbers are numbers; CSV: every cell is text


def column_name(index: int) -> str:
    """The spreadsheet name of a 0-based column index: 0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def megabytes(size: int) -> str:
    """A size as people read it, in Danish number format: 950 bytes, 12,5 kB, 1,9 MB."""
    if size < 10_000:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} kB".replace(".", ",")
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


def check_size(size: int) -> None:
    """Refuse a file larger than MAX_UPLOAD_BYTES (before it is read, where the size is known)."""
    if size > settings.MAX_UPLOAD_BYTES:
        raise TabularError(
            _("the file is %(size)s; files may be at most %(limit)s (MAX_UPLOAD_BYTES)")
            % {"size": megabytes(size), "limit": megabytes(settings.MAX_UPLOAD_BYTES)}
        )


def read_upload(upload) -> bytes:
    """The bytes of an uploaded file (or a path), its size checked before it is read."""
    if hasattr(upload, "read"):
        size = getattr(upload, "size", None)
        if size is not None:
            check_size(size)
        content = upload.read(settings.MAX_UPLOAD_BYTES + 1)
    else:
        path = Path(upload)
        try:
            check_size(path.stat().st_size)
            content = path.read_bytes()
        except OSError as error:
            message = _("the file cannot be read (%(error)s)") % {"error": error.strerror}
            raise TabularError(message) from error
    check_size(len(content))
    return content


def decode(content: bytes) -> str:
    """Text in UTF-8 (with or without BOM), UTF-16 with BOM or else Windows-1252."""
    try:
        if content.startswith(b"\xef\xbb\xbf"):
            return content[3:].decode("utf-8")
        if content.startswith((b"\xff\xfe", b"\xfe\xff")):
            return content.decode("utf-16")
    except UnicodeDecodeError as error:
        raise TabularError(
            _("the text is not valid %(encoding)s (byte %(at)s)")
            % {"encoding": error.encoding.upper(), "at": error.start + 1}
        ) from error
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252")
    except UnicodeDecodeError as error:
        raise TabularError(
            _("the file is neither UTF-8, UTF-16 with BOM nor Windows-1252 text (byte %(at)s)")
            % {"at": error.start + 1}
        ) from error


def read_csv(content: bytes, name: str) -> list[Sheet]:
    text = decode(content)
    nul = text.find("\x00")
    if nul >= 0:
        raise TabularError(
            _(
                "the file contains a NUL character (UTF-16 text without a BOM?); "
                "save it as UTF-8 text"
            ),
            row=text.count("\n", 0, nul) + 1,
        )
    sample = text[:4096]
    delimiter = max(";,\t", key=sample.count)
    limit, width = settings.MAX_IMPORT_ROWS, settings.MAX_CELL_CHARACTERS
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    # csv's own field limit checks every cell's length at C speed; reading stops one row after
    # the row limit.
    previous = csv.field_size_limit(width)
    try:
        rows = list(map(tuple, itertools.islice(reader, limit + 1)))
    except csv.Error as error:
        if "field limit" in str(error):
            raise _too_long(reader.line_num, _long_cell(text, delimiter, width)) from error
        raise TabularError(
            _("the text cannot be read as CSV (%(error)s)") % {"error": error},
            row=reader.line_num,
        ) from error
    finally:
        csv.field_size_limit(previous)
    if len(rows) > limit:
        raise _too_many_rows()
    return [Sheet(Path(name).stem, rows, typed=False)]


def _long_cell(text: str, delimiter: str, width: int) -> int | None:
    """The column of the first cell longer than `width` (read again, without csv's limit)."""
    previous = csv.field_size_limit(len(text) + 1)
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            for index, cell in enumerate(row):
                if len(cell) > width:
                    return index
    except csv.Error:
        pass
    finally:
        csv.field_size_limit(previous)
    return None


def _too_many_rows() -> TabularError:
    return TabularError(
        _("the file has more than %(limit)s rows (MAX_IMPORT_ROWS)")
        % {"limit": f"{settings.MAX_IMPORT_ROWS:,}".replace(",", ".")}
    )


def _too_long(row: int, index: int | None, sheet: str = "") -> TabularError:
    return TabularError(
        _("the cell has more than %(limit)s characters (MAX_CELL_CHARACTERS)")
        % {"limit": f"{settings.MAX_CELL_CHARACTERS:,}".replace(",", ".")},
        sheet=sheet,
        row=row,
        column="" if index is None else column_name(index),
    )


def _open_zip(content: bytes) -> zipfile.ZipFile:
    """The XLSX's zip archive, its entries' sizes checked against MAX_UNCOMPRESSED_BYTES."""
    if content.startswith(OLE_MAGIC):
        raise TabularError(
            _(
                "the workbook is password-protected or in the old .xls format; "
                "save it as an .xlsx workbook without a password"
            )
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        raise TabularError(_("not an XLSX workbook (the file is not a zip archive)")) from error
    total = sum(entry.file_size for entry in entries)
    if len(entries) > MAX_ZIP_ENTRIES or total > settings.MAX_UNCOMPRESSED_BYTES:
        raise TabularError(
            _(
                "the workbook unpacks to %(size)s; at most %(limit)s is allowed "
                "(MAX_UNCOMPRESSED_BYTES)"
            )
            % {"size": megabytes(total), "limit": megabytes(settings.MAX_UNCOMPRESSED_BYTES)}
        )
    return archive


FORMULA_TAG = re.compile(rb"<(\w+:)?f[\s/>]")


def _has_formula(archive: zipfile.ZipFile, path: str) -> bool:
    """Whether a worksheet part holds a formula, read in chunks (most hold none)."""
    tail = b""
    with archive.open(path) as part:
        while chunk := part.read(1 << 20):
            if FORMULA_TAG.search(tail + chunk):
                return True
            tail = chunk[-16:]
    return False


def _formula_without_result(archive: zipfile.ZipFile, path: str) -> str | None:
    """The first cell of a worksheet with a formula but no stored result, e.g. "B7"."""
    path = path.lstrip("/")
    try:
        if not _has_formula(archive, path):
            return None
        with archive.open(path) as part:
            for _event, element in ElementTree.iterparse(part):
                if element.tag == f"{SPREADSHEET_NS}c":
                    formula = element.find(f"{SPREADSHEET_NS}f")
                    value = element.find(f"{SPREADSHEET_NS}v")
                    if formula is not None and (value is None or not value.text):
                        return element.get("r", "?")
                    element.clear()
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError):
        return None  # openpyxl has read the part already; nothing more to say
    return None


def read_xlsx(content: bytes) -> list[Sheet]:
    import openpyxl

    archive = _open_zip(content)
    try:
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise _unreadable(error) from error
    sheets, total, limit = [], 0, settings.MAX_IMPORT_ROWS
    try:
        for worksheet in book.worksheets:
            rows = []
            for row in worksheet.iter_rows(values_only=True):
                total += 1
                if total > limit:
                    raise _too_many_rows()
                _check_cells(row, len(rows) + 1, worksheet.title)
                rows.append(row)
            cell = _formula_without_result(archive, getattr(worksheet, "_worksheet_path", ""))
            if cell is not None:
                raise TabularError(
                    _(
                        "the cell has a formula without a stored result; open the workbook in "
                        "Excel, let it calculate and save it, or paste the values"
                    ),
                    sheet=worksheet.title,
                    row=int("".join(c for c in cell if c.isdigit()) or 0) or None,
                    column="".join(c for c in cell if c.isalpha()),
                )
            sheets.append(Sheet(worksheet.title, rows))
    except TabularError:
        raise
    except Exception as error:
        raise _unreadable(error) from error
    finally:
        book.close()
    return sheets


def _unreadable(error: Exception) -> TabularError:
    return TabularError(
        _("not a readable XLSX workbook (%(error)s)") % {"error": str(error)[:200] or type(error)}
    )


def _check_cells(row: tuple, number: int, sheet: str) -> None:
    width = settings.MAX_CELL_CHARACTERS
    for index, cell in enumerate(row):
        if type(cell) is str:
            if len(cell) > width:
                raise _too_long(number, index, sheet)
            if "\x00" in cell:
                raise TabularError(
                    _("the cell contains a NUL character"),
                    sheet=sheet,
                    row=number,
                    column=column_name(index),
                )


def read_sheets(name: str, content: bytes) -> list[Sheet]:
    """Every sheet of a CSV (one) or XLSX file; raises TabularError."""
    check_size(len(content))
    if not content.strip():
        raise TabularError(_("the file is empty"))
    suffix = Path(name).suffix.lower()
    if suffix in (".csv", ".txt"):
        return read_csv(content, name)
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(content)
    raise TabularError(
        _("'%(kind)s' files are not supported; use .csv or .xlsx") % {"kind": suffix or name}
    )


def read_table(name: str, content: bytes) -> tuple[Sheet, list[str]]:
    """The first sheet and its header (row 1) for importers with one table per file."""
    sheet = read_sheets(name, content)[0]
    header = [str(h).strip() if h is not None else "" for h in (sheet.rows or [()])[0]]
    if not any(header):
        raise TabularError(_("the file has no header row"), sheet=sheet.name, row=1)
    return sheet, header


def overflowing(sheet: Sheet, row: tuple, width: int) -> int | None:
    """In a CSV, the index of a filled cell beyond the header's `width` (an unquoted decimal
    comma such as 14,2 in a comma-separated file splits one number in two); else None."""
    if sheet.typed or len(row) <= width:
        return None
    return next((i for i in range(width, len(row)) if str(row[i]).strip()), None)


def overflow_message(count: int, width: int) -> str:
    return _(
        "the row has %(count)s cells but the header has %(width)s; is a number with a decimal "
        "comma (14,2) unquoted in a comma-separated file?"
    ) % {"count": count, "width": width}


class Problems(list):
    """Problems as found, at most MAX_PROBLEMS_LISTED of them kept; `more` counts the rest."""

    def __init__(self, limit: int | None = None):
        super().__init__()
        self.limit = settings.MAX_PROBLEMS_LISTED if limit is None else limit
        self.more = 0

    def append(self, problem) -> None:
        if len(self) < self.limit:
            super().append(problem)
        else:
            self.more += 1

    def extend(self, problems) -> None:
        for problem in problems:
            self.append(problem)
        self.more += getattr(problems, "more", 0)


def more_problems(count: int) -> str:
    """ "… and 999,799 more problems" in the user's language ("" for none)."""
    if not count:
        return ""
    number = f"{count:,}".replace(",", ".")
    return ngettext("… and %(n)s more problem", "… and %(n)s more problems", count) % {"n": number}
