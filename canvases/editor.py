"""What the editor page shows, shared by the plain form view and the autosave view.

Presentation only: the editor's cards, the conflict panel and the notes on
blocks merged from a co-leader. Rules live in `services` and `access`.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from canvases import access, reviews, selectors
from canvases.blocks import BLOCKS, MIN_FILLED_CHARS, PHONE_ORDER, PROGRESS_LABELS, block_progress
from canvases.forms import BlocksForm, new_save_id


def clock(value) -> str:
    return timezone.localtime(value).strftime("%H:%M")


def merged_notes(merged) -> list[str]:
    """One line per block a co-leader changed that this save merged silently."""
    return [
        _("%(name)s แก้ช่อง “%(block)s” เมื่อ %(clock)s น. ข้อความใหม่แสดงในช่องแล้ว")
        % {
            "name": news.by.name if news.by else "",
            "block": news.block.title,
            "clock": clock(news.at),
        }
        for news in merged
    ]


def conflict_rows(conflicts) -> list[dict]:
    """The panel's rows from a save's conflicts: both texts, nothing chosen."""
    return [
        {
            "block": conflict.block,
            "mine": conflict.mine,
            "theirs": conflict.theirs.text,
            # A start for merging by hand: both texts, one after the other.
            "edit": f"{conflict.mine}\n\n{conflict.theirs.text}",
            "by": conflict.theirs.by,
            "at": conflict.theirs.at,
            "pick": "",
            "errors": [],
        }
        for conflict in conflicts
    ]


def conflict_rows_from_form(form) -> list[dict]:
    """The panel's rows again after a choice was sent incomplete: what was typed stays."""
    return [
        {
            "block": block,
            "mine": form.data.get(f"mine_{block.key}", ""),
            "theirs": form.data.get(f"theirs_{block.key}", ""),
            "edit": form.data.get(f"edit_{block.key}", ""),
            "by": None,
            "at": None,
            "pick": form.data.get(f"pick_{block.key}", ""),
            "errors": form.errors.get(f"pick_{block.key}", []),
        }
        for block in BLOCKS
        if block.key in form.keys
    ]


def conflict_context(canvas, rows, revision) -> dict:
    return {"canvas": canvas, "rows": rows, "revision": revision, "save_id": new_save_id()}


def editor_context(request, canvas, form=None, conflict=None) -> dict:
    """The canvas page: the nine cards, the open threads beside their blocks, the timeline."""
    can_edit = access.can_edit_canvas(request.user, canvas)
    editing = can_edit and canvas.is_editable
    if editing and form is None:
        form = BlocksForm(
            initial={"base_revision": canvas.revision, "save_id": new_save_id(), **canvas.blocks}
        )
    # Open threads of every version, beside their block: what is left to fix, and where.
    threads = selectors.open_threads_of_canvas(canvas)
    reviews.prepare_threads(threads, request.user)
    cards = []
    for block in PHONE_ORDER:
        text = form[block.key].value() if editing else canvas.text(block.key)
        progress = block_progress(text or "")
        cards.append(
            {
                "block": block,
                "field": form[block.key] if editing else None,
                "text": text,
                "progress": progress,
                "progress_label": PROGRESS_LABELS[progress],
                "threads": threads[block.key],
            }
        )
    can_review = access.can_review_canvas(request.user, canvas)
    return {
        "canvas": canvas,
        "group": canvas.group,
        "form": form,
        "cards": cards,
        "editing": editing,
        "can_edit": can_edit,
        "can_review": can_review,
        "can_take_part": can_review or can_edit,
        "all_threads": [t for block_threads in threads.values() for t in block_threads],
        "timeline": selectors.canvas_timeline(canvas),
        "conflict": conflict,
        "block_total": len(BLOCKS),
        "min_filled": MIN_FILLED_CHARS,
        "saved_clock": clock(canvas.updated_at),
    }
