from collections import defaultdict
from decimal import Decimal

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from helhedsplan.accounts.access import can, plan_for
from helhedsplan.accounts.models import Role
from helhedsplan.core.concurrency import Difference, StaleEdit, VersionedForm

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


class DecimalInput(forms.DecimalField):
    """A decimal number written with a comma or a point."""

    def to_python(self, value):
        return super().to_python(value.replace(",", ".") if isinstance(value, str) else value)


class AllocationForm(VersionedForm):
    """The weight of needs and each allocation's hours, as opened on the round's version."""

    needs_factor = DecimalInput(
        label=gettext_lazy("Weight of needs"),
        min_value=0,
        max_value=5,
        max_digits=4,
        decimal_places=2,
    )

    def __init__(self, *args, round, allocations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = round.version
        self.fields["needs_factor"].initial = number_format(round.needs_factor, 2)
        self.allocations = allocations
        for allocation in allocations:
            self.fields[f"hours-{allocation.pk}"] = DecimalInput(
                label=f"{allocation.activity} – {allocation.department}",
                required=False,
                min_value=0,
                max_digits=6,
                decimal_places=1,
                initial=number_format(allocation.hours, 1),
            )

    def rows(self):
        """Each allocation with its hours field."""
        return [(a, self[f"hours-{a.pk}"]) for a in self.allocations]

    def edited_hours(self) -> dict:
        return {
            a.pk: self.cleaned_data[f"hours-{a.pk}"]
            for a in self.allocations
            if self.cleaned_data.get(f"hours-{a.pk}") is not None
        }

    def differences(self, round, allocations) -> list[Difference]:
        """Where the entered values differ from the current ones."""
        found = []
        if self.cleaned_data["needs_factor"] != round.needs_factor:
            label = self.fields["needs_factor"].label
            found.append(Difference(label, round.needs_factor, self.cleaned_data["needs_factor"]))
        entered = self.edited_hours()
        for allocation in allocations:
            if allocation.pk in entered and entered[allocation.pk] != allocation.hours:
                label = self.fields[f"hours-{allocation.pk}"].label
                found.append(Difference(label, allocation.hours, entered[allocation.pk]))
        return found


@require_http_methods(["GET", "POST"])
def round_detail(request, plan, pk):
    plan = plan_for(request, plan)
    round = get_object_or_404(DecisionRound, plan=plan, pk=pk)
    may_edit = can(request.plan_role, Role.STAFF)
    table = allocation_table(round)
    stale = None
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        form = AllocationForm(request.POST, round=round, allocations=table["allocations"])
        if form.is_valid():
            try:
                actions.save_allocation(
                    round,
                    form.cleaned_data["needs_factor"],
                    form.edited_hours(),
                    request.user,
                    expected_version=form.cleaned_data["version"],
                )
            except StaleEdit as error:
                stale = error
                form.show_current_version(error.current_version)
                round.refresh_from_db()
                table = allocation_table(round)
                stale.differences = form.differences(round, table["allocations"])
            else:
                messages.success(request, _("The allocation was saved."))
                return redirect(reverse("steering:round", args=[plan.slug, round.pk]))
    else:
        form = AllocationForm(round=round, allocations=table["allocations"])
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
            "form": form,
            "stale": stale,
            **table,
        },
        status=409 if stale else 200,
    )
