from django.contrib import admin

from .models import ImportBatch, IndicatorDefinition, Observation, PreviousObservation


@admin.register(IndicatorDefinition)
class IndicatorDefinitionAdmin(admin.ModelAdmin):
    list_display = ["key", "name", "plan", "unit", "direction", "period_type", "blank_means"]
    list_filter = ["plan", "period_type", "unit"]
    search_fields = ["key", "name"]


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["created", "plan", "user", "files", "layout", "added", "changed", "unchanged"]
    list_filter = ["plan", "layout"]
    readonly_fields = [f.name for f in ImportBatch._meta.fields]


class PreviousInline(admin.TabularInline):
    model = PreviousObservation
    fk_name = "observation"
    extra = 0
    can_delete = False
    readonly_fields = [
        "value",
        "numerator",
        "denominator",
        "status",
        "reason",
        "batch",
        "replaced_by",
    ]


@admin.register(Observation)
class ObservationAdmin(admin.ModelAdmin):
    list_display = ["definition", "subject_key", "period_label", "value", "status", "plan"]
    list_filter = ["plan", "definition", "scope"]
    search_fields = ["subject_key", "definition__key"]
    readonly_fields = [f.name for f in Observation._meta.fields]
    inlines = [PreviousInline]

    # Observations change only through imports, which keep provenance and previous values.
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
