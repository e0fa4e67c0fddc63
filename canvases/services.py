"""Changes to canvases; each is one transaction, checked against the user's role.

Every state change writes one timeline event. Reviews (approve, request
changes) are allowed by `access.can_review_canvas`: staff of the region,
national staff and the group's assigned mentors. Comments and the decision
wrapper that notifies the leaders live in `canvases.reviews`.
"""

import enum
import hashlib
import json
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import audit
from accounts.models import AuditAction
from accounts.notifications import Event, notify
from canvases import access, tallies
from canvases.blocks import (
    BLOCK_KEYS,
    BLOCKS,
    BLOCKS_BY_KEY,
    Progress,
    block_progress,
    empty_blocks,
    filled_count,
    normalise_text,
)
from canvases.models import (
    BLOCK_HISTORY_DAYS,
    EDITABLE_STATUSES,
    MAX_SUMMARY_CHARS,
    BlockChange,
    Canvas,
    CanvasEvent,
    CanvasSave,
    CanvasStatus,
    CanvasVersion,
    EventKind,
    version_review_url,
)
from communities.access import is_group_leader
from communities.models import CommunityGroup
from mentors.selectors import group_mentor_users


class CanvasRefused(Exception):
    """A change the rules do not allow; `message` says why, in the user's language."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = str(message)


class SaveOutcome(enum.Enum):
    SAVED = "saved"
    ALREADY_SAVED = "already_saved"
    CONFLICT = "conflict"


@dataclass(frozen=True)
class BlockNews:
    """A block's stored text that the saving tab had not seen, and who saved it when."""

    key: str
    text: str
    by: object
    at: object

    @property
    def block(self):
        return BLOCKS_BY_KEY[self.key]


@dataclass(frozen=True)
class BlockConflict:
    """A block both sides changed since the save's base: both texts, nothing chosen."""

    key: str
    mine: str
    theirs: BlockNews

    @property
    def block(self):
        return BLOCKS_BY_KEY[self.key]


@dataclass
class SaveResult:
    outcome: SaveOutcome
    revision: int
    # Blocks someone else changed since the save's base that the save left alone:
    # merged silently; the tab shows them so nobody goes on editing a stale page.
    merged: list[BlockNews] = field(default_factory=list)
    # Blocks both sides changed: not stored; the user chooses.
    conflicts: list[BlockConflict] = field(default_factory=list)

    @property
    def is_conflict(self) -> bool:
        return self.outcome is SaveOutcome.CONFLICT


_DECISIONS = (EventKind.APPROVED, EventKind.CHANGES_REQUESTED)


def _event(canvas, kind, by, *, version=None, note=""):
    """The timeline event of a change of state, and its entry in the audit trail."""
    event = CanvasEvent.objects.create(
        canvas=canvas, kind=kind, actor=by, version=version, note=note
    )
    audit.record(
        actor=by,
        action=AuditAction.CANVAS_DECISION if kind in _DECISIONS else AuditAction.CANVAS_TRANSITION,
        target=canvas,
        region_id=canvas.group.tambon.province.region_id,
        summary=f"{canvas.title}: {event.get_kind_display()}",
        details={"kind": kind, "version": version.number if version else None},
    )
    # Every change of state passes here: the dashboards' summary rows follow it at once.
    tallies.refresh_group(canvas.group_id)
    return event


def _lock(canvas: Canvas) -> None:
    """Refresh `canvas` from its row, locked until the transaction ends."""
    canvas.refresh_from_db(from_queryset=Canvas.objects.select_for_update())


def _require_leader(canvas: Canvas, by) -> None:
    if not is_group_leader(by, canvas.group):
        raise CanvasRefused(gettext_lazy("เฉพาะแกนนำของกลุ่มเท่านั้นที่แก้ไขหรือส่งแผนนี้ได้"))


def _require_reviewer(canvas: Canvas, by) -> None:
    if not access.can_review_canvas(by, canvas):
        raise CanvasRefused(gettext_lazy("ท่านไม่มีสิทธิ์พิจารณาแผนนี้"))


@transaction.atomic
def canvas_create(*, group: CommunityGroup, by, title: str) -> Canvas:
    """A new draft canvas of the group, with nine empty blocks."""
    if not is_group_leader(by, group):
        raise CanvasRefused(gettext_lazy("เฉพาะแกนนำของกลุ่มเท่านั้นที่สร้างแผนได้"))
    title = normalise_text(title).strip()
    if not title:
        raise CanvasRefused(gettext_lazy("กรุณาตั้งชื่อแผน"))
    canvas = Canvas.objects.create(
        group=group, title=title[:200], blocks=empty_blocks(), created_by=by, updated_by=by
    )
    _event(canvas, EventKind.CREATED, by)
    return canvas


def _save_digest(blocks: dict, bases: dict) -> str:
    """What a save carried, so a resend is told apart from another save reusing its id."""
    payload = json.dumps([blocks, bases], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def _latest_changes(canvas: Canvas) -> dict[str, BlockChange]:
    """The newest stored change of each block, by key (one query, at most nine rows)."""
    rows = (
        BlockChange.objects.filter(canvas=canvas)
        .order_by("block_key", "-revision")
        .distinct("block_key")
        .select_related("by")
        .defer("by__password")
    )
    return {row.block_key: row for row in rows}


def _texts_at(canvas: Canvas, bases: dict[str, int]) -> dict[str, str]:
    """Each named block's text as it stood at its base revision (one query).

    A block with no change at or before its base was empty then; a change pruned
    with age reads as empty too, which only makes the merge more careful.
    """
    if not bases:
        return {}
    at_base = Q()
    for key, base in bases.items():
        at_base |= Q(block_key=key, revision__lte=base)
    rows = (
        BlockChange.objects.filter(at_base, canvas=canvas)
        .order_by("block_key", "-revision")
        .distinct("block_key")
        .values_list("block_key", "text")
    )
    return {key: "" for key in bases} | dict(rows)


def _news(change: BlockChange) -> BlockNews:
    return BlockNews(key=change.block_key, text=change.text, by=change.by, at=change.at)


def _merge(canvas: Canvas, blocks: dict, bases: dict) -> tuple[dict, list, list]:
    """Split a save into what to store, what to show as merged and what conflicts.

    A block only this save changed is stored; a block only someone else changed
    since the save's base keeps their text; a block both changed is a conflict.
    """
    # A save from the current revision (the usual autosave) cannot meet a newer text.
    stale = min(bases.values()) < canvas.revision
    latest = _latest_changes(canvas) if stale else {}
    newer = {key: change for key, change in latest.items() if change.revision > bases[key]}
    changed_by_both = {
        key for key, text in blocks.items() if key in newer and text != canvas.text(key)
    }
    started_from = _texts_at(canvas, {key: bases[key] for key in changed_by_both})
    store, merged, conflicts = {}, [], []
    for key in BLOCK_KEYS:
        mine = blocks.get(key)
        if key in changed_by_both and mine != started_from[key]:
            conflicts.append(BlockConflict(key=key, mine=mine, theirs=_news(newer[key])))
        elif key in newer and (mine is None or key in changed_by_both):
            merged.append(_news(newer[key]))
        elif mine is not None and mine != canvas.text(key):
            store[key] = mine
    return store, merged, conflicts


@transaction.atomic
def canvas_save_blocks(*, canvas: Canvas, **save) -> SaveResult:
    """`canvas_save_blocks_locked` with the canvas row locked here first, so saves of one
    canvas run one after another; `save` is the rest of its arguments."""
    _lock(canvas)
    return canvas_save_blocks_locked(canvas=canvas, **save)


def canvas_save_blocks_locked(
    *,
    canvas: Canvas,
    by,
    blocks: dict,
    base_revision: int,
    save_id: str,
    block_bases: dict | None = None,
) -> SaveResult:
    """Store the texts a leader typed, merged block by block with what others saved.

    Trusts its caller: `canvas` was read locked in the transaction this runs in
    (`canvas_save_blocks`, or `access.lock_canvas_for_edit` inside
    `transaction.atomic`, as the autosave does to read the canvas once); `by` may
    edit it and `blocks` (some of the nine keys) are normalised and within
    `MAX_BLOCK_CHARS` (`BlocksForm`). `base_revision` is the revision the tab
    started from; `block_bases` may give a later one per block.

    A block only this save changed is stored; a block only others changed keeps
    their text (returned as `merged`); a block both changed is not stored and is
    returned as a conflict with both texts. Every stored text is kept in the
    block history. A resend (same id, same content) is answered as already
    saved; the same id with other content is a new save.
    """
    if base_revision is None or not 0 <= base_revision <= canvas.revision:
        raise CanvasRefused(gettext_lazy("ฉบับแก้ไขที่ส่งมาไม่ถูกต้อง กรุณาโหลดหน้าใหม่"))
    bases = {key: base_revision for key in BLOCK_KEYS}
    for key, base in (block_bases or {}).items():
        if key in bases and base_revision <= base <= canvas.revision:
            bases[key] = base
    digest = _save_digest(blocks, bases)
    done = CanvasSave.objects.filter(canvas=canvas, save_id=save_id, digest=digest).first()
    if done is not None:
        return SaveResult(SaveOutcome.ALREADY_SAVED, done.revision)
    if canvas.status not in EDITABLE_STATUSES:
        raise CanvasRefused(
            _("แผนนี้อยู่ในสถานะ “%(status)s” จึงแก้ไขไม่ได้") % {"status": canvas.get_status_display()}
        )
    store, merged, conflicts = _merge(canvas, blocks, bases)
    if store:
        canvas.revision += 1
        canvas.blocks = {**empty_blocks(), **canvas.blocks, **store}
        canvas.filled_blocks = filled_count(canvas.blocks)
        canvas.updated_by = by
        canvas.save(
            update_fields=["blocks", "revision", "filled_blocks", "updated_by", "updated_at"]
        )
        BlockChange.objects.bulk_create(
            BlockChange(canvas=canvas, block_key=key, revision=canvas.revision, text=text, by=by)
            for key, text in store.items()
        )
    if conflicts:
        return SaveResult(SaveOutcome.CONFLICT, canvas.revision, merged, conflicts)
    CanvasSave.objects.create(
        canvas=canvas, save_id=save_id, digest=digest, revision=canvas.revision, by=by
    )
    return SaveResult(SaveOutcome.SAVED, canvas.revision, merged)


def unfinished_blocks(blocks: dict) -> list:
    return [b for b in BLOCKS if block_progress(blocks.get(b.key, "")) != Progress.FILLED]


@transaction.atomic
def canvas_submit(*, canvas: Canvas, by) -> CanvasVersion:
    """Freeze the nine texts as the next numbered version and send it for review.

    The group's assigned mentors are told (in the portal, and by e-mail when
    they have an address), with a link to the review page of the version.
    """
    _require_leader(canvas, by)
    _lock(canvas)
    if canvas.status not in EDITABLE_STATUSES:
        raise CanvasRefused(
            _("แผนนี้อยู่ในสถานะ “%(status)s” จึงส่งไม่ได้") % {"status": canvas.get_status_display()}
        )
    missing = unfinished_blocks(canvas.blocks)
    if missing:
        raise CanvasRefused(
            _("ยังส่งไม่ได้ กรุณาเขียนให้ครบทุกช่อง ช่องที่ยังไม่ครบ: %(blocks)s")
            % {"blocks": ", ".join(str(b.title) for b in missing)}
        )
    canvas.version_count += 1
    version = CanvasVersion.objects.create(
        canvas=canvas,
        number=canvas.version_count,
        title=canvas.title,
        blocks={key: canvas.blocks.get(key, "") for key in BLOCK_KEYS},
        submitted_by=by,
        submitted_at=timezone.now(),
        submitted_from=canvas.status,
    )
    canvas.status = CanvasStatus.SUBMITTED
    canvas.save(update_fields=["status", "version_count", "updated_at"])
    _event(canvas, EventKind.SUBMITTED, by, version=version)
    notify(
        recipients=group_mentor_users(canvas.group_id),
        event=Event.CANVAS_SUBMITTED,
        data={"group": canvas.group.name, "title": version.title, "number": version.number},
        url=version_review_url(canvas.pk, version.number),
        actor=by,
    )
    return version


def _review(*, canvas, version, by, summary, status, kind):
    _require_reviewer(canvas, by)
    _lock(canvas)
    if canvas.status != CanvasStatus.SUBMITTED:
        raise CanvasRefused(
            _("แผนนี้อยู่ในสถานะ “%(status)s” จึงยังพิจารณาไม่ได้") % {"status": canvas.get_status_display()}
        )
    if version.canvas_id != canvas.pk or version.number != canvas.version_count:
        raise CanvasRefused(gettext_lazy("พิจารณาได้เฉพาะฉบับล่าสุดที่ส่งมา"))
    canvas.status = status
    canvas.save(update_fields=["status", "updated_at"])
    _event(
        canvas, kind, by, version=version, note=normalise_text(summary).strip()[:MAX_SUMMARY_CHARS]
    )
    return canvas


@transaction.atomic
def canvas_approve(*, canvas: Canvas, version: CanvasVersion, by, summary: str = "") -> Canvas:
    """Approve the latest submitted version."""
    return _review(
        canvas=canvas,
        version=version,
        by=by,
        summary=summary,
        status=CanvasStatus.APPROVED,
        kind=EventKind.APPROVED,
    )


@transaction.atomic
def canvas_request_changes(
    *, canvas: Canvas, version: CanvasVersion, by, summary: str = ""
) -> Canvas:
    """Send the latest submitted version back to the leaders for changes."""
    if not normalise_text(summary).strip():
        raise CanvasRefused(gettext_lazy("กรุณาบอกว่าควรปรับแก้อะไร"))
    return _review(
        canvas=canvas,
        version=version,
        by=by,
        summary=summary,
        status=CanvasStatus.CHANGES_REQUESTED,
        kind=EventKind.CHANGES_REQUESTED,
    )


@transaction.atomic
def canvas_revise(*, canvas: Canvas, by) -> Canvas:
    """Open an approved canvas as a new draft; its versions stay as they were."""
    _require_leader(canvas, by)
    _lock(canvas)
    if canvas.status != CanvasStatus.APPROVED:
        raise CanvasRefused(gettext_lazy("ปรับปรุงเป็นฉบับร่างใหม่ได้เฉพาะแผนที่ผ่านการพิจารณาแล้ว"))
    canvas.status = CanvasStatus.DRAFT
    canvas.save(update_fields=["status", "updated_at"])
    _event(canvas, EventKind.REVISED, by)
    return canvas


WITHDRAW_TOO_LATE = gettext_lazy(
    "ถอนการส่งไม่ได้แล้ว พี่เลี้ยงหรือเจ้าหน้าที่เปิดดูแผนฉบับนี้แล้ว กรุณารอผลการพิจารณา หรือเขียนความเห็นถึงผู้พิจารณา"
)


@transaction.atomic
def canvas_withdraw(*, canvas: Canvas, by) -> CanvasVersion:
    """Take a submitted version back before any reviewer has opened its review page.

    Trusts its caller: `by` may edit the canvas (`access.get_canvas_for_edit`).
    The canvas and its latest version are locked here; the canvas goes back to
    the state it was sent from (draft, or changes requested). The version stays,
    marked withdrawn, so its number and the timeline keep their meaning.
    """
    _lock(canvas)
    if canvas.status != CanvasStatus.SUBMITTED:
        raise CanvasRefused(
            _("แผนนี้อยู่ในสถานะ “%(status)s” จึงไม่มีอะไรให้ถอน") % {"status": canvas.get_status_display()}
        )
    # Locked, so a reviewer opening the page now waits for this to end (`version_mark_opened`).
    version = CanvasVersion.objects.select_for_update().get(
        canvas=canvas, number=canvas.version_count
    )
    if version.opened_at is not None:
        raise CanvasRefused(WITHDRAW_TOO_LATE)
    version.withdrawn_at = timezone.now()
    version.save(update_fields=["withdrawn_at"])
    canvas.status = version.submitted_from or CanvasStatus.DRAFT
    canvas.save(update_fields=["status", "updated_at"])
    _event(canvas, EventKind.WITHDRAWN, by, version=version)
    notify(
        recipients=group_mentor_users(canvas.group_id),
        event=Event.CANVAS_WITHDRAWN,
        data={"group": canvas.group.name, "title": version.title, "number": version.number},
        url=canvas.get_absolute_url(),
        actor=by,
    )
    return version


def version_record_opening(*, canvas_id: int, number: int, by) -> bool:
    """Record the first time a reviewer opens the review page of a version waiting for review.

    Called after the page was shown to `by` (who may read the canvas). Once the
    version is marked, this is one indexed read. Readers who do not review the
    canvas (leaders, members) are not recorded. The UPDATE waits for a
    withdrawal holding the version's row lock. Returns whether this was the
    first opening.
    """
    version = (
        CanvasVersion.objects.filter(
            canvas_id=canvas_id,
            number=number,
            opened_at__isnull=True,
            withdrawn_at__isnull=True,
            canvas__status=CanvasStatus.SUBMITTED,
            canvas__version_count=number,
        )
        .select_related("canvas__group__tambon__province")
        .defer("blocks", "canvas__blocks")
        .first()
    )
    if version is None or not access.can_review_canvas(by, version.canvas):
        return False
    return bool(
        CanvasVersion.objects.filter(pk=version.pk, opened_at__isnull=True).update(
            opened_at=timezone.now(), opened_by=by
        )
    )


@transaction.atomic
def block_history_prune(*, now=None) -> tuple[int, int]:
    """Drop block texts and save ids older than `BLOCK_HISTORY_DAYS`.

    The newest text of each block stays whatever its age (it is the current
    text), and submitted versions are never touched. Returns the numbers of
    block texts and save ids removed.
    """
    cutoff = (now or timezone.now()) - timedelta(days=BLOCK_HISTORY_DAYS)
    # "A newer text of the same block exists", on the (canvas, block, revision)
    # index; a NOT IN over the newest row of every block did not finish at
    # national scale (bench/README.md).
    newer = BlockChange.objects.filter(
        canvas_id=OuterRef("canvas_id"),
        block_key=OuterRef("block_key"),
        revision__gt=OuterRef("revision"),
    )
    changes, _ = BlockChange.objects.filter(Exists(newer), at__lt=cutoff).delete()
    saves, _ = CanvasSave.objects.filter(at__lt=cutoff).delete()
    return changes, saves
