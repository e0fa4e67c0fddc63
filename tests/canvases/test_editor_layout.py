"""Without JavaScript: a save comes back to the block that changed; boxes fit their text."""

import re

from django.urls import reverse

from canvases.editor import CHARS_PER_LINE, MAX_ROWS, MIN_ROWS, text_rows
from canvases.models import Canvas


def save(client, canvas, **blocks):
    return client.post(
        reverse("canvases:save", args=[canvas.pk]),
        {"base_revision": canvas.revision, "save_id": "x", **blocks},
    )


def test_a_plain_save_returns_to_the_block_that_changed(as_leader, filled_canvas):
    response = save(as_leader, filled_canvas, cost_structure="ค่าน้ำมันเรือ ค่าแรง")
    assert response.status_code == 302
    assert response["Location"] == filled_canvas.get_absolute_url() + "#block-cost_structure"


def test_with_several_changes_it_returns_to_the_first_in_page_order(as_leader, filled_canvas):
    texts = dict(Canvas.objects.get(pk=filled_canvas.pk).blocks)
    # All nine sent, as the plain form does; two of them changed.
    texts["cost_structure"] = "ต้นทุนใหม่ทั้งหมด"
    texts["channels"] = "ขายหน้าสวนและออนไลน์"
    response = save(as_leader, filled_canvas, **texts)
    # Channels comes before cost structure on the phone.
    assert response["Location"].endswith("#block-channels")


def test_a_save_that_changed_nothing_returns_to_the_top(as_leader, filled_canvas):
    texts = dict(Canvas.objects.get(pk=filled_canvas.pk).blocks)
    response = save(as_leader, filled_canvas, **texts)
    assert response["Location"] == filled_canvas.get_absolute_url()


def test_rows_follow_the_length_of_the_text():
    assert text_rows("") == MIN_ROWS
    assert text_rows("สั้น") == MIN_ROWS
    ten_lines = "\n".join(["ก" * CHARS_PER_LINE] * 10)
    assert text_rows(ten_lines) == 11
    assert text_rows("ข" * (CHARS_PER_LINE * 6)) == 7
    assert text_rows("ค" * 100_000) == MAX_ROWS


def test_the_editor_sizes_each_box_to_its_text(as_leader, canvas, leader):
    long_text = "\n".join(f"บรรทัดที่ {n} ขายมะละกอทอดกรอบหน้าสวน" for n in range(12))
    save(as_leader, canvas, value_propositions=long_text)
    page = as_leader.get(canvas.get_absolute_url()).content.decode()
    rows = dict(re.findall(r'<textarea name="(\w+)" cols="\d+" rows="(\d+)"', page))
    assert int(rows["value_propositions"]) >= 12
    assert int(rows["channels"]) == MIN_ROWS


def test_a_choice_after_a_conflict_returns_to_the_block_chosen(as_leader, canvas, leader):
    from canvases import services

    services.canvas_save_blocks(
        canvas=canvas, by=leader, blocks={"key_partners": "ของเขา"}, base_revision=0, save_id="t"
    )
    response = as_leader.post(
        reverse("canvases:save", args=[canvas.pk]),
        {
            "resolve": "1",
            "base_revision": 1,
            "save_id": "r",
            "rev_key_partners": 1,
            "mine_key_partners": "ของฉัน",
            "theirs_key_partners": "ของเขา",
            "edit_key_partners": "",
            "pick_key_partners": "mine",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == canvas.get_absolute_url() + "#block-key_partners"


def _textarea(html: str, key: str) -> str:
    return re.search(rf'<textarea name="{key}"[^>]*>', html).group(0)


def test_each_box_is_described_by_its_questions_and_labelled_by_its_block(as_leader, canvas):
    html = as_leader.get(canvas.get_absolute_url()).content.decode()
    box = _textarea(html, "channels")
    assert 'aria-describedby="q-channels"' in box
    assert 'id="q-channels"' in html
    assert '<label for="id_channels" class="form-label">ช่องทาง</label>' in html
    assert "aria-invalid" not in box


def test_a_refused_plain_save_marks_the_box_and_keeps_the_typed_text(as_leader, filled_canvas):
    response = save(as_leader, filled_canvas, channels="ก<ข" * 2000)
    html = response.content.decode()
    assert response.status_code == 400
    box = _textarea(html, "channels")
    assert 'aria-invalid="true"' in box and "is-invalid" in box
    assert 'aria-describedby="q-channels id_channels_error"' in box
    error = re.search(
        r'<div id="id_channels_error" class="invalid-feedback">(.*?)</div>', html, re.S
    )
    assert "ตัวอักษร" in error.group(1)
    assert "ก&lt;ข" * 2000 in html
