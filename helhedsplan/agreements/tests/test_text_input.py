"""The sub-agreement edit form refuses control characters and text too long for its column
with a form error; nothing is saved and no new version is made (never a 500 on PostgreSQL)."""

import pytest
from django.urls import reverse

from helhedsplan.accounts.models import Role

from .test_versions import edit_form


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "Ny\x00titel"),
        ("title", "Ny\x07titel"),
        ("title", "x" * 301),
        ("parties", "Parter\x1b"),
        ("note", "x" * 301),
        ("sections-0-heading", "x" * 201),
        ("sections-0-heading", "Overskrift\x00"),
        ("sections-0-body", "Tekst\x00"),
        ("sections-0-body", "Te\x0bkst"),
    ],
)
def test_bad_text_is_a_form_error_and_saves_nothing(plan_2025, member, field, value):
    staff = member(plan_2025, Role.STAFF)
    sub_agreement = plan_2025.sub_agreements.first()
    versions = sub_agreement.versions.count()
    url = reverse("agreements:edit", args=[plan_2025.slug, sub_agreement.key])

    response = staff.post(url, edit_form(sub_agreement, **{field: value}))

    assert response.status_code == 200
    form_errors = response.context["form"].errors or response.context["sections"].errors
    assert any(form_errors)
    assert sub_agreement.versions.count() == versions
