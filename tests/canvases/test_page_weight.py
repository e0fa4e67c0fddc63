"""The editor's first load stays under 100 KB compressed, CSS, JavaScript and fonts included."""

import gzip
import re
from pathlib import Path

from django.conf import settings
from django.urls import reverse

from tests.factories import THAI_BLOCKS

FONTS = [
    f"vendor/sarabun/sarabun-{script}-{weight}-normal.woff2"
    for script in ("thai", "latin")
    for weight in (400, 700)
]


def test_editor_first_load_is_under_100_kb_compressed(client, leader, canvas):
    from canvases import services

    services.canvas_save_blocks(
        canvas=canvas, by=leader, blocks=THAI_BLOCKS, base_revision=0, save_id="w"
    )
    client.force_login(leader)
    html = client.get(reverse("canvases:detail", args=[canvas.pk])).content
    total = len(gzip.compress(html, 9))
    assets = re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js))"', html)
    assert b"js/editor.js" in b" ".join(assets)
    static = Path(settings.BASE_DIR) / "static"
    for name in [a.decode() for a in assets]:
        total += len(gzip.compress((static / name).read_bytes(), 9))
    for name in FONTS:  # already compressed; all four counted, though a page may need fewer
        total += (static / name).stat().st_size
    assert total < 100_000, f"{total} bytes"
