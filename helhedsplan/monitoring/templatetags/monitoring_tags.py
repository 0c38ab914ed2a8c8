from django import template

from helhedsplan.monitoring.spreadsheet import COLOURS

register = template.Library()


@register.filter
def level_colour(level):
    """The needs matrix's colour for a cell's level (the same as in the XLSX export)."""
    return COLOURS.get(level, "#FFFFFF")
