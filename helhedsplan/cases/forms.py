from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from helhedsplan.plans.models import Department

from .models import Case, CaseEntry, Consent, Outcome, ProblemCategory

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class NewCaseForm(forms.Form):
    department = forms.ModelChoiceField(Department.objects.none(), label=_("Department"))
    tenant_name = forms.CharField(label=_("Tenant's name"), max_length=200)
    tenant_address = forms.CharField(label=_("Address"), max_length=300, required=False)
    key_person = forms.CharField(
        label=_("Key person"), max_length=200, help_text=_("Who carries the contact.")
    )
    categories = forms.ModelMultipleChoiceField(
        ProblemCategory.objects.all(), label=_("Problems"), widget=forms.CheckboxSelectMultiple
    )
    consent_kind = forms.ChoiceField(label=_("Consent"), choices=Consent.Kind.choices)
    consent_given_on = forms.DateField(
        label=_("Consent given on"), widget=DATE, initial=timezone.localdate
    )
    consent_covers = forms.CharField(
        label=_("What the consent covers"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: talks between drift, the social department and the plan."),
    )
    cpr_warning = _("Never write a CPR number anywhere in a case.")

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.filter(plan=plan)


class EntryForm(forms.ModelForm):
    class Meta:
        model = CaseEntry
        fields = ["date", "kind", "text"]
        widgets = {"date": DATE, "text": forms.Textarea(attrs={"rows": 3})}


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    closed_on = forms.DateField(label=_("Closed on"), widget=DATE, initial=timezone.localdate)


class SubjectForm(forms.Form):
    name = forms.CharField(label=_("The tenant's full name"), max_length=200)


def case_fields(form: NewCaseForm) -> tuple[dict, list, dict]:
    data = form.cleaned_data
    case = {
        "department": data["department"],
        "tenant_name": data["tenant_name"],
        "tenant_address": data["tenant_address"],
        "key_person": data["key_person"],
    }
    consent = {
        "kind": data["consent_kind"],
        "given_on": data["consent_given_on"],
        "covers": data["consent_covers"],
    }
    return case, list(data["categories"]), consent


__all__ = ["Case", "CloseForm", "EntryForm", "NewCaseForm", "SubjectForm", "case_fields"]
