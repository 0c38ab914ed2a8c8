"""What the secretariat registers: events, counselling, volunteers, new-tenant contacts,
newsletter partners and staff hours. No names or CPR numbers of residents are stored."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from helhedsplan.agreements.models import Activity, EventType
from helhedsplan.plans.models import Department, Plan


class EntryQuerySet(models.QuerySet):
    def live(self):
        return self.filter(deleted_at=None)


class Entry(models.Model):
    """What every logbook entry shares: its plan, who wrote it, an edit counter that refuses
    a stale save, and a soft delete an admin can undo."""

    plan = models.ForeignKey(Plan, models.CASCADE, verbose_name=_("plan"))
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = EntryQuerySet.as_manager()

    class Meta:
        abstract = True

    def soft_delete(self):
        self.deleted_at = timezone.now()
        self.save(update_fields=["deleted_at"])


class Event(Entry):
    activity = models.ForeignKey(
        Activity, models.PROTECT, null=True, blank=True, verbose_name=_("activity")
    )
    event_type = models.CharField(_("type"), max_length=20, choices=EventType.choices)
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200)
    departments = models.ManyToManyField(Department, verbose_name=_("departments"))
    participants = models.PositiveIntegerField(_("participants"))
    children = models.PositiveIntegerField(_("children"), null=True, blank=True)
    youth = models.PositiveIntegerField(_("young people"), null=True, blank=True)
    adults = models.PositiveIntegerField(_("adults"), null=True, blank=True)
    seniors = models.PositiveIntegerField(_("seniors"), null=True, blank=True)
    new_tenants = models.PositiveIntegerField(_("of whom new tenants"), null=True, blank=True)
    volunteers_involved = models.PositiveIntegerField(_("volunteers involved"), default=0)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords(m2m_fields=[departments])

    class Meta:
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["plan", "date"])]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return f"{self.date:%d.%m.%Y} {self.title}"


class CounsellingTopic(models.Model):
    """The catalogue of topics (letters from the municipality, forms, housing benefit, ...)."""

    code = models.SlugField(unique=True)
    name = models.CharField(_("topic"), max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("counselling topic")
        verbose_name_plural = _("counselling topics")

    def __str__(self):
        return self.name


class CounsellingSession(Entry):
    """One anonymous hverdagsrådgivning session: no name, no CPR number."""

    date = models.DateField(_("date"))
    department = models.ForeignKey(
        Department, models.PROTECT, null=True, blank=True, verbose_name=_("department")
    )
    topics = models.ManyToManyField(CounsellingTopic, verbose_name=_("topics"))
    referred_to_activity = models.ForeignKey(
        Activity,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("referred to activity"),
    )
    referred_to_partner = models.CharField(_("referred to partner"), max_length=200, blank=True)
    history = HistoricalRecords(m2m_fields=[topics])

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("counselling session")
        verbose_name_plural = _("counselling sessions")

    def __str__(self):
        return f"{self.date:%d.%m.%Y}"


class Volunteer(Entry):
    """A pseudonymous volunteer: enough to count and to call, nothing more."""

    alias = models.CharField(_("initials or nickname"), max_length=40)
    contact = models.CharField(_("how to reach them"), max_length=100, blank=True)
    department = models.ForeignKey(
        Department, models.PROTECT, null=True, blank=True, verbose_name=_("department")
    )
    activities = models.ManyToManyField(Activity, verbose_name=_("activities"))
    start_date = models.DateField(_("active from"))
    end_date = models.DateField(_("active until"), null=True, blank=True)
    consent_date = models.DateField(_("consent given"))
    history = HistoricalRecords(m2m_fields=[activities])

    class Meta:
        ordering = ["alias"]
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")

    def __str__(self):
        return self.alias


class NewTenantContacts(Entry):
    department = models.ForeignKey(Department, models.PROTECT, verbose_name=_("department"))
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    moved_in = models.PositiveIntegerField(_("moved in"))
    contacted = models.PositiveIntegerField(_("contacted"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_start"]
        verbose_name = _("new tenants contacted")
        verbose_name_plural = _("new tenants contacted")

    def __str__(self):
        return f"{self.department}: {self.contacted}/{self.moved_in}"


class NewsletterRecipient(Entry):
    organisation = models.CharField(_("partner organisation"), max_length=200)
    added = models.DateField(_("receives the newsletter from"))
    removed = models.DateField(_("until"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation"]
        verbose_name = _("newsletter partner")
        verbose_name_plural = _("newsletter partners")

    def __str__(self):
        return self.organisation


class StaffTime(Entry):
    activity = models.ForeignKey(Activity, models.PROTECT, verbose_name=_("activity"))
    week_start = models.DateField(_("week starting"))
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=2)
    note = models.CharField(_("note"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-week_start"]
        verbose_name = _("staff hours")
        verbose_name_plural = _("staff hours")

    def __str__(self):
        return f"{self.activity} {self.week_start}: {self.hours}"
