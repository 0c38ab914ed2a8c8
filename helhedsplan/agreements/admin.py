"""The admin of the sub-agreements, and of the plan content they are built from (departments,
goals, indicators): every save there records new versions of the plan's sub-agreements, so
those admin classes live here, above plans and goals."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from helhedsplan.core.concurrency import CountsAdminEdits
from helhedsplan.goals.models import Baseline, Goal, Indicator, Target
from helhedsplan.plans.models import Department, Residents

from .actions import record_versions_after_change
from .models import Activity, Section, SubAgreement, SubAgreementVersion, SuccessCriterion


class RecordsVersionsAdmin(admin.ModelAdmin):
    """Every save or delete in the admin freezes a new version of the affected sub-agreements."""

    def plan_of(self, obj):
        return obj.plan

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        record_versions_after_change(
            self.plan_of(form.instance), request.user, _("Changed in the administration")
        )

    def delete_model(self, request, obj):
        plan = self.plan_of(obj)
        super().delete_model(request, obj)
        record_versions_after_change(plan, request.user, _("Deleted in the administration"))


class SectionInline(admin.StackedInline):
    model = Section
    extra = 0


class ActivityInline(admin.TabularInline):
    model = Activity
    fields = ["order", "number", "name", "hours_per_week"]
    extra = 0
    show_change_link = True


@admin.register(SubAgreement)
class SubAgreementAdmin(CountsAdminEdits, RecordsVersionsAdmin):
    list_display = ["title", "plan", "intervention_area", "period_start", "period_end"]
    list_filter = ["plan"]
    inlines = [SectionInline, ActivityInline]


class SuccessCriterionInline(admin.StackedInline):
    model = SuccessCriterion
    extra = 0


@admin.register(Activity)
class ActivityAdmin(RecordsVersionsAdmin):
    list_display = ["name", "sub_agreement", "hours_per_week"]
    list_filter = ["sub_agreement__plan"]
    filter_horizontal = ["departments"]
    inlines = [SuccessCriterionInline]

    def plan_of(self, obj):
        return obj.sub_agreement.plan


@admin.register(SubAgreementVersion)
class SubAgreementVersionAdmin(admin.ModelAdmin):
    """Versions are evidence: they can be read, never changed."""

    list_display = ["sub_agreement", "number", "created_at", "created_by", "note"]
    list_filter = ["sub_agreement__plan"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ResidentsInline(admin.TabularInline):
    model = Residents
    extra = 0


@admin.register(Department)
class DepartmentAdmin(RecordsVersionsAdmin, SimpleHistoryAdmin):
    list_display = ["__str__", "plan", "housing_organisation", "area", "tenancies"]
    list_filter = ["plan", "housing_organisation"]
    search_fields = ["name", "number"]
    inlines = [ResidentsInline]


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
