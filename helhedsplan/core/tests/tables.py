"""What the property-based tests of every tabular importer share: how many examples, and the
encodings and delimiters a table from a user's spreadsheet program may come in."""

import csv
import io

import xlsxwriter
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Enough examples to find the crashes the probe found, few enough for CI on both databases.
BOUNDED = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
delimiters = st.sampled_from([";", ",", "\t"])
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"])


def as_csv(table, delimiter, encoding) -> bytes:
    """A table as a CSV file's bytes; characters the encoding lacks become '?'."""
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(table)
    return out.getvalue().encode(encoding, errors="replace")


def as_xlsx(table, sheet_name: str | None = None) -> bytes:
    """A table as an XLSX workbook's bytes, numbers-as-text written as numbers (as Excel does).

    xlsxwriter refuses some cells (e.g. inf) with TypeError, ValueError or OverflowError.
    """
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": True})
    sheet = book.add_worksheet(sheet_name)
    for r, row in enumerate(table):
        for c, cell in enumerate(row):
            sheet.write_string(r, c, cell) if "\x00" in cell else sheet.write(r, c, cell)
    book.close()
    return out.getvalue()
