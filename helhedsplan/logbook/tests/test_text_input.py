"""Logbook forms refuse control characters and over-long text with a form error."""

import pytest
from django.urls import reverse

from helhedsplan.accounts.models import Role
from helhedsplan.logbook.models import Event

from .test_registering import event_form


@pytest.mark.parametrize(
    ("field", "value"),
    [("title", "Fest\x00"), ("title", "Fest\x07"), ("title", "x" * 201), ("note", "Note\x1b")],
)
def test_bad_text_in_an_event_is_a_form_error(plan_2017, member, field, value):
    staff = member(plan_2017, Role.STAFF)
    events = Event.objects.count()

    response = staff.post(
        reverse("logbook:new", args=[plan_2017.slug, "events"]),
        event_form(plan_2017, **{field: value}),
    )

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert Event.objects.count() == events
