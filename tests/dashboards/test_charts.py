"""The dashboard's server-drawn pictures: the province map and the monthly chart."""

import datetime
import re
import unicodedata
import xml.etree.ElementTree as ET
from decimal import Decimal

import geothai
import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy

from communities.models import Province, Region
from dashboards import charts
from dashboards.data.province_tiles import PROVINCE_TILES

SVG = "{http://www.w3.org/2000/svg}"
ALL_CODES = sorted(PROVINCE_TILES)
SOUTH = ["80", "81", "82", "83", "84", "85", "86", "90", "91", "92", "93", "94", "95", "96"]


@pytest.fixture(autouse=True)
def thai():
    with translation.override("th"):
        yield


def draw_map(values, codes=ALL_CODES, name=None, link=None, **kwargs):
    return charts.province_map_svg(
        values,
        codes=codes,
        link=link or (lambda code: f"/dashboards/?province={code}&fy=2569"),
        name=name or (lambda code: f"จังหวัด {code}"),
        legend_title="จำนวนกลุ่ม",
        **kwargs,
    )


def tiles(svg) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)
    return {a.get("data-code"): a for a in root.iter(f"{SVG}a")}


def months(first: datetime.date, count: int) -> list[datetime.date]:
    result, month = [], first
    for _ in range(count):
        result.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return result


def chart_rows(first=datetime.date(2023, 11, 1), count=24):
    return [
        {"month": month, "submitted": 3 * i, "approved": 2 * i}
        for i, month in enumerate(months(first, count))
    ]


def contrast(foreground: str, background: str) -> float:
    def luminance(colour):
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# --- The tile grid -------------------------------------------------------------------


def test_every_province_of_the_real_geography_has_its_own_tile(real_geography):
    codes = set(Province.objects.filter(abolished_on=None).values_list("code", flat=True))

    assert len(codes) == 77
    assert codes == set(PROVINCE_TILES)
    cells = [tile[:2] for tile in PROVINCE_TILES.values()]
    assert len(set(cells)) == len(cells)


def test_the_grid_keeps_thailand_s_shape():
    column, row = (
        {code: tile[0] for code, tile in PROVINCE_TILES.items()},
        {code: tile[1] for code, tile in PROVINCE_TILES.items()},
    )
    # Chiang Rai at the top, Narathiwat at the bottom, Ubon Ratchathani the easternmost.
    assert row["57"] == min(row.values())
    assert row["96"] == max(row.values())
    assert column["34"] == max(column.values())
    # Bangkok touches Nonthaburi, Pathum Thani and Samut Prakan's neighbours.
    for neighbour in ("12", "13", "73", "74"):
        assert abs(column[neighbour] - column["10"]) <= 1
        assert abs(row[neighbour] - row["10"]) <= 1


def test_the_official_abbreviations_are_shown():
    names = {p.code: p.name_th for p in geothai.provinces()}
    assert names["81"] == "กระบี่" and PROVINCE_TILES["81"][2] == "กบ"
    assert names["96"] == "นราธิวาส" and PROVINCE_TILES["96"][2] == "นธ"
    abbreviations = [tile[2] for tile in PROVINCE_TILES.values()]
    assert len(set(abbreviations)) == 77


# --- The map ---------------------------------------------------------------------------


def test_the_country_map_is_valid_svg_with_a_link_and_title_per_province():
    svg = draw_map({code: int(code) for code in ALL_CODES})

    drawn = tiles(svg)
    assert set(drawn) == set(ALL_CODES)
    krabi = drawn["81"]
    assert krabi.get("href") == "/dashboards/?province=81&fy=2569"
    assert krabi.find(f"{SVG}title").text == "จังหวัด 81 (กบ): 81"
    assert [t.text for t in krabi.iter(f"{SVG}text")] == ["กบ", "81"]


def test_a_region_draws_only_its_provinces_cropped_to_them():
    svg = draw_map({"80": 5}, codes=SOUTH)

    assert set(tiles(svg)) == set(SOUTH)
    root = ET.fromstring(svg)
    _x, _y, width, height = (float(v) for v in root.get("viewBox").split())
    rects = [a.find(f"{SVG}rect") for a in root.iter(f"{SVG}a")]
    xs = [float(r.get("x")) for r in rects]
    ys = [float(r.get("y")) for r in rects]
    # The south spans 7 columns and 6 rows of the grid: its box starts at its first tile.
    assert min(xs) < charts.TILE and min(ys) < charts.TILE
    assert width == 7 * charts.TILE
    assert max(ys) < 6 * charts.TILE < height


def test_values_land_in_the_right_colour_class():
    values = {"10": None, "11": 0, "12": 1, "13": 20, "14": 21, "15": 60, "16": 100}
    svg = draw_map(values, codes=[*values, "17"])

    classes = {code: a.get("class") for code, a in tiles(svg).items()}
    assert classes == {
        "10": "pmap-tile pmap-nodata",
        "11": "pmap-tile pmap-zero",
        "12": "pmap-tile pmap-step-1",
        "13": "pmap-tile pmap-step-1",
        "14": "pmap-tile pmap-step-2",
        "15": "pmap-tile pmap-step-3",
        "16": "pmap-tile pmap-step-5",
        "17": "pmap-tile pmap-nodata",  # not in the figures at all
    }
    legend = [t.text for t in ET.fromstring(svg).find(f".//{SVG}g[@class='pmap-legend']").iter()]
    assert "จำนวนกลุ่ม" in legend
    for text in ("81–100", "61–80", "41–60", "21–40", "1–20", "0", "ไม่มีข้อมูล"):
        assert text in legend


def test_each_step_fills_with_its_colour_and_a_readable_label():
    values = {"50": 1, "51": 2, "52": 3, "53": 4, "54": 5}
    drawn = tiles(draw_map(values, codes=list(values)))

    for step, code in enumerate(values):
        rect = drawn[code].find(f"{SVG}rect")
        label = drawn[code].find(f"{SVG}text")
        assert rect.get("fill") == charts.MAP_STEPS[step]
        assert contrast(label.get("fill"), rect.get("fill")) >= 4.5


def test_no_data_is_hatched_and_zero_outlined_not_told_by_colour_alone():
    drawn = tiles(draw_map({"10": None, "11": 0}, codes=["10", "11"]))

    no_data, zero = drawn["10"].find(f"{SVG}rect"), drawn["11"].find(f"{SVG}rect")
    assert no_data.get("fill") == "url(#pmap-hatch)"
    assert zero.get("fill") == "#ffffff"
    assert no_data.get("stroke-dasharray") != zero.get("stroke-dasharray")
    for colour in ("#ffffff", charts.MAP_HATCH):
        assert contrast(charts.MAP_NO_DATA_TEXT, colour) >= 4.5


@pytest.mark.parametrize(
    ("top", "ranges"),
    [
        (1234, [(1, 250), (251, 500), (501, 750), (751, 1000), (1001, 1250)]),
        (88, [(1, 20), (21, 40), (41, 60), (61, 80), (81, 100)]),
        (7, [(1, 2), (3, 4), (5, 6), (7, 8)]),
        (0.5, [(0, 0.1), (0.1, 0.2), (0.2, 0.3), (0.3, 0.4), (0.4, 0.5)]),
    ],
)
def test_ranges_have_round_widths_and_cover_the_largest_figure(top, ranges):
    steps = charts.map_steps([top, None, 0])

    assert [(s.lower, s.upper) for s in steps] == ranges
    assert steps[-1].index == 4
    assert charts.map_class(top, steps) == "pmap-step-5"


def test_few_distinct_figures_still_give_the_largest_the_darkest_step():
    steps = charts.map_steps([1, 2])

    assert [(s.lower, s.upper) for s in steps] == [(1, 1), (2, 2)]
    assert charts.map_class(2, steps) == "pmap-step-5"
    assert charts.map_class(1, steps) == "pmap-step-1"


def test_shares_get_decimal_ranges_and_a_caller_format():
    svg = draw_map({"10": 0.125, "11": 0.5}, codes=["10", "11"], value_format=lambda v: f"{v:.0%}")

    texts = [t.text for t in ET.fromstring(svg).iter(f"{SVG}text")]
    assert "50%" in texts
    assert "40%–50%" in texts


def test_figures_from_the_database_as_decimals_keep_their_fraction():
    svg = draw_map({"10": Decimal("12.5"), "11": Decimal("50.0")}, codes=["10", "11"])

    drawn = tiles(svg)
    assert drawn["10"].find(f"{SVG}title").text == "จังหวัด 10 (กทม): 12.5"
    assert drawn["11"].get("class") == "pmap-tile pmap-step-5"


def test_a_long_legend_title_widens_the_picture_rather_than_being_cut():
    title = "ร้อยละของแผนที่ผ่านการพิจารณาต่อแผนทั้งหมดในปีงบประมาณ 2569"
    svg = charts.province_map_svg({"10": 1}, codes=["10"], link=str, name=str, legend_title=title)

    width = float(ET.fromstring(svg).get("viewBox").split()[2])
    spacing_characters = [c for c in title if unicodedata.category(c) != "Mn"]
    assert width >= len(spacing_characters) * 14 * 0.55  # Sarabun: about half an em each


def test_a_lazily_translated_legend_title_is_accepted():
    svg = charts.province_map_svg(
        {"10": 1}, codes=["10"], link=str, name=str, legend_title=gettext_lazy("จำนวนกลุ่ม")
    )

    assert "จำนวนกลุ่ม" in [t.text for t in ET.fromstring(svg).iter(f"{SVG}text")]


def test_a_malicious_province_name_and_link_are_escaped():
    evil = '<script>alert("x")</script> & <a href="javascript:1">'
    svg = draw_map({"10": 3}, codes=["10"], name=lambda code: evil, link=lambda code: '/"><x y="')

    assert "<script>" not in svg
    tile = tiles(svg)["10"]
    assert tile.find(f"{SVG}title").text == f"{evil} (กทม): 3"
    assert tile.get("href") == '/"><x y="'
    assert ET.fromstring(svg).find(f".//{SVG}x") is None


def test_empty_and_all_zero_maps_do_not_crash():
    for svg in (
        draw_map({}, codes=[]),
        draw_map({}, codes=ALL_CODES),
        draw_map(dict.fromkeys(ALL_CODES, 0), codes=ALL_CODES),
    ):
        ET.fromstring(svg)
    assert tiles(draw_map({}, codes=["10", "99"])).keys() == {"10"}


def test_two_maps_on_one_page_keep_their_ids_apart():
    svg = draw_map({"10": None}, codes=["10"], id_prefix="map2")

    assert 'id="map2-hatch"' in svg and 'fill="url(#map2-hatch)"' in svg
    assert "pmap-hatch" not in svg


def test_english_pages_show_latin_abbreviations():
    with translation.override("en"):
        drawn = tiles(draw_map({"10": 1}, codes=["10"]))

    assert drawn["10"].find(f"{SVG}text").text == "BKK"


# --- Months ----------------------------------------------------------------------------


def test_thai_months_use_the_buddhist_era_across_the_new_year():
    december, january = datetime.date(2025, 12, 1), datetime.date(2026, 1, 1)

    assert charts.thai_month(december) == "ธันวาคม 2568"
    assert charts.thai_month(january) == "มกราคม 2569"
    assert charts.thai_month(december, short=True) == "ธ.ค. 68"
    assert charts.thai_month(january, short=True) == "ม.ค. 69"
    assert charts.thai_month(datetime.date(2025, 10, 1), short=True) == "ต.ค. 68"


def test_english_months_use_the_common_era():
    with translation.override("en"):
        assert charts.thai_month(datetime.date(2025, 12, 1)) == "December 2025"
        assert charts.thai_month(datetime.date(2026, 1, 1), short=True) == "Jan 2026"


def test_the_monthly_chart_names_its_months_and_reads_without_colour():
    rows = chart_rows(first=datetime.date(2023, 11, 1))  # November 2023 … October 2025
    svg = charts.monthly_chart_svg(rows)

    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.get("viewBox") == f"0 0 {charts.CHART_WIDTH} {charts.CHART_HEIGHT}"
    assert root.get("width") == "100%"
    label = root.get("aria-label")
    assert label == root.find(f"{SVG}title").text
    assert "พฤศจิกายน 2566" in label and "ตุลาคม 2568" in label
    assert "828" in root.find(f"{SVG}desc").text  # 3 × (0 + 1 + … + 23) submitted

    groups = root.findall(f".//{SVG}g[@class='mchart-month']")
    assert len(groups) == 24
    assert groups[1].find(f"{SVG}title").text == ("ธันวาคม 2566: ส่งให้พิจารณา 3 ผ่านการพิจารณา 2")
    assert groups[2].find(f"{SVG}title").text.startswith("มกราคม 2567:")
    submitted, approved = groups[5].findall(f"{SVG}rect")
    assert submitted.get("fill") != approved.get("fill")
    assert approved.get("fill").startswith("url(#")  # hatched, with an outline
    assert approved.get("stroke")

    texts = [t.text for t in root.iter(f"{SVG}text")]
    # Every third month under the axis, ending with the latest, across the year change.
    for month in ("ต.ค. 68", "ก.ค. 68", "เม.ย. 68", "ม.ค. 68", "ต.ค. 67", "ม.ค. 67"):
        assert month in texts
    assert "ก.ย. 68" not in texts
    assert "ต.ค. 68: ส่ง 69 ผ่าน 46" in texts
    for tick in ("0", "20", "40", "60", "80"):
        assert tick in texts


def test_bars_are_as_tall_as_their_figures():
    rows = [
        {"month": datetime.date(2025, 1, 1), "submitted": 10, "approved": 5},
        {"month": datetime.date(2025, 2, 1), "submitted": 0, "approved": 0},
    ]
    root = ET.fromstring(charts.monthly_chart_svg(rows))

    first, second = root.findall(f".//{SVG}g[@class='mchart-month']")
    tall, half = (float(r.get("height")) for r in first.findall(f"{SVG}rect"))
    assert tall == pytest.approx(2 * half)
    assert [float(r.get("height")) for r in second.findall(f"{SVG}rect")] == [0, 0]


@pytest.mark.parametrize(
    ("top", "ticks"),
    [
        (0, [0, 1]),
        (3, [0, 1, 2, 3]),
        (7, [0, 2, 4, 6, 8]),
        (69, [0, 20, 40, 60, 80]),
        (1900, [0, 500, 1000, 1500, 2000]),
    ],
)
def test_the_y_axis_has_round_ticks_covering_the_largest_month(top, ticks):
    assert charts.nice_ticks(top) == ticks


def test_large_national_figures_fit_left_of_the_axis():
    rows = [{"month": datetime.date(2025, 1, 1), "submitted": 12_000, "approved": 9_000}]
    root = ET.fromstring(charts.monthly_chart_svg(rows))

    tick_labels = root.findall(f".//{SVG}text[@class='mchart-tick']")
    widest = tick_labels[-1]
    assert widest.text == "15,000"
    assert float(widest.get("x")) >= len(widest.text) * 13 * 0.5  # Sarabun digits: ~0.55 em


def test_empty_and_all_zero_charts_do_not_crash():
    empty = ET.fromstring(charts.monthly_chart_svg([]))
    assert "ยังไม่มีข้อมูล" in [t.text for t in empty.iter(f"{SVG}text")]

    zeros = [{**row, "submitted": 0, "approved": 0} for row in chart_rows()]
    ET.fromstring(charts.monthly_chart_svg(zeros))


def test_the_chart_in_english_uses_common_era_years():
    with translation.override("en"):
        svg = charts.monthly_chart_svg(chart_rows(first=datetime.date(2023, 11, 1)))

    root = ET.fromstring(svg)
    assert "November 2023" in root.get("aria-label")
    texts = [t.text for t in root.iter(f"{SVG}text")]
    # Longer English names are written every sixth month so they do not touch.
    assert {"Oct 2025", "Apr 2025", "Oct 2024", "Apr 2024"} <= set(texts)
    assert "Jul 2025" not in texts


# --- Both ------------------------------------------------------------------------------


def test_no_inline_style_anywhere():
    outputs = [
        draw_map({code: i for i, code in enumerate(ALL_CODES)}),
        draw_map({}, codes=SOUTH),
        charts.monthly_chart_svg(chart_rows()),
        charts.monthly_chart_svg([]),
    ]
    for svg in outputs:
        assert not re.search(r"\sstyle\s*=", svg)
        assert "<style" not in svg
        for element in ET.fromstring(svg).iter():
            assert "style" not in element.attrib


def test_the_regions_shipped_with_the_portal_all_draw(real_geography):
    for region in Region.objects.prefetch_related("provinces"):
        codes = [p.code for p in region.provinces.all()]
        svg = draw_map(dict.fromkeys(codes, 1), codes=codes)
        assert set(tiles(svg)) == set(codes)
