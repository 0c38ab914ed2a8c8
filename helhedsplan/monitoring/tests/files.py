"""Real spreadsheet files for the tests, built with the csv module and xlsxwriter."""

import csv
import io
from pathlib import Path

import xlsxwriter

EXAMPLES = Path(__file__).parent.parent / "examples"


def example(name: str) -> tuple[str, bytes]:
    return name, (EXAMPLES / name).read_bytes()


def csv_file(name: str, rows: list[list], delimiter=";", encoding="utf-8") -> tuple[str, bytes]:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return name, out.getvalue().encode(encoding)


def xlsx_file(name: str, sheets: dict[str, list[list]]) -> tuple[str, bytes]:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    for sheet_name, rows in sheets.items():
        sheet = book.add_worksheet(sheet_name)
        for number, row in enumerate(rows):
            for column, cell in enumerate(row):
                if cell is not None:
                    sheet.write(number, column, cell)
    book.close()
    return name, out.getvalue()


LONG_HEADER = ["afdeling", "indikator", "periode", "værdi", "tæller", "nævner"]


def long_csv(*rows, name="data.csv") -> tuple[str, bytes]:
    return csv_file(name, [LONG_HEADER, *[list(r) for r in rows]])
