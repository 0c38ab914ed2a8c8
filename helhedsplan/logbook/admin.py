from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .actions import restore_entry
from .models import (
    CounsellingSession,
    CounsellingTopic,
    Event,
    NewsletterRecipient,
    NewTenantContacts,
    StaffTime,
    Volunteer,
)


@admin.action(description=_("Restore the selected deleted entries"))
def restore(modeladmin, request, queryset):
    for entry in queryset.exclude(deleted_at=None):
        restore_entry(entry, request.user)
    messages.success(request, _("Restored."))


class EntryAdmin(SimpleHistoryAdmin):
    actions = [restore]
    list_filter = ["plan", ("deleted_at", admin.EmptyFieldListFilter)]


@admin.register(Event)
class EventAdmin(EntryAdmin):
    list_display = ["date", "title", "activity", "participants", "plan", "deleted_at"]


@admin.register(CounsellingSession)
class CounsellingSessionAdmin(EntryAdmin):
    list_display = ["date", "department", "plan", "deleted_at"]


@admin.register(Volunteer)
class VolunteerAdmin(EntryAdmin):
    list_display = ["alias", "department", "start_date", "end_date", "plan", "deleted_at"]


@admin.register(NewTenantContacts)
class NewTenantContactsAdmin(EntryAdmin):
    list_display = ["department", "period_start", "period_end", "moved_in", "contacted"]


@admin.register(NewsletterRecipient)
class NewsletterRecipientAdmin(EntryAdmin):
    list_display = ["organisation", "added", "removed", "plan", "deleted_at"]


@admin.register(StaffTime)
class StaffTimeAdmin(EntryAdmin):
    list_display = ["activity", "week_start", "hours", "plan", "deleted_at"]


@admin.register(CounsellingTopic)
class CounsellingTopicAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "order"]
