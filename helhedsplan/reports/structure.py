"""A report as plain data: sections of paragraphs, tables and charts, that every renderer walks.

The same `Report` becomes the web page, the PDF, the DOCX and the XLSX, so the four agree.
Values carry their unit and status; small counts of persons are marked here, once
(`discretion.py`), and each renderer only shows the mark.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache

SMALL = "small"  # a count of persons under the discretion limit: shown as "<5"
SECONDARY = "secondary"  # hidden beside a total so that a small one cannot be worked out: "x"
SUPPRESSED = "suppressed"  # suppressed at the source (Statistics Denmark): shown as "–"
NOT_AVAILABLE = "not_available"


@dataclass(frozen=True)
class Value:
    """A number with its unit (percent, count, grade, dkk, hours, ...) or why it is unknown."""

    number: Decimal | int | float | None
    unit: str = ""
    status: str = "value"
    decimals: int | None = None

    @property
    def known(self) -> bool:
        return self.status == "value" and self.number is not None


Cell = Value | str


@dataclass
class Table:
    title: str
    columns: list[str]
    rows: list[list[Cell]]
    note: str = ""
    sheet: str = ""  # the XLSX sheet's name (defaults to the title)


# 1.5 x 560 px on 15 cm is about 140 dpi: sharp on screen and in print, and WeasyPrint writes
# it into the PDF in a third of the time scale 2 takes.
PNG_SCALE = 1.5


@dataclass
class Chart:
    """A Vega-Lite spec (monitoring/charts.py); drawn once as SVG and once as PNG, lazily."""

    title: str
    spec: dict

    @cached_property
    def svg(self) -> str:
        return drawn_svg(json.dumps(self.spec, sort_keys=True, default=str))

    @cached_property
    def png(self) -> bytes:
        import vl_convert

        try:
            return vl_convert.svg_to_png(self.svg, scale=PNG_SCALE)  # the SVG is drawn already
        except RuntimeError:
            return vl_convert.vegalite_to_png(self.spec, scale=PNG_SCALE, format_locale="da-DK")


@lru_cache(maxsize=1024)
def drawn_svg(spec_json: str) -> str:
    """The same data draws the same chart: a page shown again reuses the drawing."""
    from helhedsplan.monitoring.charts import to_svg

    return to_svg(json.loads(spec_json))


Block = str | Table | Chart


@dataclass
class Section:
    title: str
    level: int = 1
    blocks: list[Block] = field(default_factory=list)
    key: str = ""  # a stable name (e.g. for the assessment texts of the status report)

    def add(self, *blocks: Block) -> Section:
        self.blocks.extend(b for b in blocks if b not in ("", None))
        return self


@dataclass
class Report:
    kind: str  # monitoring / status / agreement
    title: str
    subtitle: str
    made_on: datetime.date
    limit: int
    sections: list[Section] = field(default_factory=list)
    filename: str = "rapport"

    def tables(self) -> list[Table]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]

    def charts(self) -> list[Chart]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Chart)]

    def draw_charts(self) -> None:
        """Draw every chart (SVG) on two threads: vl-convert works outside Python's lock."""
        from concurrent.futures import ThreadPoolExecutor

        charts = [c for c in self.charts() if "svg" not in c.__dict__]
        with ThreadPoolExecutor(max_workers=2) as pool:
            for chart, svg in zip(charts, pool.map(lambda c: c.svg, charts), strict=True):
                chart.__dict__["svg"] = svg

    def statuses(self) -> set[str]:
        return {
            cell.status
            for table in self.tables()
            for row in table.rows
            for cell in row
            if isinstance(cell, Value)
        }

    @property
    def footnotes(self) -> list[str]:
        from .discretion import footnotes

        return footnotes(self)
