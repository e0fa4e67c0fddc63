"""A learning forum's comment boxes on a 360-px phone: under each presenting group, its
mentor writes on the group's part, the group's leader replies and resolves it, and the
other presenting group's people never see that conversation."""

import pytest
from playwright.sync_api import expect

from canvases.models import CommentThread
from programme.threads import FORUM, forum_topic
from tests import factories
from tests.browser.conftest import sign_in
from tests.browser.journeys import conftest as journeys
from tests.browser.journeys.conftest import fits_width, follow
from tests.factories import TEST_PASSWORD
from tests.programme.test_forums import make_forum

pytestmark = pytest.mark.django_db(transaction=True)

devices = journeys.devices  # more phones, one per person, as the journeys have them


def test_a_presenting_groups_part_is_discussed_under_it(
    devices, live_server, south, group, partner_group, mentor_user, leader, partner_leader
):
    factories.AssignmentFactory(
        mentor=factories.MentorFactory(user=mentor_user, region=south), group=group
    )
    forum = make_forum(group.tambon, [group, partner_group])
    forum_url = f"{live_server.url}/programme/forums/{forum.pk}/"

    mentor = devices.phone().new_page()
    sign_in(mentor, live_server, "mentor", TEST_PASSWORD)
    mentor.goto(forum_url)
    part = mentor.locator(f"#forum-group-{group.pk}")
    # A box under the group they mentor only, not under the other presenting group.
    expect(mentor.get_by_text("แสดงความเห็นเรื่องนี้")).to_have_count(1)
    expect(mentor.locator(f"#forum-group-{partner_group.pk}").locator("details")).to_have_count(0)
    part.get_by_text("แสดงความเห็นเรื่องนี้").click()
    part.get_by_label("ความเห็น").fill("เส้นทางล่องเรือที่เล่าในเวที เขียนลงแผนช่องกิจกรรมหลักด้วย")
    follow(mentor, part.get_by_role("button", name="ส่งความเห็น"))
    expect(mentor.get_by_text("บันทึกความเห็นแล้ว")).to_be_visible()
    thread = CommentThread.objects.get()
    assert (thread.kind, thread.object_id) == (FORUM, forum.pk)
    assert (thread.topic, thread.group_id) == (forum_topic(group.pk), group.pk)
    expect(mentor.locator(f"#forum-group-{group.pk} #thread-{thread.pk}")).to_be_visible()
    assert fits_width(mentor)

    leader_page = devices.phone().new_page()
    sign_in(leader_page, live_server, "leader", TEST_PASSWORD)
    leader_page.goto(forum_url)
    article = leader_page.locator(f"#forum-group-{group.pk} #thread-{thread.pk}")
    expect(article.get_by_text("เส้นทางล่องเรือที่เล่าในเวที", exact=False)).to_be_visible()
    article.get_by_label("ตอบ").fill("เพิ่มลงช่องกิจกรรมหลักแล้ว")
    follow(leader_page, article.get_by_role("button", name="ส่งคำตอบ"))
    expect(leader_page.get_by_text("ส่งคำตอบแล้ว")).to_be_visible()
    article = leader_page.locator(f"#thread-{thread.pk}")
    expect(article.get_by_text("เพิ่มลงช่องกิจกรรมหลักแล้ว")).to_be_visible()
    follow(leader_page, article.get_by_role("button", name="แก้แล้ว ปิดเรื่องนี้"))
    expect(leader_page.get_by_text("ปิดเรื่องนี้แล้ว")).to_be_visible()
    expect(
        leader_page.locator(f"#thread-{thread.pk}").get_by_text("แก้แล้ว", exact=True)
    ).to_be_visible()
    assert fits_width(leader_page)
    thread.refresh_from_db()
    assert not thread.is_open and thread.resolved_by == leader
    assert thread.comments.count() == 2

    # The other presenting group's leader reads the forum, not this group's conversation.
    partner = devices.phone().new_page()
    sign_in(partner, live_server, "partner_leader", TEST_PASSWORD)
    partner.goto(forum_url)
    expect(partner.get_by_role("heading", name=forum.title)).to_be_visible()
    expect(partner.get_by_text("เพิ่มลงช่องกิจกรรมหลักแล้ว")).to_have_count(0)
    assert fits_width(partner)
