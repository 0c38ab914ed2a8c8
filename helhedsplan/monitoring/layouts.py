"""Layouts: data that says where a source keeps departments, indicators, periods and values.

A new LBF release with moved or renamed columns needs a new layout file, not new code
(docs/monitoring.md describes the format).
"""

import hashlib
import re
from pathlib import Path
from typing import Literal

import yaml
from django.utils.translation import gettext as _
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

LAYOUT_DIR = Path(__file__).parent / "layouts"

Role = Literal["value", "numerator", "denominator"]
SubjectScope = Literal["plan", "municipality", "national", "comparison_group", "area"]


class LayoutError(ValueError):
    """A layout file that cannot be used."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ValueColumns(Strict):
    column: str | None = None  # one column, by its exact header
    columns: str | None = None  # every column whose header matches this regular expression
    indicator: str | None = None  # fixed indicator; else the table's indicator column
    role: Role = "value"
    period: str | None = None  # fixed period; else from the regex group `period` or the table
    optional: bool = False
    scale: float = 1  # e.g. 100 when a workbook stores 97,95 % as 0.9795

    @model_validator(mode="after")
    def one_way_to_find_columns(self):
        if (self.column is None) == (self.columns is None):
            raise ValueError("give either 'column' or 'columns'")
        if self.columns is not None:
            re.compile(self.columns)
        return self


class Subject(Strict):
    column: str
    rows: dict[str, SubjectScope] = {}  # regular expressions for rows that are not departments
    skip: list[str] = []  # regular expressions for rows to leave out (totals, notes)


class Table(Strict):
    sheet: str | None = None  # XLSX sheet name; None: the first sheet (CSV has one)
    header_row: int = Field(default=1, ge=1)
    subject: Subject
    indicator_column: str | None = None
    period_column: str | None = None
    period: str | None = None
    reason_column: str | None = None
    values: list[ValueColumns]


class Layout(Strict):
    name: str
    title: str
    description: str = ""
    provenance: str = ""
    tables: list[Table]
    hash: str = ""


def parse_layout(text: str, source: str = "layout") -> Layout:
    try:
        data = yaml.safe_load(text)
        layout = Layout.model_validate(data)
    except (yaml.YAMLError, ValidationError) as error:
        raise LayoutError(f"{source}: {error}") from error
    layout.hash = hashlib.sha256(text.encode()).hexdigest()
    return layout


def shipped_names() -> list[str]:
    """The names of the shipped layouts: the only ones the web app and the API may use."""
    return sorted(path.stem for path in LAYOUT_DIR.glob("*.yaml"))


def load_layout(name: str) -> Layout:
    """A shipped layout by name (`lbf-wide`); never a path, so a name from a form or the API
    opens no file but the shipped ones."""
    names = shipped_names()
    if name not in names:
        raise LayoutError(
            _("no layout '%(name)s' (shipped layouts: %(known)s)")
            % {"name": name[:100], "known": ", ".join(names)}
        )
    return parse_layout((LAYOUT_DIR / f"{name}.yaml").read_text(encoding="utf-8"), name)


def load_layout_file(path: str | Path) -> Layout:
    """A layout from a file of the operator's own (the import-data command's --layout-file)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise LayoutError(f"{path}: cannot be read ({error})") from error
    return parse_layout(text, path.name)


def shipped_layouts() -> list[Layout]:
    return [load_layout(name) for name in shipped_names()]
