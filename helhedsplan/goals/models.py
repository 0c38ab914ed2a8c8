"""Goals, the indicators that measure them, their baselines and their targets."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from helhedsplan.plans.models import Area, Department, InterventionArea, Plan, ValueStatus


class Goal(models.Model):
    class Level(models.TextChoices):
        OVERALL = "overall", _("Overall LBF goal")
        LOCAL = "local", _("Local goal")
        SUB_GOAL = "sub_goal", _("Sub-goal")

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="goals", verbose_name=_("plan"))
    sub_agreement = models.ForeignKey(
        "agreements.SubAgreement",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="goals",
        verbose_name=_("sub-agreement"),
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    intervention_area = models.ForeignKey(
        InterventionArea, models.PROTECT, null=True, blank=True, verbose_name=_("intervention area")
    )
    text = models.TextField(_("goal"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self):
        return self.text[:80]


class Indicator(models.Model):
    class Unit(models.TextChoices):
        PERCENT = "percent", _("per cent")
        COUNT = "count", _("count")
        GRADE = "grade", _("grade")
        DKK = "dkk", _("DKK")
        RATE = "rate", _("rate")
        OTHER = "other", _("other")

    class Direction(models.TextChoices):
        HIGHER_IS_BETTER = "higher_is_better", _("Higher is better")
        LOWER_IS_BETTER = "lower_is_better", _("Lower is better")
        NEUTRAL = "neutral", _("Neither")

    plan = models.ForeignKey(
        Plan, models.CASCADE, related_name="indicators", verbose_name=_("plan")
    )
    goal = models.ForeignKey(
        Goal,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("goal"),
    )
    key = models.SlugField(_("key"), max_length=60)
    name = models.CharField(_("name"), max_length=300)
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices)
    direction = models.CharField(
        _("direction"), max_length=20, choices=Direction.choices, default=Direction.NEUTRAL
    )
    data_source = models.TextField(_("data source"), blank=True)
    definition = models.TextField(_("definition"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "key"], name="indicator_unique_key")]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name


class Baseline(models.Model):
    class Scope(models.TextChoices):
        PLAN = "plan", _("The plan's area")
        AREA = "area", _("Area")
        DEPARTMENT = "department", _("Department")
        TARGET_GROUP = "target_group", _("Target group")
        MUNICIPALITY = "municipality", _("Municipality")
        NATIONAL = "national", _("National")
        COMPARISON_GROUP = "comparison_group", _("Comparison group")

    indicator = models.ForeignKey(
        Indicator, models.CASCADE, related_name="baselines", verbose_name=_("indicator")
    )
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices)
    department = models.ForeignKey(
        Department, models.CASCADE, null=True, blank=True, verbose_name=_("department")
    )
    area = models.ForeignKey(Area, models.PROTECT, null=True, blank=True, verbose_name=_("area"))
    label = models.CharField(_("group"), max_length=300, blank=True)
    year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4, null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ValueStatus.choices, default=ValueStatus.VALUE
    )
    note = models.TextField(_("note"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "order"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="value", value__isnull=False)
                | (~models.Q(status="value") & models.Q(value__isnull=True)),
                name="baseline_value_matches_status",
            )
        ]
        verbose_name = _("baseline")
        verbose_name_plural = _("baselines")

    def __str__(self):
        return f"{self.indicator}: {self.subject}"

    @property
    def subject(self) -> str:
        if self.scope == self.Scope.DEPARTMENT and self.department_id:
            return str(self.department)
        if self.scope == self.Scope.AREA and self.area_id:
            return str(self.area.name)
        return self.label or str(self.get_scope_display())


class Target(models.Model):
    class Kind(models.TextChoices):
        ABSOLUTE = "absolute", _("Reach a value")
        RELATIVE_CHANGE = "relative_change", _("Change in % of the baseline")
        POINT_CHANGE = "point_change", _("Change in points")
        NOT_EXCEED_BASELINE = "not_exceed_baseline", _("Must not exceed the baseline")
        IMPROVE_ON_BASELINE = "improve_on_baseline", _("Better than the baseline")
        CLOSE_GAP = "close_gap", _("Close a share (%) of the gap to the municipality")

    indicator = models.ForeignKey(
        Indicator, models.CASCADE, related_name="targets", verbose_name=_("indicator")
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4, null=True, blank=True)
    per_year = models.BooleanField(_("per year"), default=False)
    department = models.ForeignKey(
        Department, models.CASCADE, null=True, blank=True, verbose_name=_("department")
    )
    target_year = models.PositiveSmallIntegerField(_("target year"), null=True, blank=True)
    text = models.TextField(_("wording"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "order"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")

    def __str__(self):
        return self.text or self.get_kind_display()
