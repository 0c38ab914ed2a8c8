"""Spreadsheets in: CSV and XLSX as sheets of rows of cells, nothing interpreted yet.

XLSX is read with openpyxl so a number stays a number (fastexcel's string mode writes 1.102 the
same for a grade and for 1102 residents); CSV with the standard library, in UTF-8 or Windows-1252
and with `;`, `,` or tab between cells.
"""

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _


class ReadError(ValueError):
    """A file that is not a spreadsheet we can read."""


@dataclass
class Sheet:
    name: str
    rows: list[tuple]


def _decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReadError(_("the file is neither UTF-8 nor Windows-1252 text"))


def read_csv(content: bytes, name: str) -> list[Sheet]:
    text = _decode(content)
    sample = text[:4096]
    delimiter = max(";,\t", key=sample.count)
    rows = [tuple(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    return [Sheet(Path(name).stem, rows)]


def read_xlsx(content: bytes) -> list[Sheet]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ReadError(_("not a readable XLSX workbook (%(error)s)") % {"error": error}) from error
    try:
        return [Sheet(sheet.title, list(sheet.iter_rows(values_only=True))) for sheet in book]
    finally:
        book.close()


def read_sheets(name: str, content: bytes) -> list[Sheet]:
    suffix = Path(name).suffix.lower()
    if suffix == ".csv":
        return read_csv(content, name)
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(content)
    raise ReadError(
        _("'%(kind)s' files are not supported; use .csv or .xlsx") % {"kind": suffix or name}
    )
