"""Small helpers shared by the serialisers that turn models into plan-file dictionaries."""

from decimal import Decimal


def compact(data: dict) -> dict:
    """Drop empty values so an exported file shows what was said, not every default."""
    return {key: value for key, value in data.items() if not _is_empty(value)}


def _is_empty(value) -> bool:
    # `is False`, not `== False`: a real zero (0 complaints in 2015) must be kept.
    return value is None or value is False or (isinstance(value, str | list | dict) and not value)


def number(value: Decimal | None) -> Decimal | int | None:
    """A database decimal without its trailing zeros (97.9500 -> 97.95, 14600000.00 -> 14600000)."""
    if value is None:
        return None
    normalized = value.normalize()
    if normalized == normalized.to_integral_value():
        return int(normalized)
    return Decimal(format(normalized, "f"))
