from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from helhedsplan.agreements.admin import RecordsVersionsAdmin

from .models import (
    Area,
    BudgetLine,
    Department,
    InterventionArea,
    Party,
    Plan,
    PlanInterventionArea,
    Residents,
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


class ResidentsInline(admin.TabularInline):
    model = Residents
    extra = 0


@admin.register(Department)
class DepartmentAdmin(RecordsVersionsAdmin, SimpleHistoryAdmin):
    list_display = ["__str__", "plan", "housing_organisation", "area", "tenancies"]
    list_filter = ["plan", "housing_organisation"]
    search_fields = ["name", "number"]
    inlines = [ResidentsInline]


@admin.register(InterventionArea)
class InterventionAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "funds"]
