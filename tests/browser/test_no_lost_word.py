"""No typed word is lost: the button and the autosave, two leaders, two tabs, a lost session.

Each test here reproduces a way words were lost on a phone (issue findings 1, 2, 3
and 5) and waits on the page's own state, never on a clock.
"""

import pytest

from canvases import services
from canvases.models import BlockChange, Canvas, CanvasStatus
from tests.browser.conftest import PHONE, WAIT_MS, sign_in
from tests.factories import TEST_PASSWORD, THAI_BLOCKS, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

SAVED = "() => document.querySelector('#save-status').dataset.state === 'saved'"


def blocks(canvas):
    return Canvas.objects.get(pk=canvas.pk).blocks


def wait_for_server(page, canvas, key, text):
    """Poll the database while the page's own script goes on (at most WAIT_MS)."""
    for _ in range(WAIT_MS // 200):
        if blocks(canvas).get(key) == text:
            return True
        page.wait_for_timeout(200)
    return False


@pytest.fixture
def canvas(group, leader):
    return services.canvas_create(group=group, by=leader, title="ล่องคลองมะรุย")


@pytest.fixture
def filled(canvas, leader):
    services.canvas_save_blocks(
        canvas=canvas, by=leader, blocks=dict(THAI_BLOCKS), base_revision=0, save_id="fill"
    )
    return canvas


@pytest.fixture
def second_leader(group):
    user = UserFactory(username="leader2", display_name="สมหญิง")
    MembershipFactory(group=group, user=user, role="leader")
    return user


def open_editor(page, live_server, canvas, login="leader"):
    sign_in(page, live_server, login, TEST_PASSWORD)
    page.goto(f"{live_server.url}/canvases/{canvas.pk}/")
    page.wait_for_selector("#canvas-editor")


@pytest.fixture
def two_leaders(browser, live_server, canvas, second_leader):
    """Two phones, each with the editor of the same canvas open: leader, then leader2."""
    contexts = [
        browser.new_context(viewport=PHONE, locale="th-TH", is_mobile=True, has_touch=True)
        for _ in range(2)
    ]
    pages = [context.new_page() for context in contexts]
    open_editor(pages[0], live_server, canvas, "leader")
    open_editor(pages[1], live_server, canvas, "leader2")
    yield pages
    for context in contexts:
        context.close()


def test_typing_then_tapping_save_at_once_saves_without_a_conflict(page, live_server, canvas):
    open_editor(page, live_server, canvas)
    page.locator("textarea[name=key_resources]").fill("ป่าชายเลน คลองมะรุย")
    page.get_by_role("button", name="บันทึก", exact=True).tap()
    page.wait_for_function(SAVED, timeout=WAIT_MS)

    assert page.locator("#conflict-panel").count() == 0
    assert blocks(canvas)["key_resources"] == "ป่าชายเลน คลองมะรุย"


def test_typing_then_tapping_save_and_submit_puts_the_words_in_the_version(
    page, live_server, filled
):
    """Finding 1: in a revision round, the edit to block 6 never reached the next version."""
    open_editor(page, live_server, filled)
    page.locator("textarea[name=key_resources]").fill("ป่าชายเลน และปราชญ์ชาวบ้าน")
    page.get_by_role("button", name="บันทึกและส่งให้พิจารณา").tap()
    # Saved first, then asked to confirm: nothing is sent by the first tap.
    page.wait_for_url(f"**/canvases/{filled.pk}/submit/confirm/")
    assert blocks(filled)["key_resources"] == "ป่าชายเลน และปราชญ์ชาวบ้าน"
    assert Canvas.objects.get(pk=filled.pk).status == CanvasStatus.DRAFT
    page.get_by_role("button", name="ยืนยันส่งให้พิจารณา").tap()
    page.wait_for_url(f"**/canvases/{filled.pk}/")
    page.wait_for_selector("text=ส่งแผนฉบับที่ 1 ให้พิจารณาแล้ว")

    canvas = Canvas.objects.get(pk=filled.pk)
    assert canvas.status == CanvasStatus.SUBMITTED
    assert canvas.versions.get().blocks["key_resources"] == "ป่าชายเลน และปราชญ์ชาวบ้าน"


def test_two_leaders_on_different_blocks_keep_both_texts_with_no_conflict(two_leaders, canvas):
    """Finding 2: B's default choice erased A's acknowledged words."""
    a, b = two_leaders

    a.locator("textarea[name=key_partners]").fill("อบต.อ่าวลึกใต้ และโรงเรียน")
    a.get_by_role("button", name="บันทึก", exact=True).tap()
    a.wait_for_function(SAVED, timeout=WAIT_MS)
    a.close()

    b.locator("textarea[name=cost_structure]").fill("ค่าน้ำมันเรือ")
    b.get_by_role("button", name="บันทึก", exact=True).tap()
    b.wait_for_function(SAVED, timeout=WAIT_MS)

    assert b.locator("#conflict-panel").count() == 0
    stored = blocks(canvas)
    assert stored["key_partners"] == "อบต.อ่าวลึกใต้ และโรงเรียน"
    assert stored["cost_structure"] == "ค่าน้ำมันเรือ"
    # B now sees A's words, and who wrote them, instead of a stale page.
    shown = b.locator("textarea[name=key_partners]").input_value()
    assert shown == "อบต.อ่าวลึกใต้ และโรงเรียน"
    assert "สมศักดิ์ แก้ช่อง" in b.locator("#merge-notes").inner_text()


def test_two_leaders_on_the_same_block_are_offered_both_texts_with_nothing_chosen(
    two_leaders, canvas
):
    a, b = two_leaders
    a.locator("textarea[name=channels]").fill("เพจเฟซบุ๊ก")
    a.get_by_role("button", name="บันทึก", exact=True).tap()
    a.wait_for_function(SAVED, timeout=WAIT_MS)

    b.locator("textarea[name=channels]").fill("ไลน์กลุ่ม")
    b.locator("textarea[name=revenue_streams]").fill("ค่าล่องเรือคนละ 500 บาท")
    b.get_by_role("button", name="บันทึก", exact=True).tap()
    panel = b.locator("#conflict-panel")
    panel.wait_for(timeout=WAIT_MS)

    assert panel.locator("fieldset").count() == 1
    channels = panel.locator('fieldset[data-block="channels"]')
    assert "เพจเฟซบุ๊ก" in channels.locator(".theirs-text").inner_text()
    assert "ไลน์กลุ่ม" in channels.locator(".mine-text").inner_text()
    assert panel.locator("input[type=radio]:checked").count() == 0
    # The block only B changed is saved; the shared one is untouched.
    assert wait_for_server(b, canvas, "revenue_streams", "ค่าล่องเรือคนละ 500 บาท")
    assert blocks(canvas)["channels"] == "เพจเฟซบุ๊ก"

    channels.locator('input[value="mine"]').check()
    panel.get_by_role("button", name="บันทึกตามที่เลือก").tap()
    b.wait_for_function(SAVED, timeout=WAIT_MS)
    assert blocks(canvas)["channels"] == "ไลน์กลุ่ม"
    kept = BlockChange.objects.filter(canvas=canvas, block_key="channels")
    assert set(kept.values_list("text", flat=True)) == {"เพจเฟซบุ๊ก", "ไลน์กลุ่ม"}


def test_signed_out_keeps_its_sign_in_link_while_typing_and_saves_after_signing_in_elsewhere(
    browser, page, phone_context, live_server, canvas
):
    """Finding 3: the next keystroke replaced the sign-in link with "ยังไม่ได้บันทึก"."""
    open_editor(page, live_server, canvas)
    phone_context.clear_cookies(name="sessionid")
    box = page.locator("textarea[name=key_partners]")
    box.fill("อบต.อ่าวลึกใต้")
    page.get_by_role("button", name="บันทึก", exact=True).tap()
    page.wait_for_function(
        "() => document.querySelector('#save-status').dataset.state === 'signed_out'",
        timeout=WAIT_MS,
    )
    box.press_sequentially(" และโรงเรียน")
    assert page.locator("#save-status").get_attribute("data-state") == "signed_out"
    assert page.locator("#save-status a").count() == 1

    other_tab = phone_context.new_page()
    sign_in(other_tab, live_server, "leader", TEST_PASSWORD)
    other_tab.close()
    page.evaluate("window.dispatchEvent(new Event('focus'))")
    page.wait_for_function(SAVED, timeout=WAIT_MS)
    assert blocks(canvas)["key_partners"] == "อบต.อ่าวลึกใต้ และโรงเรียน"


def test_a_save_in_one_tab_keeps_the_other_tabs_unsaved_words(phone_context, live_server, canvas):
    """Finding 5: both tabs shared one stored copy; a save in A deleted B's words."""
    a = phone_context.new_page()
    open_editor(a, live_server, canvas)
    b = phone_context.new_page()
    b.goto(f"{live_server.url}/canvases/{canvas.pk}/")
    b.wait_for_selector("#canvas-editor")

    phone_context.set_offline(True)
    b.locator("textarea[name=channels]").fill("คำของแท็บบี")
    b.locator("textarea[name=customer_segments]").focus()
    b.wait_for_function(
        "() => ['offline','failed'].includes(document.querySelector('#save-status').dataset.state)",
        timeout=WAIT_MS,
    )
    # B stays cut off (its saves fail) while A is back online.
    b.route("**/autosave/", lambda route: route.abort("internetdisconnected"))
    phone_context.set_offline(False)

    a.locator("textarea[name=cost_structure]").fill("คำของแท็บเอ")
    a.get_by_role("button", name="บันทึก", exact=True).tap()
    a.wait_for_function(SAVED, timeout=WAIT_MS)

    stored = a.evaluate("JSON.stringify(localStorage)")
    assert "คำของแท็บบี" in stored
    assert "คำของแท็บเอ" not in stored
    assert blocks(canvas)["cost_structure"] == "คำของแท็บเอ"
    assert blocks(canvas)["channels"] == ""
