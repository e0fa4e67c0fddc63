import pytest

from programme.models import Result
from tests import factories
from tests.browser.conftest import PHONE, sign_in
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_leader_enters_a_quarter_the_mentor_confirms_and_the_chart_shows_on_a_phone(
    browser, page, live_server, leader, mentor_user, south, group
):
    mentor = factories.MentorFactory(user=mentor_user, region=south)
    factories.AssignmentFactory(mentor=mentor, group=group)

    sign_in(page, live_server, "leader", TEST_PASSWORD)
    page.goto(f"{live_server.url}/groups/{group.pk}/")
    assert page.get_by_role("heading", name="ขั้นตอนการพัฒนาของกลุ่ม").is_visible()
    page.get_by_role("link", name="ผลลัพธ์ของแผน").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="บันทึกผลลัพธ์ช่วงใหม่").click()
    page.wait_for_load_state()

    # The period is prefilled with the quarter running today; 60:40 is prefilled too.
    page.get_by_label("รายได้จากกิจกรรม (บาท)").fill("-500")
    page.get_by_label("ต้นทุน (บาท)").fill("4,500")
    page.get_by_label("สมาชิกที่มีรายได้จากกิจกรรม (คน)").fill("12")
    page.get_by_label("ครัวเรือนที่มีรายได้จากกิจกรรม").fill("9")
    page.get_by_label("หน้าฟาร์ม").check()
    page.get_by_role("button", name="บันทึกผลลัพธ์").click()
    page.wait_for_load_state()
    assert page.get_by_text("ต้องไม่ติดลบ").is_visible()
    assert page.get_by_label("ต้นทุน (บาท)").input_value() == "4,500"
    assert not Result.objects.exists()

    page.get_by_label("รายได้จากกิจกรรม (บาท)").fill("12,500")
    page.get_by_role("button", name="บันทึกผลลัพธ์").click()
    page.wait_for_load_state()
    assert page.get_by_text("บันทึกผลลัพธ์แล้ว").is_visible()
    assert page.get_by_text("รอพี่เลี้ยงยืนยัน").first.is_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    result = Result.objects.get()

    mentor_context = browser.new_context(viewport=PHONE, locale="th-TH", is_mobile=True)
    mentor_page = mentor_context.new_page()
    try:
        sign_in(mentor_page, live_server, "mentor", TEST_PASSWORD)
        mentor_page.goto(f"{live_server.url}/programme/groups/{group.pk}/results/")
        mentor_page.get_by_role("button", name=f"ยืนยันผลลัพธ์ {result.period.label}").click()
        mentor_page.wait_for_load_state()
        assert mentor_page.get_by_text("พี่เลี้ยงยืนยันแล้ว").first.is_visible()
        chart = mentor_page.locator('svg[aria-labelledby="chart-1-title"]')
        assert chart.is_visible()
        assert chart.bounding_box()["width"] <= PHONE["width"]
        assert mentor_page.get_by_role("cell", name="12,500").is_visible()
        width = mentor_page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"]
    finally:
        mentor_context.close()
    result.refresh_from_db()
    assert result.confirmed_by == mentor_user
