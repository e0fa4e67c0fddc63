"""Journey 1: a new leader's first plan, on phones, in Thai.

Staff add the leader to the group; the leader sets a password from the one-time link,
signs in with the phone number, creates a plan and fills the nine blocks, losing the
connection half-way (the words stay on the phone and reach the server when it returns,
not one lost), and sends the plan for review.
"""

import re

import pytest
from playwright.sync_api import expect

from canvases.blocks import PHONE_ORDER
from canvases.models import Canvas, CanvasStatus
from tests.browser.conftest import WAIT_MS, sign_in
from tests.browser.journeys.conftest import LEADER_WORDS, fits_width, follow
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

JOURNEY = "1-new-leader"
PASSWORD = "ล่องคลองมะรุย-2569"
SAVED = "() => document.querySelector('#save-status').dataset.state === 'saved'"
NOT_SAVED = (
    "() => ['offline', 'failed'].includes(document.querySelector('#save-status').dataset.state)"
)


def stored(canvas) -> dict:
    return Canvas.objects.get(pk=canvas.pk).blocks


def english_lines(page) -> list[str]:
    text = page.get_by_role("main").inner_text()
    return [line for line in text.splitlines() if re.search("[A-Za-z]", line)]


def block_box(page, block):
    return page.get_by_role("textbox", name=str(block.title), exact=True)


def test_staff_add_a_leader_who_fills_a_plan_through_a_lost_connection_and_sends_it(
    devices, live_server, group, staff_south, shots, check_a11y
):
    # Staff add the leader and get the one-time link to send by LINE.
    staff = devices.phone().new_page()
    sign_in(staff, live_server, "staff_south", TEST_PASSWORD)
    staff.goto(f"{live_server.url}/groups/{group.pk}/")
    check_a11y(staff, "group (staff)")
    follow(staff, staff.get_by_role("link", name="เพิ่มแกนนำ/สมาชิก"))
    check_a11y(staff, "add a person")
    staff.get_by_label("ชื่อ-นามสกุล").fill("ป้าจันทร์ ทะเลงาม")
    staff.get_by_label("เบอร์โทรศัพท์มือถือ").fill("089-999-9999")
    assert staff.get_by_label("บทบาทในกลุ่ม").input_value() == "leader"
    follow(staff, staff.get_by_role("button", name="เพิ่ม", exact=True))
    link = staff.get_by_label("ลิงก์").input_value()
    assert "/accounts/set-password/" in link
    assert fits_width(staff)
    check_a11y(staff, "the link")
    shots(staff, "staff-link")

    # The leader opens the link: all Thai, the password rules included.
    phone = devices.phone()
    page = phone.new_page()
    page.goto(link)
    assert page.locator("html").get_attribute("lang") == "th"
    assert page.get_by_role("heading", name="ตั้งรหัสผ่าน").is_visible()
    assert english_lines(page) == []
    check_a11y(page, "set password")
    shots(page, "set-password")
    page.get_by_label(re.compile(r"^\s*รหัสผ่านใหม่")).fill(PASSWORD)
    page.get_by_label(re.compile(r"^\s*ยืนยัน")).fill(PASSWORD)
    follow(page, page.get_by_role("button", name="ตั้งรหัสผ่าน"))
    expect(page.get_by_text("ตั้งรหัสผ่านเรียบร้อย ยินดีต้อนรับ")).to_be_visible()

    # Another day: signed out, the leader signs in with the phone number.
    phone.clear_cookies()
    sign_in(page, live_server, "089-999-9999", PASSWORD)
    assert page.url == f"{live_server.url}/"
    follow(page, page.get_by_role("link", name="แผนธุรกิจเพื่อชุมชนของกลุ่ม"))
    follow(page, page.get_by_role("link", name="สร้างแผนใหม่"))
    page.get_by_label("ชื่อแผน (สินค้าหรือบริการ)").fill("ล่องคลองมะรุย")
    follow(page, page.get_by_role("button", name="สร้างแผน"))
    canvas = Canvas.objects.get(group=group)

    # Four blocks with the signal; saved.
    online, offline = PHONE_ORDER[:4], PHONE_ORDER[4:]
    for block in online:
        block_box(page, block).fill(LEADER_WORDS[block.key])
    block_box(page, offline[0]).focus()  # leaving a block saves it
    page.wait_for_function(SAVED, timeout=WAIT_MS)
    assert all(stored(canvas)[b.key] == LEADER_WORDS[b.key] for b in online)

    # The signal goes: five more blocks, typed; the phone keeps them and says so.
    phone.set_offline(True)
    for block in offline:
        box = block_box(page, block)
        box.fill(LEADER_WORDS[block.key][:-8])
        box.press_sequentially(LEADER_WORDS[block.key][-8:])
    block_box(page, online[0]).focus()
    page.wait_for_function(NOT_SAVED, timeout=WAIT_MS)
    assert page.locator("#save-status").inner_text().startswith("ยังไม่ได้บันทึก")
    assert all(stored(canvas)[b.key] == "" for b in offline)
    check_a11y(page, "editor offline")
    page.locator("#save-status").scroll_into_view_if_needed()
    shots(page, "editor-offline", full_page=False)

    # The signal returns: everything reaches the server, word for word.
    phone.set_offline(False)
    page.wait_for_function(SAVED, timeout=WAIT_MS)
    assert stored(canvas) == LEADER_WORDS
    assert "เขียนครบ 9 จาก 9 ช่อง" in page.locator("#filled-count").inner_text()

    # Send it, after confirming.
    follow(page, page.get_by_role("button", name="บันทึกและส่งให้พิจารณา"))
    check_a11y(page, "confirm sending")
    follow(page, page.get_by_role("button", name="ยืนยันส่งให้พิจารณา"))
    expect(page.get_by_text("ส่งแผนฉบับที่ 1 ให้พิจารณาแล้ว")).to_be_visible()
    assert page.url == f"{live_server.url}/canvases/{canvas.pk}/"
    assert fits_width(page)
    check_a11y(page, "plan submitted")
    shots(page, "submitted")
    canvas.refresh_from_db()
    assert canvas.status == CanvasStatus.SUBMITTED
    assert canvas.versions.get().blocks == LEADER_WORDS
