"""Sub-agreements (delaftaler), their activities and success criteria, and their versions."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from helhedsplan.core.concurrency import Versioned
from helhedsplan.plans.models import Department, InterventionArea, Plan


class SubAgreement(Versioned):
    """A sub-agreement's text; `version` counts its edits, so a stale edit is refused."""

    plan = models.ForeignKey(
        Plan, models.CASCADE, related_name="sub_agreements", verbose_name=_("plan")
    )
    key = models.SlugField(_("key"), max_length=60)
    intervention_area = models.ForeignKey(
        InterventionArea, models.PROTECT, verbose_name=_("intervention area")
    )
    title = models.CharField(_("title"), max_length=300)
    period_start = models.DateField(_("valid from"))
    period_end = models.DateField(_("valid to"))
    parties = models.TextField(_("parties"), blank=True)
    responsible = models.TextField(_("responsible"), blank=True)
    partners = models.TextField(_("partners"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "intervention_area__order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "key"], name="sub_agreement_unique_key")
        ]
        verbose_name = _("sub-agreement")
        verbose_name_plural = _("sub-agreements")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agreements:detail", args=[self.plan.slug, self.key])

    def all_goals(self):
        """Its own sub-goals, and the plan's local goals for the same intervention area."""
        from helhedsplan.goals.models import Goal

        return Goal.objects.filter(
            models.Q(sub_agreement=self)
            | models.Q(
                plan=self.plan,
                sub_agreement=None,
                level=Goal.Level.LOCAL,
                intervention_area=self.intervention_area,
            )
        ).order_by("sub_agreement", "order")

    def latest_version(self):
        return self.versions.order_by("-number").first()


class Section(models.Model):
    sub_agreement = models.ForeignKey(
        SubAgreement, models.CASCADE, related_name="sections", verbose_name=_("sub-agreement")
    )
    heading = models.CharField(_("heading"), max_length=200)
    body = models.TextField(_("text"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["sub_agreement", "order"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.heading


class Activity(models.Model):
    sub_agreement = models.ForeignKey(
        SubAgreement, models.CASCADE, related_name="activities", verbose_name=_("sub-agreement")
    )
    key = models.SlugField(_("key"), max_length=60)
    number = models.PositiveSmallIntegerField(_("number"), null=True, blank=True)
    name = models.CharField(_("name"), max_length=200)
    reference = models.CharField(_("reference"), max_length=300, blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    target_groups = models.TextField(_("target groups"), blank=True)
    content = models.TextField(_("content"), blank=True)
    practice = models.TextField(_("practice"), blank=True)
    roles = models.TextField(_("responsibilities and roles"), blank=True)
    partners = models.TextField(_("partners"), blank=True)
    staff_resources = models.TextField(_("staff resources"), blank=True)
    evaluation = models.TextField(_("evaluation"), blank=True)
    anchoring = models.TextField(_("anchoring"), blank=True)
    hours_per_week = models.DecimalField(
        _("staff hours per week"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    departments = models.ManyToManyField(
        Department, blank=True, related_name="activities", verbose_name=_("offered in")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords(m2m_fields=[departments])

    class Meta:
        ordering = ["sub_agreement", "order"]
        constraints = [
            models.UniqueConstraint(fields=["sub_agreement", "key"], name="activity_unique_key")
        ]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self):
        return self.name


class Measure(models.TextChoices):
    NONE = "none", _("not counted from the logbook")
    PARTICIPANTS = "participants", _("participants in the activity's events")
    EVENTS = "events", _("number of the activity's events")
    ACTIVE_VOLUNTEERS = "active_volunteers", _("active volunteers")
    SHARE_CONTACTED = "share_contacted", _("share of new tenants contacted (%)")
    RECIPIENT_GROWTH = "recipient_growth", _("growth in newsletter partners (%)")


class EventType(models.TextChoices):
    EVENT = "event", _("event")
    TOUR = "tour", _("tour")
    COURSE = "course", _("course")
    MEETING = "meeting", _("meeting")
    OTHER = "other", _("other")


class SuccessCriterion(models.Model):
    class Period(models.TextChoices):
        PROJECT_YEAR = "project_year", _("per project year")
        PLAN_PERIOD = "plan_period", _("over the plan period")

    activity = models.ForeignKey(
        Activity, models.CASCADE, related_name="success_criteria", verbose_name=_("activity")
    )
    text = models.TextField(_("criterion"))
    threshold = models.DecimalField(
        _("threshold"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    period = models.CharField(
        _("period"), max_length=20, choices=Period.choices, default=Period.PROJECT_YEAR
    )
    per_area = models.BooleanField(_("per area"), default=False)
    data_source = models.TextField(_("data source"), blank=True)
    measure = models.CharField(
        _("counted from the logbook as"), max_length=30, choices=Measure.choices, default="none"
    )
    event_type = models.CharField(
        _("only events of type"), max_length=20, choices=EventType.choices, blank=True
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["activity", "order"]
        verbose_name = _("success criterion")
        verbose_name_plural = _("success criteria")

    def __str__(self):
        return self.text[:80]


class SubAgreementVersion(models.Model):
    """A frozen, complete copy of a sub-agreement as it stood after a saved change.

    LBF may ask for any version at any time, so the whole document (sections, goals,
    indicators, baselines, activities, criteria) is kept, not just the changed field.
    """

    sub_agreement = models.ForeignKey(
        SubAgreement, models.CASCADE, related_name="versions", verbose_name=_("sub-agreement")
    )
    number = models.PositiveIntegerField(_("version"))
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("saved by"),
    )
    note = models.CharField(_("change note"), max_length=300, blank=True)
    content = models.JSONField(_("content"))
    content_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["sub_agreement", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["sub_agreement", "number"], name="sub_agreement_version_unique"
            )
        ]
        verbose_name = _("sub-agreement version")
        verbose_name_plural = _("sub-agreement versions")

    def __str__(self):
        return f"{self.sub_agreement} v{self.number}"
