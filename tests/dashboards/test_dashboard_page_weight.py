"""The country's dashboard, the heaviest (77 provinces on the map, every region in the
table), loads under 100 KB compressed on a phone: HTML, CSS and fonts included."""

import gzip
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

FONTS = [
    f"vendor/sarabun/sarabun-{script}-{weight}-normal.woff2"
    for script in ("thai", "latin")
    for weight in (400, 700)
]


def test_the_country_dashboard_first_load_is_under_100_kb_compressed(
    client, national_staff, real_geography, world
):
    client.force_login(national_staff)
    html = client.get(reverse("dashboards:index"), {"fy": 2569}).content
    assert html.count(b'class="pmap-tile ') == 77
    total = len(gzip.compress(html, 9))
    assets = re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js))"', html)
    static = Path(settings.BASE_DIR) / "static"
    for name in [a.decode() for a in assets]:
        total += len(gzip.compress((static / name).read_bytes(), 9))
    for name in FONTS:
        total += (static / name).stat().st_size
    print(f"country dashboard first load: {total} bytes compressed")
    assert total < 100_000, f"{total} bytes"
