from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Token


@admin.register(Token)
class TokenAdmin(admin.ModelAdmin):
    """Tokens are made by `helhedsplan create-api-token` (the key is shown only there)."""

    list_display = ["user", "name", "prefix", "created_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["user__username", "name", "prefix"]
    readonly_fields = ["user", "prefix", "created_at", "revoked_at"]
    fields = ["user", "name", "prefix", "created_at", "revoked_at"]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request, queryset):
        for token in queryset.filter(revoked_at=None):
            token.revoke()
