"""The plan itself: parties, areas, housing departments, intervention areas and budget."""

from decimal import Decimal

from django.db import models
from django.db.models import Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ValueStatus(models.TextChoices):
    """A number, a number hidden by the discretion limit, or one not (yet) available.

    Suppressed is never zero: it means the count is small, not that it is nothing.
    """

    VALUE = "value", _("Value")
    SUPPRESSED = "suppressed", _("Suppressed (discretion)")
    NOT_AVAILABLE = "not_available", _("Not available")


class Party(models.Model):
    class Kind(models.TextChoices):
        HOUSING_ORGANISATION = "housing_organisation", _("Housing organisation")
        MUNICIPALITY = "municipality", _("Municipality")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)

    class Meta:
        ordering = ["name"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")

    def __str__(self):
        return self.name


class Plan(models.Model):
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    project_year_start_month = models.PositiveSmallIntegerField(
        _("project year starts in month"), help_text=_("1 = January, 8 = August")
    )
    municipality = models.ForeignKey(
        Party, models.PROTECT, related_name="municipal_plans", verbose_name=_("municipality")
    )
    parties = models.ManyToManyField(Party, related_name="plans", verbose_name=_("parties"))
    fund = models.CharField(_("LBF funds"), max_length=20, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    vision = models.TextField(_("vision"), blank=True)
    method = models.TextField(_("method"), blank=True)
    stated_tenancies = models.PositiveIntegerField(
        _("tenancies stated in the agreement"), null=True, blank=True
    )
    stated_residents = models.PositiveIntegerField(
        _("residents stated in the agreement"), null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_start", "name"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")

    def __str__(self):
        return f"{self.name} {self.period_start.year}-{self.period_end.year % 100:02d}"

    def get_absolute_url(self):
        return reverse("plans:overview", args=[self.slug])

    @property
    def period_label(self):
        return f"{self.period_start.year}-{self.period_end.year}"

    def housing_organisations(self):
        return self.parties.filter(kind=Party.Kind.HOUSING_ORGANISATION)

    def navigation_sub_agreements(self):
        """The sub-agreements in the plan menu, with the intervention area each is named by."""
        return self.sub_agreements.select_related("intervention_area")

    @property
    def version(self) -> int:
        """The plan's version (`PlanVersion`), read once per object: what its pages keep in the
        cache is keyed on it. `plan_for` reads it with the plan, in the same query."""
        if getattr(self, "loaded_version", None) is None:
            found = PlanVersion.objects.filter(plan_id=self.pk).values_list("number", flat=True)
            self.loaded_version = found.first() or 0
        return self.loaded_version


class Area(models.Model):
    """A boligområde as the official lists count it: one or more departments."""

    name = models.CharField(_("name"), max_length=200)
    municipality = models.CharField(_("municipality"), max_length=100)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["municipality", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "municipality"], name="area_unique_name")
        ]
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self):
        return f"{self.name} ({self.municipality})"


class Department(models.Model):
    """A boligafdeling as it takes part in one plan, with its facts from the agreement."""

    plan = models.ForeignKey(
        Plan, models.CASCADE, related_name="departments", verbose_name=_("plan")
    )
    key = models.SlugField(_("key"), max_length=60)
    number = models.CharField(_("department number"), max_length=20, blank=True)
    name = models.CharField(_("name"), max_length=200)
    housing_organisation = models.ForeignKey(
        Party,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="departments",
        verbose_name=_("housing organisation"),
    )
    area = models.ForeignKey(
        Area,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="departments",
        verbose_name=_("area"),
    )
    built = models.CharField(_("built"), max_length=100, blank=True)
    built_from = models.PositiveSmallIntegerField(_("built from year"), null=True, blank=True)
    built_to = models.PositiveSmallIntegerField(_("built to year"), null=True, blank=True)
    tenancies = models.PositiveIntegerField(_("tenancies"), null=True, blank=True)
    building_form = models.CharField(_("building form"), max_length=300, blank=True)
    distance_to_centre_km = models.DecimalField(
        _("distance to the centre (km)"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    renewal_status = models.TextField(_("physical renewal"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "name"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "key"], name="department_unique_key")
        ]
        verbose_name = _("housing department")
        verbose_name_plural = _("housing departments")

    def __str__(self):
        return f"Afd. {self.number} {self.name}" if self.number else self.name

    def get_absolute_url(self):
        return reverse("plans:department", args=[self.plan.slug, self.key])


class Residents(models.Model):
    department = models.ForeignKey(
        Department, models.CASCADE, related_name="residents", verbose_name=_("department")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.PositiveIntegerField(_("residents"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ValueStatus.choices, default=ValueStatus.VALUE
    )

    class Meta:
        ordering = ["department", "year"]
        constraints = [
            models.UniqueConstraint(fields=["department", "year"], name="residents_unique_year")
        ]
        verbose_name = _("residents in a year")
        verbose_name_plural = _("residents per year")

    def __str__(self):
        return f"{self.department} {self.year}: {self.value if self.value is not None else '-'}"


class InterventionArea(models.Model):
    """The catalogue of LBF intervention areas (shipped as data, see migration 0002)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    funds = models.CharField(_("LBF funds"), max_length=60)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("intervention area")
        verbose_name_plural = _("intervention areas")

    def __str__(self):
        return self.name


class PlanInterventionArea(models.Model):
    plan = models.ForeignKey(
        Plan, models.CASCADE, related_name="intervention_areas", verbose_name=_("plan")
    )
    intervention_area = models.ForeignKey(
        InterventionArea, models.PROTECT, verbose_name=_("intervention area")
    )
    purpose = models.TextField(_("purpose"), blank=True)
    problem_description = models.TextField(_("problem description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "intervention_area"], name="plan_intervention_area_unique"
            )
        ]
        verbose_name = _("intervention area of a plan")
        verbose_name_plural = _("intervention areas of plans")

    def __str__(self):
        return str(self.intervention_area)


class FundingSource(models.TextChoices):
    LBF = "lbf", _("Landsbyggefonden")
    MUNICIPALITY_CASH = "municipality_cash", _("Municipality, cash")
    MUNICIPALITY_RESOURCES = "municipality_resources", _("Municipality, resources")
    MUNICIPALITY = "municipality", _("Municipality (cash and resources)")
    HOUSING_ORGANISATION = "housing_organisation", _("Housing organisations")
    LOCAL = "local", _("Local co-financing (not split)")


def budget_totals(by_source: dict) -> dict:
    """LBF, local co-financing, total and the local share (None when nothing is budgeted),
    from the amounts per funding source."""
    by_source = dict(by_source)
    lbf = by_source.pop(FundingSource.LBF, Decimal(0)) or Decimal(0)
    local = sum(by_source.values(), Decimal(0))
    total = lbf + local
    return {
        "lbf": lbf,
        "local": local,
        "total": total,
        "local_share": (local / total * 100) if total else None,
        "by_source": by_source,
    }


class BudgetLineQuerySet(models.QuerySet):
    def totals(self) -> dict:
        """budget_totals of these lines."""
        return budget_totals(self.values_list("source").annotate(total=Sum("amount")))


class BudgetLine(models.Model):
    """An amount in kroner from one funding source, for the whole plan or one intervention area,
    for one year or the whole period."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="budget", verbose_name=_("plan"))
    intervention_area = models.ForeignKey(
        InterventionArea,
        models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("intervention area"),
        help_text=_("Empty: the whole plan"),
    )
    source = models.CharField(_("funding source"), max_length=30, choices=FundingSource.choices)
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, help_text=_("Empty: the whole period")
    )
    amount = models.DecimalField(_("amount (DKK)"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = HistoricalRecords()

    objects = BudgetLineQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "intervention_area__order", "year", "source"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")

    def __str__(self):
        return f"{self.get_source_display()}: {self.amount}"


class PlanVersion(models.Model):
    """A number that changes, in the same transaction, with every write to what the plan's pages
    show: database triggers on every table of the plan's content and monitoring data change it
    (see `plans.versions`), so saves, queryset updates, bulk writes, cascades, COPY and psql
    edits all count. What the pages keep in Django's cache is keyed on it.

    A plain column, not a foreign key: the triggers write it while a plan's rows are being
    deleted, and a version left for a deleted plan harms nothing."""

    plan_id = models.BigIntegerField(_("plan"), primary_key=True)
    number = models.BigIntegerField(_("number"), default=0)

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")

    def __str__(self):
        return f"{self.plan_id}: {self.number}"
