from django import forms
from django.contrib import messages
from django.forms import formset_factory
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from helhedsplan.accounts.access import can, plan_for
from helhedsplan.accounts.models import Role
from helhedsplan.core.concurrency import Difference, StaleEdit, VersionedForm, differences
from helhedsplan.core.validators import TextFieldsMixin

from .actions import freeze, update_sub_agreement
from .document import prepare
from .models import SubAgreement
from .serialize import document_data


def _sub_agreement(request, plan_slug, key, role=Role.READER):
    plan = plan_for(request, plan_slug, role)
    return plan, get_object_or_404(plan.sub_agreements.select_related("plan"), key=key)


@require_GET
def detail(request, plan, key):
    plan, sub_agreement = _sub_agreement(request, plan, key)
    content, _hash = freeze(document_data(sub_agreement))
    latest = sub_agreement.latest_version()
    return render(
        request,
        "agreements/detail.html",
        {
            "plan": plan,
            "sub_agreement": sub_agreement,
            "doc": prepare(content),
            "version": latest,
            "is_current": True,
            "can_edit": can(request.plan_role, Role.STAFF),
        },
    )


@require_GET
def versions(request, plan, key):
    plan, sub_agreement = _sub_agreement(request, plan, key)
    return render(
        request,
        "agreements/versions.html",
        {
            "plan": plan,
            "sub_agreement": sub_agreement,
            "versions": sub_agreement.versions.select_related("created_by").defer("content"),
        },
    )


@require_GET
def version(request, plan, key, number):
    plan, sub_agreement = _sub_agreement(request, plan, key)
    frozen = get_object_or_404(sub_agreement.versions, number=number)
    latest = sub_agreement.latest_version()
    return render(
        request,
        "agreements/detail.html",
        {
            "plan": plan,
            "sub_agreement": sub_agreement,
            "doc": prepare(frozen.content),
            "version": frozen,
            "is_current": latest is not None and latest.pk == frozen.pk,
            "can_edit": False,
        },
    )


class SubAgreementForm(TextFieldsMixin, VersionedForm, forms.ModelForm):
    note = forms.CharField(
        label=gettext_lazy("What changed (shown in the version history)"),
        max_length=300,
        required=True,
    )

    class Meta:
        model = SubAgreement
        fields = ["title", "period_start", "period_end", "parties", "responsible", "partners"]
        widgets = {
            "period_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "period_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end <= start:
            self.add_error("period_end", _("The end must be after the start."))
        return data


class SectionForm(TextFieldsMixin, forms.Form):
    heading = forms.CharField(label=gettext_lazy("Heading"), max_length=200)
    body = forms.CharField(label=gettext_lazy("Text"), widget=forms.Textarea(attrs={"rows": 6}))


SectionFormSet = formset_factory(SectionForm, extra=1, can_delete=True)


def _sections_text(sections) -> str:
    return "\n\n".join(f"{s['heading']}\n{s['body']}" for s in sections)


@require_http_methods(["GET", "POST"])
def edit(request, plan, key):
    plan, sub_agreement = _sub_agreement(request, plan, key, Role.STAFF)
    initial_sections = [
        {"heading": s.heading, "body": s.body} for s in sub_agreement.sections.all()
    ]
    stale = None
    if request.method == "POST":
        form = SubAgreementForm(request.POST, instance=sub_agreement)
        sections = SectionFormSet(request.POST, initial=initial_sections, prefix="sections")
        if form.is_valid() and sections.is_valid():
            kept = [
                s for s in sections.cleaned_data if s and not s.get("DELETE") and s.get("heading")
            ]
            changes = {field: form.cleaned_data[field] for field in SubAgreementForm.Meta.fields}
            try:
                new_version = update_sub_agreement(
                    SubAgreement.objects.get(pk=sub_agreement.pk),
                    changes,
                    kept,
                    request.user,
                    form.cleaned_data["note"],
                    expected_version=form.cleaned_data["version"],
                )
            except StaleEdit as error:
                stale = error
                form.show_current_version(error.current_version)
                current = SubAgreement.objects.get(pk=sub_agreement.pk)
                stale.differences = differences(form, current, SubAgreementForm.Meta.fields)
                current_sections = _sections_text(current.sections.values("heading", "body"))
                if _sections_text(kept) != current_sections:
                    stale.differences.append(
                        Difference(_("Sections"), current_sections, _sections_text(kept))
                    )
            else:
                if new_version:
                    messages.success(
                        request, _("Saved as version %(number)s.") % {"number": new_version.number}
                    )
                else:
                    messages.info(request, _("Nothing was changed, so no new version was made."))
                return redirect(sub_agreement.get_absolute_url())
    else:
        form = SubAgreementForm(instance=sub_agreement)
        sections = SectionFormSet(initial=initial_sections, prefix="sections")
    return render(
        request,
        "agreements/edit.html",
        {
            "plan": plan,
            "sub_agreement": sub_agreement,
            "form": form,
            "sections": sections,
            "stale": stale,
        },
        status=409 if stale else 200,
    )
