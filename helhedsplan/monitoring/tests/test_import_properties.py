"""Property-based tests of the monitoring import (Hypothesis): any bytes, and CSV or XLSX built
from random cells, encodings and delimiters, give a list of problems or a correct import, never
another exception; on problems nothing is written; the upload page never answers 500."""

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
from helhedsplan.monitoring.actions import ImportRejected, import_observations
from helhedsplan.monitoring.layouts import load_layout
from helhedsplan.monitoring.models import ImportBatch, Observation, PreviousObservation
from helhedsplan.monitoring.values import LIMIT

LONG = load_layout("long")
HEADER = ["afdeling", "indikator", "periode", "værdi", "tæller", "nævner"]

numbers_as_text = st.one_of(
    st.integers(min_value=-(10**45), max_value=10**45).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.floats().map(lambda f: str(f).replace(".", ",")),
    st.sampled_from(["14,2", "1.102", "1e400", "-", "n/a", "", "97,95%", "nan", "inf", "-0"]),
)
cells = st.one_of(
    numbers_as_text,
    st.text(max_size=30),
    st.sampled_from(["Houlkærvænget", "beboerklager", "lbf-trygge", "2027H1", "2026", "\x00"]),
)
rows = st.lists(
    st.one_of(
        st.tuples(
            st.sampled_from(["Houlkærvænget", "Vestervang", "Nowhere", "", "Viborg Kommune"]),
            st.sampled_from(["beboerklager", "fraflytninger", "lbf-trygge", "nope"]),
            st.sampled_from(["2027H1", "2026", "2027", "x", ""]),
            numbers_as_text,
            numbers_as_text,
            numbers_as_text,
        ).map(list),
        st.lists(cells, max_size=8),
    ),
    max_size=12,
)


def snapshot(plan) -> tuple:
    return (
        Observation.objects.filter(plan=plan).count(),
        ImportBatch.objects.filter(plan=plan).count(),
        PreviousObservation.objects.filter(observation__plan=plan).count(),
    )


def import_or_problems(plan, name: str, content: bytes) -> None:
    """Import in a savepoint rolled back afterwards; check the property either way."""
    before = snapshot(plan)
    with transaction.atomic():
        try:
            outcome = import_observations(plan, [(name, content)], LONG)
        except ImportRejected as rejected:
            event("rejected")
            assert rejected.problems and all(
                isinstance(p.message, str) and p.message for p in rejected.problems
            )
            assert snapshot(plan) == before
        else:
            event("imported")
            for candidate in outcome.added + [new for new, _old in outcome.changed]:
                for number in (candidate.value, candidate.numerator, candidate.denominator):
                    assert number is None or abs(number) < LIMIT
            stored = Observation.objects.filter(plan=plan, batch=outcome.batch)
            assert stored.count() == len(outcome.added) + len(outcome.changed)
            list(stored.values_list("value", "numerator", "denominator"))  # read back
        transaction.set_rollback(True)


def staff_client(plan) -> Client:
    """A client logged in as a staff member of `plan` (the same one for every example)."""
    user, _new = get_user_model().objects.get_or_create(username="hypothesis-staff")
    Membership.objects.get_or_create(user=user, plan=plan, defaults={"role": Role.STAFF})
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
@BOUNDED
@given(content=st.binary(max_size=3000), suffix=st.sampled_from([".csv", ".xlsx", ".txt", ""]))
def test_any_bytes_give_problems_or_an_import(plan_2025, content, suffix):
    import_or_problems(plan_2025, f"data{suffix}", content)


@pytest.mark.django_db
@BOUNDED
@given(
    table=rows,
    delimiter=delimiters,
    encoding=encodings,
)
def test_any_csv_gives_problems_or_an_import(plan_2025, table, delimiter, encoding):
    import_or_problems(plan_2025, "data.csv", as_csv([HEADER, *table], delimiter, encoding))


@pytest.mark.django_db
@BOUNDED
@given(table=rows)
def test_any_xlsx_gives_problems_or_an_import(plan_2025, table):
    try:
        content = as_xlsx([HEADER, *table])
    except (TypeError, ValueError, OverflowError):  # xlsxwriter refuses e.g. inf
        return
    import_or_problems(plan_2025, "data.xlsx", content)


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
    layout=st.sampled_from(["", "long", "lbf-wide", "/etc/passwd", "../x"]),
)
def test_the_upload_page_never_answers_500(plan_2025, content, suffix, layout):
    staff = staff_client(plan_2025)
    before = snapshot(plan_2025)
    url = reverse("monitoring:upload", args=[plan_2025.slug])

    page = staff.post(url, {"files": SimpleUploadedFile(f"f{suffix}", content), "layout": layout})

    assert page.status_code in (200, 400)
    assert snapshot(plan_2025) == before
