"""canvas_save_blocks: merging by block, conflicts only where both changed, the history.

The service trusts its caller (the form normalises and limits the texts, the
access getter checks the leader); input checks are in test_autosave_view.py.
"""

import pytest

from canvases import services
from canvases.models import BlockChange, Canvas, CanvasSave, CanvasStatus
from canvases.services import CanvasRefused, SaveOutcome


def save(canvas, by, blocks, base, save_id, block_bases=None):
    return services.canvas_save_blocks(
        canvas=Canvas.objects.get(pk=canvas.pk),
        by=by,
        blocks=blocks,
        base_revision=base,
        save_id=save_id,
        block_bases=block_bases,
    )


def stored(canvas):
    return Canvas.objects.get(pk=canvas.pk)


def history(canvas, key):
    return list(
        BlockChange.objects.filter(canvas=canvas, block_key=key)
        .order_by("revision")
        .values_list("text", flat=True)
    )


def test_it_stores_the_texts_counts_the_revision_and_keeps_the_history(canvas, leader):
    result = save(canvas, leader, {"customer_segments": "นักท่องเที่ยว"}, 0, "a")

    assert result.outcome is SaveOutcome.SAVED
    assert result.revision == 1
    fresh = stored(canvas)
    assert fresh.blocks["customer_segments"] == "นักท่องเที่ยว"
    assert fresh.blocks["cost_structure"] == ""
    assert fresh.updated_by == leader
    assert CanvasSave.objects.get(canvas=canvas, save_id="a").revision == 1
    change = BlockChange.objects.get(canvas=canvas)
    assert (change.block_key, change.revision, change.text, change.by) == (
        "customer_segments",
        1,
        "นักท่องเที่ยว",
        leader,
    )


def test_two_leaders_on_different_blocks_merge_without_a_conflict(canvas, leader, co_leader):
    """Finding 2: A saves key_partners, then B (still at revision 0) saves cost_structure."""
    a = save(canvas, leader, {"key_partners": "อบต. และโรงเรียน"}, 0, "a")
    b = save(canvas, co_leader, {"cost_structure": "ค่าน้ำมันเรือ"}, 0, "b")

    assert a.outcome is SaveOutcome.SAVED
    assert b.outcome is SaveOutcome.SAVED
    assert b.revision == 2
    fresh = stored(canvas)
    assert fresh.blocks["key_partners"] == "อบต. และโรงเรียน"
    assert fresh.blocks["cost_structure"] == "ค่าน้ำมันเรือ"
    assert [(n.key, n.text, n.by) for n in b.merged] == [
        ("key_partners", "อบต. และโรงเรียน", leader)
    ]


def test_the_plain_form_sends_all_nine_blocks_and_still_merges(canvas, leader, co_leader):
    """A stale full form: blocks it did not touch keep the other leader's text."""
    save(canvas, leader, {"key_partners": "อบต."}, 0, "a")
    nine = dict(stored(canvas).blocks) | {"key_partners": "", "cost_structure": "ค่าเรือ"}

    result = save(canvas, co_leader, nine, 0, "b")

    assert result.outcome is SaveOutcome.SAVED
    fresh = stored(canvas)
    assert fresh.blocks["key_partners"] == "อบต."
    assert fresh.blocks["cost_structure"] == "ค่าเรือ"


def test_my_own_earlier_autosave_is_not_a_conflict(canvas, leader):
    """Finding 1: the button posts from the old revision what the autosave already stored."""
    save(canvas, leader, {"key_resources": "ป่าชายเลน"}, 0, "autosave")

    button = save(canvas, leader, {"key_resources": "ป่าชายเลน"}, 0, "button")

    assert button.outcome is SaveOutcome.SAVED
    assert stored(canvas).blocks["key_resources"] == "ป่าชายเลน"


def test_typing_after_an_autosave_sent_from_the_old_base_is_offered_not_overwritten(canvas, leader):
    save(canvas, leader, {"key_resources": "ป่า"}, 0, "autosave")

    button = save(canvas, leader, {"key_resources": "ป่าชายเลน"}, 0, "button")

    # The tab started from "" and the server holds "ป่า" (its own autosave); both
    # changed the block, so it is offered, never silently dropped or overwritten.
    assert button.outcome is SaveOutcome.CONFLICT
    assert button.conflicts[0].mine == "ป่าชายเลน"
    assert button.conflicts[0].theirs.text == "ป่า"


def test_two_leaders_on_the_same_block_get_a_conflict_with_both_texts(canvas, leader, co_leader):
    save(canvas, leader, {"channels": "หน้าสวน"}, 0, "one")

    result = save(canvas, co_leader, {"channels": "ออนไลน์", "cost_structure": "ค่าส่ง"}, 0, "two")

    assert result.outcome is SaveOutcome.CONFLICT
    (conflict,) = result.conflicts
    assert (conflict.key, conflict.mine, conflict.theirs.text, conflict.theirs.by) == (
        "channels",
        "ออนไลน์",
        "หน้าสวน",
        leader,
    )
    fresh = stored(canvas)
    assert fresh.blocks["channels"] == "หน้าสวน"
    # The block only this save changed is stored at once.
    assert fresh.blocks["cost_structure"] == "ค่าส่ง"
    assert result.revision == fresh.revision == 2
    # A conflict is not a finished save: sending it again is answered the same way.
    assert not CanvasSave.objects.filter(save_id="two").exists()


def test_the_choice_after_a_conflict_is_stored_and_both_texts_stay_in_history(
    canvas, leader, co_leader
):
    save(canvas, leader, {"channels": "หน้าสวน"}, 0, "one")
    conflict = save(canvas, co_leader, {"channels": "ออนไลน์"}, 0, "two")

    chosen = save(canvas, co_leader, {"channels": "หน้าสวน และออนไลน์"}, conflict.revision, "3")

    assert chosen.outcome is SaveOutcome.SAVED
    assert stored(canvas).blocks["channels"] == "หน้าสวน และออนไลน์"
    assert history(canvas, "channels") == ["หน้าสวน", "หน้าสวน และออนไลน์"]


def test_a_per_block_base_makes_a_stale_block_a_conflict_not_an_overwrite(
    canvas, leader, co_leader
):
    """The tab adopted revision 2 for other blocks but still types on channels from 0."""
    save(canvas, leader, {"channels": "หน้าสวน"}, 0, "one")
    save(canvas, leader, {"key_partners": "อบต."}, 1, "two")

    result = save(
        canvas, co_leader, {"channels": "ออนไลน์"}, 0, "three", block_bases={"key_partners": 2}
    )

    assert result.outcome is SaveOutcome.CONFLICT
    assert [c.key for c in result.conflicts] == ["channels"]


def test_a_resent_save_whose_answer_was_lost_is_already_saved(canvas, leader):
    save(canvas, leader, {"channels": "หน้าสวน"}, 0, "lost-answer")
    again = save(canvas, leader, {"channels": "หน้าสวน"}, 0, "lost-answer")

    assert again.outcome is SaveOutcome.ALREADY_SAVED
    assert again.revision == 1
    assert stored(canvas).revision == 1


def test_a_resent_save_is_recognised_even_after_later_saves(canvas, leader):
    save(canvas, leader, {"channels": "หน้าสวน"}, 0, "x")
    save(canvas, leader, {"channels": "หน้าสวน ออนไลน์"}, 1, "y")

    again = save(canvas, leader, {"channels": "หน้าสวน"}, 0, "x")

    assert again.outcome is SaveOutcome.ALREADY_SAVED
    assert stored(canvas).blocks["channels"] == "หน้าสวน ออนไลน์"


def test_the_same_id_with_other_text_is_a_new_save_not_dropped(canvas, leader):
    """Finding 4: a reused id with different words was answered already_saved and lost."""
    save(canvas, leader, {"channels": "หน้าสวน"}, 0, "reused")

    other = save(canvas, leader, {"channels": "หน้าสวน ตลาดนัด"}, 1, "reused")

    assert other.outcome is SaveOutcome.SAVED
    assert stored(canvas).blocks["channels"] == "หน้าสวน ตลาดนัด"


@pytest.mark.parametrize("base", [5, -1, None])
def test_a_forged_revision_is_refused_and_nothing_changes(canvas, leader, base):
    with pytest.raises(CanvasRefused):
        save(canvas, leader, {"channels": "x"}, base, "forged")
    fresh = stored(canvas)
    assert fresh.revision == 0
    assert fresh.blocks["channels"] == ""


def test_a_submitted_canvas_may_not_be_saved(submitted_canvas, leader):
    revision = submitted_canvas.revision
    with pytest.raises(CanvasRefused, match="แก้ไขไม่ได้"):
        save(submitted_canvas, leader, {"channels": "x"}, revision, "late")
    fresh = stored(submitted_canvas)
    assert fresh.status == CanvasStatus.SUBMITTED
    assert fresh.revision == revision


def test_an_unchanged_save_keeps_the_revision_and_writes_no_history(filled_canvas, leader):
    revision = filled_canvas.revision
    before = BlockChange.objects.count()
    result = save(
        filled_canvas, leader, {"channels": filled_canvas.blocks["channels"]}, revision, "same"
    )
    assert result.outcome is SaveOutcome.SAVED
    assert result.revision == revision
    assert BlockChange.objects.count() == before


def test_progress_is_counted_on_save(canvas, leader):
    save(canvas, leader, {"channels": "หน้าสวนและออนไลน์", "cost_structure": "ค่า"}, 0, "p")
    assert stored(canvas).filled_blocks == 1


def test_pruning_keeps_the_newest_text_of_each_block(canvas, leader):
    import datetime

    from django.utils import timezone

    save(canvas, leader, {"channels": "หนึ่ง"}, 0, "1")
    save(canvas, leader, {"channels": "สอง"}, 1, "2")
    later = timezone.now() + datetime.timedelta(days=91)

    changes, saves = services.block_history_prune(now=later)

    assert (changes, saves) == (1, 2)
    assert history(canvas, "channels") == ["สอง"]
