"""Staff set a group up on a phone: its tambon (with htmx and without JavaScript) and its leader."""

import pytest

from communities.models import CommunityGroup
from tests.browser.conftest import PHONE, sign_in
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def _open_new_group_form(page, live_server):
    sign_in(page, live_server, "staff_south", TEST_PASSWORD)
    page.goto(f"{live_server.url}/groups/new/")
    page.get_by_label("ชื่อกลุ่ม").fill("กลุ่มแปรรูปมะละกอ")


def test_typing_ao_luek_offers_the_tambon_and_saves_it(
    page, live_server, real_geography, staff_south
):
    _open_new_group_form(page, live_server)
    page.get_by_label("ค้นหาตำบล").press_sequentially("ao luek", delay=30)

    choice = page.get_by_label("อ่าวลึกใต้ › อ่าวลึก › กระบี่")
    choice.wait_for()  # htmx fills the list while typing; no page load
    assert page.get_by_label("อ่าวลึกเหนือ › อ่าวลึก › กระบี่").is_visible()
    choice.check()
    page.get_by_role("button", name="บันทึก", exact=True).click()
    page.wait_for_load_state()

    assert page.get_by_text("บันทึกกลุ่มเรียบร้อยแล้ว").is_visible()
    assert CommunityGroup.objects.get().tambon_id == "810501"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_without_javascript_a_wrong_province_is_explained_and_the_real_tambon_chosen(
    browser, live_server, real_geography, staff_south
):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    _open_new_group_form(page, live_server)
    page.get_by_label("ค้นหาตำบล").fill("Khuean Bang Lang, Pattani")
    page.get_by_role("button", name="ค้นหาตำบล").click()
    page.wait_for_load_state()

    assert page.get_by_text("ไม่ได้อยู่ในจังหวัดปัตตานี").is_visible()
    assert page.get_by_label("ชื่อกลุ่ม").input_value() == "กลุ่มแปรรูปมะละกอ"
    assert not CommunityGroup.objects.exists()

    page.get_by_label("เขื่อนบางลาง › บันนังสตา › ยะลา").check()
    page.get_by_role("button", name="บันทึก", exact=True).click()
    page.wait_for_load_state()

    assert CommunityGroup.objects.get().tambon.province.name_en == "Yala"
    context.close()


def test_staff_add_a_leader_who_sets_a_password_from_the_link_on_a_phone(
    browser, page, live_server, group, staff_south
):
    sign_in(page, live_server, "staff_south", TEST_PASSWORD)
    page.goto(f"{live_server.url}/groups/{group.pk}/people/new/")
    page.get_by_label("ชื่อ-นามสกุล").fill("ลุงเอก ทะเลงาม")
    page.get_by_label("เบอร์โทรศัพท์มือถือ").fill("089-999-9999")
    page.get_by_role("button", name="เพิ่ม").click()
    page.wait_for_load_state()
    link = page.get_by_label("ลิงก์").input_value()
    assert "/accounts/set-password/" in link

    leader_phone = browser.new_context(viewport=PHONE)
    leader = leader_phone.new_page()
    leader.goto(link)
    leader.locator("#id_new_password1").fill("ล่องคลองมะรุย-2569")
    leader.locator("#id_new_password2").fill("ล่องคลองมะรุย-2569")
    leader.get_by_role("button", name="ตั้งรหัสผ่าน").click()
    leader.wait_for_load_state()
    assert leader.get_by_role("link", name=group.name).is_visible()

    # The link is spent: opened again it says so.
    leader_phone.clear_cookies()
    leader.goto(link)
    assert leader.get_by_text("ลิงก์นี้ใช้ไม่ได้แล้ว").is_visible()
    leader_phone.close()
