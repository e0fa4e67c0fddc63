"""What the editor page shows, shared by the plain form view and the autosave view.

Presentation only: the editor's cards, the conflict panel and the notes on
blocks merged from a co-leader. Rules live in `services` and `access`.
"""

import math

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from canvases import access, reviews, selectors
from canvases.blocks import BLOCKS, MIN_FILLED_CHARS, PHONE_ORDER, block_progress
from canvases.forms import BlocksForm, new_save_id
from canvases.models import CanvasStatus, EventKind
from canvases.services import unfinished_blocks
from communities.selectors import capital_prompts

# The block beside which a leader sees the tambon's community capital as prompts.
CAPITAL_BLOCK = "key_resources"

# Without the script (and where `field-sizing` is unknown) a block's box is as tall as
# its text on a 360 px phone: about this many Thai characters fit on one line.
CHARS_PER_LINE = 32
MIN_ROWS = 3
MAX_ROWS = 40


def text_rows(text: str) -> int:
    """Rows a textarea needs to show `text` whole on a phone, plus one to type on."""
    lines = (text or "").split("\n")
    needed = sum(max(1, math.ceil(len(line) / CHARS_PER_LINE)) for line in lines) + 1
    return max(MIN_ROWS, min(MAX_ROWS, needed))


def block_anchor(key: str | None) -> str:
    return f"#block-{key}" if key else ""


def first_changed_block(canvas, typed: dict) -> str | None:
    """The first block, in the page's order, whose typed text differs from the stored one."""
    for block in PHONE_ORDER:
        if block.key in typed and typed[block.key] != canvas.text(block.key):
            return block.key
    return None


def submit_confirm_url(canvas) -> str:
    return reverse("canvases:submit_confirm", args=[canvas.pk])


def submit_confirm_context(canvas) -> dict:
    """The confirmation step: the version it will become and what is still missing."""
    return {
        "canvas": canvas,
        "group": canvas.group,
        "number": canvas.version_count + 1,
        "missing": unfinished_blocks(canvas.blocks),
        "block_total": len(BLOCKS),
    }


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
    # One query, only while a leader writes: the tambon's capital beside key resources.
    capital = capital_prompts(canvas.group.tambon_id) if editing else None
    cards = []
    for block in PHONE_ORDER:
        text = form[block.key].value() if editing else canvas.text(block.key)
        progress = block_progress(text or "")
        cards.append(
            {
                "block": block,
                "field": form[block.key] if editing else None,
                "rows": text_rows(text) if editing else None,
                "text": text,
                "progress": progress,
                "threads": threads[block.key],
                "capital": capital if block.key == CAPITAL_BLOCK else None,
            }
        )
    can_review = access.can_review_canvas(request.user, canvas)
    # The timeline is read anyway; the decision and the waiting version come from it.
    timeline = selectors.canvas_timeline(canvas)
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
        "timeline": timeline,
        "decision": _changes_asked(canvas, timeline),
        "open_blocks": [card for card in cards if card["threads"]],
        "waiting": _waiting_version(canvas, timeline),
        "conflict": conflict,
        "block_total": len(BLOCKS),
        "min_filled": MIN_FILLED_CHARS,
        "saved_clock": clock(canvas.updated_at),
    }


def _changes_asked(canvas, timeline):
    """The reviewer's request for changes the canvas is in now (who, when, the summary)."""
    if canvas.status != CanvasStatus.CHANGES_REQUESTED:
        return None
    return next((e for e in timeline if e.kind == EventKind.CHANGES_REQUESTED), None)


def _waiting_version(canvas, timeline):
    """The version waiting for review (its `opened_at` says whether it may be withdrawn)."""
    if canvas.status != CanvasStatus.SUBMITTED or not timeline:
        return None
    latest = timeline[0]
    return latest.version if latest.kind == EventKind.SUBMITTED else None
