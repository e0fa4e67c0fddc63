"""Journey 2: a review round between the assigned mentor (on a laptop) and the leader
(on a phone).

The mentor finds the plan in the queue, comments on two blocks and asks for changes;
the leader finds each comment beside its block, revises both blocks, replies and sends
the plan again; the mentor compares the two versions and approves.
"""

import re

import pytest
from playwright.sync_api import expect

from canvases.blocks import BLOCKS_BY_KEY
from canvases.models import CanvasStatus, Comment
from tests.browser.conftest import WAIT_MS, sign_in
from tests.browser.journeys.conftest import LEADER_WORDS, fits_width, follow
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

JOURNEY = "2-review-round"
SAVED = "() => document.querySelector('#save-status').dataset.state === 'saved'"
COMMENTS = {
    "channels": "ลูกค้าต่างชาติจองผ่านไลน์ ลองเพิ่มช่องทางนี้ไหม",
    "revenue_streams": "ค่าล่องเรือคนละเท่าไร เขียนราคาไว้ด้วย",
}
ADDED = {
    "channels": " และไลน์ของกลุ่มสำหรับลูกค้าต่างชาติ",
    "revenue_streams": " ค่าล่องเรือคนละ 500 บาท",
}


def block(page, key):
    """A block's card, found as a person finds it: by its number and title."""
    b = BLOCKS_BY_KEY[key]
    return page.get_by_role("region", name=f"{b.phone_order} {b.title}", exact=True)


def test_a_mentor_asks_for_changes_the_leader_revises_and_the_mentor_approves(
    devices, live_server, submitted_canvas, shots, check_a11y
):
    canvas = submitted_canvas

    # The mentor, at a laptop: the plan waits in the queue on the home page.
    mentor = devices.laptop().new_page()
    sign_in(mentor, live_server, "mentor", TEST_PASSWORD)
    expect(mentor.get_by_role("heading", name="แผนที่รอท่านพิจารณา")).to_be_visible()
    check_a11y(mentor, "mentor home")
    follow(mentor, mentor.get_by_role("link", name="ล่องคลองมะรุย — ฉบับที่ 1"))
    check_a11y(mentor, "mentor-review-v1")
    shots(mentor, "mentor-review-v1")

    for key, words in COMMENTS.items():
        card = block(mentor, key)
        card.get_by_text("แสดงความเห็นในช่องนี้").click()
        card.get_by_label("ความเห็นในช่องนี้").fill(words)
        follow(mentor, card.get_by_role("button", name="ส่งความเห็น"))
        expect(mentor.get_by_text("บันทึกความเห็นแล้ว")).to_be_visible()
        expect(block(mentor, key).get_by_text(words)).to_be_visible()

    mentor.get_by_label("ขอให้ปรับแก้").check()
    mentor.get_by_label("ความเห็นสรุป").fill("เพิ่มช่องทางไลน์และราคา แล้วส่งใหม่ได้เลย")
    follow(mentor, mentor.get_by_role("button", name="บันทึกผลการพิจารณา"))
    expect(mentor.get_by_text("บันทึกผลการพิจารณาแล้ว")).to_be_visible()
    canvas.refresh_from_db()
    assert canvas.status == CanvasStatus.CHANGES_REQUESTED

    # The leader, on a phone: each comment beside its block in the editor.
    leader = devices.phone().new_page()
    sign_in(leader, live_server, "leader", TEST_PASSWORD)
    follow(leader, leader.get_by_role("link", name="แผนธุรกิจเพื่อชุมชนของกลุ่ม"))
    follow(leader, leader.get_by_role("link", name="ล่องคลองมะรุย"))
    # The mentor's summary on top, with the blocks still discussed.
    asked = leader.locator("#changes-asked")
    expect(asked.get_by_text("เพิ่มช่องทางไลน์และราคา แล้วส่งใหม่ได้เลย")).to_be_visible()
    for key in COMMENTS:
        expect(
            asked.get_by_role("link", name=re.compile(str(BLOCKS_BY_KEY[key].title)))
        ).to_be_visible()
    for key, words in COMMENTS.items():
        card = block(leader, key)
        expect(card.get_by_text(words)).to_be_visible()
        expect(card.get_by_role("textbox", name=str(BLOCKS_BY_KEY[key].title))).to_be_visible()
    block(leader, "channels").get_by_text(COMMENTS["channels"]).scroll_into_view_if_needed()
    assert fits_width(leader)
    check_a11y(leader, "leader-editor-with-comments")
    shots(leader, "leader-editor-with-comments", full_page=False)

    # Revises both blocks (saved), then answers the mentor on the first.
    for key, words in ADDED.items():
        block(leader, key).get_by_role("textbox", name=str(BLOCKS_BY_KEY[key].title)).press(
            "Control+End"
        )
        leader.keyboard.type(words)
    leader.get_by_role("button", name="บันทึก", exact=True).click()
    leader.wait_for_function(SAVED, timeout=WAIT_MS)
    reply = "เพิ่มไลน์ของกลุ่มและราคาแล้วค่ะ"
    block(leader, "channels").get_by_role("textbox", name="ตอบ").fill(reply)
    follow(leader, block(leader, "channels").get_by_role("button", name="ส่งคำตอบ"))
    expect(block(leader, "channels").get_by_text(reply)).to_be_visible()

    # Sends it again, after confirming.
    follow(leader, leader.get_by_role("button", name="บันทึกและส่งให้พิจารณา"))
    follow(leader, leader.get_by_role("button", name="ยืนยันส่งให้พิจารณา"))
    expect(leader.get_by_text("ส่งแผนฉบับที่ 2 ให้พิจารณาแล้ว")).to_be_visible()
    version2 = canvas.versions.get(number=2)
    for key, words in ADDED.items():
        assert version2.blocks[key] == LEADER_WORDS[key] + words

    # The mentor: version 2 in the queue, the leader's answer beside its block.
    mentor.goto(f"{live_server.url}/")  # the portal opened again, as from a bookmark
    follow(mentor, mentor.get_by_role("link", name="ล่องคลองมะรุย — ฉบับที่ 2"))
    expect(block(mentor, "channels").get_by_text(reply)).to_be_visible()

    # The comparison with version 1, from the review page: only the blocks that changed.
    follow(mentor, mentor.get_by_role("link", name="เปรียบเทียบกับฉบับที่ 1"))
    expect(mentor.get_by_role("heading", name="เทียบฉบับที่ 1 กับฉบับที่ 2")).to_be_visible()
    for key, words in ADDED.items():
        title = BLOCKS_BY_KEY[key].title
        changed = mentor.get_by_role("heading", name=re.compile(f"{title}\\s*มีการเปลี่ยนแปลง"))
        expect(changed).to_be_visible()
        expect(mentor.get_by_role("insertion").filter(has_text=words.strip())).to_be_visible()
    assert mentor.locator(".compare-block").count() == len(ADDED)
    check_a11y(mentor, "mentor-compare")
    shots(mentor, "mentor-compare")

    # Back to the review page of version 2: approved.
    plan_menu = mentor.get_by_role("navigation", name="เมนูของแผน")
    follow(mentor, plan_menu.get_by_role("link", name="ความเห็นและการพิจารณา"))
    mentor.get_by_label("ผ่านการพิจารณา", exact=True).check()
    mentor.get_by_label("ความเห็นสรุป").fill("ครบถ้วน ผ่านค่ะ")
    follow(mentor, mentor.get_by_role("button", name="บันทึกผลการพิจารณา"))
    expect(mentor.get_by_text("บันทึกผลการพิจารณาแล้ว")).to_be_visible()
    check_a11y(mentor, "mentor-approved")
    shots(mentor, "mentor-approved")

    canvas.refresh_from_db()
    assert canvas.status == CanvasStatus.APPROVED
    assert Comment.objects.filter(thread__canvas=canvas).count() == 3
