"""Labels for the list criteria, classes and list types."""

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

CRITERION_LABELS = {
    "non_western": _("Immigrants and descendants from non-Western countries"),
    "outside_work": _("18-64-year-olds outside work and education"),
    "convicted": _("Convicted under the penal, weapons or drugs acts"),
    "primary_only": _("30-59-year-olds with primary school only"),
    "income": _("Gross income, % of the region's average"),
}
CLASS_LABELS = {
    "udsat": _("Udsat boligområde"),
    "parallelsamfund": _("Parallelsamfund (until 2021: ghetto)"),
    "omdannelse": _("Omdannelsesområde (2018-20: hårdt ghetto)"),
    "forebyggelse": _("Forebyggelsesområde"),
}
LIST_LABELS = {
    "ghetto": _("Ghetto list"),
    "parallelsamfund": _("Parallelsamfund"),
    "haardt_ghetto": _("Hårdt ghettoområde"),
    "omdannelse": _("Omdannelsesområde"),
    "udsat": _("Udsat boligområde"),
    "forebyggelse": _("Forebyggelsesområde"),
}
WORDS = {"yes": _("yes"), "no": _("no"), "unknown": _("unknown"), "n/a": "–"}
COMPARISONS = {"gt": ">", "gte": "≥", "lt": "<"}


@register.filter
def criterion_label(name):
    return CRITERION_LABELS.get(name, name)


@register.filter
def class_label(name):
    return CLASS_LABELS.get(name, name)


@register.filter
def list_label(name):
    return LIST_LABELS.get(name, name)


@register.filter
def word(value):
    if value is True:
        value = "yes"
    elif value is False:
        value = "no"
    elif value is None:
        value = "unknown"
    return WORDS.get(value, value)


@register.filter
def comparison_sign(comparison):
    return COMPARISONS.get(comparison, comparison)
