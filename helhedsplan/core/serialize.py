"""Small helpers shared by the serialisers that turn models into plan-file dictionaries."""

from decimal import Decimal


def compact(data: dict) -> dict:
    """Drop empty values so an exported file shows what was said, not every default."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {}, False)}


def number(value: Decimal | None) -> Decimal | int | None:
    """A database decimal without its trailing zeros (97.9500 -> 97.95, 14600000.00 -> 14600000)."""
    if value is None:
        return None
    normalized = value.normalize()
    if normalized == normalized.to_integral_value():
        return int(normalized)
    return Decimal(format(normalized, "f"))
