"""Coordinated cases (Bo Godt): the one place the system holds sensitive personal data.

A case exists only while it is needed: entries need valid consent, withdrawing consent or
closing the case starts deletion, and `purge-cases` anonymises it down to the counts the plan
reports (`CaseRecord`). Every read and change is written to the append-only `AuditEvent`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from helhedsplan.plans.models import Department, Plan


class ProblemCategory(models.Model):
    code = models.SlugField(unique=True)
    name = models.CharField(_("problem"), max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("problem category")
        verbose_name_plural = _("problem categories")

    def __str__(self):
        return self.name


class Outcome(models.TextChoices):
    STAYS = "stays", _("Stays in the tenancy")
    MOVED = "moved", _("Moved")
    EVICTION_CARRIED_OUT = "eviction_carried_out", _("Eviction carried out")
    EVICTION_CANCELLED = "eviction_cancelled", _("Eviction cancelled")


AVOIDED_EVICTION = {Outcome.STAYS, Outcome.EVICTION_CANCELLED}


class Case(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="cases")
    department = models.ForeignKey(Department, models.PROTECT, verbose_name=_("department"))
    tenant_name = models.CharField(_("tenant's name"), max_length=200)
    tenant_address = models.CharField(_("address"), max_length=300, blank=True)
    key_person = models.CharField(
        _("key person"), max_length=200, help_text=_("Who carries the contact with the tenant.")
    )
    categories = models.ManyToManyField(ProblemCategory, verbose_name=_("problems"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    outcome = models.CharField(_("outcome"), max_length=30, choices=Outcome.choices, blank=True)
    opened_on = models.DateField(_("opened"))
    closed_on = models.DateField(_("closed"), null=True, blank=True)
    delete_after = models.DateField(
        _("to be anonymised from"), null=True, blank=True, editable=False
    )

    class Meta:
        ordering = ["-opened_on", "-pk"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self):
        # Never the tenant's name: this text goes into the audit log, which outlives the case.
        return _("Case #%(number)s") % {"number": self.pk}

    def valid_consent(self):
        return self.consents.filter(withdrawn_on=None).order_by("-given_on").first()


class Consent(models.Model):
    class Kind(models.TextChoices):
        ORAL = "oral", _("Oral")
        WRITTEN = "written", _("Written")

    case = models.ForeignKey(Case, models.CASCADE, related_name="consents")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    given_on = models.DateField(_("given on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+"
    )
    covers = models.TextField(_("what it covers"))
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)

    class Meta:
        ordering = ["-given_on"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self):
        return f"{self.get_kind_display()} {self.given_on}"


class Participant(models.Model):
    class Organisation(models.TextChoices):
        OPERATIONS = "operations", _("Housing organisation's operations (drift)")
        SOCIAL = "social", _("Municipality's social department")
        PLAN = "plan", _("The plan (secretariat)")
        OTHER = "other", _("Other")

    case = models.ForeignKey(Case, models.CASCADE, related_name="participants")
    organisation = models.CharField(_("organisation"), max_length=20, choices=Organisation.choices)
    role = models.CharField(_("role"), max_length=200)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self):
        return f"{self.get_organisation_display()}: {self.role}"


class CaseEntry(models.Model):
    """One dated action or meeting on the case's timeline."""

    class Kind(models.TextChoices):
        ACTION = "action", _("Action")
        MEETING = "meeting", _("Meeting")
        NOTE = "note", _("Note")

    case = models.ForeignKey(Case, models.CASCADE, related_name="entries")
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text = models.TextField(_("text"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")

    def __str__(self):
        return f"{self.date} {self.get_kind_display()}"


class CaseRecord(models.Model):
    """What is left of a case after anonymisation: the counts the plan reports, no person."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="case_records")
    department = models.ForeignKey(Department, models.SET_NULL, null=True)
    opened_on = models.DateField()
    closed_on = models.DateField(null=True)
    outcome = models.CharField(max_length=30, choices=Outcome.choices, blank=True)
    categories = models.JSONField(default=list)
    anonymised_on = models.DateField(auto_now_add=True)
    reason = models.CharField(max_length=30)

    class Meta:
        verbose_name = _("anonymised case")
        verbose_name_plural = _("anonymised cases")

    def __str__(self):
        return f"{self.opened_on} {self.outcome}"


class AuditEvent(models.Model):
    """Append-only: who did what to which case, when, and from where."""

    class Action(models.TextChoices):
        READ = "read", _("read")
        CREATE = "create", _("created")
        UPDATE = "update", _("changed")
        ADD_ENTRY = "add_entry", _("added an entry")
        CONSENT = "consent", _("recorded consent")
        WITHDRAW = "withdraw", _("consent withdrawn")
        CLOSE = "close", _("closed")
        EXPORT = "export", _("exported (right of access)")
        ERASE = "erase", _("erased (right of access)")
        ANONYMISE = "anonymise", _("anonymised on schedule")
        DENIED = "denied", _("access denied")

    plan = models.ForeignKey(Plan, models.PROTECT, related_name="audit_events")
    case_number = models.PositiveIntegerField(null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    username = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    detail = models.CharField(max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    path = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit log is append-only.")
