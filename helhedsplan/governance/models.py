"""How a plan is steered: bodies and their members, the annual cycle and milestones."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from helhedsplan.plans.models import Plan


class Body(models.Model):
    class Kind(models.TextChoices):
        BOARD = "board", _("Board (bestyrelse)")
        HEADS_GROUP = "heads_group", _("Heads group (chefgruppe)")
        COORDINATION_GROUP = "coordination_group", _("Coordination group")
        AD_HOC_GROUP = "ad_hoc_group", _("Ad hoc group")
        RESIDENTS_PANEL = "residents_panel", _("Residents' panel (beboerpanel)")
        SECRETARIAT = "secretariat", _("Secretariat")
        OTHER = "other", _("Other")

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="bodies", verbose_name=_("plan"))
    key = models.SlugField(_("key"), max_length=60)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    tasks = models.TextField(_("tasks"), blank=True)
    cadence = models.CharField(_("meets"), max_length=300, blank=True)
    meetings_per_year = models.PositiveSmallIntegerField(
        _("meetings per year"), null=True, blank=True
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "key"], name="body_unique_key")]
        verbose_name = _("governance body")
        verbose_name_plural = _("governance bodies")

    def __str__(self):
        return self.name


class Member(models.Model):
    body = models.ForeignKey(Body, models.CASCADE, related_name="members", verbose_name=_("body"))
    role = models.CharField(_("role"), max_length=300)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    person = models.CharField(_("person"), max_length=200, blank=True)
    chair = models.BooleanField(_("chair"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "-chair", "order"]
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self):
        return self.person or self.role


class CycleStep(models.Model):
    """One step of the årshjul."""

    plan = models.ForeignKey(
        Plan, models.CASCADE, related_name="cycle_steps", verbose_name=_("plan")
    )
    title = models.CharField(_("step"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    month = models.PositiveSmallIntegerField(_("month"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order"]
        verbose_name = _("annual cycle step")
        verbose_name_plural = _("annual cycle")

    def __str__(self):
        return self.title


class Milestone(models.Model):
    plan = models.ForeignKey(
        Plan, models.CASCADE, related_name="milestones", verbose_name=_("plan")
    )
    title = models.CharField(_("milestone"), max_length=300)
    due = models.DateField(_("due"), null=True, blank=True)
    due_text = models.CharField(_("due (as written)"), max_length=200, blank=True)
    done = models.DateField(_("done"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.title
