from django.contrib import admin

from .models import StatusText


@admin.register(StatusText)
class StatusTextAdmin(admin.ModelAdmin):
    list_display = ["plan", "project_year", "section", "updated_at", "updated_by"]
    list_filter = ["plan", "project_year"]
    readonly_fields = ["updated_at", "updated_by"]
