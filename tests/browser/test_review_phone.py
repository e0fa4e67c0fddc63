"""A review on phones, end to end: the mentor comments and asks for changes; the leader
finds the thread beside its block in the editor, replies and resolves it.

Set REVIEW_SCREENSHOTS to a folder to keep phone screenshots of the pages.
"""

import os

import pytest

from canvases import services
from canvases.models import CanvasStatus, Comment, CommentThread
from tests import factories
from tests.browser.conftest import PHONE, WAIT_MS, sign_in
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def shot(page, name):
    folder = os.environ.get("REVIEW_SCREENSHOTS")
    if folder:
        page.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=True)


def fits_the_phone(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.fixture
def waiting_canvas(group, leader, mentor_user, south):
    mentor = factories.MentorFactory(user=mentor_user, region=south)
    factories.AssignmentFactory(mentor=mentor, group=group)
    canvas = services.canvas_create(group=group, by=leader, title="ล่องคลองมะรุย")
    services.canvas_save_blocks(
        canvas=canvas,
        by=leader,
        blocks=dict(factories.THAI_BLOCKS),
        base_revision=0,
        save_id="browser-1",
    )
    services.canvas_submit(canvas=canvas, by=leader)
    return canvas


def test_a_mentor_reviews_and_the_leader_answers_on_phones(
    browser, live_server, waiting_canvas, leader
):
    mentor_context = browser.new_context(
        viewport=PHONE, locale="th-TH", is_mobile=True, has_touch=True
    )
    leader_context = browser.new_context(
        viewport=PHONE, locale="th-TH", is_mobile=True, has_touch=True
    )
    try:
        page = mentor_context.new_page()
        page.set_default_timeout(WAIT_MS)
        sign_in(page, live_server, "mentor", TEST_PASSWORD)

        # Home: the queue, above the groups, with the bell telling of the submission.
        assert page.get_by_role("heading", name="แผนที่รอท่านพิจารณา").is_visible()
        assert page.locator(".notification-bell .badge").inner_text() == "1"
        assert page.get_by_text("ส่งมาวันนี้").is_visible()
        page.get_by_role("link", name="ล่องคลองมะรุย — ฉบับที่ 1").click()
        page.wait_for_selector("#block-channels")
        shot(page, "review-page-empty")
        assert fits_the_phone(page)

        # A comment on the channels block itself.
        block = page.locator("#block-channels")
        block.get_by_text("แสดงความเห็นในช่องนี้").click()
        block.get_by_label("ความเห็นในช่องนี้").fill(
            "ลูกค้าต่างชาติจองผ่านไลน์ ลองเพิ่มช่องทางนี้ไหม\n<b>ไม่ใช่ตัวหนา</b>"
        )
        block.get_by_role("button", name="ส่งความเห็น").click()
        page.wait_for_load_state()
        assert page.get_by_text("บันทึกความเห็นแล้ว").is_visible()
        thread = page.locator("#block-channels .thread")
        assert thread.get_by_text("ลูกค้าต่างชาติจองผ่านไลน์").is_visible()
        assert thread.get_by_text("<b>ไม่ใช่ตัวหนา</b>").is_visible()  # shown as text

        # The decision, at the bottom.
        page.get_by_label("ขอให้ปรับแก้").check()
        page.get_by_label("ความเห็นสรุป").fill("เพิ่มช่องทางไลน์ แล้วส่งใหม่ได้เลย")
        page.get_by_role("button", name="บันทึกผลการพิจารณา").click()
        page.wait_for_load_state()
        assert page.get_by_text("บันทึกผลการพิจารณาแล้ว").is_visible()
        shot(page, "review-page-after-decision")
        assert fits_the_phone(page)
        waiting_canvas.refresh_from_db()
        assert waiting_canvas.status == CanvasStatus.CHANGES_REQUESTED

        # The leader: the bell, then the thread beside its block in the editor.
        page = leader_context.new_page()
        page.set_default_timeout(WAIT_MS)
        sign_in(page, live_server, "leader", TEST_PASSWORD)
        assert page.locator(".notification-bell .badge").inner_text() == "2"
        page.goto(f"{live_server.url}/canvases/{waiting_canvas.pk}/")
        page.wait_for_selector("#canvas-editor")
        card = page.locator("#block-channels")
        assert card.locator("textarea[name=channels]").is_visible()
        assert card.get_by_text("ลูกค้าต่างชาติจองผ่านไลน์").is_visible()
        assert card.get_by_text("จากฉบับที่ 1").is_visible()
        card.locator(".thread").scroll_into_view_if_needed()
        shot(page, "editor-with-thread")
        assert fits_the_phone(page)

        card.get_by_placeholder("เขียนตอบ…").fill("เพิ่มไลน์ของกลุ่มแล้วค่ะ")
        card.get_by_role("button", name="ส่งคำตอบ").click()
        page.wait_for_selector("#canvas-editor")
        assert page.get_by_text("ส่งคำตอบแล้ว").is_visible()
        card = page.locator("#block-channels")
        assert card.get_by_text("เพิ่มไลน์ของกลุ่มแล้วค่ะ").is_visible()
        # The editor's autosave ignores the reply box: nothing was saved into a block.
        assert "เพิ่มไลน์ของกลุ่มแล้วค่ะ" not in str(
            type(waiting_canvas).objects.get(pk=waiting_canvas.pk).blocks
        )

        card.get_by_role("button", name="แก้แล้ว ปิดเรื่องนี้").click()
        page.wait_for_selector("#canvas-editor")
        assert page.get_by_text("ปิดเรื่องนี้แล้ว").is_visible()
        assert page.locator("#block-channels .thread").count() == 0
    finally:
        mentor_context.close()
        leader_context.close()

    thread = CommentThread.objects.get()
    assert thread.block_key == "channels" and not thread.is_open and thread.resolved_by == leader
    assert list(Comment.objects.order_by("pk").values_list("author__username", flat=True)) == [
        "mentor",
        "leader",
    ]


def in_view(selector):
    """A function for wait_for_function: the element is wholly on the screen (the page may
    still be scrolling smoothly to the anchor when it has loaded)."""
    return (
        f"() => {{ const el = document.querySelector('{selector}');"
        " if (!el) return false; const r = el.getBoundingClientRect();"
        " return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }"
    )


def test_a_decision_without_its_summary_lands_on_the_form_on_a_phone(
    page, live_server, waiting_canvas
):
    sign_in(page, live_server, "mentor", TEST_PASSWORD)
    page.goto(f"{live_server.url}/canvases/{waiting_canvas.pk}/versions/1/review/")
    page.wait_for_selector("#decision")
    # No smooth scrolling, so where the page lands is measured once it has landed.
    page.emulate_media(reduced_motion="reduce")

    # Asking for changes without saying what: the summary is left empty.
    page.get_by_label("ขอให้ปรับแก้").check()
    page.get_by_role("button", name="บันทึกผลการพิจารณา").click()
    page.wait_for_load_state()
    page.wait_for_selector("#decision-errors")
    shot(page, "review-decision-error")

    # The page opens on the form: the error beside the field and the list of errors are on
    # the screen, the choice stays made, nothing was decided.
    page.wait_for_function(in_view("#id_summary_error"))
    page.wait_for_function(in_view("#decision-errors"))
    # Not hidden under the sticky bar of block links either.
    assert page.evaluate(
        "() => document.querySelector('#decision-title').getBoundingClientRect().top >="
        " document.querySelector('.block-jump').getBoundingClientRect().bottom"
    )
    assert page.locator("#id_summary_error").inner_text() == "กรุณาบอกว่าควรปรับแก้อะไร"
    assert page.get_by_label("ความเห็นสรุป").get_attribute("aria-describedby")
    assert page.get_by_label("ขอให้ปรับแก้").is_checked()
    assert not page.get_by_label("ผ่านการพิจารณา").is_checked()
    assert fits_the_phone(page)
    waiting_canvas.refresh_from_db()
    assert waiting_canvas.status == CanvasStatus.SUBMITTED

    # The link in the list of errors leads to the field; then the decision goes through.
    page.locator("#decision-errors a").click()
    page.get_by_label("ความเห็นสรุป").fill("เพิ่มช่องทางไลน์ แล้วส่งใหม่ได้เลย")
    page.get_by_role("button", name="บันทึกผลการพิจารณา").click()
    page.wait_for_load_state()
    assert page.get_by_text("บันทึกผลการพิจารณาแล้ว").is_visible()
    waiting_canvas.refresh_from_db()
    assert waiting_canvas.status == CanvasStatus.CHANGES_REQUESTED


def test_version_2_leads_to_what_changed_and_to_version_1s_threads_on_a_phone(
    page, live_server, waiting_canvas, leader, mentor_user
):
    from canvases import reviews

    version_1 = waiting_canvas.versions.get(number=1)
    first = reviews.comment_create(
        version=version_1, block_key="revenue_streams", body="ราคาสูงไปไหม", by=mentor_user
    )
    reviews.comment_reply(thread=first.thread, body="ลดเหลือ 450 บาทแล้วค่ะ", by=leader)
    reviews.thread_resolve(thread=first.thread, by=leader)
    reviews.review_decide(
        version=version_1, by=mentor_user, decision="request_changes", summary="ปรับราคา"
    )
    services.canvas_save_blocks(
        canvas=waiting_canvas,
        by=leader,
        blocks={"revenue_streams": "ค่าล่องเรือคนละ 450 บาท"},
        base_revision=waiting_canvas.revision,
        save_id="browser-2",
    )
    services.canvas_submit(canvas=waiting_canvas, by=leader)

    sign_in(page, live_server, "mentor", TEST_PASSWORD)
    page.goto(f"{live_server.url}/canvases/{waiting_canvas.pk}/versions/2/review/")
    page.get_by_role("link", name="เปรียบเทียบกับฉบับที่ 1").click()
    page.wait_for_selector(".compare-block")
    shot(page, "compare-changed-only")
    # Only the block that changed, the new price marked.
    assert page.locator(".compare-block").count() == 1
    assert page.locator(".compare-block ins", has_text="450").is_visible()
    assert fits_the_phone(page)
    page.get_by_role("link", name="แสดงครบทั้ง 9 ช่อง").click()
    page.wait_for_selector(".compare-block >> nth=8")
    assert page.locator(".compare-block").count() == 9
    assert "show=all" in page.url
    assert fits_the_phone(page)

    # Back on version 2: the price block leads to version 1's thread and the leader's answer.
    page.goto(f"{live_server.url}/canvases/{waiting_canvas.pk}/versions/2/review/")
    page.locator("#block-revenue_streams").get_by_role("link", name="ฉบับที่ 1 (1 เรื่อง)").click()
    page.wait_for_selector("#block-threads-revenue_streams-all .thread")
    assert "/versions/1/review/blocks/revenue_streams/?state=all" in page.url
    assert page.get_by_text("ลดเหลือ 450 บาทแล้วค่ะ").is_visible()
    assert fits_the_phone(page)
