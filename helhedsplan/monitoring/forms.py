"""The upload form: the layout is chosen among the shipped ones by name, never given as a path."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .layouts import shipped_layouts


def _layout_choices():
    shipped = [(layout.name, layout.title) for layout in shipped_layouts()]
    return [("", _("Find it from the columns")), *shipped]


class UploadForm(forms.Form):
    layout = forms.ChoiceField(
        choices=_layout_choices,
        required=False,
        error_messages={"invalid_choice": _("Choose one of the shipped layouts.")},
    )
    provenance = forms.CharField(max_length=1000, required=False, strip=True)
