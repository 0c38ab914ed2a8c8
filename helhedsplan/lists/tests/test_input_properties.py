"""Property-based tests of the area-figures input (Hypothesis): any bytes, and CSV or XLSX built
from random cells, give a list of problems or stored figures, never another exception; on
problems nothing is written. Plus the shared boundary's bad files."""

import tempfile
from pathlib import Path

import pytest
from django.db import transaction
from django.utils import translation
from hypothesis import event, given
from hypothesis import strategies as st

from helhedsplan.core.tests.tables import BOUNDED, as_csv, delimiters, encodings
from helhedsplan.lists.actions import import_area_figures
from helhedsplan.lists.inputs import InputError, read_area_figures
from helhedsplan.lists.models import AreaFigures

HEADER = [
    "area",
    "kommune",
    "list_year",
    "residents",
    "outside_work_pct",
    "convicted_pct",
    "primary_only_pct",
    "income_pct",
    "non_western_pct",
    "source",
]
numbers = st.one_of(
    st.integers(min_value=-(10**45), max_value=10**45).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["38,0", "1.102", "1e400", "-", "", "101", "-1", "2023", "99999"]),
)
rows = st.lists(
    st.one_of(
        st.tuples(
            st.sampled_from(["Houlkærvænget", "Ellekonebakken", "Nowhere", ""]),
            st.sampled_from(["Viborg", "", "Aarhus"]),
            numbers,
            numbers,
            numbers,
            numbers,
            numbers,
            numbers,
            numbers,
            st.text(max_size=30),
        ).map(list),
        st.lists(st.one_of(numbers, st.text(max_size=20)), max_size=12),
    ),
    max_size=8,
)


def store_or_problems(name: str, content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        before = list(AreaFigures.objects.values_list("pk", "residents", "source"))
        with transaction.atomic():
            try:
                stored = import_area_figures(path)
            except InputError as error:
                event("rejected")
                assert error.problems and all(str(p) for p in error.problems)
                assert list(AreaFigures.objects.values_list("pk", "residents", "source")) == before
            else:
                event("stored")
                assert stored == len(read_area_figures(path))
            transaction.set_rollback(True)


@pytest.mark.django_db
@BOUNDED
@given(content=st.binary(max_size=3000), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_any_bytes_give_problems_or_stored_figures(plan_2025, content, suffix):
    store_or_problems(f"figures{suffix}", content)


@pytest.mark.django_db
@BOUNDED
@given(
    table=rows,
    delimiter=delimiters,
    encoding=encodings,
)
def test_any_csv_gives_problems_or_stored_figures(plan_2025, table, delimiter, encoding):
    store_or_problems("figures.csv", as_csv([HEADER, *table], delimiter, encoding))


def test_an_unquoted_decimal_comma_names_the_row(tmp_path):
    path = tmp_path / "komma.csv"
    path.write_text(
        ",".join(HEADER) + "\nHoulkærvænget,Viborg,2023,1102,38,0,1,07,60,9,63,7,47,7,x\n"
    )

    with translation.override("en"), pytest.raises(InputError) as error:
        read_area_figures(path)

    assert [str(p) for p in error.value.problems] == [
        f"{path}, row 2, column 'source': the row has 15 cells but the header has 10; is a number "
        "with a decimal comma (14,2) unquoted in a comma-separated file?"
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"], ids=lambda e: e)
def test_the_figures_are_read_in_every_encoding_of_the_boundary(tmp_path, encoding):
    path = tmp_path / "figures.csv"
    text = ";".join(HEADER) + "\nHoulkærvænget;Viborg;2023;1.102;38,0;1,07;60,9;63,7;47,7;Seed\n"
    path.write_bytes(text.encode(encoding))

    [row] = read_area_figures(path)

    assert (row.area_year.area, row.area_year.residents) == ("Houlkærvænget", 1102)
