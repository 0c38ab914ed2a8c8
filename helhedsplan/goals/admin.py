from django.contrib import admin

from helhedsplan.agreements.admin import RecordsVersionsAdmin

from .models import Baseline, Goal, Indicator, Target


class IndicatorInline(admin.TabularInline):
    model = Indicator
    fields = ["order", "key", "name", "unit", "direction"]
    extra = 0
    show_change_link = True


@admin.register(Goal)
class GoalAdmin(RecordsVersionsAdmin):
    list_display = ["__str__", "plan", "level", "intervention_area"]
    list_filter = ["plan", "level"]
    inlines = [IndicatorInline]


class BaselineInline(admin.TabularInline):
    model = Baseline
    fields = ["order", "scope", "department", "area", "label", "year", "value", "status", "note"]
    extra = 0


class TargetInline(admin.TabularInline):
    model = Target
    fields = ["order", "kind", "value", "per_year", "department", "target_year", "text"]
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(RecordsVersionsAdmin):
    list_display = ["name", "plan", "unit", "direction"]
    list_filter = ["plan"]
    search_fields = ["name", "key"]
    inlines = [BaselineInline, TargetInline]
