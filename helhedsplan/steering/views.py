from collections import defaultdict
from decimal import Decimal

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from helhedsplan.accounts.access import can, plan_for
from helhedsplan.accounts.models import Role

from . import actions
from .allocation import capacity_warning
from .models import Allocation, CalendarEvent, DecisionRound, Meeting, NeedsStatement


@require_GET
def overview(request, plan):
    plan = plan_for(request, plan)
    today = timezone.localdate()
    items = list(plan.plan_items.all())
    return render(
        request,
        "steering/overview.html",
        {
            "plan": plan,
            "rounds": plan.decision_rounds.all(),
            "calendar": CalendarEvent.objects.filter(plan=plan, date__gte=today).select_related(
                "reminder"
            )[:12],
            "items": [(item, item.is_overdue(today)) for item in items],
            "meetings": Meeting.objects.filter(body__plan=plan).select_related("body")[:10],
        },
    )


def allocation_table(round: DecisionRound):
    """Allocations with totals per department and per staff member, and the capacity check."""
    allocations = list(
        Allocation.objects.filter(round=round).select_related(
            "activity", "department", "staff_member"
        )
    )
    per_department = defaultdict(Decimal)
    per_staff = defaultdict(Decimal)
    for allocation in allocations:
        per_department[str(allocation.department)] += allocation.hours
        per_staff[str(allocation.staff_member or "–")] += allocation.hours
    total = sum((a.hours for a in allocations), Decimal(0))
    capacity = round.plan.staff_members.aggregate(total=Sum("hours_per_week"))["total"] or 0
    return {
        "allocations": allocations,
        "per_department": sorted(per_department.items()),
        "per_staff": sorted(per_staff.items()),
        "total": total,
        "capacity": capacity,
        "over_capacity": capacity_warning(total, Decimal(capacity)),
    }


class _HoursField(forms.DecimalField):
    """Hours as typed in Danish or English: 7,5 or 7.5."""

    def to_python(self, value):
        return super().to_python(value.replace(",", ".") if isinstance(value, str) else value)


class AllocationForm(forms.Form):
    needs_factor = forms.DecimalField(
        label=gettext_lazy("Weight of needs"), min_value=0, max_value=5, decimal_places=2
    )

    def __init__(self, *args, allocations=(), **kwargs):
        super().__init__(*args, **kwargs)
        for allocation in allocations:
            self.fields[f"hours-{allocation.pk}"] = _HoursField(
                label=f"{allocation.activity} – {allocation.department}",
                required=False,
                min_value=0,
                max_digits=6,
                decimal_places=1,
            )


@require_http_methods(["GET", "POST"])
def round_detail(request, plan, pk):
    plan = plan_for(request, plan)
    round = get_object_or_404(DecisionRound, plan=plan, pk=pk)
    may_edit = can(request.plan_role, Role.STAFF)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        form = AllocationForm(request.POST, allocations=round.allocations.all())
        if form.is_valid():
            round.needs_factor = form.cleaned_data["needs_factor"]
            round.save(update_fields=["needs_factor"])
            for allocation in round.allocations.all():
                edited = form.cleaned_data.get(f"hours-{allocation.pk}")
                if edited is not None:
                    allocation.hours = edited
                    allocation.save(update_fields=["hours"])
            actions.compute_allocations(round)
            messages.success(request, _("The allocation was saved."))
            return redirect(reverse("steering:round", args=[plan.slug, round.pk]))
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else error)
    proposals = round.proposals.select_related(
        "activity", "department", "ad_hoc_group", "decision__meeting"
    )
    return render(
        request,
        "steering/round.html",
        {
            "plan": plan,
            "round": round,
            "needs": NeedsStatement.objects.filter(round=round).select_related("department"),
            "proposals": proposals,
            "may_edit": may_edit,
            **allocation_table(round),
        },
    )
