"""The survey charts' SVG (bot/web/charts.py), read back as XML: one bar per option, lengths
in proportion to the counts, every label escaped, nothing the CSP or a printer would refuse."""

from __future__ import annotations

from xml.etree import ElementTree as ET

import pytest

from bot.web.charts import BAR_SPACE, Bar, bar_chart

NS = {"svg": "http://www.w3.org/2000/svg"}


def parse(bars: list[Bar], title: str = "Question 1: Overall?") -> ET.Element:
    return ET.fromstring(str(bar_chart(title, bars)))


def bar_rects(svg: ET.Element) -> list[ET.Element]:
    return [rect for rect in svg.iterfind(".//svg:rect", NS) if rect.get("class") == "bar"]


def texts(svg: ET.Element, kind: str) -> list[str]:
    return [
        "".join(node.itertext())
        for node in svg.iterfind(".//svg:text", NS)
        if node.get("class") == kind
    ]


def test_one_bar_per_option_with_its_label_count_and_percentage():
    svg = parse([Bar("Online", 3, 60), Bar("In person", 2, 40), Bar("Hybrid", 0, 0)])
    assert len(bar_rects(svg)) == 3
    assert texts(svg, "bar-label") == ["Online", "In person", "Hybrid"]
    assert texts(svg, "bar-value") == ["3 · 60%", "2 · 40%", "0 · 0%"]
    assert svg.findtext("svg:title", namespaces=NS) == "Question 1: Overall?"


def test_bar_widths_are_proportional_to_the_counts_the_largest_filling_the_width():
    counts = [8, 4, 2, 1, 0]
    svg = parse([Bar(str(n), n, 0) for n in counts])
    widths = [float(rect.get("width", "")) for rect in bar_rects(svg)]
    assert widths[0] == BAR_SPACE
    for count, width in zip(counts, widths, strict=True):
        assert width == pytest.approx(BAR_SPACE * count / 8, abs=0.01)


def test_bars_do_not_overlap_and_stay_inside_the_view_box():
    svg = parse([Bar("A label long enough to wrap onto a second line of the chart", 5, 50)] * 4)
    _x, _y, width, height = map(float, svg.get("viewBox", "").split())
    rects = bar_rects(svg)
    tops = [float(rect.get("y", "")) for rect in rects]
    assert tops == sorted(tops) and len(set(tops)) == 4
    for rect in rects:
        assert float(rect.get("y", "")) + float(rect.get("height", "")) <= height
        assert float(rect.get("width", "")) <= width


def test_labels_are_escaped_and_appear_as_text():
    markup = str(bar_chart('<b>"quoted"</b>', [Bar("<script>alert(1)</script> & co", 1, 100)]))
    assert "<script>" not in markup
    svg = ET.fromstring(markup)
    assert texts(svg, "bar-label") == ["<script>alert(1)</script> & co"]
    assert svg.findtext("svg:title", namespaces=NS) == '<b>"quoted"</b>'
    assert not list(svg.iterfind(".//svg:script", NS))


def test_no_style_attributes_scripts_or_external_references():
    """The CSP refuses style= attributes; a chart must also print and work offline."""
    markup = str(bar_chart("Q", [Bar("Yes", 2, 67), Bar("No", 1, 33)]))
    svg = ET.fromstring(markup)
    for node in svg.iter():
        assert "style" not in node.attrib
        assert not any(name.endswith("href") for name in node.attrib)
    assert "url(" not in markup and "@import" not in markup


def test_no_answers_draws_empty_bars():
    svg = parse([Bar("1", 0, 0), Bar("2", 0, 0)])
    assert [float(rect.get("width", "")) for rect in bar_rects(svg)] == [0, 0]


def test_options_get_a_colour_each_and_the_points_of_a_scale_share_one():
    points = [Bar(str(n), n, 0) for n in range(1, 6)]
    options = {rect.get("fill") for rect in bar_rects(parse(points))}
    scale = {
        rect.get("fill")
        for rect in bar_rects(ET.fromstring(bar_chart("Q", points, one_colour=True)))
    }
    assert len(options) == 5 and len(scale) == 1
