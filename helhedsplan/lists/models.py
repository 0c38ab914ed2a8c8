"""The official lists as data: rule sets, conviction references, the published lists, and the
figures areas are measured by."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from helhedsplan.plans.models import Area

from .criteria import CRITERIA


class RuleSet(models.Model):
    """A law's list criteria for a range of list years. Used rule sets are never edited."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)
    first_list_year = models.PositiveSmallIntegerField(_("first list year"))
    last_list_year = models.PositiveSmallIntegerField(_("last list year"), null=True, blank=True)
    resident_minimum = models.PositiveIntegerField(_("resident minimum"))
    resident_minimum_note = models.TextField(_("note on the resident minimum"), blank=True)
    sources = models.TextField(_("sources"), blank=True)
    locked = models.BooleanField(
        _("locked"), default=True, help_text=_("A rule set that has been used is never changed.")
    )

    class Meta:
        ordering = ["first_list_year"]
        verbose_name = _("rule set")
        verbose_name_plural = _("rule sets")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.pk and RuleSet.objects.filter(pk=self.pk, locked=True).exists():
            raise ValidationError(_("This rule set is locked: add a new rule set instead."))
        super().save(*args, **kwargs)


class ClassRule(models.Model):
    rule_set = models.ForeignKey(RuleSet, models.CASCADE, related_name="class_rules")
    name = models.CharField(_("class"), max_length=30)
    min_counted = models.PositiveSmallIntegerField(_("at least N criteria"), null=True, blank=True)
    requires = models.CharField(_("requires class"), max_length=30, blank=True)
    consecutive_of = models.CharField(_("consecutive lists of"), max_length=30, blank=True)
    consecutive_lists = models.PositiveSmallIntegerField(_("lists in a row"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["rule_set", "order"]
        verbose_name = _("class rule")
        verbose_name_plural = _("class rules")

    def __str__(self):
        return self.name


class Criterion(models.Model):
    class Comparison(models.TextChoices):
        GT = "gt", _("over (>)")
        GTE = "gte", _("at least (>=)")
        LT = "lt", _("under (<)")

    rule_set = models.ForeignKey(RuleSet, models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=30, choices=[(c, c) for c in CRITERIA])
    list_class = models.CharField(_("class"), max_length=30)
    role = models.CharField(
        _("role"), max_length=10, choices=[("counted", "counted"), ("required", "required")]
    )
    comparison = models.CharField(_("comparison"), max_length=3, choices=Comparison.choices)
    bar = models.DecimalField(_("bar (%)"), max_digits=8, decimal_places=4, null=True, blank=True)
    national_multiple = models.DecimalField(
        _("multiple of the national average"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    averaging_years = models.PositiveSmallIntegerField(_("averaging years"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["rule_set", "order"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self):
        return f"{self.rule_set.code} {self.list_class} {self.name}"


class ConvictionReference(models.Model):
    """The national conviction average of a list year, or the bars as published."""

    list_year = models.PositiveSmallIntegerField(_("list year"), unique=True)
    national_average = models.DecimalField(
        _("national average (%)"), max_digits=8, decimal_places=4, null=True, blank=True
    )
    bars = models.JSONField(_("published bars"), default=dict, blank=True)
    source = models.TextField(_("source"), blank=True)

    class Meta:
        ordering = ["list_year"]
        verbose_name = _("conviction reference")
        verbose_name_plural = _("conviction references")

    def __str__(self):
        return str(self.list_year)


class PublishedListing(models.Model):
    area = models.ForeignKey(Area, models.PROTECT, related_name="listings")
    list_year = models.PositiveSmallIntegerField(_("list year"))
    list_type = models.CharField(_("list"), max_length=30)
    name_as_published = models.CharField(_("name as published"), max_length=200)
    status = models.CharField(_("status"), max_length=20)
    source = models.TextField(_("source"), blank=True)

    class Meta:
        ordering = ["list_year", "list_type", "area__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "list_year", "list_type"], name="listing_unique"
            )
        ]
        verbose_name = _("published listing")
        verbose_name_plural = _("published listings")

    def __str__(self):
        return f"{self.list_year} {self.list_type}: {self.name_as_published}"


class PublishedCount(models.Model):
    list_year = models.PositiveSmallIntegerField(_("list year"))
    list_type = models.CharField(_("list"), max_length=30)
    published_count = models.PositiveSmallIntegerField(_("published count"), null=True, blank=True)

    class Meta:
        ordering = ["list_year", "list_type"]
        constraints = [
            models.UniqueConstraint(fields=["list_year", "list_type"], name="count_unique")
        ]
        verbose_name = _("published count")
        verbose_name_plural = _("published counts")

    def __str__(self):
        return f"{self.list_year} {self.list_type}: {self.published_count}"


class AreaFigures(models.Model):
    """What an area measures on the list criteria for a list year (percent; empty = unknown)."""

    area = models.ForeignKey(Area, models.CASCADE, related_name="figures")
    list_year = models.PositiveSmallIntegerField(_("list year"))
    residents = models.PositiveIntegerField(_("residents"), null=True, blank=True)
    non_western_pct = models.DecimalField(max_digits=7, decimal_places=3, null=True, blank=True)
    outside_work_pct = models.DecimalField(max_digits=7, decimal_places=3, null=True, blank=True)
    convicted_pct = models.DecimalField(max_digits=7, decimal_places=3, null=True, blank=True)
    primary_only_pct = models.DecimalField(max_digits=7, decimal_places=3, null=True, blank=True)
    income_pct = models.DecimalField(max_digits=7, decimal_places=3, null=True, blank=True)
    national_convicted_pct = models.DecimalField(
        max_digits=7, decimal_places=4, null=True, blank=True
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    synthetic = models.BooleanField(_("synthetic demo data"), default=False)

    class Meta:
        ordering = ["area", "list_year"]
        constraints = [
            models.UniqueConstraint(fields=["area", "list_year"], name="area_figures_unique")
        ]
        verbose_name = _("area figures")
        verbose_name_plural = _("area figures")

    def __str__(self):
        return f"{self.area} {self.list_year}"

    def values(self) -> dict:
        return {name: getattr(self, f"{name}_pct") for name in CRITERIA}
