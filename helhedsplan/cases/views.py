import csv
import functools
import json

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from helhedsplan.accounts.access import can, plan_for
from helhedsplan.accounts.models import Role
from helhedsplan.core.cells import safe_row

from . import actions, audit
from .access import SecondFactorMissing, case_plan_for, is_case_worker
from .counts import case_counts, shown_case_counts
from .forms import CloseForm, EntryForm, NewCaseForm, SubjectForm, case_fields
from .models import AuditEvent, Case
from .subject_access import tenant_data, tenant_pdf


def needs_second_factor(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except SecondFactorMissing:
            messages.warning(
                request, _("Case data needs two-factor login. Set up an authenticator app first.")
            )
            return redirect(f"{reverse('mfa_activate_totp')}?next={request.get_full_path()}")

    return wrapped


@require_GET
def overview(request, plan):
    """Counts for every member of the plan; the cases themselves for case workers."""
    plan = plan_for(request, plan)
    worker = is_case_worker(request.user, plan)
    context = {
        "plan": plan,
        "counts": shown_case_counts(case_counts(plan), exact=worker),
        "is_case_worker": worker,
        "is_admin": can(request.plan_role, Role.ADMIN),
    }
    return render(request, "cases/overview.html", context)


@require_GET
@needs_second_factor
def case_list(request, plan):
    plan = case_plan_for(request, plan)
    cases = Case.objects.filter(plan=plan).select_related("department")
    audit.record(plan, AuditEvent.Action.READ, request=request, detail="list")
    return render(request, "cases/list.html", {"plan": plan, "cases": cases})


@require_http_methods(["GET", "POST"])
@needs_second_factor
def new_case(request, plan):
    plan = case_plan_for(request, plan)
    form = NewCaseForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        case_data, categories, consent = case_fields(form)
        case = actions.open_case(plan, case_data, categories, consent, request)
        messages.success(request, _("%(case)s opened.") % {"case": case})
        return redirect(reverse("cases:detail", args=[plan.slug, case.pk]))
    return render(request, "cases/new.html", {"plan": plan, "form": form})


@require_GET
@needs_second_factor
def detail(request, plan, pk):
    plan = case_plan_for(request, plan)
    case = get_object_or_404(
        Case.objects.select_related("department").prefetch_related(
            "categories", "consents", "participants", "entries"
        ),
        plan=plan,
        pk=pk,
    )
    audit.record(plan, AuditEvent.Action.READ, case=case, request=request)
    return render(
        request,
        "cases/detail.html",
        {
            "plan": plan,
            "case": case,
            "consent": case.valid_consent(),
            "entry_form": EntryForm(initial={"date": timezone.localdate()}),
            "close_form": CloseForm(),
        },
    )


def _case(request, plan_slug, pk):
    plan = case_plan_for(request, plan_slug)
    return plan, get_object_or_404(Case, plan=plan, pk=pk)


@require_POST
@needs_second_factor
def add_entry(request, plan, pk):
    plan, case = _case(request, plan, pk)
    form = EntryForm(request.POST)
    if form.is_valid():
        try:
            actions.add_entry(case, request=request, **form.cleaned_data)
        except actions.NoConsent as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("The entry was added."))
    else:
        messages.error(request, _("The entry was not added: date, kind and text are needed."))
    return redirect(reverse("cases:detail", args=[plan.slug, case.pk]))


@require_POST
@needs_second_factor
def withdraw(request, plan, pk):
    plan, case = _case(request, plan, pk)
    actions.withdraw_consent(case, timezone.localdate(), request)
    messages.warning(
        request, _("Consent withdrawn. Nothing more can be recorded, and the case will be deleted.")
    )
    return redirect(reverse("cases:detail", args=[plan.slug, case.pk]))


@require_POST
@needs_second_factor
def close(request, plan, pk):
    plan, case = _case(request, plan, pk)
    form = CloseForm(request.POST)
    if form.is_valid():
        actions.close_case(
            case, form.cleaned_data["outcome"], form.cleaned_data["closed_on"], request
        )
        messages.success(request, _("The case is closed."))
    return redirect(reverse("cases:detail", args=[plan.slug, case.pk]))


@require_GET
def audit_log(request, plan):
    plan = plan_for(request, plan, Role.ADMIN)
    events = AuditEvent.objects.filter(plan=plan)
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="audit-{plan.slug}.csv"'
        writer = csv.writer(response)
        writer.writerow(["at", "user", "action", "case", "detail", "ip_address", "path"])
        for event in events:
            writer.writerow(
                safe_row(
                    [
                        event.at.isoformat(),
                        event.username,
                        event.action,
                        event.case_number or "",
                        event.detail,
                        event.ip_address or "",
                        event.path,
                    ]
                )
            )
        return response
    return render(request, "cases/audit.html", {"plan": plan, "events": events[:500]})


@require_http_methods(["GET", "POST"])
@needs_second_factor
def subject_access(request, plan):
    """Right of access and erasure. The name is sent by POST only (a GET would leave it in
    the web server's access log) and every lookup is audited."""
    plan = case_plan_for(request, plan, role=Role.ADMIN)
    form = SubjectForm(request.POST if request.method == "POST" else None)
    if not form.is_valid():
        return render(request, "cases/subject_access.html", {"plan": plan, "form": form})
    name = form.cleaned_data["name"]
    action = request.POST.get("action", "find")
    cases = actions.look_up_tenant(plan, name, request)
    if action == "json":
        audit.record(
            plan, AuditEvent.Action.EXPORT, request=request, detail=f"json, {len(cases)} cases"
        )
        response = HttpResponse(
            json.dumps(tenant_data(plan, name), ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="indsigt.json"'
        return response
    if action == "pdf":
        audit.record(
            plan, AuditEvent.Action.EXPORT, request=request, detail=f"pdf, {len(cases)} cases"
        )
        response = HttpResponse(tenant_pdf(plan, name), content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="indsigt.pdf"'
        return response
    if action == "erase":
        erased = actions.erase_tenant(plan, cases, request)
        messages.success(
            request, _("%(n)s cases erased; only their counts remain.") % {"n": erased}
        )
        return redirect(reverse("cases:overview", args=[plan.slug]))
    return render(
        request,
        "cases/subject_access.html",
        {"plan": plan, "form": form, "found": len(cases), "name": name},
    )
