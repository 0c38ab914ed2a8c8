from django import template

from ..formatting import text
from ..structure import Chart, Table, Value

register = template.Library()


@register.filter
def cell(value, limit=5):
    return text(value, limit)


@register.filter
def is_number(value):
    return isinstance(value, Value)


@register.filter
def block_kind(block):
    if isinstance(block, Table):
        return "table"
    if isinstance(block, Chart):
        return "chart"
    return "text"


@register.filter
def chart_uri(chart):
    """The chart as a data URI for the PDF (PNG: WeasyPrint draws it fastest)."""
    import base64

    return "data:image/png;base64," + base64.b64encode(chart.png).decode()
