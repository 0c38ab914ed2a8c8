"""Layouts: data that says where a source keeps departments, indicators, periods and values.

A new LBF release with moved or renamed columns needs a new layout file, not new code
(docs/monitoring.md describes the format).
"""

import hashlib
import re
from pathlib import Path
from typing import Literal

import yaml
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


def load_layout(name_or_path: str) -> Layout:
    """A shipped layout by name (`lbf-wide`) or a layout file by path."""
    path = Path(name_or_path)
    if not path.suffix:
        path = LAYOUT_DIR / f"{name_or_path}.yaml"
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in LAYOUT_DIR.glob("*.yaml")))
        raise LayoutError(f"no layout '{name_or_path}' (shipped layouts: {known})")
    return parse_layout(path.read_text(encoding="utf-8"), path.name)


def shipped_layouts() -> list[Layout]:
    return [load_layout(p.stem) for p in sorted(LAYOUT_DIR.glob("*.yaml"))]
