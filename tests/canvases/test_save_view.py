"""The save view: plain form post, autosave (JSON), conflict choice, bad input."""

import pytest
from django.urls import reverse

from canvases import services
from canvases.blocks import MAX_BLOCK_CHARS
from canvases.models import Canvas, CanvasStatus

AUTOSAVE = {"X-Autosave": "1"}


@pytest.fixture
def url(canvas):
    return reverse("canvases:save", args=[canvas.pk])


@pytest.fixture
def as_leader(client, leader):
    client.force_login(leader)
    return client


def test_a_plain_post_saves_and_shows_the_time(as_leader, canvas, url):
    response = as_leader.post(
        url, {"base_revision": 0, "save_id": "a", "channels": "หน้าสวน"}, follow=True
    )
    assert Canvas.objects.get(pk=canvas.pk).blocks["channels"] == "หน้าสวน"
    assert "บันทึกแล้ว" in response.content.decode()


def test_autosave_answers_json_and_a_resend_is_already_saved(as_leader, canvas, url):
    data = {"base_revision": 0, "save_id": "auto-1", "channels": "หน้าสวน"}
    first = as_leader.post(url, data, headers=AUTOSAVE)
    again = as_leader.post(url, data, headers=AUTOSAVE)

    assert first.json()["state"] == "saved"
    assert first.json()["revision"] == 1
    assert again.status_code == 200
    assert again.json()["state"] == "already_saved"
    assert Canvas.objects.get(pk=canvas.pk).revision == 1


def test_autosave_conflict_returns_the_side_by_side_choice(as_leader, canvas, url, leader):
    services.canvas_save_blocks(
        canvas=canvas, by=leader, blocks={"channels": "ของเขา"}, base_revision=0, save_id="t"
    )
    response = as_leader.post(
        url, {"base_revision": 0, "save_id": "m", "channels": "ของฉัน"}, headers=AUTOSAVE
    )
    body = response.json()
    assert body["state"] == "conflict"
    assert "ของเขา" in body["html"] and "ของฉัน" in body["html"]
    assert 'name="pick_channels"' in body["html"]
    assert Canvas.objects.get(pk=canvas.pk).blocks["channels"] == "ของเขา"


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
    assert "มีคนอื่นบันทึกแผนนี้ก่อนท่าน" in page
    assert "ของเขา" in page and "ของฉัน" in page

    response = as_leader.post(
        url,
        {
            "resolve": "1",
            "base_revision": 1,
            "save_id": "r",
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

    auto = as_leader.post(
        url, {"base_revision": 0, "save_id": "l2", "channels": long_text}, headers=AUTOSAVE
    )
    assert auto.status_code == 400
    assert "channels" in auto.json()["errors"]


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


def test_save_then_submit_in_one_post(as_leader, filled_canvas):
    url = reverse("canvases:save", args=[filled_canvas.pk])
    response = as_leader.post(
        url,
        {
            "base_revision": filled_canvas.revision,
            "save_id": "s",
            "channels": "เพจเฟซบุ๊ก บริษัททัวร์",
            "then_submit": "1",
        },
        follow=True,
    )
    assert "ส่งแผนฉบับที่ 1 ให้พิจารณาแล้ว" in response.content.decode()
    assert filled_canvas.versions.get().blocks["channels"] == "เพจเฟซบุ๊ก บริษัททัวร์"


def test_submitting_an_incomplete_canvas_names_the_empty_blocks(as_leader, canvas):
    response = as_leader.post(reverse("canvases:submit", args=[canvas.pk]), follow=True)
    page = response.content.decode()
    assert "ช่องที่ยังไม่ครบ" in page and "ต้นทุน" in page
    assert Canvas.objects.get(pk=canvas.pk).status == CanvasStatus.DRAFT


def test_get_is_not_allowed(as_leader, url):
    assert as_leader.get(url).status_code == 405
