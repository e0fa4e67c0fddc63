"""Staff add people to a group on a 360-px phone: a new number gets a link that works; a
number that already has an account gets no link, only an invitation the person accepts
on their own home page."""

import pytest

from communities.models import Membership
from tests.browser.conftest import PHONE, sign_in
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSWORD = "ล่องคลองมะรุย-2569"


def _add_person(page, live_server, group, name, phone):
    page.goto(f"{live_server.url}/groups/{group.pk}/people/new/")
    page.get_by_label("ชื่อ-นามสกุล").fill(name)
    page.get_by_label("เบอร์โทรศัพท์มือถือ").fill(phone)
    page.get_by_role("button", name="เพิ่ม").click()
    page.wait_for_load_state()


def _fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_new_number_gets_a_link_and_a_known_one_an_invitation_the_person_accepts(
    browser, page, live_server, group, staff_south, outsider
):
    outsider.phone = "+66873334444"
    outsider.display_name = "ป้าสมใจ"
    outsider.save()
    sign_in(page, live_server, "staff_south", TEST_PASSWORD)

    # A new number: the account is made and its one-time link works.
    _add_person(page, live_server, group, "ลุงเอก ทะเลงาม", "089-999-9999")
    link = page.get_by_label("ลิงก์").input_value()
    assert "/accounts/set-password/" in link
    newcomer_phone = browser.new_context(viewport=PHONE)
    newcomer = newcomer_phone.new_page()
    newcomer.goto(link)
    newcomer.locator("#id_new_password1").fill(NEW_PASSWORD)
    newcomer.locator("#id_new_password2").fill(NEW_PASSWORD)
    newcomer.get_by_role("button", name="ตั้งรหัสผ่าน").click()
    newcomer.wait_for_load_state()
    assert newcomer.get_by_role("link", name=group.name).is_visible()
    newcomer_phone.close()

    # A known number: no link, no name, only an invitation shown by the number typed.
    _add_person(page, live_server, group, "ชื่อที่เจ้าหน้าที่พิมพ์", "087-333-4444")
    assert "/groups/" in page.url and "/link/" not in page.url
    assert page.get_by_text("ระบบส่งคำเชิญให้เจ้าของเบอร์").is_visible()
    assert page.get_by_text("087-333-4444").is_visible()
    assert page.get_by_text("ป้าสมใจ").count() == 0
    assert page.get_by_role("button", name="ยกเลิกคำเชิญ").is_visible()
    assert _fits_the_phone(page)
    assert not Membership.objects.filter(group=group, user=outsider).exists()

    # The person accepts on their home page, on their own phone.
    person_phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    person = person_phone.new_page()
    sign_in(person, live_server, "087-333-4444", TEST_PASSWORD)
    invitations = person.locator("#invitations")
    assert invitations.get_by_text(group.name).is_visible()
    assert _fits_the_phone(person)
    invitations.get_by_role("button", name="ตอบรับ").click()
    person.wait_for_load_state()
    assert person.get_by_text("เข้าร่วม" + group.name).is_visible()
    assert Membership.objects.filter(group=group, user=outsider).exists()
    person_phone.close()

    # Back on the staff phone the person is now a member, the invitation gone.
    page.goto(f"{live_server.url}/groups/{group.pk}/")
    assert page.get_by_text("ป้าสมใจ").is_visible()
    assert page.get_by_role("button", name="ยกเลิกคำเชิญ").count() == 0
