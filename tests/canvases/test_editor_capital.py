"""The key-resources block of the editor shows the tambon's community capital as prompts."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from communities.models import CapitalKind
from communities.selectors import CAPITAL_PROMPTS_PER_KIND
from tests import factories

pytestmark = pytest.mark.django_db

LETTERS = "กขคงจฉชซญดตถทธนบปผพฟภมยรลวศสหอฮะาิีึืุูเแโใไ่้๊๋ั็์ "


def _editor(client, canvas):
    return client.get(reverse("canvases:detail", args=[canvas.pk]))


def _key_resources_card(html: str) -> str:
    start = html.index('id="block-key_resources"')
    return html[start : html.index("</section>", start)]


def test_it_lists_the_tambons_capital_under_key_resources(client, leader, canvas, ao_luek_tai):
    factories.CapitalItemFactory(tambon=ao_luek_tai, kind=CapitalKind.NATURE, what="ต้นลำพูริมคลอง")
    factories.CapitalItemFactory(tambon=ao_luek_tai, kind=CapitalKind.MONEY, what="กองทุนหมู่บ้าน")
    client.force_login(leader)
    card = _key_resources_card(_editor(client, canvas).content.decode())
    assert "<details" in card
    assert "ทุนชุมชนของตำบลอ่าวลึกใต้" in card
    assert "ต้นลำพูริมคลอง" in card and "กองทุนหมู่บ้าน" in card
    assert "ทุนธรรมชาติและทรัพยากร" in card and "ทุนเงินและกองทุน" in card
    # Kinds without items are not listed.
    assert "ทุนทางสังคม" not in card
    assert reverse("programme:capital", args=[ao_luek_tai.code]) in card


def test_it_gives_a_hint_and_a_link_to_add_when_empty(client, leader, canvas, ao_luek_tai):
    client.force_login(leader)
    card = _key_resources_card(_editor(client, canvas).content.decode())
    assert "ยังไม่มีรายการทุนชุมชน" in card
    assert reverse("programme:capital", args=[ao_luek_tai.code]) + "#add" in card


def test_only_the_key_resources_block_shows_the_prompts(client, leader, canvas, ao_luek_tai):
    factories.CapitalItemFactory(tambon=ao_luek_tai, what="ต้นลำพูริมคลอง")
    client.force_login(leader)
    html = _editor(client, canvas).content.decode()
    assert html.count("ต้นลำพูริมคลอง") == 1
    assert html.count("capital-prompts") == 1


def test_another_tambons_capital_is_not_shown(client, leader, canvas, krabi):
    district = factories.DistrictFactory(province=krabi)
    elsewhere = factories.TambonFactory(district=district, name_th="ตำบลอื่น")
    factories.CapitalItemFactory(tambon=elsewhere, what="น้ำตกของตำบลอื่น")
    client.force_login(leader)
    html = _editor(client, canvas).content.decode()
    assert "น้ำตกของตำบลอื่น" not in html
    assert "ยังไม่มีรายการทุนชุมชน" in html


def test_a_group_in_another_tambon_does_not_see_them(client, ao_luek_tai, krabi):
    from canvases import services

    factories.CapitalItemFactory(tambon=ao_luek_tai, what="ต้นลำพูริมคลอง")
    district = factories.DistrictFactory(province=krabi)
    other_group = factories.CommunityGroupFactory(tambon=factories.TambonFactory(district=district))
    other_leader = factories.UserFactory(username="other_leader")
    factories.MembershipFactory(group=other_group, user=other_leader, role="leader")
    other_canvas = services.canvas_create(group=other_group, by=other_leader, title="อื่น")
    client.force_login(other_leader)
    assert "ต้นลำพูริมคลอง" not in _editor(client, other_canvas).content.decode()


def test_items_are_escaped(client, leader, canvas, ao_luek_tai):
    factories.CapitalItemFactory(tambon=ao_luek_tai, what="<script>alert(1)</script>")
    client.force_login(leader)
    html = _editor(client, canvas).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_at_most_a_few_items_per_kind_and_a_link_to_all(client, leader, canvas, ao_luek_tai):
    for n in range(CAPITAL_PROMPTS_PER_KIND + 3):
        factories.CapitalItemFactory(tambon=ao_luek_tai, what=f"ทุนลำดับ{n:02d}")
    client.force_login(leader)
    card = _key_resources_card(_editor(client, canvas).content.decode())
    shown = re.findall(r"ทุนลำดับ\d\d", card)
    assert shown == [f"ทุนลำดับ{n:02d}" for n in range(CAPITAL_PROMPTS_PER_KIND)]
    assert "ดูทั้งหมด" in card and "อีก 3 รายการ" in card


def test_readers_who_do_not_edit_see_no_prompts(client, member, canvas, ao_luek_tai):
    factories.CapitalItemFactory(tambon=ao_luek_tai, what="ต้นลำพูริมคลอง")
    client.force_login(member)
    assert "ต้นลำพูริมคลอง" not in _editor(client, canvas).content.decode()


def test_the_prompts_cost_one_query_whatever_their_number(client, leader, canvas, ao_luek_tai):
    """0 or 30 items: the same count, and one query more than the editor without them."""
    client.force_login(leader)
    _editor(client, canvas)
    with CaptureQueriesContext(connection) as empty:
        assert _editor(client, canvas).status_code == 200
    kinds = CapitalKind.values
    for n in range(30):
        factories.CapitalItemFactory(tambon=ao_luek_tai, kind=kinds[n % len(kinds)])
    with CaptureQueriesContext(connection) as full:
        assert _editor(client, canvas).status_code == 200
    assert len(full.captured_queries) == len(empty.captured_queries)
    capital_queries = [q for q in full.captured_queries if "communities_capitalitem" in q["sql"]]
    assert len(capital_queries) == 1


def test_a_full_inventory_adds_little_to_the_editors_weight(client, leader, canvas, ao_luek_tai):
    """Sixty items of the longest text: the page shows 25 of them and grows by a few KB."""
    import gzip

    from communities.models import CAPITAL_ITEMS_PER_TAMBON, CAPITAL_WHAT_MAX_CHARS

    client.force_login(leader)
    before = len(gzip.compress(_editor(client, canvas).content, 9))
    kinds = CapitalKind.values
    for n in range(CAPITAL_ITEMS_PER_TAMBON):
        # Letters in an order that hardly compresses: the worst case, not a typical one.
        what = "".join(LETTERS[(n * 31 + i * i * 7 + i) % len(LETTERS)] for i in range(200))
        factories.CapitalItemFactory(
            tambon=ao_luek_tai, kind=kinds[n % len(kinds)], what=what[:CAPITAL_WHAT_MAX_CHARS]
        )
    after = len(gzip.compress(_editor(client, canvas).content, 9))
    print(f"editor compressed: {before} -> {after} bytes")
    assert after - before < 4_000
