"""The admin of plans' own models. Departments, goals and indicators are registered in
`agreements.admin`: saving one there records new versions of the sub-agreements."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Area,
    BudgetLine,
    InterventionArea,
    Party,
    Plan,
    PlanInterventionArea,
)


@admin.register(Party)
class PartyAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]


class PlanInterventionAreaInline(admin.StackedInline):
    model = PlanInterventionArea
    extra = 0


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    extra = 0


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "period_start", "period_end", "municipality"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["parties"]
    inlines = [PlanInterventionAreaInline, BudgetLineInline]


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality"]
    search_fields = ["name", "municipality"]


@admin.register(InterventionArea)
class InterventionAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "funds"]
