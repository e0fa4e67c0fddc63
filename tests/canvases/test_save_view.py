"""The plain form save (no JavaScript): post, conflict choice, bad input (JSON: autosave)."""

import pytest
from django.urls import reverse

from canvases import services
from canvases.blocks import MAX_BLOCK_CHARS
from canvases.models import Canvas, CanvasStatus


@pytest.fixture
def url(canvas):
    return reverse("canvases:save", args=[canvas.pk])


def test_a_plain_post_saves_and_shows_the_time(as_leader, canvas, url):
    response = as_leader.post(
        url, {"base_revision": 0, "save_id": "a", "channels": "หน้าสวน"}, follow=True
    )
    assert Canvas.objects.get(pk=canvas.pk).blocks["channels"] == "หน้าสวน"
    assert "บันทึกแล้ว" in response.content.decode()


def test_without_javascript_a_conflict_renders_the_choice_and_resolving_saves_it(
    as_leader, canvas, url, leader
):
    services.canvas_save_blocks(
        canvas=canvas,
        by=leader,
        blocks={"channels": "ของเขา", "cost_structure": "ต้นทุนของเขา"},
        base_revision=0,
        save_id="t",
    )
    response = as_leader.post(
        url,
        {"base_revision": 0, "save_id": "m", "channels": "ของฉัน", "cost_structure": "ของฉันเอง"},
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "ท่านกับผู้อื่นแก้ช่องเดียวกัน" in page
    assert "ของเขา" in page and "ของฉัน" in page
    assert " checked" not in page.split('id="conflict-panel"')[1].split("</section>")[0]

    response = as_leader.post(
        url,
        {
            "resolve": "1",
            "base_revision": 1,
            "save_id": "r1",
            "pick_channels": "theirs",
            "mine_channels": "ของฉัน",
            "theirs_channels": "ของเขา",
            "edit_channels": "",
            "pick_cost_structure": "edit",
            "mine_cost_structure": "ของฉันเอง",
            "theirs_cost_structure": "ต้นทุนของเขา",
            "edit_cost_structure": "รวมกันแล้ว",
        },
    )
    assert response.status_code == 302
    blocks = Canvas.objects.get(pk=canvas.pk).blocks
    assert blocks["channels"] == "ของเขา"
    assert blocks["cost_structure"] == "รวมกันแล้ว"


def test_too_long_text_gets_a_clear_message_and_is_kept(as_leader, canvas, url):
    long_text = "ข" * (MAX_BLOCK_CHARS + 1)
    response = as_leader.post(url, {"base_revision": 0, "save_id": "l", "channels": long_text})
    assert response.status_code == 400
    page = response.content.decode()
    assert "ยาวเกิน 5000 ตัวอักษร" in page
    assert long_text in page
    assert Canvas.objects.get(pk=canvas.pk).revision == 0


@pytest.mark.parametrize(
    "data",
    [
        {"base_revision": "abc", "save_id": "x"},
        {"base_revision": "", "save_id": "x"},
        {"base_revision": "99999999999999999999", "save_id": "x"},
        {"base_revision": 0},
        {"base_revision": 0, "save_id": "y" * 200},
        {"base_revision": 7, "save_id": "x"},
    ],
)
def test_bad_input_never_500s_and_changes_nothing(as_leader, canvas, url, data):
    response = as_leader.post(url, {**data, "channels": "ข้อความ"})
    assert response.status_code in (400, 409)
    assert "ข้อความ" in response.content.decode()
    assert Canvas.objects.get(pk=canvas.pk).revision == 0


def test_a_null_byte_is_removed_not_a_crash(as_leader, canvas, url):
    response = as_leader.post(url, {"base_revision": 0, "save_id": "n", "channels": "ก\x00ข"})
    assert response.status_code == 302
    assert Canvas.objects.get(pk=canvas.pk).blocks["channels"] == "กข"


def test_saving_a_submitted_canvas_is_refused_with_the_text_kept(
    as_leader, submitted_canvas, leader
):
    url = reverse("canvases:save", args=[submitted_canvas.pk])
    response = as_leader.post(
        url, {"base_revision": submitted_canvas.revision, "save_id": "z", "channels": "สาย"}
    )
    assert response.status_code == 409
    assert "แก้ไขไม่ได้" in response.content.decode()
    assert Canvas.objects.get(pk=submitted_canvas.pk).status == CanvasStatus.SUBMITTED


def test_save_then_submit_saves_and_asks_for_confirmation_before_sending(as_leader, filled_canvas):
    url = reverse("canvases:save", args=[filled_canvas.pk])
    response = as_leader.post(
        url,
        {
            "base_revision": filled_canvas.revision,
            "save_id": "s",
            "channels": "เพจเฟซบุ๊ก บริษัททัวร์",
            "then_submit": "1",
        },
    )
    assert response["Location"] == reverse("canvases:submit_confirm", args=[filled_canvas.pk])
    assert Canvas.objects.get(pk=filled_canvas.pk).blocks["channels"] == "เพจเฟซบุ๊ก บริษัททัวร์"
    assert not filled_canvas.versions.exists()  # nothing sent before the confirmation
    page = as_leader.get(response["Location"]).content.decode()
    assert "ยืนยันส่งให้พิจารณา" in page
    response = as_leader.post(reverse("canvases:submit", args=[filled_canvas.pk]), follow=True)
    assert "ส่งแผนฉบับที่ 1 ให้พิจารณาแล้ว" in response.content.decode()
    assert filled_canvas.versions.get().blocks["channels"] == "เพจเฟซบุ๊ก บริษัททัวร์"


def test_submitting_an_incomplete_canvas_names_the_empty_blocks(as_leader, canvas):
    response = as_leader.post(reverse("canvases:submit", args=[canvas.pk]), follow=True)
    page = response.content.decode()
    assert "ช่องที่ยังไม่ครบ" in page and "ต้นทุน" in page
    assert Canvas.objects.get(pk=canvas.pk).status == CanvasStatus.DRAFT


def test_get_is_not_allowed(as_leader, url):
    assert as_leader.get(url).status_code == 405


def test_a_choice_sent_without_picking_keeps_everything_and_asks_again(
    as_leader, canvas, url, leader
):
    services.canvas_save_blocks(
        canvas=canvas, by=leader, blocks={"channels": "ของเขา"}, base_revision=0, save_id="t"
    )
    response = as_leader.post(
        url,
        {
            "resolve": "1",
            "base_revision": 1,
            "save_id": "r",
            "mine_channels": "ของฉัน",
            "theirs_channels": "ของเขา",
            "edit_channels": "ที่รวมไว้ครึ่งหนึ่ง",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "กรุณาเลือกว่าจะใช้ข้อความไหนในช่องนี้" in page
    assert "ของฉัน" in page and "ที่รวมไว้ครึ่งหนึ่ง" in page
    assert Canvas.objects.get(pk=canvas.pk).blocks["channels"] == "ของเขา"


def test_a_merged_block_is_named_after_a_plain_save(as_leader, canvas, url, co_leader):
    services.canvas_save_blocks(
        canvas=canvas, by=co_leader, blocks={"key_partners": "อบต."}, base_revision=0, save_id="t"
    )
    response = as_leader.post(
        url, {"base_revision": 0, "save_id": "m", "cost_structure": "ค่าเรือ"}, follow=True
    )
    page = response.content.decode()
    assert "สมหญิง แก้ช่อง “ภาคีหุ้นส่วน”" in page
    assert Canvas.objects.get(pk=canvas.pk).blocks["key_partners"] == "อบต."
