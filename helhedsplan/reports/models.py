"""The texts the annual status report carries besides its numbers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from helhedsplan.plans.models import Plan


class StatusText(models.Model):
    """The secretariat's assessment and the board's decisions for next year, for one section
    (an intervention area, or "summary") of one project year's status report. `version`
    counts its edits, so a stale edit is refused."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="+", verbose_name=_("plan"))
    project_year = models.PositiveSmallIntegerField(_("project year"))
    section = models.SlugField(_("section"), max_length=80)
    assessment = models.TextField(_("the secretariat's assessment"), blank=True)
    decisions = models.TextField(_("the board's decisions for next year"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "project_year", "section"], name="status_text_unique_section"
            )
        ]
        verbose_name = _("status report text")
        verbose_name_plural = _("status report texts")

    def __str__(self):
        return f"{self.plan} {self.project_year} {self.section}"
