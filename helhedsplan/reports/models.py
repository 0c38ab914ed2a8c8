"""The texts the annual status report carries besides its numbers."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
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


class ReportFile(models.Model):
    """A report file (PDF, DOCX, XLSX) a user asked for, made by the worker (a task), kept
    for that user to download for KEPT_FOR."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting for the worker")
        RUNNING = "running", _("Being made")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Not made")

    KEPT_FOR = datetime.timedelta(days=7)
    # Not done this long after it started: its worker died (nothing was saved); ask again.
    STALLED_AFTER = datetime.timedelta(minutes=10)

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="+", verbose_name=_("plan"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="+", verbose_name=_("user")
    )
    created = models.DateTimeField(_("asked for"), auto_now_add=True)
    updated = models.DateTimeField(_("last change"), auto_now=True)
    kind = models.CharField(_("report"), max_length=20)
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    format = models.CharField(_("format"), max_length=10)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default="queued")
    title = models.CharField(_("title"), max_length=300, blank=True)
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    content = models.BinaryField(_("content"), null=True, blank=True)
    error = models.TextField(_("why it was not made"), blank=True)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("report file")
        verbose_name_plural = _("report files")

    def __str__(self):
        return self.filename or f"{self.kind} {self.format}"

    @property
    def stalled(self) -> bool:
        return (
            self.state in (self.State.QUEUED, self.State.RUNNING)
            and timezone.now() - self.updated > self.STALLED_AFTER
        )
