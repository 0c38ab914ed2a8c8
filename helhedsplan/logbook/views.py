import datetime

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from helhedsplan.accounts.access import can, plan_for
from helhedsplan.accounts.models import Role
from helhedsplan.core.concurrency import StaleEdit, differences
from helhedsplan.core.tabular import more_problems
from helhedsplan.plans.periods import project_years

from . import forms as logbook_forms
from .actions import delete_entry, save_entry
from .forms import entered_values
from .hours import hours_summary
from .importer import ImportError as LogbookImportError
from .importer import import_events
from .measures import default_year, plan_statuses
from .models import (
    CounsellingSession,
    Event,
    NewsletterRecipient,
    NewTenantContacts,
    StaffTime,
    Volunteer,
)

KINDS = {
    "events": (Event, logbook_forms.EventForm, gettext_lazy("Events")),
    "counselling": (
        CounsellingSession,
        logbook_forms.CounsellingForm,
        gettext_lazy("Counselling sessions"),
    ),
    "volunteers": (Volunteer, logbook_forms.VolunteerForm, gettext_lazy("Volunteers")),
    "new-tenants": (
        NewTenantContacts,
        logbook_forms.NewTenantsForm,
        gettext_lazy("New tenants contacted"),
    ),
    "newsletter": (
        NewsletterRecipient,
        logbook_forms.NewsletterForm,
        gettext_lazy("Newsletter partners"),
    ),
    "hours": (StaffTime, logbook_forms.StaffTimeForm, gettext_lazy("Staff hours")),
}


def _kind(kind):
    if kind not in KINDS:
        raise Http404("No such logbook")
    return KINDS[kind]


@require_GET
def overview(request, plan):
    plan = plan_for(request, plan)
    today = timezone.localdate()
    years = project_years(plan)
    chosen = request.GET.get("year", "")
    year = next((y for y in years if str(y.number) == chosen), None) or default_year(plan, today)
    statuses = plan_statuses(plan, year, today)
    by_activity = {}
    for status in statuses:
        by_activity.setdefault(status.criterion.activity, []).append(status)
    return render(
        request,
        "logbook/overview.html",
        {
            "plan": plan,
            "years": years,
            "year": year,
            "by_activity": by_activity,
            "hours": hours_summary(plan, year, today) if year else [],
            "kinds": [(slug, label) for slug, (_m, _f, label) in KINDS.items()],
            "can_register": can(request.plan_role, Role.STAFF),
            "recent": Event.objects.live().filter(plan=plan).select_related("activity")[:5],
        },
    )


@require_GET
def entries(request, plan, kind):
    plan = plan_for(request, plan, Role.STAFF)
    model, _form, label = _kind(kind)
    items = model.objects.live().filter(plan=plan)[:200]
    return render(
        request,
        "logbook/entries.html",
        {"plan": plan, "kind": kind, "label": label, "items": items},
    )


@require_http_methods(["GET", "POST"])
def edit(request, plan, kind, pk=None):
    plan = plan_for(request, plan, Role.STAFF)
    model, form_class, label = _kind(kind)
    entry = get_object_or_404(model.objects.live(), plan=plan, pk=pk) if pk else None
    stale = None
    if request.method == "POST":
        form = form_class(request.POST, instance=entry, plan=plan)
        if form.is_valid():
            try:
                saved = save_entry(
                    model,
                    plan,
                    entered_values(form),
                    request.user,
                    entry=entry,
                    expected_version=form.cleaned_data["version"] if entry else None,
                )
            except StaleEdit as error:
                stale = error
                form.show_current_version(error.current_version)
                current = model.objects.get(pk=entry.pk)
                stale.differences = differences(form, current, form._meta.fields)
            else:
                messages.success(request, _("Saved: %(entry)s") % {"entry": saved})
                if "save_and_copy" in request.POST and kind == "events":
                    url = reverse("logbook:new", args=[plan.slug, kind])
                    return redirect(f"{url}?copy={saved.pk}")
                return redirect(reverse("logbook:overview", args=[plan.slug]))
    else:
        initial = logbook_forms.initial_for(kind)
        copy_of = request.GET.get("copy")
        if copy_of and kind == "events" and entry is None:
            source = get_object_or_404(Event.objects.live(), plan=plan, pk=copy_of)
            initial = _copy_of(source)
        form = form_class(instance=entry, plan=plan, initial=initial)
    return render(
        request,
        "logbook/edit.html",
        {
            "plan": plan,
            "kind": kind,
            "label": label,
            "form": form,
            "entry": entry,
            "stale": stale,
        },
        status=409 if stale else 200,
    )


def _copy_of(event: Event) -> dict:
    """A recurring event: the same as last time, a week later, with counts left to fill in."""
    return {
        "date": event.date + datetime.timedelta(days=7),
        "activity": event.activity_id,
        "event_type": event.event_type,
        "title": event.title,
        "departments": list(event.departments.values_list("pk", flat=True)),
        "note": "",
    }


@require_http_methods(["GET", "POST"])
def delete(request, plan, kind, pk):
    plan = plan_for(request, plan, Role.STAFF)
    model, _form, label = _kind(kind)
    entry = get_object_or_404(model.objects.live(), plan=plan, pk=pk)
    if request.method == "POST":
        delete_entry(entry, request.user)
        messages.success(
            request, _("Deleted: %(entry)s. An administrator can restore it.") % {"entry": entry}
        )
        return redirect(reverse("logbook:entries", args=[plan.slug, kind]))
    return render(
        request,
        "logbook/delete.html",
        {"plan": plan, "kind": kind, "label": label, "entry": entry},
    )


@require_http_methods(["GET", "POST"])
def import_file(request, plan):
    plan = plan_for(request, plan, Role.STAFF)
    problems, more, imported = [], "", None
    if request.method == "POST" and request.FILES.get("file"):
        upload = request.FILES["file"]
        try:
            imported = import_events(upload, plan, request.user, filename=upload.name)
        except LogbookImportError as error:
            problems, more = error.problems, more_problems(error.more)
        else:
            messages.success(request, _("Imported %(n)s events.") % {"n": imported})
            return redirect(reverse("logbook:overview", args=[plan.slug]))
    context = {"plan": plan, "problems": problems, "more_problems": more}
    return render(request, "logbook/import.html", context)
