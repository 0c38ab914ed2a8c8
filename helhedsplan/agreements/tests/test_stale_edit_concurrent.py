"""Two saves of the same sub-agreement at the same moment: the row lock makes the second wait
for the first and then see its version, so it is refused instead of overwriting it."""

import threading
import time

import pytest
from django.db import connection, transaction

from helhedsplan.agreements.actions import update_sub_agreement
from helhedsplan.agreements.models import SubAgreement
from helhedsplan.core.concurrency import StaleEdit, claim
from helhedsplan.planfiles.demo import load_demo
from helhedsplan.plans.models import Plan

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # The SQLite test database lives in memory with a shared cache, where a second writer
    # fails at once ("table is locked") instead of waiting as it does on the file database,
    # whose IMMEDIATE transactions serialise the saves.
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


@pytest.fixture
def plan_2025():
    """The demo plan, loaded again if an earlier live-server test's flush removed it."""
    load_demo()
    return Plan.objects.get(slug="viborg-2025-29")


def test_a_save_waiting_for_the_lock_of_another_is_refused_after_it(plan_2025):
    sub_agreement = SubAgreement.objects.get(plan=plan_2025)
    opened = sub_agreement.version
    first_has_the_lock, second_has_started = threading.Event(), threading.Event()
    outcome = {}

    def first_save():
        try:
            with transaction.atomic():
                claim(SubAgreement.objects.all(), sub_agreement.pk, opened, None, "Delaftalen")
                SubAgreement.objects.filter(pk=sub_agreement.pk).update(title="Første")
                first_has_the_lock.set()
                second_has_started.wait(timeout=10)
                time.sleep(0.5)  # the second save is now waiting for this lock
        finally:
            connection.close()

    def second_save():
        first_has_the_lock.wait(timeout=10)
        second_has_started.set()
        try:
            update_sub_agreement(
                SubAgreement.objects.get(pk=sub_agreement.pk),
                {"title": "Anden"},
                [],
                None,
                expected_version=opened,
            )
            outcome["second"] = "saved"
        except StaleEdit:
            outcome["second"] = "refused"
        finally:
            connection.close()

    threads = [threading.Thread(target=first_save), threading.Thread(target=second_save)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert outcome == {"second": "refused"}
    assert SubAgreement.objects.get(pk=sub_agreement.pk).title == "Første"
