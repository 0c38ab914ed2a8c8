"""API tokens: each is bound to one user and acts with that user's plan roles."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class TokenQuerySet(models.QuerySet):
    def user_for(self, key: str):
        """The active user a presented token belongs to, or None."""
        token = (
            self.filter(key_hash=digest(key), revoked_at=None, user__is_active=True)
            .select_related("user")
            .first()
        )
        return token.user if token else None


class Token(models.Model):
    """Only a hash of the key is stored; the key itself is shown once, when it is created."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("first characters"), max_length=8, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = TokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.user} {self.prefix}…"

    def revoke(self):
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])


def create_token(user, name: str = "") -> tuple[Token, str]:
    """A new token for `user` and its key (keep the key: it cannot be shown again)."""
    key = secrets.token_urlsafe(32)
    token = Token.objects.create(user=user, name=name, key_hash=digest(key), prefix=key[:8])
    return token, key
