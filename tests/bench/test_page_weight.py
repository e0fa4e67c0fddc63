"""The canvas editor's first load on a phone stays under its budget (DESIGN.md, issue 13)."""

import pytest

from bench.page_weight import EDITOR_BUDGET_BYTES, first_load, font_faces, parse_unicode_range
from tests.factories import CanvasFactory


@pytest.fixture
def editor_html(client, group, leader):
    canvas = CanvasFactory(group=group, title="ล่องคลองมะรุย 2569", filled=True)
    client.force_login(leader)
    response = client.get(canvas.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="canvas-editor"' in html
    return html


def test_the_editor_first_load_is_under_60_kb_compressed_fonts_included(editor_html):
    load = first_load(editor_html)
    kinds = {r.kind for r in load.resources}
    assert {"page", "stylesheet", "script"} <= kinds
    assert any(r.kind.startswith("font") for r in load.resources), load.table()
    assert load.total <= EDITOR_BUDGET_BYTES, (
        f"The editor's first load is {load.total} bytes compressed, over the budget of "
        f"{EDITOR_BUDGET_BYTES}:\n{load.table()}"
    )


def test_it_counts_the_fonts_the_page_text_needs_and_only_those(tmp_path):
    css = """
    @font-face { font-family: F; font-weight: 400; src: url("../f/thai.woff2") format("woff2");
      unicode-range: U+0E01-0E5B; }
    @font-face { font-family: F; font-weight: 400; src: url("../f/latin.woff2") format("woff2");
      unicode-range: U+0000-00FF; }
    """
    files = {"css/a.css": css.encode(), "f/thai.woff2": b"t" * 10, "f/latin.woff2": b"l" * 10}
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(data)

    def find(path):
        return str(tmp_path / path)

    html = '<html><head><link rel="stylesheet" href="/static/css/a.css"></head><body>ไทย</body>'
    names = [r.name for r in first_load(html, find=find, static_url="/static/").resources]
    assert names == ["(the HTML)", "css/a.css", "f/thai.woff2"]
    html = html.replace("ไทย", "ไทย 1")
    names = [r.name for r in first_load(html, find=find, static_url="/static/").resources]
    assert names == ["(the HTML)", "css/a.css", "f/thai.woff2", "f/latin.woff2"]


def test_it_reads_unicode_ranges_and_font_faces():
    assert parse_unicode_range("U+0E01-0E5B, U+25CC, U+00??") == [
        (0x0E01, 0x0E5B),
        (0x25CC, 0x25CC),
        (0x0000, 0x00FF),
    ]
    faces = font_faces('@font-face{font-weight:700;src:url(x.woff2) format("woff2")}')
    assert faces == [{"url": "x.woff2", "weight": "700", "ranges": [(0, 0x10FFFF)]}]
