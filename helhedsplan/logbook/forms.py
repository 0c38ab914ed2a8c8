from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from helhedsplan.agreements.models import Activity
from helhedsplan.core.concurrency import VersionedForm
from helhedsplan.core.validators import TextFieldsMixin
from helhedsplan.plans.models import Department

from .models import (
    CounsellingSession,
    Event,
    NewsletterRecipient,
    NewTenantContacts,
    StaffTime,
    Volunteer,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
NUMBER = forms.NumberInput(attrs={"inputmode": "numeric", "min": 0})


def entered_values(form) -> dict:
    """A valid logbook form's values for its model's fields, as `actions.save_entry` takes them."""
    data = form.cleaned_data
    return {name: data[name] for name in form._meta.fields if name in data}


class LogbookForm(TextFieldsMixin, VersionedForm, forms.ModelForm):
    """Limits choices to the plan's own activities and departments; an edit carries the
    version it was opened on."""

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        for field in self.fields.values():
            if isinstance(field, forms.ModelMultipleChoiceField | forms.ModelChoiceField):
                if field.queryset.model is Activity:
                    field.queryset = Activity.objects.filter(sub_agreement__plan=plan)
                elif field.queryset.model is Department:
                    field.queryset = Department.objects.filter(plan=plan)


class EventForm(LogbookForm):
    class Meta:
        model = Event
        fields = [
            "date",
            "activity",
            "event_type",
            "title",
            "departments",
            "participants",
            "children",
            "youth",
            "adults",
            "seniors",
            "new_tenants",
            "volunteers_involved",
            "note",
        ]
        widgets = {
            "date": DATE,
            "departments": forms.CheckboxSelectMultiple,
            "note": forms.Textarea(attrs={"rows": 3}),
            **{
                name: NUMBER
                for name in (
                    "participants",
                    "children",
                    "youth",
                    "adults",
                    "seniors",
                    "new_tenants",
                    "volunteers_involved",
                )
            },
        }

    def clean(self):
        data = super().clean()
        groups = [data.get(n) for n in ("children", "youth", "adults", "seniors")]
        total = data.get("participants")
        if total is not None and all(g is not None for g in groups) and sum(groups) != total:
            self.add_error(
                "participants",
                _("The groups add up to %(sum)s, not %(total)s.")
                % {"sum": sum(groups), "total": total},
            )
        new = data.get("new_tenants")
        if total is not None and new is not None and new > total:
            self.add_error("new_tenants", _("More new tenants than participants."))
        return data


class CounsellingForm(LogbookForm):
    class Meta:
        model = CounsellingSession
        fields = ["date", "department", "topics", "referred_to_activity", "referred_to_partner"]
        widgets = {"date": DATE, "topics": forms.CheckboxSelectMultiple}


class VolunteerForm(LogbookForm):
    class Meta:
        model = Volunteer
        fields = [
            "alias",
            "contact",
            "department",
            "activities",
            "start_date",
            "end_date",
            "consent_date",
        ]
        widgets = {
            "start_date": DATE,
            "end_date": DATE,
            "consent_date": DATE,
            "activities": forms.CheckboxSelectMultiple,
        }
        help_texts = {"alias": _("Initials or a nickname only, never a full name.")}

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end must not be before the start."))
        return data


class NewTenantsForm(LogbookForm):
    class Meta:
        model = NewTenantContacts
        fields = ["department", "period_start", "period_end", "moved_in", "contacted"]
        widgets = {
            "period_start": DATE,
            "period_end": DATE,
            "moved_in": NUMBER,
            "contacted": NUMBER,
        }

    def clean(self):
        data = super().clean()
        if (data.get("contacted") or 0) > (data.get("moved_in") or 0):
            self.add_error("contacted", _("More contacted than moved in."))
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The end must not be before the start."))
        return data


class NewsletterForm(LogbookForm):
    class Meta:
        model = NewsletterRecipient
        fields = ["organisation", "added", "removed"]
        widgets = {"added": DATE, "removed": DATE}


class StaffTimeForm(LogbookForm):
    class Meta:
        model = StaffTime
        fields = ["activity", "week_start", "hours", "note"]
        widgets = {"week_start": DATE}


def initial_for(kind: str) -> dict:
    today = timezone.localdate()
    return {
        "events": {"date": today},
        "counselling": {"date": today},
        "volunteers": {"start_date": today, "consent_date": today},
        "newsletter": {"added": today},
        "hours": {"week_start": today - timezone.timedelta(days=today.weekday())},
    }.get(kind, {})
