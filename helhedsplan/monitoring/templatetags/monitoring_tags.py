from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from helhedsplan.core.disclosure import Shown
from helhedsplan.core.templatetags.helhedsplan import (
    hidden_count,
    measure,
    number_marks,
    shown_value,
)

register = template.Library()


def _dash(why: str) -> str:
    """A dash in place of a figure there is none of, saying why."""
    return format_html('<span class="not-available" title="{}">–</span>', why)


@register.simple_tag
def aggregate_value(value, unit, note):
    """An aggregate figure, its mark when a reader may not see it (core.disclosure), or a dash
    with its coverage note when nothing could be computed."""
    if isinstance(value, Shown):
        return hidden_count(value.mark)
    return _dash(note) if value is None else measure(value, unit)


def _shown(point, unit: str, marks: tuple[str, str]) -> str:
    """A point's value as HTML, or why there is none (shown_value, with the marks passed in)."""
    if point.known:
        return escape(measure(point.value, unit, marks))
    return shown_value(None, point.status, unit, point.reason)


def matrix_cells_html(cells) -> SafeString:
    """A needs-matrix row's cells as HTML: built here rather than in the template because a
    matrix of a large plan has thousands of cells and template tags cost per cell."""
    missing = _dash(_("No data for this period"))
    parts, marks = [], number_marks()
    for cell, unit in cells:
        shown = missing if cell.point is None else _shown(cell.point, unit, marks)
        parts.append(f'<td class="number level-{cell.level}">{shown}</td>')
    return mark_safe("".join(parts))  # every dynamic part above is escaped or format_html'd


@register.simple_tag
def figures_rows(points, unit):
    """The rows of the figures under a chart (its text alternative), written in one go: a
    department page has some forty charts of ten or more points each."""
    marks = number_marks()
    rows = (
        f'<tr><td>{escape(p.label)}</td><td class="number">{_shown(p, unit, marks)}</td></tr>'
        for p in points
    )
    return mark_safe("".join(rows))  # every dynamic part above is escaped or format_html'd
