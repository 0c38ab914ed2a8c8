from django.contrib import admin

from .models import (
    AreaFigures,
    ClassRule,
    ConvictionReference,
    Criterion,
    PublishedCount,
    PublishedListing,
    RuleSet,
)


class LockedWhenUsed:
    """A locked rule set (and its parts) can be read but not changed: add a new one instead."""

    def has_change_permission(self, request, obj=None):
        rule_set = getattr(obj, "rule_set", obj)
        if rule_set is not None and getattr(rule_set, "locked", False):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)


class ClassRuleInline(LockedWhenUsed, admin.TabularInline):
    model = ClassRule
    extra = 0


class CriterionInline(LockedWhenUsed, admin.TabularInline):
    model = Criterion
    extra = 0


@admin.register(RuleSet)
class RuleSetAdmin(LockedWhenUsed, admin.ModelAdmin):
    list_display = ["code", "name", "first_list_year", "last_list_year", "locked"]
    inlines = [ClassRuleInline, CriterionInline]


@admin.register(ConvictionReference)
class ConvictionReferenceAdmin(admin.ModelAdmin):
    list_display = ["list_year", "national_average", "bars", "source"]


@admin.register(PublishedListing)
class PublishedListingAdmin(admin.ModelAdmin):
    list_display = ["list_year", "list_type", "name_as_published", "area", "status"]
    list_filter = ["list_year", "list_type", "status"]
    search_fields = ["name_as_published", "area__name", "area__municipality"]


@admin.register(PublishedCount)
class PublishedCountAdmin(admin.ModelAdmin):
    list_display = ["list_year", "list_type", "published_count"]


@admin.register(AreaFigures)
class AreaFiguresAdmin(admin.ModelAdmin):
    list_display = ["area", "list_year", "residents", "synthetic", "source"]
    list_filter = ["list_year", "synthetic"]
    search_fields = ["area__name"]
