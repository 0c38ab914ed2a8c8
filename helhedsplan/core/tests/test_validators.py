"""Control characters are refused in every text field of a form that mixes in
`TextFieldsMixin`; tabs and line breaks are text."""

import pytest
from django import forms
from django.utils import translation

from helhedsplan.core.validators import TextFieldsMixin


class NoteForm(TextFieldsMixin, forms.Form):
    title = forms.CharField(max_length=20)
    body = forms.CharField(widget=forms.Textarea, required=False)


@pytest.mark.parametrize("character", ["\x01", "\x07", "\x1b", "\x7f"])
def test_a_control_character_in_any_text_field_is_a_form_error(character):
    form = NoteForm({"title": "Ok", "body": f"Linje{character}"})

    with translation.override("da"):
        assert not form.is_valid()
        assert form.errors["body"] == [
            f"Teksten indeholder et usynligt kontroltegn (U+{ord(character):04X}) på plads 6. "
            "Fjern det; kun tabulatorer og linjeskift er tilladt."
        ]


def test_nul_is_refused_by_django_itself():
    form = NoteForm({"title": "A\x00B"})

    assert not form.is_valid()
    assert "title" in form.errors


def test_tabs_and_line_breaks_are_text():
    form = NoteForm({"title": "Ok", "body": "En\tto\r\ntre\n"})

    assert form.is_valid(), form.errors
