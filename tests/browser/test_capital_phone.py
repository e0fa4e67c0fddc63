import pytest

from canvases import services
from communities.models import CapitalItem
from tests.browser.conftest import PHONE, sign_in
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_leader_lists_two_capital_items_then_sees_them_beside_key_resources_on_a_phone(
    page, live_server, leader, group
):
    canvas = services.canvas_create(group=group, by=leader, title="ล่องเรือชมป่า")
    sign_in(page, live_server, "leader", TEST_PASSWORD)
    page.goto(f"{live_server.url}/programme/groups/{group.pk}/")
    page.get_by_role("link", name="ทุนชุมชนของตำบลอ่าวลึกใต้").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="ทุนชุมชนของตำบลอ่าวลึกใต้").is_visible()

    # Nothing typed in the short text: the Thai error sits beside it, the detail stays.
    page.get_by_label("ประเภททุน").select_option("nature")
    page.get_by_label("รายละเอียด (ถ้ามี)").fill("ริมคลองมะรุย")
    page.get_by_role("button", name="เพิ่มรายการ").click()
    page.wait_for_load_state()
    assert page.get_by_text("กรุณาบอกว่าทุนนี้คืออะไร").first.is_visible()
    assert page.get_by_label("รายละเอียด (ถ้ามี)").input_value() == "ริมคลองมะรุย"

    page.get_by_label("ทุนนี้คืออะไร").fill("ป่าชายเลน 300 ไร่")
    page.get_by_role("button", name="เพิ่มรายการ").click()
    page.wait_for_load_state()
    assert page.get_by_text("เพิ่มทุนชุมชนแล้ว").is_visible()

    page.get_by_label("ประเภททุน").select_option("people")
    page.get_by_label("ทุนนี้คืออะไร").fill("ปราชญ์ทอผ้าบาติก")
    page.get_by_role("button", name="เพิ่มรายการ").click()
    page.wait_for_load_state()
    assert page.locator("#kind-people").get_by_text("ปราชญ์ทอผ้าบาติก", exact=True).is_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    assert CapitalItem.objects.filter(tambon=group.tambon).count() == 2

    page.goto(f"{live_server.url}/canvases/{canvas.pk}/")
    block = page.locator("#block-key_resources")
    prompts = block.locator("details.capital-prompts")
    prompts.locator("summary").click()
    assert prompts.get_by_text("ป่าชายเลน 300 ไร่").is_visible()
    assert prompts.get_by_text("ปราชญ์ทอผ้าบาติก", exact=True).is_visible()
    assert prompts.get_by_text("ทุนคนและภูมิปัญญา").is_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
