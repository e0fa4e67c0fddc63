"""The comparison of two versions: only what changed by default (all nine blocks a link
away, kept in the URL), whole Thai words marked, every text escaped."""

import re

import pytest
from django.urls import reverse

from canvases import services
from canvases.models import CanvasVersion
from tests import factories

PRICE_OLD = "ค่าล่องเรือคนละ 500 บาท"
PRICE_NEW = "ค่าล่องเรือคนละ 450 บาท"


@pytest.fixture
def two_versions(filled_canvas, leader, staff_south):
    """Version 2 changes the price in revenue streams and adds markup to channels."""
    canvas = filled_canvas
    services.canvas_save_blocks(
        canvas=canvas,
        by=leader,
        blocks={"revenue_streams": PRICE_OLD},
        base_revision=canvas.revision,
        save_id="c1",
    )
    first = services.canvas_submit(canvas=canvas, by=leader)
    services.canvas_request_changes(canvas=canvas, version=first, by=staff_south, summary="แก้")
    services.canvas_save_blocks(
        canvas=canvas,
        by=leader,
        blocks={
            "revenue_streams": PRICE_NEW,
            "channels": factories.THAI_BLOCKS["channels"] + " <script>alert(1)</script>",
        },
        base_revision=canvas.revision,
        save_id="c2",
    )
    services.canvas_submit(canvas=canvas, by=leader)
    assert CanvasVersion.objects.filter(canvas=canvas).count() == 2
    return canvas


def compare(client, canvas, query):
    return client.get(reverse("canvases:compare", args=[canvas.pk]) + query)


def shown_blocks(page):
    return re.findall(r'class="card mb-2 compare-block" data-block="(\w+)"', page)


def test_only_what_changed_by_default(client, member, two_versions):
    client.force_login(member)
    page = compare(client, two_versions, "?a=1&b=2").content.decode()
    assert sorted(shown_blocks(page)) == ["channels", "revenue_streams"]
    assert 'aria-current="page" href="?a=1&amp;b=2&amp;show=changed"' in page
    assert 'href="?a=1&amp;b=2&amp;show=all">แสดงครบทั้ง 9 ช่อง</a>' in page
    # The blocks left out are named, so nothing is hidden without a word.
    unchanged = page[page.index("ช่องที่เหมือนเดิม:") :]
    assert "กลุ่มลูกค้า" in unchanged and "ต้นทุน" in unchanged


def test_all_nine_blocks_on_request(client, member, two_versions):
    client.force_login(member)
    page = compare(client, two_versions, "?a=1&b=2&show=all").content.decode()
    assert len(shown_blocks(page)) == 9
    assert page.count("เหมือนเดิม</span>") == 7
    assert 'aria-current="page" href="?a=1&amp;b=2&amp;show=all"' in page
    assert 'href="?a=1&amp;b=2&amp;show=changed">แสดงเฉพาะช่องที่เปลี่ยน (2 ช่อง)</a>' in page


def test_only_what_changed_can_be_asked_for_explicitly(client, member, two_versions):
    client.force_login(member)
    page = compare(client, two_versions, "?a=1&b=2&show=changed").content.decode()
    assert sorted(shown_blocks(page)) == ["channels", "revenue_streams"]


def test_nothing_changed_shows_all_nine_and_says_so(client, member, two_versions):
    client.force_login(member)
    page = compare(client, two_versions, "?a=2&b=2").content.decode()
    assert len(shown_blocks(page)) == 9
    assert "สองฉบับนี้เหมือนกันทุกช่อง" in page and "show=changed" not in page


def test_the_price_marks_exactly_the_number(client, member, two_versions):
    client.force_login(member)
    page = compare(client, two_versions, "?a=1&b=2").content.decode()
    assert 'ค่าล่องเรือคนละ <del class="diff-del">500</del><ins class="diff-ins">450</ins> บาท' in page


def test_markup_in_a_block_is_escaped(client, member, two_versions):
    client.force_login(member)
    page = compare(client, two_versions, "?a=1&b=2").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;</ins>" in page


def test_links_to_the_review_pages_of_both_versions(client, member, two_versions):
    client.force_login(member)
    page = compare(client, two_versions, "?a=1&b=2").content.decode()
    for number in (1, 2):
        url = reverse("canvases:version_review", args=[two_versions.pk, number])
        assert f'href="{url}">ความเห็นในฉบับที่ {number}</a>' in page


@pytest.mark.parametrize("query", ["?a=1&b=2&show=everything", "?a=1&b=2&show=<b>"])
def test_an_unknown_view_is_bad_input(client, member, two_versions, query):
    client.force_login(member)
    assert compare(client, two_versions, query).status_code == 400


def test_the_version_page_links_to_the_comparison_too(client, member, two_versions):
    client.force_login(member)
    page = client.get(reverse("canvases:version", args=[two_versions.pk, 2])).content.decode()
    compare_url = reverse("canvases:compare", args=[two_versions.pk]) + "?a=1&amp;b=2"
    assert f'href="{compare_url}">เปรียบเทียบกับฉบับที่ 1</a>' in page
    first = client.get(reverse("canvases:version", args=[two_versions.pk, 1])).content.decode()
    assert "เปรียบเทียบกับฉบับที่" not in first
