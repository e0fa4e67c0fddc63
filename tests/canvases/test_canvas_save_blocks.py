"""canvas_save_blocks: the revision check, idempotent resends, limits and Unicode."""

import pytest

from canvases import services
from canvases.blocks import MAX_BLOCK_CHARS
from canvases.models import Canvas, CanvasSave, CanvasStatus
from canvases.services import CanvasRefused, SaveOutcome


def save(canvas, by, blocks, base, save_id):
    return services.canvas_save_blocks(
        canvas=canvas, by=by, blocks=blocks, base_revision=base, save_id=save_id
    )


def test_it_stores_the_texts_and_counts_the_revision(canvas, leader):
    result = save(canvas, leader, {"customer_segments": "นักท่องเที่ยว"}, 0, "a")

    assert result.outcome is SaveOutcome.SAVED
    assert result.revision == 1
    fresh = Canvas.objects.get(pk=canvas.pk)
    assert fresh.revision == 1
    assert fresh.blocks["customer_segments"] == "นักท่องเที่ยว"
    assert fresh.blocks["cost_structure"] == ""
    assert fresh.updated_by == leader
    assert CanvasSave.objects.get(canvas=canvas, save_id="a").revision == 1


def test_two_clients_from_one_revision_the_second_gets_a_conflict(canvas, leader, group):
    from tests.factories import MembershipFactory, UserFactory

    other_leader = UserFactory(display_name="สมหญิง")
    MembershipFactory(group=group, user=other_leader, role="leader")
    first = Canvas.objects.get(pk=canvas.pk)
    second = Canvas.objects.get(pk=canvas.pk)

    saved = save(first, leader, {"channels": "หน้าสวน"}, 0, "one")
    refused = save(second, other_leader, {"channels": "ออนไลน์"}, 0, "two")

    assert saved.outcome is SaveOutcome.SAVED
    assert refused.outcome is SaveOutcome.CONFLICT
    assert refused.theirs["channels"] == "หน้าสวน"
    assert refused.revision == 1
    assert refused.updated_by == leader
    fresh = Canvas.objects.get(pk=canvas.pk)
    assert fresh.blocks["channels"] == "หน้าสวน"
    assert fresh.revision == 1
    assert not CanvasSave.objects.filter(save_id="two").exists()


def test_a_resent_save_whose_answer_was_lost_is_already_saved_not_a_conflict(canvas, leader):
    save(canvas, leader, {"channels": "หน้าสวน"}, 0, "lost-answer")
    again = save(Canvas.objects.get(pk=canvas.pk), leader, {"channels": "หน้าสวน"}, 0, "lost-answer")

    assert again.outcome is SaveOutcome.ALREADY_SAVED
    assert again.revision == 1
    assert Canvas.objects.get(pk=canvas.pk).revision == 1


def test_a_resent_save_is_recognised_even_after_later_saves(canvas, leader):
    save(canvas, leader, {"channels": "หน้าสวน"}, 0, "x")
    save(canvas, leader, {"channels": "หน้าสวน ออนไลน์"}, 1, "y")

    again = save(canvas, leader, {"channels": "หน้าสวน"}, 0, "x")

    assert again.outcome is SaveOutcome.ALREADY_SAVED
    assert Canvas.objects.get(pk=canvas.pk).blocks["channels"] == "หน้าสวน ออนไลน์"


@pytest.mark.parametrize("base", [5, -1, None])
def test_a_forged_revision_is_refused_and_nothing_changes(canvas, leader, base):
    with pytest.raises(CanvasRefused):
        save(canvas, leader, {"channels": "x"}, base, "forged")
    fresh = Canvas.objects.get(pk=canvas.pk)
    assert fresh.revision == 0
    assert fresh.blocks["channels"] == ""


@pytest.mark.parametrize("save_id", ["", "x" * 65])
def test_a_missing_or_oversized_save_id_is_refused(canvas, leader, save_id):
    with pytest.raises(CanvasRefused):
        save(canvas, leader, {"channels": "x"}, 0, save_id)


def test_an_unknown_block_is_refused(canvas, leader):
    with pytest.raises(CanvasRefused):
        save(canvas, leader, {"status": "approved"}, 0, "bad-key")


def test_5000_characters_fit_and_5001_are_refused(canvas, leader):
    ok = "ก" * MAX_BLOCK_CHARS
    save(canvas, leader, {"channels": ok}, 0, "ok")
    assert Canvas.objects.get(pk=canvas.pk).blocks["channels"] == ok

    with pytest.raises(CanvasRefused, match="ช่องทาง"):
        save(canvas, leader, {"channels": ok + "ข"}, 1, "too-long")
    assert Canvas.objects.get(pk=canvas.pk).revision == 1


def test_any_unicode_is_kept_as_typed_minus_control_characters(canvas, leader):
    typed = "น้ำ\u200bใส 🌊 ผู้\u200dใหญ่\r\nบรรทัดสอง\tแท็บ\x00\x07\x1b\x7f\x85"
    save(canvas, leader, {"value_propositions": typed}, 0, "u")

    stored = Canvas.objects.get(pk=canvas.pk).blocks["value_propositions"]
    assert stored == "น้ำ\u200bใส 🌊 ผู้\u200dใหญ่\nบรรทัดสอง\tแท็บ"


def test_html_is_stored_as_typed(canvas, leader):
    typed = '<script>alert("x")</script><b>ตัวหนา</b>'
    save(canvas, leader, {"channels": typed}, 0, "html")
    assert Canvas.objects.get(pk=canvas.pk).blocks["channels"] == typed


def test_a_member_may_not_save(canvas, member):
    with pytest.raises(CanvasRefused):
        save(canvas, member, {"channels": "x"}, 0, "member")
    assert Canvas.objects.get(pk=canvas.pk).revision == 0


def test_a_submitted_canvas_may_not_be_saved(submitted_canvas, leader):
    revision = submitted_canvas.revision
    with pytest.raises(CanvasRefused, match="แก้ไขไม่ได้"):
        save(submitted_canvas, leader, {"channels": "x"}, revision, "late")
    fresh = Canvas.objects.get(pk=submitted_canvas.pk)
    assert fresh.status == CanvasStatus.SUBMITTED
    assert fresh.revision == revision


def test_an_unchanged_save_keeps_the_revision(filled_canvas, leader):
    revision = filled_canvas.revision
    result = save(
        filled_canvas, leader, {"channels": filled_canvas.blocks["channels"]}, revision, "same"
    )
    assert result.outcome is SaveOutcome.SAVED
    assert result.revision == revision


def test_progress_is_counted_on_save(canvas, leader):
    save(canvas, leader, {"channels": "หน้าสวนและออนไลน์", "cost_structure": "ค่า"}, 0, "p")
    assert Canvas.objects.get(pk=canvas.pk).filled_blocks == 1
