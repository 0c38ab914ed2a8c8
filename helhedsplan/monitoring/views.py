from urllib.parse import quote

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from helhedsplan.accounts.access import can, plan_for
from helhedsplan.accounts.models import Role
from helhedsplan.cases.access import is_case_worker
from helhedsplan.cases.counts import case_counts, shown_case_counts
from helhedsplan.core.disclosure import sees_exact_counts
from helhedsplan.core.tabular import TabularError, more_problems, read_upload
from helhedsplan.plans.versions import cached

from . import report
from .actions import (
    ImportRejected,
    choose_layout,
    hold_upload,
    import_observations,
    start_import,
)
from .catalogue import definitions_for
from .extract import Problem
from .forms import UploadForm
from .layouts import LayoutError, load_layout, shipped_layouts
from .matrix import sort_rows
from .models import ImportBatch, PendingImport
from .problems import problems_csv
from .spreadsheet import legend_items, matrix_xlsx
from .templatetags.monitoring_tags import matrix_cells_html


@require_GET
def overview(request, plan):
    plan = plan_for(request, plan)
    exact = sees_exact_counts(request.plan_role)
    worker = is_case_worker(request.user, plan)
    context = {
        "plan": plan,
        "rows": report.aggregates_for(plan, exact),
        "batches": ImportBatch.objects.filter(plan=plan).select_related("user")[:5],
        "can_import": can(request.plan_role, Role.STAFF),
        "exact_counts": exact,
        "exact_case_counts": worker,
        # Counts from the coordinated cases (never the cases themselves).
        "case_counts": shown_case_counts(case_counts(plan), exact=worker),
    }
    return render(request, "monitoring/overview.html", context)


@require_GET
def matrix(request, plan):
    plan = plan_for(request, plan)
    sort = request.GET.get("sort", "")
    # The table is kept under the plan's version and the sort; a reader's table hides small
    # counts (docs/disclosure.md), so who sees exact ones is in the key too.
    exact = sees_exact_counts(request.plan_role)
    context = {
        "plan": plan,
        "sort": sort,
        "legend": legend_items,
        "table": cached(
            plan, "matrix-table", lambda: _matrix_table(plan, sort, exact), sort, exact
        ),
        "exact_counts": exact,
    }
    return render(request, "monitoring/matrix.html", context)


def _matrix_table(plan, sort, exact):
    departments, columns = report.matrix_for(plan, exact)
    rows = [
        (d, matrix_cells_html([(col.cells[d.key], col.unit) for col in columns]))
        for d in sort_rows(departments, columns, sort)
    ]
    context = {"columns": columns, "rows": rows, "sort": sort}
    return render_to_string("monitoring/_matrix_table.html", context)


@require_GET
def matrix_download(request, plan):
    plan = plan_for(request, plan)
    departments, columns = report.matrix_for(plan, sees_exact_counts(request.plan_role))
    content = matrix_xlsx(plan, sort_rows(departments, columns, request.GET.get("sort")), columns)
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{plan.slug}-behovsmatrix.xlsx"'
    return response


@require_GET
def imports(request, plan):
    plan = plan_for(request, plan)
    batches = ImportBatch.objects.filter(plan=plan).select_related("user")
    context = {"plan": plan, "batches": batches}
    finished = request.GET.get("finished", "")
    if finished.isdigit() and len(finished) < 19:
        # The user's own upload that the worker has just imported (the progress box sends
        # the user here): its counts, read from the hold.
        context["finished"] = PendingImport.objects.filter(
            plan=plan, user=request.user, pk=int(finished), state=PendingImport.State.DONE
        ).first()
    return render(request, "monitoring/imports.html", context)


@require_GET
def catalogue(request, plan):
    plan = plan_for(request, plan)
    context = {"plan": plan, "definitions": definitions_for(plan), "layouts": shipped_layouts()}
    return render(request, "monitoring/catalogue.html", context)


def upload(request, plan):
    """Upload -> preview (a dry run) -> confirm; staff only. Nothing is written before the
    confirmation, and nothing at all if any row has a problem."""
    plan = plan_for(request, plan, Role.STAFF)
    context = {"plan": plan, "layouts": shipped_layouts()}
    if request.method != "POST":
        State = PendingImport.State
        context["running"] = _latest_import(request, plan, State.QUEUED, State.RUNNING)
        return render(request, "monitoring/upload.html", context)
    if "confirm" in request.POST:
        return _confirm(request, plan, context)
    form = UploadForm(request.POST)
    if not form.is_valid():
        context["error"] = _("Nothing was imported.")
        context["layout_error"] = " ".join(
            str(message) for messages in form.errors.values() for message in messages
        )
        return render(request, "monitoring/upload.html", context, status=400)
    uploads = request.FILES.getlist("files")
    if not uploads:
        context["error"] = _("Choose one or more CSV or XLSX files.")
        return render(request, "monitoring/upload.html", context, status=400)
    try:
        files = _read_uploads(uploads)
    except ImportRejected as error:
        return _rejected(request, context, error)
    provenance = form.cleaned_data["provenance"]
    try:
        layout_name = form.cleaned_data["layout"]
        layout = load_layout(layout_name) if layout_name else choose_layout(files)
        outcome = import_observations(plan, files, layout, dry_run=True)
    except (ImportRejected, LayoutError) as error:
        return _rejected(request, context, error)
    pending = hold_upload(plan, request.user, files, layout.name, provenance)
    context.update({"outcome": outcome, "layout": layout, "pending": pending})
    return render(request, "monitoring/upload.html", context)


def _read_uploads(uploads) -> list[tuple[str, bytes]]:
    """The uploaded files' contents; each checked against MAX_UPLOAD_BYTES before it is read."""
    files, problems = [], []
    for upload in uploads:
        try:
            files.append((upload.name, read_upload(upload)))
        except TabularError as error:
            problems.append(Problem(upload.name, "", None, "", error.message))
    if problems:
        raise ImportRejected(problems)
    return files


def _confirm(request, plan, context):
    pending = (
        PendingImport.objects.filter(
            plan=plan, user=request.user, pk=request.POST.get("pending") or 0
        )
        .exclude(state=PendingImport.State.DONE)
        .first()
    )
    if pending is None:
        context["error"] = _("The upload has expired; choose the files again.")
        return render(request, "monitoring/upload.html", context, status=400)
    if not start_import(pending, request.user):
        context["error"] = _("These files are being imported already.")
        context["running"] = pending
        return render(request, "monitoring/upload.html", context, status=409)
    # The worker imports it; the page shows how far it has come (htmx polls the box).
    pending.refresh_from_db()
    if request.htmx or pending.state == PendingImport.State.DONE:
        return _progress(request, plan, pending)
    return redirect("monitoring:upload_progress", plan.slug)


@require_GET
def upload_progress(request, plan):
    """How far the user's import in the worker has come (polled by the upload page); when it is
    done, the list of imports with its counts. It only reads."""
    plan = plan_for(request, plan, Role.STAFF)
    pending = _latest_import(request, plan)
    return _progress(request, plan, pending)


def _latest_import(request, plan, *states):
    """The user's latest upload that is importing or has been (or is in one of `states`)."""
    found = PendingImport.objects.filter(plan=plan, user=request.user)
    found = found.filter(state__in=states) if states else found.exclude(state="held")
    return found.order_by("-pk").first()


def _progress(request, plan, pending):
    """The progress box alone for htmx, else the upload page around it; when the import is
    done, the imports page with its counts."""
    if pending is not None and pending.state == PendingImport.State.DONE:
        imports = reverse("monitoring:imports", args=[plan.slug]) + f"?finished={pending.pk}"
        if request.htmx:
            return HttpResponse(headers={"HX-Redirect": imports})
        return redirect(imports)
    context = {"plan": plan, "pending": pending}
    if pending is not None and pending.state == PendingImport.State.FAILED:
        problems = [Problem(*row) for row in pending.result.get("problems", [])]
        more = pending.result.get("more", 0)
        context.update(
            failed_problems=problems,
            failed_more=more_problems(more),
            failed_error=pending.result.get("error", ""),
            problems_href="data:text/csv;charset=utf-8," + quote(problems_csv(problems, more)),
        )
    if request.htmx:
        return render(request, "monitoring/_upload_progress.html", context)
    context.update(layouts=shipped_layouts(), running=pending)
    return render(request, "monitoring/upload.html", context)


def _rejected(request, context, error):
    problems = getattr(error, "problems", None)
    context["error"] = _("Nothing was imported.")
    if problems is None:
        context["layout_error"] = str(error)
    else:
        more = getattr(error, "more", 0)
        context["problems"] = problems
        context["more_problems"] = more_problems(more)
        context["problems_href"] = "data:text/csv;charset=utf-8," + quote(
            problems_csv(problems, more)
        )
    return render(request, "monitoring/upload.html", context, status=400)
