"""Who may do what in which plan."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from helhedsplan.plans.models import Plan


class Role(models.TextChoices):
    """Ordered from least to most: each role may do what the ones before it may."""

    READER = "reader", _("Reader (board, municipality)")
    STAFF = "staff", _("Staff (secretariat)")
    ADMIN = "admin", _("Plan administrator")


ROLE_RANK = {Role.READER: 1, Role.STAFF: 2, Role.ADMIN: 3}


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    plan = models.ForeignKey(
        Plan, models.CASCADE, related_name="memberships", verbose_name=_("plan")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    case_worker = models.BooleanField(
        _("case worker (Bo Godt)"),
        default=False,
        help_text=_("May read and write coordinated cases. Requires two-factor login."),
    )

    class Meta:
        ordering = ["plan", "user"]
        constraints = [models.UniqueConstraint(fields=["user", "plan"], name="membership_unique")]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.user} – {self.plan}: {self.get_role_display()}"

    def allows(self, role: str) -> bool:
        return ROLE_RANK[Role(self.role)] >= ROLE_RANK[Role(role)]
