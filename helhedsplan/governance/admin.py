from django.contrib import admin

from .models import Body, CycleStep, Member, Milestone


class MemberInline(admin.TabularInline):
    model = Member
    extra = 0


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "plan", "kind", "cadence"]
    list_filter = ["plan", "kind"]
    inlines = [MemberInline]


@admin.register(CycleStep)
class CycleStepAdmin(admin.ModelAdmin):
    list_display = ["title", "plan", "month", "order"]
    list_filter = ["plan"]


@admin.register(Milestone)
class MilestoneAdmin(admin.ModelAdmin):
    list_display = ["title", "plan", "due", "due_text", "done"]
    list_filter = ["plan"]
