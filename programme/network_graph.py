"""The region's network of groups drawn on the server as SVG: pure rendering, no queries.

Layout is deterministic: the groups sit on one circle in the order given (by province,
then name), so a province's groups stand together and the same data always give the
same picture. Each kind of link has its own dash pattern as well as its colour (the
legend shows both), so the picture reads without colour. No `style=` attributes: the
pages run under a strict Content-Security-Policy.
"""

import math
import unicodedata
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from communities.models import LinkKind

# Okabe–Ito colours (safe for colour-vision deficiencies), each with a dash pattern.
KIND_STYLES = {
    LinkKind.SUPPLY: ("#0072b2", "none"),
    LinkKind.TOURISM_ROUTE: ("#d55e00", "10 5"),
    LinkKind.KNOWLEDGE: ("#009e73", "2 4"),
    LinkKind.MARKETING: ("#cc79a7", "12 4 3 4"),
}
# The picture is drawn at 520 units and scales down to a phone's ~330 px, so its text is
# drawn large: 18 units read as ~11 px on a phone.
SIZE = 520
LABEL_ROOM = 150  # left and right of the circle, for the groups' names
TOP_ROOM = 44  # above and below it
RADIUS = SIZE / 2 - LABEL_ROOM
GRAPH_HEIGHT = int(2 * (RADIUS + TOP_ROOM))
LEGEND_ROW = 30
LEGEND_FONT = 18
NODE_RADIUS = 7
LABEL_FONT = 18
LABEL_FONT_CROWDED = 13  # above CROWDED groups, so neighbours' names do not overlap
CROWDED = 16


@dataclass(frozen=True)
class Node:
    pk: int
    name: str
    province: str
    x: float
    y: float
    angle: float


def _num(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _width(text: str, font: int) -> float:
    """A generous estimate of a line's width: Thai marks above and below take no room."""
    return sum(0.3 if c == " " else 0.64 for c in text if unicodedata.category(c) != "Mn") * font


def _short(name: str, font: int) -> str:
    """The name as the picture labels it: without a leading "กลุ่ม" (every group is one),
    cut with "…" to fit beside the circle. The full name is in the node's title."""
    text = name.removeprefix("กลุ่ม").strip() or name
    room = LABEL_ROOM - NODE_RADIUS - 8
    if _width(text, font) <= room:
        return text
    while text and _width(text + "…", font) > room:
        text = text[:-1]
    while text and unicodedata.category(text[-1]) == "Mn":  # never end on a lone vowel mark
        text = text[:-1]
    return text + "…"


def layout(groups) -> list[Node]:
    """The groups on one circle, in the given order, starting at the top, clockwise."""
    count = len(groups)
    centre_x, centre_y = SIZE / 2, RADIUS + TOP_ROOM
    nodes = []
    for index, group in enumerate(groups):
        angle = -math.pi / 2 + 2 * math.pi * index / max(count, 1)
        nodes.append(
            Node(
                pk=group.pk,
                name=group.name,
                province=group.tambon.province.name,
                x=round(centre_x + RADIUS * math.cos(angle), 1),
                y=round(centre_y + RADIUS * math.sin(angle), 1),
                angle=angle,
            )
        )
    return nodes


def _label(node: Node, font: int) -> SafeString:
    """The node's name outside the circle: beside it on the sides, above or below it at the
    top and bottom (anchored at the middle there, so it stays inside the picture)."""
    cos, sin = math.cos(node.angle), math.sin(node.angle)
    offset = NODE_RADIUS + 4
    if abs(cos) < 0.35:
        anchor = "middle"
        x = node.x
        y = node.y - offset if sin < 0 else node.y + offset + font * 0.8
    else:
        anchor = "start" if cos > 0 else "end"
        x = node.x + offset * cos
        y = node.y + offset * sin + font * 0.35
    return format_html(
        '<text x="{}" y="{}" font-size="{}" text-anchor="{}" fill="#111111">{}</text>',
        _num(x),
        _num(y),
        font,
        anchor,
        _short(node.name, font),
    )


def network_svg(groups, edges, *, title: str, id_prefix: str = "net") -> SafeString:
    """The groups (already ordered and capped by the caller) and the links among them,
    `edges` being (low id, high id, kind), with a legend of the kinds below the circle."""
    nodes = layout(groups)
    font = LABEL_FONT if len(nodes) <= CROWDED else LABEL_FONT_CROWDED
    by_pk = {node.pk: node for node in nodes}
    labels = dict(LinkKind.choices)
    lines = []
    for low, high, kind in sorted(edges):
        a, b = by_pk.get(low), by_pk.get(high)
        if a is None or b is None:
            continue
        colour, dash = KIND_STYLES.get(kind, ("#595959", "none"))
        lines.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="3"'
                ' stroke-dasharray="{}"><title>{} – {}: {}</title></line>',
                _num(a.x),
                _num(a.y),
                _num(b.x),
                _num(b.y),
                colour,
                dash,
                a.name,
                b.name,
                labels.get(kind, kind),
            )
        )
    circles = format_html_join(
        "",
        '<g><circle cx="{}" cy="{}" r="{}" fill="#ffffff" stroke="#111111" stroke-width="2">'
        "<title>{} ({})</title></circle>{}</g>",
        ((_num(n.x), _num(n.y), NODE_RADIUS, n.name, n.province, _label(n, font)) for n in nodes),
    )
    legend_top = GRAPH_HEIGHT + 6
    legend = []
    for index, (kind, (colour, dash)) in enumerate(KIND_STYLES.items()):
        y = legend_top + 16 + index * LEGEND_ROW
        legend.append(
            format_html(
                '<line x1="20" y1="{}" x2="80" y2="{}" stroke="{}" stroke-width="3"'
                ' stroke-dasharray="{}"/>'
                '<text x="92" y="{}" font-size="{}" fill="#111111">{}</text>',
                y,
                y,
                colour,
                dash,
                y + 6,
                LEGEND_FONT,
                labels[kind],
            )
        )
    height = legend_top + 16 + len(KIND_STYLES) * LEGEND_ROW
    empty = ""
    if not nodes:
        empty = format_html(
            '<text x="{}" y="{}" font-size="20" text-anchor="middle" fill="#111111">{}</text>',
            SIZE // 2,
            GRAPH_HEIGHT // 2,
            _("ยังไม่มีกลุ่มที่เชื่อมโยงกัน"),
        )
    return format_html(
        '<svg viewBox="0 0 {} {}" width="100%" role="img" aria-labelledby="{}-title"'
        ' class="network-graph border rounded bg-white" preserveAspectRatio="xMidYMid meet">'
        '<title id="{}-title">{}</title>{}<g>{}</g><g>{}</g><g>{}</g></svg>',
        SIZE,
        height,
        id_prefix,
        id_prefix,
        title,
        empty,
        mark_safe("".join(lines)),  # noqa: S308 - each line was built by format_html
        circles,
        mark_safe("".join(legend)),  # noqa: S308 - each entry was built by format_html
    )
