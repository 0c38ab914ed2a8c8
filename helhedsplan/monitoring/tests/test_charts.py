"""One chart builder for pages and reports: SVG from a series, unknown values left as gaps."""

from decimal import Decimal as D

from helhedsplan.monitoring.charts import series_chart, to_svg
from helhedsplan.monitoring.series import Point

PLAN = [("2021", "39.54"), ("2022", "37.50")]
MUNICIPALITY = [("2021", "13.97"), ("2022", "13.49")]


def points(pairs):
    return [Point(label, int(label), D(value)) for label, value in pairs]


def test_a_series_chart_is_svg_with_danish_numbers_and_both_lines():
    spec = series_chart(
        [("Helhedsplanen", points(PLAN)), ("Viborg Kommune", points(MUNICIPALITY))], "percent"
    )

    svg = to_svg(spec)

    assert svg.startswith("<svg")
    assert "Helhedsplanen" in svg and "Viborg Kommune" in svg
    assert "40,0" in svg  # Danish axis labels (da-DK)
    assert spec["encoding"]["x"]["axis"]["labelAngle"] == 0


def test_an_unknown_value_is_a_gap_not_a_zero():
    series = [*points(PLAN), Point("2023", 2023, None, "suppressed")]

    spec = series_chart([("Afd. 8", series)], "percent")

    values = spec["data"]["values"]
    assert [v["periode"] for v in values] == ["2021", "2022"]
    assert "2023" in spec["encoding"]["x"]["sort"]  # the period still shows on the axis


def test_the_target_path_is_drawn_as_its_own_line():
    spec = series_chart(
        [("Afd. 8", points(PLAN))], "percent", target=[(2021, D(39)), (2022, D(37))]
    )

    assert len({v["serie"] for v in spec["data"]["values"]}) == 2
