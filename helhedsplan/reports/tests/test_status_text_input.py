"""The status report's texts: a control character or a text over the limit is refused with
the section named, nothing is saved, and what was typed is shown again (no 500, no cut)."""

import pytest
from django.urls import reverse

from helhedsplan.accounts.models import Role
from helhedsplan.reports.models import StatusText


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Vurdering\x00", "indeholder et usynligt kontroltegn (U+0000) på plads 10"),
        ("Vurdering\x07", "indeholder et usynligt kontroltegn (U+0007) på plads 10"),
        ("x" * 20_001, "teksten har 20001 tegn; højst 20000 er tilladt"),
    ],
)
def test_a_bad_status_text_is_refused_and_nothing_is_saved(plan_2025, member, text, message):
    staff = member(plan_2025, Role.STAFF)
    saved = StatusText.objects.count()

    response = staff.post(
        reverse("reports:status_edit", args=[plan_2025.slug]),
        {"assessment-summary": text, "decisions-summary": "Besluttet"},
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert "Besluttet" in response.content.decode()  # what was typed is kept
    assert StatusText.objects.count() == saved


def test_a_good_status_text_is_saved(plan_2025, member):
    staff = member(plan_2025, Role.STAFF)

    response = staff.post(
        reverse("reports:status_edit", args=[plan_2025.slug]),
        {"assessment-summary": "Det går godt.\r\nMed\ttabulator."},
    )

    assert response.status_code == 302
    assert StatusText.objects.get(plan=plan_2025, section="summary").assessment.startswith(
        "Det går godt."
    )
