"""No lost edits: an edit form carries the version of the row it was opened on, and the write
action refuses a save whose version is no longer the current one.

- a model to edit gets `version` (and, without simple-history, who changed it and when) from
  the abstract `Versioned`;
- its form mixes in `VersionedForm` (a hidden `version` field);
- its write action calls `claim(...)` inside its transaction: the row is locked
  (select_for_update on PostgreSQL; SQLite's IMMEDIATE transactions take the write lock at
  once), its version compared and bumped, or `StaleEdit` raised with who changed it and when;
- the view catches `StaleEdit`, shows its message, and renders the form again with what the
  user entered, beside the current values (`differences`), and the current version, so saving
  again replaces the current values knowingly and reloading starts from them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.formats import localize
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class Versioned(models.Model):
    """An edit counter, and who made the last edit and when."""

    version = models.PositiveIntegerField(gettext_lazy("version"), default=1, editable=False)
    changed_at = models.DateTimeField(gettext_lazy("changed"), null=True, editable=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=gettext_lazy("changed by"),
    )

    class Meta:
        abstract = True


class StaleEdit(Exception):
    """Someone else saved the row after this form was opened; nothing was saved."""

    def __init__(self, what: str, row, user=None, when=None):
        self.what, self.row, self.user, self.when = what, row, user, when
        self.current_version = row.version if row is not None else 0
        values = {"what": what}
        if when is not None:
            values["time"] = f"{timezone.localtime(when):%H:%M}"
        if user is not None:
            values["user"] = user.get_full_name() or user.get_username()
        if "time" in values and "user" in values:
            first = _("%(what)s was changed by %(user)s at %(time)s while you were editing.")
        elif "time" in values:
            first = _("%(what)s was changed by someone else at %(time)s while you were editing.")
        else:
            first = _("%(what)s was changed by someone else while you were editing.")
        rest = _(
            "Your changes were not saved: they are kept in the form below, beside the current "
            "values. Save again to replace the current values with yours, or reload the page "
            "to start from the current values."
        )
        super().__init__(f"{first % values} {rest}")


def last_change(row):
    """Who changed `row` last and when: its own fields, else its simple-history record."""
    for who, when in (("changed_by", "changed_at"), ("updated_by", "updated_at")):
        if hasattr(row, when) and getattr(row, when) is not None:
            return getattr(row, who, None), getattr(row, when)
    history = getattr(row, "history", None)
    record = history.order_by("-history_date").first() if history is not None else None
    if record is not None:
        return record.history_user, record.history_date
    return None, None


def claim(queryset, pk, expected_version: int | None, user, what: str):
    """Lock the row `pk` of `queryset`, refuse the save if its version is not
    `expected_version` (StaleEdit), else bump the version (and record who and when, for a
    `Versioned` row). Call it inside the write's transaction; returns the locked row."""
    row = queryset.select_for_update().filter(pk=pk).first()
    if row is None or expected_version is None or row.version != expected_version:
        raise StaleEdit(what, row, *(last_change(row) if row is not None else (None, None)))
    changes = {"version": row.version + 1}
    if isinstance(row, Versioned):
        changes["changed_at"] = timezone.now()
        changes["changed_by"] = user if user is not None and user.is_authenticated else None
    queryset.model.objects.filter(pk=pk).update(**changes)
    for field, value in changes.items():
        setattr(row, field, value)
    return row


class VersionedForm(forms.Form):
    """Mix into an edit form (before ModelForm): carries the version it was opened on. A
    ModelForm takes it from its instance; a plain form from `initial={"version": ...}`."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk is not None:
            self.fields["version"].initial = instance.version
        elif instance is not None:
            self.fields["version"].required = False  # a new row has no version to compare

    def clean(self):
        data = super().clean()
        if "version" in self.errors:  # a hidden field: say it where the user sees it
            self.add_error(
                None,
                _(
                    "The form does not say which version it was opened on: reload the page "
                    "and make your changes again."
                ),
            )
        return data

    def show_current_version(self, version: int) -> None:
        """After a refused save: keep what the user entered, with the current version, so a
        second save (made after seeing the current values) goes through."""
        self.data = self.data.copy()
        self.data[self.add_prefix("version")] = str(version)


@dataclass
class Difference:
    """A field's current value and the value the user entered, both as shown on a page."""

    label: str
    current: object
    yours: object

    def __post_init__(self):
        self.current, self.yours = _shown(self.current), _shown(self.yours)


def _shown(value) -> str:
    return "–" if value in (None, "") else value if isinstance(value, str) else localize(value)


def differences(form, current, fields) -> list[Difference]:
    """The fields of a valid `form` whose entered value differs from `current`'s."""
    found = []
    for name in fields:
        now, entered = _value(getattr(current, name)), _value(form.cleaned_data.get(name))
        if now != entered:
            found.append(Difference(form.fields[name].label, now, entered))
    return found


def _value(value):
    """A many-to-many value (a manager or a queryset) as the text of its rows."""
    if hasattr(value, "all"):
        return ", ".join(sorted(str(row) for row in value.all()))
    return value


class CountsAdminEdits:
    """Mix into a ModelAdmin of a `Versioned` model: a change saved in the admin is a new
    version too, so a web form opened before it is refused."""

    def save_model(self, request, obj, form, change):
        if change:
            obj.version += 1
            obj.changed_at = timezone.now()
            obj.changed_by = request.user
        super().save_model(request, obj, form, change)
