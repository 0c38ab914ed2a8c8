"""Property-based tests of the logbook import (Hypothesis): any bytes, and CSV or XLSX built
from random cells, encodings and delimiters, give problems or a correct import, never another
exception; on problems nothing is written; the import page never answers 500."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from helhedsplan.accounts.models import Membership, Role
from helhedsplan.core.tests.tables import BOUNDED, as_csv, as_xlsx, delimiters, encodings
from helhedsplan.logbook.importer import LARGEST_COUNT, import_events
from helhedsplan.logbook.importer import ImportError as LogbookImportError
from helhedsplan.logbook.models import Event

HEADER = ["dato", "aktivitet", "type", "titel", "afdelinger", "deltagere", "børn", "bemærkning"]

counts = st.one_of(
    st.integers(min_value=-(10**45), max_value=10**45).map(str),
    st.sampled_from(["4", "0", "4,5", "1e400", "", "-3", "²", "99999999999999"]),
)
texts = st.text(max_size=40)
rows = st.lists(
    st.one_of(
        st.tuples(
            st.sampled_from(["01.06.2018", "2019-05-02", "31.02.2018", "31.12.9999", "", "x"]),
            st.sampled_from(["Naboskabet", "vejviseren", "Svømning", ""]),
            st.sampled_from(["arrangement", "tur", "fest", ""]),
            st.one_of(texts, st.just("x" * 201)),
            st.sampled_from(["vestervang", "Egeparken;Vestervang", "Gellerup", ""]),
            counts,
            counts,
            texts,
        ).map(list),
        st.lists(st.one_of(texts, counts), max_size=10),
    ),
    max_size=10,
)


def import_or_problems(plan, name: str, content: bytes) -> None:
    before = Event.objects.count()
    with transaction.atomic():
        try:
            imported = import_events(SimpleUploadedFile(name, content), plan, None, filename=name)
        except LogbookImportError as rejected:
            event("rejected")
            assert rejected.problems and all(str(p) for p in rejected.problems)
            assert Event.objects.count() == before
        else:
            event("imported")
            new = Event.objects.filter(plan=plan).order_by("-pk")[:imported]
            for found in new:
                assert plan.period_start <= found.date <= plan.period_end
                assert 0 <= found.participants <= LARGEST_COUNT
                assert len(found.title) <= 200 and "\x00" not in found.title + found.note
            assert Event.objects.count() == before + imported
        transaction.set_rollback(True)


@pytest.mark.django_db
@BOUNDED
@given(content=st.binary(max_size=3000), suffix=st.sampled_from([".csv", ".xlsx", ".pdf"]))
def test_any_bytes_give_problems_or_an_import(plan_2017, content, suffix):
    import_or_problems(plan_2017, f"logbog{suffix}", content)


@pytest.mark.django_db
@BOUNDED
@given(
    table=rows,
    delimiter=delimiters,
    encoding=encodings,
)
def test_any_csv_gives_problems_or_an_import(plan_2017, table, delimiter, encoding):
    import_or_problems(plan_2017, "logbog.csv", as_csv([HEADER, *table], delimiter, encoding))


@pytest.mark.django_db
@BOUNDED
@given(table=rows)
def test_any_xlsx_gives_problems_or_an_import(plan_2017, table):
    try:
        content = as_xlsx([HEADER, *table], "Logbog")
    except (TypeError, ValueError, OverflowError):  # xlsxwriter refuses e.g. inf
        return
    import_or_problems(plan_2017, "logbog.xlsx", content)


@pytest.mark.django_db
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    content=st.one_of(
        st.binary(max_size=2000), rows.map(lambda t: as_csv([HEADER, *t], ";", "utf-8"))
    ),
    suffix=st.sampled_from([".csv", ".xlsx"]),
)
def test_the_import_page_never_answers_500(plan_2017, content, suffix):
    user, _new = get_user_model().objects.get_or_create(username="hypothesis-staff")
    Membership.objects.get_or_create(user=user, plan=plan_2017, defaults={"role": Role.STAFF})
    staff = Client()
    staff.force_login(user)
    before = Event.objects.count()

    page = staff.post(
        reverse("logbook:import", args=[plan_2017.slug]),
        {"file": SimpleUploadedFile(f"logbog{suffix}", content)},
    )

    assert page.status_code in (200, 302)
    if page.status_code == 200:
        assert Event.objects.count() == before
