"""Input types shared by the endpoints: text that survives a database and a CSV file."""

from typing import Annotated

from pydantic import AfterValidator, Field


def _printable(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValueError("text must be valid Unicode") from error
    if any(ord(c) < 32 for c in text):
        raise ValueError("text may not hold control characters (tab, newline, NUL)")
    return text


def Text(max_length: int):
    return Annotated[str, Field(max_length=max_length), AfterValidator(_printable)]


Key = Annotated[str, Field(min_length=1, max_length=100, pattern=r"^[^\x00-\x1f]+$")]
