"""Stories on a 360-px phone: discussed in the comment boxes of their page (the mentor
writes, the leader replies, staff of the region resolve), told as coming from a forum the
group presented at, and deleted through the page that asks first."""

import pytest
from django.core.files.storage import default_storage
from playwright.sync_api import expect

from canvases.models import CommentThread
from programme.models import Story, StoryPhoto
from programme.threads import STORY
from tests import factories
from tests.browser.conftest import sign_in
from tests.browser.journeys import conftest as journeys
from tests.browser.journeys.conftest import fits_width, follow
from tests.factories import TEST_PASSWORD
from tests.programme.story_helpers import add_photo, make_story
from tests.programme.test_forums import make_forum

pytestmark = pytest.mark.django_db(transaction=True)

devices = journeys.devices  # more phones, one per person, as the journeys have them


@pytest.fixture
def assigned(mentor_user, south, group):
    """`mentor`, assigned to the group today: they write its stories."""
    factories.AssignmentFactory(
        mentor=factories.MentorFactory(user=mentor_user, region=south), group=group
    )
    return mentor_user


def story_page(live_server, story) -> str:
    return f"{live_server.url}/programme/stories/{story.pk}/"


def test_a_story_is_discussed_in_its_comment_boxes(
    devices, live_server, group, assigned, leader, staff_south
):
    story = make_story(group, published=False, title="ล่องคลองชมป่าชายเลน")

    mentor = devices.phone().new_page()
    sign_in(mentor, live_server, "mentor", TEST_PASSWORD)
    mentor.goto(story_page(live_server, story))
    threads = mentor.locator("#threads")
    threads.get_by_text("แสดงความเห็นเรื่องนี้").click()
    # Sent empty: refused on a page of its own, the reason beside the field.
    follow(mentor, threads.get_by_role("button", name="ส่งความเห็น"))
    expect(mentor.get_by_text("กรุณาเขียนความเห็นก่อนส่ง")).to_be_visible()
    assert fits_width(mentor)
    mentor.get_by_label("ความเห็น").fill("ขอภาพเรือของชุมชนเพิ่มอีกสักภาพ")
    follow(mentor, mentor.get_by_role("button", name="ส่งความเห็น"))
    expect(mentor.get_by_text("บันทึกความเห็นแล้ว")).to_be_visible()
    thread = CommentThread.objects.get()
    assert (thread.kind, thread.object_id, thread.group_id) == (STORY, story.pk, group.pk)
    expect(mentor.locator(f"#thread-{thread.pk}")).to_contain_text("ขอภาพเรือของชุมชน")
    assert fits_width(mentor)

    # The leader, on their own phone: reads the story and answers beside the comment.
    leader_page = devices.phone().new_page()
    sign_in(leader_page, live_server, "leader", TEST_PASSWORD)
    leader_page.goto(story_page(live_server, story))
    article = leader_page.locator(f"#thread-{thread.pk}")
    expect(article.get_by_text("ขอภาพเรือของชุมชนเพิ่มอีกสักภาพ")).to_be_visible()
    expect(leader_page.get_by_text("แสดงความเห็นเรื่องนี้")).to_have_count(0)  # replies only
    article.get_by_label("ตอบ").fill("จะถ่ายภาพเรือหางยาวมาให้สัปดาห์นี้")
    follow(leader_page, article.get_by_role("button", name="ส่งคำตอบ"))
    expect(leader_page.get_by_text("ส่งคำตอบแล้ว")).to_be_visible()
    expect(leader_page.locator(f"#thread-{thread.pk}")).to_contain_text("เรือหางยาว")
    assert fits_width(leader_page)

    # Staff of the region see both sides and close the thread.
    staff = devices.phone().new_page()
    sign_in(staff, live_server, "staff_south", TEST_PASSWORD)
    staff.goto(story_page(live_server, story))
    article = staff.locator(f"#thread-{thread.pk}")
    expect(article.get_by_text("จะถ่ายภาพเรือหางยาวมาให้สัปดาห์นี้")).to_be_visible()
    follow(staff, article.get_by_role("button", name="แก้แล้ว ปิดเรื่องนี้"))
    expect(staff.get_by_text("ปิดเรื่องนี้แล้ว")).to_be_visible()
    article = staff.locator(f"#thread-{thread.pk}")
    expect(article.get_by_text("แก้แล้ว", exact=True)).to_be_visible()
    expect(article.get_by_role("button", name="เปิดเรื่องนี้อีกครั้ง")).to_be_visible()
    assert fits_width(staff)
    thread.refresh_from_db()
    assert not thread.is_open and thread.resolved_by == staff_south
    assert thread.comments.count() == 2


def test_a_mentor_tells_which_forum_a_story_came_from(
    page, live_server, group, partner_group, assigned
):
    presented = make_forum(group.tambon, [group, partner_group])
    presented.title = "เวทีท่องเที่ยวคลองมะรุ่ย"
    presented.save()
    elsewhere = make_forum(partner_group.tambon, [partner_group])
    elsewhere.title = "เวทีมะละกอคลองพน"
    elsewhere.save()

    sign_in(page, live_server, "mentor", TEST_PASSWORD)
    page.goto(f"{live_server.url}/programme/groups/{group.pk}/stories/new/")
    forum = page.get_by_label("มาจากเวทีแลกเปลี่ยนเรียนรู้")
    # Only the forums the group presented at, and none at all by default.
    expect(forum.locator("option")).to_have_count(2)
    expect(forum.locator("option", has_text="เวทีมะละกอคลองพน")).to_have_count(0)
    expect(forum).to_have_value("")
    assert fits_width(page)

    page.get_by_label("ชื่อเรื่อง").fill("เส้นทางล่องคลองที่ได้จากเวที")
    page.locator("#id_body").fill("กลุ่มเล่าเส้นทางท่องเที่ยวในเวที แล้วเพื่อนกลุ่มช่วยเติม")
    forum.select_option(str(presented.pk))
    follow(page, page.get_by_role("button", name="บันทึกฉบับร่าง"))
    expect(page.get_by_text("บันทึกเรื่องเล่าแล้ว เพิ่มภาพได้ด้านล่าง")).to_be_visible()
    expect(page.get_by_label("มาจากเวทีแลกเปลี่ยนเรียนรู้")).to_have_value(str(presented.pk))
    assert Story.objects.get().forum == presented
    assert fits_width(page)

    # The story names its forum, and the forum lists the story.
    follow(page, page.get_by_role("link", name="ดูเรื่องเล่า"))
    follow(page, page.get_by_role("link", name="เวทีท่องเที่ยวคลองมะรุ่ย"))
    expect(page.get_by_role("heading", name="เวทีท่องเที่ยวคลองมะรุ่ย")).to_be_visible()
    expect(page.get_by_role("link", name="เส้นทางล่องคลองที่ได้จากเวที")).to_be_visible()
    assert fits_width(page)


def test_a_mentor_deletes_a_story_after_being_asked(page, live_server, group, assigned):
    story = make_story(group, published=True, title="เรื่องที่เขียนซ้ำ", author=assigned)
    add_photo(story, caption="ภาพซ้ำ")
    files = [name for row in StoryPhoto.objects.values_list("image", "thumbnail") for name in row]
    kept = make_story(group, published=False, title="เรื่องที่ยังอยู่")

    sign_in(page, live_server, "mentor", TEST_PASSWORD)
    page.goto(f"{live_server.url}/programme/stories/{story.pk}/edit/")
    follow(page, page.get_by_role("link", name="ลบเรื่องเล่านี้"))
    expect(page.get_by_role("heading", name="ลบเรื่องเล่านี้?")).to_be_visible()
    expect(page.get_by_text("เรื่องที่เขียนซ้ำ")).to_be_visible()
    expect(page.get_by_text("จะหายไปจากหน้าสาธารณะด้วย")).to_be_visible()
    assert fits_width(page)

    # Changing one's mind goes back to the editor, the story untouched.
    follow(page, page.get_by_role("link", name="ไม่ลบ กลับไปแก้ไข"))
    expect(page.get_by_role("heading", name="แก้ไขเรื่องเล่า")).to_be_visible()
    assert Story.objects.filter(pk=story.pk).exists()

    follow(page, page.get_by_role("link", name="ลบเรื่องเล่านี้"))
    follow(page, page.get_by_role("button", name="ลบเรื่องเล่า", exact=True))
    expect(page.get_by_text("ลบเรื่องเล่าแล้ว")).to_be_visible()
    expect(page.get_by_role("heading", name="เรื่องเล่าของกลุ่ม")).to_be_visible()
    expect(page.get_by_role("link", name="เรื่องที่ยังอยู่")).to_be_visible()
    expect(page.get_by_role("link", name="เรื่องที่เขียนซ้ำ")).to_have_count(0)
    assert fits_width(page)
    assert list(Story.objects.all()) == [kept] and not StoryPhoto.objects.exists()
    assert files and not any(default_storage.exists(name) for name in files)
