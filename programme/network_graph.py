"""The region's network of groups drawn on the server as SVG: pure rendering, no queries.

Layout is deterministic: the groups sit on one circle in the order given (by province,
then name), so a province's groups stand together and the same data always give the
same picture. Each kind of link has its own dash pattern as well as its colour (the
legend shows both), so the picture reads without colour. No `style=` attributes: the
pages run under a strict Content-Security-Policy.
"""

import math
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
SIZE = 640
LABEL_ROOM = 150  # around the circle, for the groups' names
LEGEND_ROW = 26
NODE_RADIUS = 7
LABEL_MAX_CHARS = 18


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


def _short(name: str) -> str:
    return name if len(name) <= LABEL_MAX_CHARS else name[: LABEL_MAX_CHARS - 1] + "…"


def layout(groups) -> list[Node]:
    """The groups on one circle, in the given order, starting at the top, clockwise."""
    count = len(groups)
    centre = SIZE / 2
    radius = centre - LABEL_ROOM
    nodes = []
    for index, group in enumerate(groups):
        angle = -math.pi / 2 + 2 * math.pi * index / max(count, 1)
        nodes.append(
            Node(
                pk=group.pk,
                name=group.name,
                province=group.tambon.province.name,
                x=round(centre + radius * math.cos(angle), 1),
                y=round(centre + radius * math.sin(angle), 1),
                angle=angle,
            )
        )
    return nodes


def _label(node: Node) -> SafeString:
    right = math.cos(node.angle) >= -1e-9
    offset = NODE_RADIUS + 4
    x = node.x + offset * math.cos(node.angle)
    y = node.y + offset * math.sin(node.angle) + 4
    return format_html(
        '<text x="{}" y="{}" font-size="12" text-anchor="{}" fill="#111111">{}</text>',
        _num(x),
        _num(y),
        "start" if right else "end",
        _short(node.name),
    )


def network_svg(groups, edges, *, title: str, id_prefix: str = "net") -> SafeString:
    """The groups (already ordered and capped by the caller) and the links among them,
    `edges` being (low id, high id, kind), with a legend of the kinds below the circle."""
    nodes = layout(groups)
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
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2.5"'
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
        ((_num(n.x), _num(n.y), NODE_RADIUS, n.name, n.province, _label(n)) for n in nodes),
    )
    legend_top = SIZE + 10
    legend = []
    for index, (kind, (colour, dash)) in enumerate(KIND_STYLES.items()):
        y = legend_top + 14 + index * LEGEND_ROW
        legend.append(
            format_html(
                '<line x1="20" y1="{}" x2="80" y2="{}" stroke="{}" stroke-width="3"'
                ' stroke-dasharray="{}"/>'
                '<text x="92" y="{}" font-size="14" fill="#111111">{}</text>',
                y,
                y,
                colour,
                dash,
                y + 5,
                labels[kind],
            )
        )
    height = legend_top + 14 + len(KIND_STYLES) * LEGEND_ROW
    empty = ""
    if not nodes:
        empty = format_html(
            '<text x="{}" y="{}" font-size="16" text-anchor="middle" fill="#111111">{}</text>',
            SIZE // 2,
            SIZE // 2,
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
