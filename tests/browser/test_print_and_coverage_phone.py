"""On a 360-px phone: a canvas's print view is one column without horizontal scroll, and the
mentors' coverage page (a region, and the whole country) fits the screen too.

Set PRINT_COVERAGE_SCREENSHOTS to a folder to keep phone screenshots of the pages.
"""

import os

import pytest
from django.urls import reverse

from canvases import services
from tests import factories
from tests.browser.conftest import PHONE, sign_in
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def shot(page, name):
    folder = os.environ.get("PRINT_COVERAGE_SCREENSHOTS")
    if folder:
        page.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=True)


def scroll_width(page) -> int:
    return page.evaluate("() => document.documentElement.scrollWidth")


def test_the_print_view_is_one_column_on_a_phone(page, live_server, leader, group):
    canvas = services.canvas_create(group=group, by=leader, title="ล่องคลองมะรุย")
    services.canvas_save_blocks(
        canvas=canvas,
        by=leader,
        blocks={**dict(factories.THAI_BLOCKS), "channels": "เพจเฟซบุ๊ก " * 80},
        base_revision=0,
        save_id="phone",
    )
    sign_in(page, live_server, "leader", TEST_PASSWORD)
    page.goto(live_server.url + reverse("canvases:print", args=[canvas.pk]))
    shot(page, "print")
    assert scroll_width(page) <= PHONE["width"]
    boxes = [cell.bounding_box() for cell in page.locator("td.cell").all()]
    assert len(boxes) == 9
    # One column: every block starts at the same left edge, one below the other.
    assert len({round(box["x"]) for box in boxes}) == 1
    assert all(box["x"] + box["width"] <= PHONE["width"] for box in boxes)
    tops = sorted(box["y"] for box in boxes)
    assert all(b >= a + 10 for a, b in zip(tops, tops[1:], strict=False))
    # In the order the editor shows them on a phone.
    titles = page.locator("td.cell .cell-title").all()
    by_top = sorted(zip(boxes, titles, strict=True), key=lambda pair: pair[0]["y"])
    numbers = [int(title.inner_text().split(".")[0]) for _box, title in by_top]
    assert numbers == list(range(1, 10))
    assert page.get_by_text("สถานะ: ฉบับร่าง").is_visible()


@pytest.mark.parametrize("persona", ["staff_south", "national_staff"])
def test_the_coverage_page_fits_a_phone(page, live_server, request, persona, krabi, group, north):
    user = request.getfixturevalue(persona)
    empty = factories.ProvinceFactory(code="86", name_th="ชุมพร", region=krabi.region)
    chiang_mai = factories.ProvinceFactory(code="50", name_th="เชียงใหม่", region=north)
    tambon = factories.TambonFactory(district=factories.DistrictFactory(province=chiang_mai))
    factories.CommunityGroupFactory(tambon=tambon, name="กลุ่มเชียงใหม่")
    sign_in(page, live_server, user.username, TEST_PASSWORD)
    page.goto(live_server.url + reverse("mentors:coverage"))
    assert page.locator(f'li[data-code="{empty.code}"]').inner_text().count("ยังไม่มีกลุ่ม") == 1
    assert page.get_by_role("table").count() >= 1
    shot(page, f"coverage-{persona}")
    assert scroll_width(page) <= PHONE["width"]
    if persona == "national_staff":
        assert page.locator('li[data-code="50"]').is_visible()
        page.get_by_role("link", name="ดูเฉพาะภาคนี้").first.click()
        page.wait_for_load_state()
        assert scroll_width(page) <= PHONE["width"]


def test_a_mentor_assigned_on_a_phone_counts_on_the_coverage_at_once(
    page, live_server, staff_south, south, group
):
    """The coverage's counts come from rows PostgreSQL rewrites with the assignment: the
    staff member who assigns a mentor sees the province's tile change on the next load."""
    mentor = factories.MentorFactory(region=south, user__display_name="พี่สมศรี")
    sign_in(page, live_server, staff_south.username, TEST_PASSWORD)
    page.goto(live_server.url + reverse("mentors:coverage"))
    krabi = page.locator(f'li[data-code="{group.province_code}"]')
    assert "ไม่มีพี่เลี้ยง 1 จาก 1 กลุ่ม" in krabi.inner_text()
    page.goto(live_server.url + reverse("mentors:group_assign", args=[group.pk]))
    page.get_by_label("พี่เลี้ยง").select_option(str(mentor.pk))
    page.get_by_role("button", name="มอบหมาย").click()
    page.wait_for_load_state()
    assert page.get_by_text("มอบหมาย พี่สมศรี ดูแล").is_visible()
    page.goto(live_server.url + reverse("mentors:coverage"))
    assert "ไม่มีพี่เลี้ยง 0 จาก 1 กลุ่ม" in krabi.inner_text()
    assert scroll_width(page) <= PHONE["width"]
