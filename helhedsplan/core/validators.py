"""Text people type or import: control characters are refused wherever text is stored.

They are invisible on the page, break exports, and PostgreSQL cannot store NUL at all. Tabs
and line breaks are text; every other C0 control character and DEL is not.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def validate_no_control_characters(value: str) -> None:
    found = CONTROL_CHARACTER.search(value or "")
    if found:
        raise ValidationError(
            _(
                "The text contains an invisible control character (U+%(code)s) at position "
                "%(position)s. Remove it; only tabs and line breaks are allowed."
            ),
            code="control_character",
            params={"code": f"{ord(found.group()):04X}", "position": found.start() + 1},
        )


class TextFieldsMixin:
    """A form whose every text field refuses control characters (mix in before the form)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.validators.append(validate_no_control_characters)
