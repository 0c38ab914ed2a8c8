from django.contrib import admin

from .models import AuditEvent, CaseRecord, ProblemCategory


@admin.register(ProblemCategory)
class ProblemCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "order"]


@admin.register(CaseRecord)
class CaseRecordAdmin(admin.ModelAdmin):
    """Anonymised cases hold no person; they may be read for the counts."""

    list_display = ["plan", "department", "opened_on", "closed_on", "outcome", "reason"]
    list_filter = ["plan", "reason"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The audit log can be read, never changed or deleted. Cases themselves are not in the
    admin at all: they are reached only through the audited case pages."""

    list_display = ["at", "username", "action", "plan", "case_number", "ip_address"]
    list_filter = ["plan", "action"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
