"""The autosave (JSON): one honest status code per outcome, messages in the user's language."""

import pytest
from django.urls import reverse

from canvases import services
from canvases.blocks import MAX_BLOCK_CHARS
from canvases.models import Canvas

AUTOSAVE = {"X-Autosave": "1"}


@pytest.fixture
def url(canvas):
    return reverse("canvases:autosave", args=[canvas.pk])


def test_saved_then_a_resend_is_already_saved(as_leader, canvas, url):
    data = {"base_revision": 0, "save_id": "auto-1", "channels": "หน้าสวน"}
    first = as_leader.post(url, data, headers=AUTOSAVE)
    again = as_leader.post(url, data, headers=AUTOSAVE)

    assert (first.status_code, first.json()["state"], first.json()["revision"]) == (
        200,
        "saved",
        1,
    )
    assert (again.status_code, again.json()["state"]) == (200, "already_saved")
    assert Canvas.objects.get(pk=canvas.pk).revision == 1


def test_a_co_leaders_block_comes_back_merged_with_a_note(as_leader, canvas, url, co_leader):
    services.canvas_save_blocks(
        canvas=canvas, by=co_leader, blocks={"key_partners": "อบต."}, base_revision=0, save_id="t"
    )
    response = as_leader.post(
        url, {"base_revision": 0, "save_id": "m", "cost_structure": "ค่าเรือ"}, headers=AUTOSAVE
    )
    body = response.json()
    assert (response.status_code, body["state"]) == (200, "saved")
    (merged,) = body["merged"]
    assert merged["key"] == "key_partners" and merged["text"] == "อบต."
    assert "สมหญิง" in merged["note"]


def test_a_conflict_answers_409_with_only_that_block_and_nothing_chosen(
    as_leader, canvas, url, co_leader
):
    services.canvas_save_blocks(
        canvas=canvas, by=co_leader, blocks={"channels": "ของเขา"}, base_revision=0, save_id="t"
    )
    response = as_leader.post(
        url,
        {"base_revision": 0, "save_id": "m", "channels": "ของฉัน", "cost_structure": "ค่าเรือ"},
        headers=AUTOSAVE,
    )
    body = response.json()
    assert response.status_code == 409
    assert body["state"] == "conflict"
    assert body["conflicts"] == [{"key": "channels", "theirs": "ของเขา"}]
    assert "ของเขา" in body["html"] and "ของฉัน" in body["html"]
    assert 'name="pick_channels"' in body["html"]
    assert 'name="pick_cost_structure"' not in body["html"]
    assert "checked" not in body["html"]
    blocks = Canvas.objects.get(pk=canvas.pk).blocks
    assert blocks["channels"] == "ของเขา"
    assert blocks["cost_structure"] == "ค่าเรือ"


def test_the_choice_through_autosave_returns_the_stored_texts(as_leader, canvas, url, leader):
    services.canvas_save_blocks(
        canvas=canvas, by=leader, blocks={"channels": "ของเขา"}, base_revision=0, save_id="t"
    )
    response = as_leader.post(
        url,
        {
            "resolve": "1",
            "base_revision": 1,
            "save_id": "r",
            "pick_channels": "edit",
            "mine_channels": "ของฉัน",
            "theirs_channels": "ของเขา",
            "edit_channels": "ของเขาและของฉัน",
        },
        headers=AUTOSAVE,
    )
    assert response.status_code == 200
    assert response.json()["blocks"] == {"channels": "ของเขาและของฉัน"}


def test_too_long_text_answers_400_in_thai(as_leader, canvas, url):
    long_text = "ข" * (MAX_BLOCK_CHARS + 1)
    response = as_leader.post(
        url, {"base_revision": 0, "save_id": "l", "channels": long_text}, headers=AUTOSAVE
    )
    assert response.status_code == 400
    body = response.json()
    assert body["state"] == "invalid"
    assert "ยาวเกิน" in body["errors"]["channels"][0]
    assert Canvas.objects.get(pk=canvas.pk).revision == 0


@pytest.mark.parametrize(
    "save_id", ["y" * 65, "a\x00b", "", "<script>"], ids=["long", "nul", "empty", "markup"]
)
def test_a_bad_save_id_answers_400_in_thai_not_english(as_leader, canvas, url, save_id):
    """Finding 6: these came back as "Ensure this value has at most 64 characters"."""
    response = as_leader.post(
        url, {"base_revision": 0, "save_id": save_id, "channels": "ก"}, headers=AUTOSAVE
    )
    assert response.status_code == 400
    message = response.json()["errors"]["save_id"][0]
    assert "กรุณาโหลดหน้าใหม่" in message
    assert "Ensure" not in message and "Null" not in message


def test_a_body_over_the_limit_answers_413_json(as_leader, canvas, url, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = as_leader.post(
        url, {"base_revision": 0, "save_id": "big", "channels": "ก" * 2000}, headers=AUTOSAVE
    )
    assert response.status_code == 413
    assert response.json()["state"] == "too_large"
    assert "ยาวเกินไป" in response.json()["message"]


def test_a_submitted_canvas_answers_409_refused(as_leader, submitted_canvas):
    url = reverse("canvases:autosave", args=[submitted_canvas.pk])
    response = as_leader.post(
        url,
        {"base_revision": submitted_canvas.revision, "save_id": "z", "channels": "สาย"},
        headers=AUTOSAVE,
    )
    assert response.status_code == 409
    assert response.json()["state"] == "refused"
    assert "แก้ไขไม่ได้" in response.json()["message"]


def test_signed_out_answers_401(client, canvas, url):
    response = client.post(url, {"base_revision": 0, "save_id": "x", "channels": "ก"})
    assert response.status_code == 401
    assert response.json()["state"] == "signed_out"


def test_a_member_gets_403_json_and_an_outsider_404_json(client, canvas, url, member, outsider):
    data = {"base_revision": 0, "save_id": "x", "channels": "ก"}
    client.force_login(member)
    assert client.post(url, data, headers=AUTOSAVE).status_code == 403
    client.force_login(outsider)
    response = client.post(url, data, headers=AUTOSAVE)
    assert response.status_code == 404
    assert response.json()["state"] == "not_found"
    assert Canvas.objects.get(pk=canvas.pk).revision == 0


def test_english_users_get_english_messages(as_leader, canvas, url):
    as_leader.cookies["django_language"] = "en"
    response = as_leader.post(
        url, {"base_revision": 0, "save_id": "y" * 65, "channels": "ก"}, headers=AUTOSAVE
    )
    assert response.status_code == 400
    assert response.json()["message"]
