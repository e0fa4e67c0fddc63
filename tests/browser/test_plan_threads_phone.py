import pytest

from canvases.models import CommentThread
from tests import factories
from tests.browser.conftest import PHONE, sign_in
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_mentor_comments_on_the_people_area_the_leader_replies_the_mentor_resolves(
    browser, page, live_server, leader, mentor_user, south, group
):
    mentor = factories.MentorFactory(user=mentor_user, region=south)
    factories.AssignmentFactory(mentor=mentor, group=group)
    plan_url = f"{live_server.url}/programme/groups/{group.pk}/plan/"

    sign_in(page, live_server, "mentor", TEST_PASSWORD)
    page.goto(plan_url)
    people = page.locator('section[aria-labelledby="area-people"]')
    people.get_by_text("แสดงความเห็นเรื่องนี้").click()
    people.get_by_role("button", name="ส่งความเห็น").click()  # empty: refused, beside the field
    page.wait_for_load_state()
    assert page.get_by_text("กรุณาเขียนความเห็นก่อนส่ง").is_visible()
    page.get_by_label("ความเห็น").fill("ควรมีแผนอบรมทำบัญชีครัวเรือนให้สมาชิก")
    page.get_by_role("button", name="ส่งความเห็น").click()
    page.wait_for_load_state()
    assert page.get_by_text("บันทึกความเห็นแล้ว").is_visible()
    thread = CommentThread.objects.get()
    assert (thread.kind, thread.topic) == ("plan_area", "people")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]

    leader_context = browser.new_context(viewport=PHONE, locale="th-TH", is_mobile=True)
    leader_page = leader_context.new_page()
    try:
        sign_in(leader_page, live_server, "leader", TEST_PASSWORD)
        leader_page.goto(plan_url)
        article = leader_page.locator(f"#thread-{thread.pk}")
        assert article.get_by_text("ควรมีแผนอบรมทำบัญชีครัวเรือน").is_visible()
        article.get_by_label("ตอบ").fill("จะจัดอบรมกับ ธกส. เดือนหน้า")
        article.get_by_role("button", name="ส่งคำตอบ").click()
        leader_page.wait_for_load_state()
        assert leader_page.get_by_text("ส่งคำตอบแล้ว").is_visible()
        width = leader_page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"]
    finally:
        leader_context.close()

    page.goto(plan_url)
    article = page.locator(f"#thread-{thread.pk}")
    assert article.get_by_text("จะจัดอบรมกับ ธกส. เดือนหน้า").is_visible()
    article.get_by_role("button", name="แก้แล้ว ปิดเรื่องนี้").click()
    page.wait_for_load_state()
    assert page.get_by_text("ปิดเรื่องนี้แล้ว").is_visible()
    assert page.locator(f"#thread-{thread.pk}").get_by_text("แก้แล้ว", exact=True).is_visible()
    thread.refresh_from_db()
    assert not thread.is_open and thread.resolved_by == mentor_user
    assert thread.comments.count() == 2
