from django.contrib import admin

from helhedsplan.core.concurrency import CountsAdminEdits

from .models import (
    Allocation,
    CalendarEvent,
    Decision,
    DecisionRound,
    Meeting,
    NeedsStatement,
    PlanItem,
    Proposal,
    Review,
    StaffMember,
)


class NeedsInline(admin.StackedInline):
    model = NeedsStatement
    extra = 0
    readonly_fields = ["snapshot", "need_score", "snapshot_taken"]


class ProposalInline(admin.TabularInline):
    model = Proposal
    extra = 0


@admin.register(DecisionRound)
class DecisionRoundAdmin(CountsAdminEdits, admin.ModelAdmin):
    list_display = ["title", "plan", "project_year"]
    inlines = [NeedsInline, ProposalInline]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["proposal", "outcome", "decided_on", "meeting"]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["decision", "reviewed_on", "continue_next_year"]
    readonly_fields = ["evidence"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["body", "date"]


@admin.register(StaffMember)
class StaffMemberAdmin(admin.ModelAdmin):
    list_display = ["initials", "plan", "hours_per_week"]


@admin.register(Allocation)
class AllocationAdmin(admin.ModelAdmin):
    list_display = ["activity", "department", "staff_member", "computed_hours", "hours"]
    list_filter = ["round"]


@admin.register(PlanItem)
class PlanItemAdmin(admin.ModelAdmin):
    list_display = ["title", "plan", "kind", "owner", "due", "status"]
    list_filter = ["plan", "kind", "status"]


@admin.register(CalendarEvent)
class CalendarEventAdmin(admin.ModelAdmin):
    list_display = ["title", "plan", "date", "responsible_role", "remind_days_before"]
    list_filter = ["plan"]
