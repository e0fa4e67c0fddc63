import pytest

from mentors.models import FollowUp
from tests import factories
from tests.browser.conftest import sign_in
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_mentor_sees_their_group_and_logs_a_follow_up_on_a_phone(
    page, live_server, mentor_user, south, krabi, group
):
    mentor = factories.MentorFactory(user=mentor_user, region=south, home_province=krabi)
    factories.AssignmentFactory(mentor=mentor, group=group)
    sign_in(page, live_server, "mentor", TEST_PASSWORD)

    assert page.get_by_role("heading", name="กลุ่มที่ฉันเป็นพี่เลี้ยง").is_visible()
    assert page.get_by_role("link", name=group.name).is_visible()
    assert page.get_by_text("ยังไม่เคยบันทึกการติดตาม").is_visible()
    page.get_by_role("link", name="บันทึกการติดตาม", exact=True).last.click()
    page.wait_for_load_state()

    # The phone's date picker is prefilled with today; pick the kind and tell what happened.
    assert page.get_by_label("วันที่").input_value()
    page.get_by_label("โทรศัพท์").check()
    page.get_by_label("สิ่งที่ทำ").fill("โทรคุยเรื่องการแบ่งรายได้ 60:40")
    page.get_by_label("สิ่งที่ตกลงจะทำต่อ").fill("แกนนำนำเข้าเวทีประชุมสมาชิก")
    page.get_by_role("button", name="บันทึก").click()
    page.wait_for_load_state()

    assert page.get_by_text("บันทึกการติดตามแล้ว").is_visible()
    assert page.get_by_text("โทรคุยเรื่องการแบ่งรายได้ 60:40").is_visible()
    assert FollowUp.objects.get().kind == "phone"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_role("link", name="หน้าแรก").click()
    page.wait_for_load_state()
    assert page.get_by_text("ติดตามล่าสุด").is_visible()
