"""Steering the plan through the year (seed 000 section 3, the årshjul): decision rounds from
needs to decisions and their review, staff-hour allocation, meetings, milestones, the
contingency plan, and calendar reminders."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from helhedsplan.agreements.models import Activity
from helhedsplan.core.concurrency import Versioned
from helhedsplan.governance.models import Body
from helhedsplan.plans.models import Department, Plan


class DecisionRound(Versioned):
    """One project year's round: needs per department, proposals, the board's decisions, and
    the next year's review of them. `version` counts edits of its allocation."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="decision_rounds")
    project_year = models.PositiveSmallIntegerField(_("project year"))
    title = models.CharField(_("title"), max_length=200)
    needs_factor = models.DecimalField(
        _("weight of needs in the allocation"),
        max_digits=4,
        decimal_places=2,
        default=1,
        help_text=_(
            "0: hours by resident share only; 1: a department's need score counts "
            "as much as its share."
        ),
    )

    class Meta:
        ordering = ["plan", "project_year"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "project_year"], name="one_round_per_year")
        ]
        verbose_name = _("decision round")
        verbose_name_plural = _("decision rounds")

    def __str__(self):
        return self.title


class NeedsStatement(models.Model):
    """The secretariat's account of a department's needs, with the needs-matrix row it was
    based on, frozen when the statement was written."""

    round = models.ForeignKey(DecisionRound, models.CASCADE, related_name="needs")
    department = models.ForeignKey(Department, models.CASCADE, verbose_name=_("department"))
    text = models.TextField(_("needs"))
    snapshot = models.JSONField(_("needs matrix at the time"), default=list)
    need_score = models.DecimalField(_("need score"), max_digits=6, decimal_places=2, default=0)
    snapshot_taken = models.DateTimeField(_("data frozen"))

    class Meta:
        ordering = ["round", "department__name"]
        constraints = [
            models.UniqueConstraint(fields=["round", "department"], name="one_needs_statement")
        ]
        verbose_name = _("needs statement")
        verbose_name_plural = _("needs statements")

    def __str__(self):
        return f"{self.department}"


class Meeting(models.Model):
    body = models.ForeignKey(Body, models.CASCADE, related_name="meetings")
    date = models.DateField(_("date"))
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self):
        return f"{self.body} {self.date:%d.%m.%Y}"


class Proposal(models.Model):
    round = models.ForeignKey(DecisionRound, models.CASCADE, related_name="proposals")
    activity = models.ForeignKey(Activity, models.CASCADE, verbose_name=_("activity"))
    department = models.ForeignKey(Department, models.CASCADE, verbose_name=_("department"))
    ad_hoc_group = models.ForeignKey(
        Body, models.SET_NULL, null=True, blank=True, verbose_name=_("ad hoc group responsible")
    )
    note = models.TextField(_("why"), blank=True)

    class Meta:
        ordering = ["round", "activity", "department__name"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")

    def __str__(self):
        return f"{self.activity} – {self.department}"


class Decision(models.Model):
    class Outcome(models.TextChoices):
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    proposal = models.OneToOneField(Proposal, models.CASCADE, related_name="decision")
    outcome = models.CharField(_("decision"), max_length=10, choices=Outcome.choices)
    decided_on = models.DateField(_("decided on"))
    meeting = models.ForeignKey(
        Meeting,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("meeting"),
    )
    text = models.TextField(_("the decision in words"), blank=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self):
        return f"{self.proposal}: {self.get_outcome_display()}"


class Review(models.Model):
    """A year later: how the decided activity did in the department."""

    decision = models.OneToOneField(Decision, models.CASCADE, related_name="review")
    reviewed_on = models.DateField(_("reviewed on"))
    text = models.TextField(_("assessment"))
    evidence = models.JSONField(_("criteria and indicators at the time"), default=dict)
    continue_next_year = models.BooleanField(_("continue next year"), default=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self):
        return f"{self.decision} ({self.reviewed_on})"


class StaffMember(models.Model):
    plan = models.ForeignKey(Plan, models.CASCADE, related_name="staff_members")
    initials = models.CharField(_("initials"), max_length=20)
    hours_per_week = models.DecimalField(_("hours per week"), max_digits=5, decimal_places=1)

    class Meta:
        ordering = ["initials"]
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")

    def __str__(self):
        return self.initials


class Allocation(models.Model):
    """Hours per week of an activity in a department, as computed or as edited by hand."""

    round = models.ForeignKey(DecisionRound, models.CASCADE, related_name="allocations")
    activity = models.ForeignKey(Activity, models.CASCADE)
    department = models.ForeignKey(Department, models.CASCADE)
    staff_member = models.ForeignKey(StaffMember, models.SET_NULL, null=True, blank=True)
    computed_hours = models.DecimalField(max_digits=6, decimal_places=1)
    hours = models.DecimalField(_("hours per week"), max_digits=6, decimal_places=1)

    class Meta:
        ordering = ["activity", "department__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "activity", "department"], name="one_allocation"
            )
        ]

    def __str__(self):
        return f"{self.activity} – {self.department}: {self.hours}"


class PlanItem(models.Model):
    """A dated item of the milestone plan or the contingency plan."""

    class Kind(models.TextChoices):
        MILESTONE = "milestone", _("Milestone (milepælsplan)")
        CONTINGENCY = "contingency", _("Contingency (beredskabsplan)")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        STARTED = "started", _("started")
        DONE = "done", _("done")

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="plan_items")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    owner = models.CharField(_("owner"), max_length=200)
    due = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )

    class Meta:
        ordering = ["due"]
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")

    def __str__(self):
        return self.title

    def is_overdue(self, today) -> bool:
        return self.status != self.Status.DONE and self.due < today


class CalendarEvent(models.Model):
    """A recurring step of the annual cycle on its date, with a reminder ahead of it."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="calendar")
    title = models.CharField(_("what"), max_length=300)
    date = models.DateField(_("date"))
    responsible_role = models.CharField(
        _("responsible role"),
        max_length=20,
        choices=[
            ("admin", _("Plan administrator")),
            ("staff", _("Staff (secretariat)")),
            ("reader", _("Reader (board, municipality)")),
        ],
    )
    remind_days_before = models.PositiveSmallIntegerField(_("remind days before"), default=14)

    class Meta:
        ordering = ["date"]
        verbose_name = _("calendar event")
        verbose_name_plural = _("annual calendar")

    def __str__(self):
        return f"{self.date:%d.%m.%Y} {self.title}"


class ReminderSent(models.Model):
    """Proof that an event's reminder went out, so it never goes out twice."""

    event = models.OneToOneField(CalendarEvent, models.CASCADE, related_name="reminder")
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.TextField()

    def __str__(self):
        return f"{self.event}: {self.sent_at}"
