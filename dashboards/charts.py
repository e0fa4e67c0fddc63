"""The dashboard's two pictures, drawn on the server as SVG: the province map and the months.

Pure rendering: the caller passes the figures, links and names; nothing here queries the
database or fetches anything at run time. Output carries no `style=` attribute (the pages
run under a strict Content-Security-Policy): colours are SVG presentation attributes, and
static/css/dashboards.css only sizes and focuses.
"""

import datetime
import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.utils import translation
from django.utils.dates import MONTHS, MONTHS_3
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from cbmc_portal.templatetags.thai_dates import be_year
from dashboards.data.province_tiles import PROVINCE_TILES

# ColorBrewer "Blues" (single hue, so safe for every colour-vision deficiency), with the
# label colour per step chosen for at least 4.5:1 contrast (WCAG AA; checked in the tests).
MAP_STEPS = ("#eff3ff", "#bdd7e7", "#6baed6", "#2171b5", "#08306b")
MAP_STEP_TEXT = ("#111111", "#111111", "#111111", "#ffffff", "#ffffff")
MAP_NO_DATA_TEXT = "#111111"
MAP_OUTLINE = "#595959"  # 7:1 on white: the dashed zero and no-data outlines
MAP_HATCH = "#c8c8c8"
MAP_STEP_OUTLINE = "#767676"  # 4.5:1 on white, so even the palest step has a visible edge
TILE = 48  # one province, in SVG units (1 unit = 1 CSS pixel at natural size)
TILE_GAP = 3

# Submitted: solid blue bars; approved: hatched brown bars with a solid outline —
# told apart by the pattern, not only the colour.
SUBMITTED_FILL = "#2171b5"
APPROVED_COLOUR = "#b35806"
AXIS_COLOUR = "#595959"
GRID_COLOUR = "#dddddd"


def _is_thai() -> bool:
    return (translation.get_language() or "th").startswith("th")


def thai_month(date: datetime.date, short: bool = False) -> str:
    """`ตุลาคม 2568` (or `ต.ค. 68` when short) in Thai; `October 2025` / `Oct 2025` in English."""
    year = be_year(date.year)
    # Django's month tables, as dateformat's "M" and "F" give them, without building a
    # DateFormat for each of the chart's 60 month names.
    if short:
        month = str(MONTHS_3[date.month]).title()
        if _is_thai():
            return f"{month} {year % 100:02d}"
        return f"{month} {year}"
    return f"{MONTHS[date.month]} {year}"


def _num(value: float) -> str:
    """A coordinate for an SVG attribute: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def format_value(value: int | float | Decimal | None) -> str:
    """A figure as the map and legend write it: `1,234`, `12.5`, or `–` for no data."""
    if value is None:
        return "–"
    if not isinstance(value, int) and not float(value).is_integer():
        return f"{float(value):,.1f}"
    return f"{int(value):,}"


def _text_width(text: str, font_size: float) -> float:
    """A generous estimate of a line's width: Thai marks above and below take no room."""
    ems = sum(
        0.3 if char in " .,:" else 0.58 for char in text if unicodedata.category(char) != "Mn"
    )
    return ems * font_size


# --- The province map ------------------------------------------------------------------


@dataclass(frozen=True)
class MapStep:
    """One colour of the map's scale: values in (previous upper, upper] get `index`."""

    index: int  # 0..4 into MAP_STEPS
    lower: float
    upper: float


def map_steps(values: list[int | float | Decimal | None]) -> list[MapStep]:
    """Up to five equal steps of a round width (1, 2, 2.5 or 5 × 10ⁿ) up to the largest figure.

    A regional report reads "1–250, 251–500, …" more easily than "1–247, 248–494". Whole-number
    figures get whole-number ranges; with fewer than five ranges the steps spread over the
    palette so the largest figure keeps the darkest colour.
    """
    positives = [v if isinstance(v, int) else float(v) for v in values if v is not None and v > 0]
    if not positives:
        return []
    top = max(positives)
    whole = all(float(v).is_integer() for v in positives)
    width = _round_step(top / 5, whole)
    uppers = [round(width * k, 10) for k in range(1, math.ceil(round(top / width, 10)) + 1)]
    if whole:
        uppers = [int(u) for u in uppers]
        lowers = [1] + [u + 1 for u in uppers[:-1]]
    else:
        lowers = [0, *uppers[:-1]]  # each range includes its upper end, not its lower
    count = len(uppers)
    indexes = [4] if count == 1 else [round(i * 4 / (count - 1)) for i in range(count)]
    return [MapStep(i, lo, up) for i, lo, up in zip(indexes, lowers, uppers, strict=True)]


def _round_step(raw: float, whole: bool) -> float:
    """The smallest 1, 2, 2.5 or 5 × 10ⁿ at least `raw` (at least 1 for whole numbers)."""
    if whole and raw <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 2.5, 5, 10):
        step = multiple * magnitude
        if step >= raw - 1e-12 and not (whole and not float(step).is_integer()):
            return step
    return 10 * magnitude


def map_class(value: int | float | None, steps: list[MapStep]) -> str:
    """The CSS class a figure's tile gets: `pmap-nodata`, `pmap-zero` or `pmap-step-N` (1–5)."""
    if value is None:
        return "pmap-nodata"
    if value <= 0:
        return "pmap-zero"
    for step in steps:
        if value <= step.upper:
            return f"pmap-step-{step.index + 1}"
    return f"pmap-step-{steps[-1].index + 1}"


def _tile_colours(css_class: str) -> tuple[str, str, str, str]:
    """(fill, text colour, stroke, stroke-dasharray) of a tile of that class."""
    if css_class == "pmap-nodata":
        return "url(#{prefix}-hatch)", MAP_NO_DATA_TEXT, MAP_OUTLINE, "4 3"
    if css_class == "pmap-zero":
        return "#ffffff", MAP_NO_DATA_TEXT, MAP_OUTLINE, "2 2"
    index = int(css_class.rsplit("-", 1)[1]) - 1
    return MAP_STEPS[index], MAP_STEP_TEXT[index], MAP_STEP_OUTLINE, "none"


def _abbreviation(code: str) -> str:
    tile = PROVINCE_TILES[code]
    return tile[2] if _is_thai() else tile[3]


def province_map_svg(
    values: dict[str, int | float | None],
    *,
    codes: list[str],
    link: Callable[[str], str],
    name: Callable[[str], str],
    legend_title: str,
    value_format: Callable[[int | float | None], str] = format_value,
    id_prefix: str = "pmap",
) -> SafeString:
    """The provinces in `codes` as a tile-grid map, coloured by `values`, with a legend.

    Each province is a link to `link(code)` whose `<title>` gives `name(code)` and its
    figure. Only the given provinces are drawn, cropped to their bounding box; a code
    without a tile (none of the 77 today) is left out. A province missing from `values`
    or mapped to None shows as "no data" (hatched); zero gets a dashed outline.
    `id_prefix` keeps ids unique when one page shows two maps.
    """
    legend_title = str(legend_title)  # a lazy translation is measured character by character
    drawn = [code for code in dict.fromkeys(codes) if code in PROVINCE_TILES]
    figures = [values.get(code) for code in drawn]
    steps = map_steps(figures)
    title_id = f"{id_prefix}-title"

    if drawn:
        columns = [PROVINCE_TILES[c][0] for c in drawn]
        rows = [PROVINCE_TILES[c][1] for c in drawn]
        left, top = min(columns), min(rows)
        map_width = (max(columns) - left + 1) * TILE
        map_height = (max(rows) - top + 1) * TILE
    else:
        left = top = map_width = 0
        map_height = TILE

    legend_entries = [
        (f"pmap-step-{s.index + 1}", _range_text(s, value_format)) for s in reversed(steps)
    ]
    if any(v is not None and v <= 0 for v in figures):
        legend_entries.append(("pmap-zero", value_format(0)))
    if any(v is None for v in figures):
        legend_entries.append(("pmap-nodata", _("ไม่มีข้อมูล")))
    legend_height = 22 + 24 * len(legend_entries)
    legend_width = max(
        [LEGEND_WIDTH, _text_width(legend_title, 14) + 8]
        + [26 + _text_width(text, 13) + 8 for _class, text in legend_entries]
    )
    corner = _empty_corner(drawn, legend_width + 8, legend_height + 8) if drawn else None
    if corner:
        width, map_x = map_width, 0
        legend_x, legend_top = corner
        height = map_height
    else:
        width = max(map_width, legend_width)
        map_x = (width - map_width) / 2
        legend_x, legend_top = 0, map_height + 16
        height = legend_top + legend_height

    tiles = []
    tile_size = _num(TILE - TILE_GAP)
    for code, value in zip(drawn, figures, strict=True):
        column, row = PROVINCE_TILES[code][:2]
        x = map_x + (column - left) * TILE
        y = (row - top) * TILE
        css_class = map_class(value, steps)
        fill, text_colour, stroke, dash = _tile_colours(css_class)
        abbreviation = _abbreviation(code)
        shown = value_format(value)
        # The link's name (its <title>) holds the tile's visible text too.
        title = _("%(province)s (%(abbreviation)s): %(value)s") % {
            "province": name(code),
            "abbreviation": abbreviation,
            "value": shown,
        }
        # Written out rather than through format_html: its escaping of every attribute
        # (sixteen a tile, numbers and colours among them) was half the country map's
        # time. The texts are escaped; the rest are numbers and our own constants.
        cx = _num(x + TILE / 2)
        tiles.append(
            f'<a href="{conditional_escape(link(code))}" class="pmap-tile {css_class}" '
            f'data-code="{conditional_escape(code)}">'
            f"<title>{conditional_escape(title)}</title>"
            f'<rect x="{_num(x + TILE_GAP / 2)}" y="{_num(y + TILE_GAP / 2)}" '
            f'width="{tile_size}" height="{tile_size}" rx="3" '
            f'fill="{fill.format(prefix=id_prefix)}" '
            f'stroke="{stroke}" stroke-width="1.5" stroke-dasharray="{dash}"/>'
            f'<text x="{cx}" y="{_num(y + 22)}" text-anchor="middle" font-size="15" '
            f'font-weight="bold" fill="{text_colour}" aria-hidden="true">'
            f"{conditional_escape(abbreviation)}</text>"
            f'<text x="{cx}" y="{_num(y + 39)}" text-anchor="middle" font-size="12" '
            f'fill="{text_colour}" aria-hidden="true">{conditional_escape(shown)}</text>'
            "</a>"
        )

    legend = [
        format_html(
            '<text x="{x}" y="{y}" font-size="14" font-weight="bold" fill="#111111">{title}</text>',
            x=_num(legend_x),
            y=_num(legend_top + 14),
            title=legend_title,
        )
    ]
    for i, (css_class, text) in enumerate(legend_entries):
        y = legend_top + 24 + 24 * i
        fill, _text_colour, stroke, dash = _tile_colours(css_class)
        legend.append(
            format_html(
                '<g class="pmap-legend-item {css_class}">'
                '<rect x="{rx}" y="{y}" width="18" height="18" fill="{fill}" stroke="{stroke}" '
                'stroke-width="1.5" stroke-dasharray="{dash}"/>'
                '<text x="{tx}" y="{ty}" font-size="13" fill="#111111">{text}</text></g>',
                css_class=css_class,
                rx=_num(legend_x + 1),
                tx=_num(legend_x + 26),
                y=_num(y),
                fill=fill.format(prefix=id_prefix),
                stroke=stroke,
                dash=dash,
                ty=_num(y + 14),
                text=text,
            )
        )

    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="pmap" viewBox="0 0 {w} {h}" '
        'width="{w}" height="{h}" role="group" aria-labelledby="{title_id}">'
        '<title id="{title_id}">{title}</title>'
        '<defs><pattern id="{prefix}-hatch" width="6" height="6" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="6" height="6" fill="#ffffff"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="{hatch}" stroke-width="2"/>'
        "</pattern></defs>"
        '<g class="pmap-tiles">{tiles}</g><g class="pmap-legend">{legend}</g></svg>',
        w=_num(width),
        h=_num(height),
        title_id=title_id,
        title=_("แผนที่จังหวัด: %(figure)s") % {"figure": legend_title},
        prefix=id_prefix,
        hatch=MAP_HATCH,
        # Every text in the tiles was escaped as they were written.
        tiles=mark_safe("".join(tiles)),
        legend=format_html_join("", "{}", ((item,) for item in legend)),
    )


LEGEND_WIDTH = 150  # the least room the legend takes; longer texts widen it


def _empty_corner(codes: list[str], width: float, height: float) -> tuple[float, float] | None:
    """Where the legend fits inside the map's own box without covering a tile, if anywhere.

    Tries the bottom-right corner first, then higher up the right edge (the country's
    empty Andaman sea, east of the southern tail). Returns the legend's top-left corner.
    """
    cells = {PROVINCE_TILES[c][:2] for c in codes}
    columns = [c for c, _r in cells]
    rows = [r for _c, r in cells]
    left, top = min(columns), min(rows)
    span_columns = max(columns) - left + 1
    span_rows = max(rows) - top + 1
    need_columns = math.ceil(width / TILE)
    need_rows = math.ceil(height / TILE)
    if need_columns > span_columns or need_rows > span_rows:
        return None
    first_column = left + span_columns - need_columns
    for first_row in range(top + span_rows - need_rows, top - 1, -1):
        block = {
            (c, r)
            for c in range(first_column, first_column + need_columns)
            for r in range(first_row, first_row + need_rows)
        }
        if not block & cells:
            x = (first_column - left) * TILE + (need_columns * TILE - width) + 4
            return x, (first_row - top) * TILE + 4
    return None


def _range_text(step: MapStep, value_format) -> str:
    if step.lower == step.upper:
        return value_format(step.upper)
    return f"{value_format(step.lower)}–{value_format(step.upper)}"


# --- Submitted and approved per month --------------------------------------------------

CHART_WIDTH = 480
CHART_HEIGHT = 280
CHART_LEFT = 44
CHART_RIGHT = 24
CHART_TOP = 56
CHART_BOTTOM = 36


def nice_ticks(top: int, wanted: int = 5) -> list[int]:
    """Whole-number axis ticks from 0 covering `top`, stepping by 1, 2 or 5 × 10ⁿ."""
    if top <= 0:
        return [0, 1]
    raw = top / (wanted - 1)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(1, int(step))
    return list(range(0, math.ceil(top / step) * step + 1, step))


def monthly_chart_svg(rows: list[dict], *, id_prefix: str = "mchart") -> SafeString:
    """Canvases submitted and approved per month, as paired bars with a y-axis.

    `rows`: {"month": date (first of the month), "submitted": int, "approved": int}, oldest
    first. Submitted bars are solid, approved bars hatched with an outline; every month's
    `<title>` gives both figures and the latest month is labelled with its numbers.
    """
    rows = sorted(rows, key=lambda row: row["month"])
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    total_submitted = sum(row["submitted"] for row in rows)
    total_approved = sum(row["approved"] for row in rows)
    if rows:
        label = _("จำนวนแผนส่งให้พิจารณาและผ่านการพิจารณา รายเดือน %(first)s – %(last)s") % {
            "first": thai_month(rows[0]["month"]),
            "last": thai_month(rows[-1]["month"]),
        }
    else:
        label = _("จำนวนแผนส่งให้พิจารณาและผ่านการพิจารณา รายเดือน")
    desc = _("รวมส่งให้พิจารณา %(submitted)s ครั้ง ผ่านการพิจารณา %(approved)s ครั้ง") % {
        "submitted": format_value(total_submitted),
        "approved": format_value(total_approved),
    }

    ticks = nice_ticks(max([r["submitted"] for r in rows] + [r["approved"] for r in rows] + [0]))
    # The y-axis takes the room its widest figure needs (10,000 a month nationally).
    left = max(CHART_LEFT, math.ceil(_text_width(format_value(ticks[-1]), 13)) + 10)
    plot_width = CHART_WIDTH - left - CHART_RIGHT
    plot_height = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    base = CHART_TOP + plot_height
    scale = plot_height / ticks[-1]

    parts = []
    for tick in ticks:
        y = base - tick * scale
        parts.append(
            format_html(
                '<line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}" stroke="{grid}" stroke-width="1"/>'
                '<text class="mchart-tick" x="{tx}" y="{ty}" text-anchor="end" font-size="13" '
                'fill="#111111">'
                "{tick}</text>",
                x1=left,
                x2=CHART_WIDTH - CHART_RIGHT,
                y=_num(y),
                grid=GRID_COLOUR if tick else AXIS_COLOUR,
                tx=left - 6,
                ty=_num(y + 4),
                tick=format_value(tick),
            )
        )

    slot = plot_width / max(len(rows), 1)
    # Every third month is written under the axis, counting back from the latest, or every
    # sixth when the names are too long for that ("Jan 2025" against "ม.ค. 68").
    widest = max((_text_width(thai_month(r["month"], short=True), 13) for r in rows), default=0)
    label_every = next((n for n in (3, 6, 12) if widest <= n * slot), 12)
    bar = max(2.0, (slot - 4) / 2)
    for i, row in enumerate(rows):
        x = left + i * slot + (slot - 2 * bar) / 2
        submitted_h = row["submitted"] * scale
        approved_h = row["approved"] * scale
        parts.append(
            format_html(
                '<g class="mchart-month"><title>{title}</title>'
                '<rect class="mchart-submitted" x="{x1}" y="{y1}" width="{w}" height="{h1}" '
                'fill="{sfill}"/>'
                '<rect class="mchart-approved" x="{x2}" y="{y2}" width="{w}" height="{h2}" '
                'fill="url(#{prefix}-hatch)" stroke="{acolour}" stroke-width="1"/></g>',
                title=_("%(month)s: ส่งให้พิจารณา %(submitted)s ผ่านการพิจารณา %(approved)s")
                % {
                    "month": thai_month(row["month"]),
                    "submitted": format_value(row["submitted"]),
                    "approved": format_value(row["approved"]),
                },
                x1=_num(x),
                y1=_num(base - submitted_h),
                h1=_num(submitted_h),
                x2=_num(x + bar),
                y2=_num(base - approved_h),
                h2=_num(approved_h),
                w=_num(bar),
                sfill=SUBMITTED_FILL,
                prefix=id_prefix,
                acolour=APPROVED_COLOUR,
            )
        )
        if (len(rows) - 1 - i) % label_every == 0:
            centre = left + (i + 0.5) * slot
            parts.append(
                format_html(
                    '<line x1="{x}" y1="{y1}" x2="{x}" y2="{y2}" stroke="{axis}"/>'
                    '<text x="{x}" y="{ty}" text-anchor="middle" font-size="13" '
                    'fill="#111111">{month}</text>',
                    x=_num(centre),
                    y1=_num(base),
                    y2=_num(base + 4),
                    axis=AXIS_COLOUR,
                    ty=_num(base + 18),
                    month=thai_month(row["month"], short=True),
                )
            )

    if rows:
        latest = rows[-1]
        parts.append(
            format_html(
                '<text class="mchart-latest" x="{x}" y="21" text-anchor="end" font-size="13" '
                'fill="#111111">{text}</text>',
                x=CHART_WIDTH - CHART_RIGHT,
                text=_("%(month)s: ส่ง %(submitted)s ผ่าน %(approved)s")
                % {
                    "month": thai_month(latest["month"], short=True),
                    "submitted": format_value(latest["submitted"]),
                    "approved": format_value(latest["approved"]),
                },
            )
        )
    else:
        parts.append(
            format_html(
                '<text x="{x}" y="{y}" text-anchor="middle" font-size="14" fill="#111111">'
                "{text}</text>",
                x=_num(left + plot_width / 2),
                y=_num(CHART_TOP + plot_height / 2),
                text=_("ยังไม่มีข้อมูล"),
            )
        )

    key = format_html(
        '<g class="mchart-key">'
        '<rect x="{x}" y="8" width="16" height="16" fill="{sfill}"/>'
        '<text x="{tx}" y="21" font-size="13" fill="#111111">{submitted}</text>'
        '<rect x="{x}" y="30" width="16" height="16" fill="url(#{prefix}-hatch)" '
        'stroke="{acolour}" stroke-width="1"/>'
        '<text x="{tx}" y="43" font-size="13" fill="#111111">{approved}</text></g>',
        x=left,
        tx=left + 22,
        sfill=SUBMITTED_FILL,
        acolour=APPROVED_COLOUR,
        prefix=id_prefix,
        submitted=_("ส่งให้พิจารณา (แท่งทึบ)"),
        approved=_("ผ่านการพิจารณา (แท่งลายเส้น)"),
    )

    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="mchart" viewBox="0 0 {w} {h}" '
        'width="100%" role="img" aria-label="{label}" aria-describedby="{desc_id}">'
        '<title id="{title_id}">{label}</title><desc id="{desc_id}">{desc}</desc>'
        '<defs><pattern id="{prefix}-hatch" width="5" height="5" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="5" height="5" fill="#ffffff"/>'
        '<line x1="0" y1="0" x2="0" y2="5" stroke="{acolour}" stroke-width="2.5"/>'
        "</pattern></defs>{key}{parts}</svg>",
        w=CHART_WIDTH,
        h=CHART_HEIGHT,
        label=label,
        desc=desc,
        title_id=title_id,
        desc_id=desc_id,
        prefix=id_prefix,
        acolour=APPROVED_COLOUR,
        key=key,
        parts=format_html_join("", "{}", ((part,) for part in parts)),
    )
