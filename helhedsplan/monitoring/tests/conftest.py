import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english_messages():
    """Problem messages are checked in English; pages set their own language per request."""
    with translation.override("en"):
        yield
