"""Danish-aware number display: suppressed values show as a dash, never as zero."""

from decimal import Decimal, InvalidOperation
from functools import lru_cache

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from helhedsplan.core import disclosure

register = template.Library()

UNIT_SUFFIX = {"percent": " %", "dkk": " kr."}


def to_decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


@register.filter
def num(value, decimals=None):
    """1102 -> 1.102; 47.7000 -> 47,7 (da) or 47.7 (en); `decimals` fixes the places."""
    return number_text(value, decimals)


def number_text(value, decimals=None, marks: tuple[str, str] | None = None) -> str:
    """num(), with the language's marks (number_marks()) passed in by a caller writing many."""
    number = to_decimal(value)
    if number is None:
        return ""
    if decimals in (None, ""):
        # Database decimals carry trailing zeros of the column (47.7000): show what is left.
        number = number.normalize()
        exponent = number.as_tuple().exponent
        if isinstance(exponent, int) and exponent >= -4:
            return _grouped(number, -exponent if exponent < 0 else 0, marks)
        decimals = min(max(0, -exponent), 4) if isinstance(exponent, int) else 0
    return formats.number_format(number, int(decimals), use_l10n=True, force_grouping=True)


def number_marks() -> tuple[str, str]:
    """The active language's decimal mark and thousands separator."""
    return _separators(get_language())


@lru_cache
def _separators(language: str | None) -> tuple[str, str]:
    return formats.get_format("DECIMAL_SEPARATOR"), formats.get_format("THOUSAND_SEPARATOR")


def _grouped(number: Decimal, decimals: int, marks: tuple[str, str] | None) -> str:
    """What number_format gives for a number with exactly `decimals` places, without its cost
    (a needs matrix formats thousands of cells): Python's grouping, the language's marks."""
    decimal_mark, thousands = marks or number_marks()
    text = f"{number:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", decimal_mark).replace("\0", thousands)


@register.filter
def measure(value, unit, marks: tuple[str, str] | None = None):
    """A number with its unit, as people write it: 97,95 %, 5,3, 1.102 kr."""
    text = number_text(value, marks=marks)
    return f"{text}{UNIT_SUFFIX.get(unit, '')}" if text else ""


def hidden_count(mark: str):
    """A count a reader may not see (core.disclosure): "<5", or "x" beside a total."""
    if mark == disclosure.SECONDARY:
        return format_html(
            '<span class="small-count" title="{}">x</span>', disclosure.secondary_note()
        )
    return format_html(
        '<span class="small-count" title="{}">{}</span>',
        disclosure.small_note(),
        disclosure.small_text(),
    )


@register.simple_tag
def disclosure_note():
    """The footnote under a table a reader sees (core.disclosure): what "<5" and "x" mean."""
    return format_html(
        '<p class="muted disclosure-note">{} {}</p>',
        disclosure.small_note(),
        disclosure.secondary_note(),
    )


@register.simple_tag
def shown_count(value):
    """A count, or the mark a reader sees in its place (a `core.disclosure.Shown`)."""
    if isinstance(value, disclosure.Shown):
        return hidden_count(value.mark) if value.hidden else num(value.number)
    return num(value)


@register.simple_tag
def shown_value(value, status, unit="", note=""):
    """A measured value, or why there is none."""
    if status in (disclosure.SMALL, disclosure.SECONDARY):
        return hidden_count(status)
    if status == "suppressed":
        return format_html(
            '<span class="suppressed" title="{}">–</span>',
            _("Below the discretion limit (few persons); not zero"),
        )
    if status == "not_available":
        return format_html(
            '<span class="not-available" title="{}">{}</span>', note, _("not available")
        )
    return measure(value, unit)


@register.filter
def million_kr(amount):
    """14600000 -> '14,6 mio. kr.'"""
    number = to_decimal(amount)
    if number is None:
        return ""
    millions = round(number / Decimal(1_000_000), 3).normalize()
    decimals = max(0, -millions.as_tuple().exponent)
    return _("%(amount)s mio. kr.") % {
        "amount": formats.number_format(millions, decimals, use_l10n=True, force_grouping=True)
    }


@register.filter
def percent(value, decimals=1):
    number = to_decimal(value)
    if number is None:
        return ""
    return formats.number_format(number, int(decimals), use_l10n=True) + " %"


@register.filter
def as_date(value):
    """An ISO date string (as frozen in a version) back into a date, for the `date` filter."""
    import datetime

    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return value


@register.filter
def dkfds(field):
    """Render a form field's widget with the design system's class (form-input, form-select)."""
    from django import forms

    widget = field.field.widget
    css = "form-select" if isinstance(widget, forms.Select) else "form-input"
    existing = widget.attrs.get("class", "")
    return field.as_widget(attrs={"class": f"{existing} {css}".strip()})
