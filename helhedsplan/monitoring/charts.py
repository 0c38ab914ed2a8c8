"""Charts drawn on the server as SVG (altair + vl-convert): no JavaScript, reusable in reports.

`series_chart` builds the Vega-Lite spec from series; `to_svg` renders it with Danish numbers.
"""

from decimal import Decimal

import altair as alt
from django.utils.translation import gettext as _

from helhedsplan.core.disclosure import SECONDARY, SMALL, discretion_limit

from .series import Point

HIDDEN = (SMALL, SECONDARY)


def unit_title(unit: str) -> str:
    return {"percent": "%", "count": _("count"), "grade": _("grade"), "dkk": "kr."}.get(unit, "")


def series_chart(
    lines: list[tuple[str, list[Point]]],
    unit: str = "",
    target: list[tuple[int, Decimal]] | None = None,
    width: int = 560,
    height: int = 220,
) -> dict:
    """A line per subject (department, municipality, ...) over the periods, with the target
    path dashed; unknown points are left out (a gap), never drawn as zero, and a count hidden
    from a reader is a gap with a note above the chart."""
    target_line = _("Target path")
    rows, order = [], []
    for name, points in lines:
        for point in points:
            if point.label not in order:
                order.append(point.label)
            if point.value is not None:
                rows.append({"periode": point.label, "serie": name, "værdi": float(point.value)})
    for year, value in target or []:
        if value is not None:
            label = str(year)
            if label not in order:
                order.append(label)
            rows.append({"periode": label, "serie": target_line, "værdi": float(value)})
    order.sort()
    names = [name for name, _ in lines] + ([target_line] if target else [])
    base = alt.Chart(alt.Data(values=rows)).encode(
        x=alt.X("periode:O", sort=order, title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y(
            "værdi:Q",
            title=unit_title(unit),
            axis=alt.Axis(format=",.0f" if unit == "count" else ",.1f"),
        ),
        color=alt.Color(
            "serie:N", sort=names, title=None, legend=alt.Legend(orient="bottom", columns=2)
        ),
        strokeDash=alt.StrokeDash(
            "serie:N",
            sort=names,
            legend=None,
            scale=alt.Scale(domain=names, range=[[1, 0]] * len(lines) + [[6, 4]]),
        ),
        tooltip=["serie:N", "periode:O", alt.Tooltip("værdi:Q", format=",.2f")],
    )
    chart = base.mark_line(point=True).properties(width=width, height=height)
    if any(p.status in HIDDEN for _name, points in lines for p in points):
        # A reader's chart (core.disclosure): the gap says why it is there.
        note = _("Counts under %(limit)s are not drawn (discretion limit).") % {
            "limit": discretion_limit()
        }
        chart = chart.properties(
            title=alt.TitleParams(note, fontSize=11, fontWeight="normal", anchor="start")
        )
    return chart.to_dict()


def series_svg(
    lines: list[tuple[str, list[Point]]],
    unit: str = "",
    target: list[tuple[int, Decimal]] | None = None,
) -> str:
    """`series_chart` drawn as SVG, cached under its inputs: building the spec with altair
    costs about 20 ms a chart, so a page of 40 charts is only fast when neither step repeats."""
    from django.core.cache import cache

    key = "series-svg:" + series_key(lines, unit, target)
    svg = cache.get(key)
    if svg is None:
        svg = to_svg(series_chart(lines, unit, target))
        cache.set(key, svg, timeout=24 * 3600)
    return svg


def series_key(
    lines: list[tuple[str, list[Point]]],
    unit: str = "",
    target: list[tuple[int, Decimal]] | None = None,
    exact: bool = True,
) -> str:
    """A hash of everything a series chart shows: it changes exactly when the chart does, and
    differs between an exact chart and a reader's (docs/disclosure.md)."""
    import hashlib

    from django.utils.translation import get_language

    shown = (lines, unit, target, get_language()) + (() if exact else ("reader",))
    return hashlib.sha256(repr(shown).encode()).hexdigest()


def to_svg(spec: dict) -> str:
    """The chart as SVG. Rendering is the slow part of a department page (about 0.1 s a
    chart), so results are cached under a hash of the spec: the same data gives the same spec
    and is drawn once; new data gives a new spec, so nothing needs invalidating."""
    from django.core.cache import cache

    key = svg_key(spec)
    svg = cache.get(key)
    if svg is None:
        import vl_convert

        svg = vl_convert.vegalite_to_svg(spec, format_locale="da-DK")
        cache.set(key, svg, timeout=24 * 3600)
    return svg


def svg_key(spec: dict) -> str:
    """The cache key of a drawn chart: a hash of its spec."""
    import hashlib
    import json

    return (
        "chart-svg:"
        + hashlib.sha256(json.dumps(spec, sort_keys=True, default=str).encode()).hexdigest()
    )
