"""Numbers read the Danish way, and a suppressed value is never shown as zero."""

from decimal import Decimal

import pytest
from django.utils import formats, translation

from helhedsplan.core.templatetags.helhedsplan import measure, million_kr, num, shown_value


def test_danish_numbers_use_comma_and_dot():
    with translation.override("da"):
        assert num(Decimal("1102")) == "1.102"
        assert num(Decimal("47.7000")) == "47,7"
        assert num(Decimal("38"), 1) == "38,0"
        assert measure(Decimal("97.95"), "percent") == "97,95 %"


def test_english_numbers_on_request():
    with translation.override("en"):
        assert num(Decimal("1102")) == "1,102"
        assert measure(Decimal("97.95"), "percent") == "97.95 %"


def test_amounts_in_millions_keep_only_meaningful_decimals():
    with translation.override("da"):
        assert million_kr(Decimal("14600000")) == "14,6 mio. kr."
        assert million_kr(Decimal("12502000")) == "12,502 mio. kr."
        assert million_kr(Decimal("27000000")) == "27 mio. kr."


def test_suppressed_is_a_dash_not_zero():
    with translation.override("da"):
        shown = shown_value(None, "suppressed")
    assert ">–<" in shown
    assert "0" not in shown.replace("title", "")
    assert "diskretionsgrænsen" in shown


def test_not_available_says_so():
    with translation.override("da"):
        assert "ikke tilgængelig" in shown_value(None, "not_available", note="Data kommer")


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_fast_path_writes_what_djangos_number_format_writes(language):
    samples = [
        Decimal(text)
        for text in [
            "0",
            "1102",
            "-1102.5",
            "47.7000",
            "97.95",
            "1234567.8912",
            "0.0004",
            "-0.5",
            "1000000",
        ]
    ]
    samples += [
        (Decimal(n) / Decimal(7)).quantize(Decimal("0.0001")) for n in range(-5000, 5000, 37)
    ]
    with translation.override(language):
        for number in samples:
            exact = number.normalize()
            places = max(0, -exact.as_tuple().exponent)
            expected = formats.number_format(exact, places, use_l10n=True, force_grouping=True)
            assert num(number) == expected, number
