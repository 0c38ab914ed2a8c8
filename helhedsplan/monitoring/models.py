"""Monitoring data: the indicator catalogue, observations with their provenance and history."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from helhedsplan.goals.models import Indicator
from helhedsplan.plans.models import Department, Plan, ValueStatus

from .periods import PeriodType


class IndicatorDefinition(models.Model):
    """An entry of the catalogue (shipped in catalogue.yaml); a plan may add its own."""

    class BlankMeans(models.TextChoices):
        UNKNOWN = "unknown", _("Unknown")
        ZERO = "zero", _("Zero")

    plan = models.ForeignKey(
        Plan,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="indicator_definitions",
        verbose_name=_("plan"),
        help_text=_("Empty: the shared catalogue"),
    )
    key = models.SlugField(_("key"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=300)
    unit = models.CharField(_("unit"), max_length=20, choices=Indicator.Unit.choices)
    direction = models.CharField(_("direction"), max_length=20, choices=Indicator.Direction.choices)
    period_type = models.CharField(
        _("period type"), max_length=20, choices=[(t.value, t.value) for t in PeriodType]
    )
    share = models.BooleanField(_("share of persons (at most 100 %)"), default=False)
    blank_means = models.CharField(
        _("a blank cell means"), max_length=10, choices=BlankMeans.choices, default="unknown"
    )
    additive = models.BooleanField(_("counts add up over periods"), default=False)
    numerator = models.TextField(_("numerator"), blank=True)
    denominator = models.TextField(_("denominator"), blank=True)
    source = models.TextField(_("source"), blank=True)
    aliases = models.JSONField(_("keys used in plan files"), default=list, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "key"]
        verbose_name = _("indicator definition")
        verbose_name_plural = _("indicator catalogue")

    def __str__(self):
        return self.name

    @property
    def higher_is_better(self) -> bool | None:
        return {"higher_is_better": True, "lower_is_better": False}.get(self.direction)


class ImportBatch(models.Model):
    """One import of one or more files: who, when, which files, which layout."""

    plan = models.ForeignKey(
        Plan, models.CASCADE, related_name="import_batches", verbose_name=_("plan")
    )
    created = models.DateTimeField(_("imported"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("imported by"),
    )
    files = models.TextField(_("files"))
    file_hashes = models.TextField(_("SHA-256 of the files"), blank=True)
    layout = models.CharField(_("layout"), max_length=100)
    layout_hash = models.CharField(_("SHA-256 of the layout"), max_length=64, blank=True)
    provenance = models.TextField(_("provenance"), blank=True)
    added = models.PositiveIntegerField(_("added"), default=0)
    changed = models.PositiveIntegerField(_("changed"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self):
        return f"{self.files} ({self.layout})"


class Scope(models.TextChoices):
    DEPARTMENT = "department", _("Department")
    AREA = "area", _("Area")
    PLAN = "plan", _("The plan's departments")
    MUNICIPALITY = "municipality", _("Municipality")
    NATIONAL = "national", _("National")
    COMPARISON_GROUP = "comparison_group", _("Comparison group")


class Observation(models.Model):
    """The current value of one indicator for one subject in one period."""

    plan = models.ForeignKey(
        Plan, models.CASCADE, related_name="observations", verbose_name=_("plan")
    )
    definition = models.ForeignKey(
        IndicatorDefinition,
        models.PROTECT,
        related_name="observations",
        verbose_name=_("indicator"),
    )
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices)
    department = models.ForeignKey(
        Department,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="observations",
        verbose_name=_("department"),
    )
    label = models.CharField(_("subject"), max_length=200, blank=True)
    subject_key = models.CharField(_("subject key"), max_length=260)
    period_type = models.CharField(_("period type"), max_length=20)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    period_label = models.CharField(_("period"), max_length=30)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4, null=True)
    numerator = models.DecimalField(_("numerator"), max_digits=16, decimal_places=4, null=True)
    denominator = models.DecimalField(_("denominator"), max_digits=16, decimal_places=4, null=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ValueStatus.choices, default=ValueStatus.VALUE
    )
    reason = models.CharField(_("why unknown"), max_length=300, blank=True)
    batch = models.ForeignKey(
        ImportBatch, models.PROTECT, related_name="observations", verbose_name=_("import")
    )

    class Meta:
        ordering = ["definition", "subject_key", "period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "definition", "subject_key", "period_start"],
                name="observation_unique_key",
            ),
            models.CheckConstraint(
                condition=models.Q(status="value", value__isnull=False)
                | (~models.Q(status="value") & models.Q(value__isnull=True)),
                name="observation_value_matches_status",
            ),
        ]
        # The comparisons (municipality, national, ...) beside a department's own series.
        indexes = [models.Index(fields=["plan", "scope", "definition"], name="observation_scope")]
        verbose_name = _("observation")
        verbose_name_plural = _("observations")

    def __str__(self):
        return f"{self.definition.key} {self.subject_key} {self.period_label}"


class PreviousObservation(models.Model):
    """A value an import replaced, kept so every earlier figure can be found again."""

    observation = models.ForeignKey(
        Observation, models.CASCADE, related_name="previous", verbose_name=_("observation")
    )
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4, null=True)
    numerator = models.DecimalField(_("numerator"), max_digits=16, decimal_places=4, null=True)
    denominator = models.DecimalField(_("denominator"), max_digits=16, decimal_places=4, null=True)
    status = models.CharField(_("status"), max_length=20, choices=ValueStatus.choices)
    reason = models.CharField(_("why unknown"), max_length=300, blank=True)
    batch = models.ForeignKey(
        ImportBatch, models.PROTECT, related_name="+", verbose_name=_("imported by batch")
    )
    replaced_by = models.ForeignKey(
        ImportBatch, models.PROTECT, related_name="replaced", verbose_name=_("replaced by")
    )

    class Meta:
        ordering = ["observation", "-replaced_by__created", "-pk"]
        verbose_name = _("previous value")
        verbose_name_plural = _("previous values")

    def __str__(self):
        return f"{self.observation}: {self.value if self.value is not None else '-'}"


class PendingImport(models.Model):
    """Uploaded files waiting between the preview and the confirmed import, and how far a
    confirmed import has come in the worker (the upload page polls it)."""

    class State(models.TextChoices):
        HELD = "held", _("Waiting for confirmation")
        QUEUED = "queued", _("Waiting for the worker")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Not imported")

    # A queued or running import that has not reported for this long died with its worker
    # (its transaction was rolled back) or has no worker: it may be started again.
    STALLED_AFTER = datetime.timedelta(minutes=10)

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="+", verbose_name=_("plan"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="+", verbose_name=_("user")
    )
    created = models.DateTimeField(_("uploaded"), auto_now_add=True)
    layout = models.CharField(_("layout"), max_length=100)
    provenance = models.TextField(_("provenance"), blank=True)
    files = models.JSONField(_("files"), help_text=_("[name, base64 content] pairs"))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default="held")
    rows_done = models.PositiveIntegerField(_("rows done"), default=0)
    rows_total = models.PositiveIntegerField(_("rows in all"), default=0)
    updated = models.DateTimeField(_("last progress"), null=True, blank=True)
    result = models.JSONField(
        _("result"), default=dict, blank=True, help_text=_("the counts, or the problems")
    )

    class Meta:
        verbose_name = _("pending import")
        verbose_name_plural = _("pending imports")

    def __str__(self):
        return ", ".join(name for name, _content in self.files)

    def contents(self) -> list[tuple[str, bytes]]:
        import base64

        return [(name, base64.b64decode(content)) for name, content in self.files]

    @property
    def stalled(self) -> bool:
        return (
            self.state in (self.State.QUEUED, self.State.RUNNING)
            and self.updated is not None
            and timezone.now() - self.updated > self.STALLED_AFTER
        )

    @property
    def percent(self) -> int:
        return 100 * self.rows_done // self.rows_total if self.rows_total else 0
