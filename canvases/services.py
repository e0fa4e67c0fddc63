"""Changes to canvases; each is one transaction, checked against the user's role.

Every state change writes one timeline event. Reviews (approve, request
changes) are allowed by `access.can_review_canvas`: staff of the region,
national staff and the group's assigned mentors. Comments and the decision
wrapper that notifies the leaders live in `canvases.reviews`.
"""

import enum
from dataclasses import dataclass, field

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.notifications import notify
from canvases import access
from canvases.blocks import (
    BLOCK_KEYS,
    BLOCKS,
    MAX_BLOCK_CHARS,
    Progress,
    block_progress,
    empty_blocks,
    filled_count,
    normalise_text,
)
from canvases.models import (
    EDITABLE_STATUSES,
    Canvas,
    CanvasEvent,
    CanvasSave,
    CanvasStatus,
    CanvasVersion,
    EventKind,
)
from communities.access import is_group_leader
from communities.models import CommunityGroup
from mentors.selectors import group_mentor_users

MAX_SAVE_ID = 64


class CanvasRefused(Exception):
    """A change the rules do not allow; `message` says why, in the user's language."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = str(message)


class SaveOutcome(enum.Enum):
    SAVED = "saved"
    ALREADY_SAVED = "already_saved"
    CONFLICT = "conflict"


@dataclass
class SaveResult:
    outcome: SaveOutcome
    revision: int
    # On a conflict: the newer texts now stored, and who saved them when.
    theirs: dict = field(default_factory=dict)
    updated_by: object = None
    updated_at: object = None

    @property
    def is_conflict(self) -> bool:
        return self.outcome is SaveOutcome.CONFLICT


def _event(canvas, kind, by, *, version=None, note=""):
    return CanvasEvent.objects.create(
        canvas=canvas, kind=kind, actor=by, version=version, note=note
    )


def _locked(canvas: Canvas) -> Canvas:
    """The canvas row, locked until the transaction ends, with its current state."""
    return Canvas.objects.select_for_update().get(pk=canvas.pk)


def _refresh(canvas: Canvas, fresh: Canvas) -> None:
    for name in ("status", "revision", "blocks", "filled_blocks", "version_count", "title"):
        setattr(canvas, name, getattr(fresh, name))
    canvas.updated_at, canvas.updated_by_id = fresh.updated_at, fresh.updated_by_id


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


def clean_blocks(blocks: dict) -> dict:
    """The nine texts, normalised; refuses unknown keys and texts over the limit."""
    unknown = set(blocks) - set(BLOCK_KEYS)
    if unknown:
        raise CanvasRefused(gettext_lazy("ข้อมูลช่องของแผนไม่ถูกต้อง"))
    cleaned = {key: normalise_text(value) for key, value in blocks.items()}
    too_long = [b.title for b in BLOCKS if len(cleaned.get(b.key, "")) > MAX_BLOCK_CHARS]
    if too_long:
        raise CanvasRefused(
            _("ช่อง %(blocks)s ยาวเกิน %(limit)s ตัวอักษร")
            % {"blocks": ", ".join(str(t) for t in too_long), "limit": f"{MAX_BLOCK_CHARS:,}"}
        )
    return cleaned


@transaction.atomic
def canvas_save_blocks(*, canvas: Canvas, by, blocks: dict, base_revision: int, save_id: str):
    """Store the texts typed on top of `base_revision`, unless someone saved in between.

    `blocks` may hold some of the nine keys; the others keep their text.
    A save whose id is already in the log is answered as already saved
    (its answer was lost and the browser sent it again); a save from an
    older revision is refused with the newer texts, so the user can choose.
    """
    save_id = str(save_id or "").strip()
    if not save_id or len(save_id) > MAX_SAVE_ID:
        raise CanvasRefused(gettext_lazy("คำขอบันทึกไม่ถูกต้อง กรุณาโหลดหน้าใหม่"))
    _require_leader(canvas, by)
    cleaned = clean_blocks(blocks)
    fresh = _locked(canvas)
    done = CanvasSave.objects.filter(canvas=fresh, save_id=save_id).first()
    if done is not None:
        _refresh(canvas, fresh)
        return SaveResult(SaveOutcome.ALREADY_SAVED, done.revision)
    if fresh.status not in EDITABLE_STATUSES:
        raise CanvasRefused(
            _("แผนนี้อยู่ในสถานะ “%(status)s” จึงแก้ไขไม่ได้") % {"status": fresh.get_status_display()}
        )
    if base_revision is None or base_revision < 0 or base_revision > fresh.revision:
        raise CanvasRefused(gettext_lazy("ฉบับแก้ไขที่ส่งมาไม่ถูกต้อง กรุณาโหลดหน้าใหม่"))
    if base_revision < fresh.revision:
        _refresh(canvas, fresh)
        return SaveResult(
            SaveOutcome.CONFLICT,
            fresh.revision,
            theirs=dict(fresh.blocks),
            updated_by=fresh.updated_by,
            updated_at=fresh.updated_at,
        )
    merged = {**empty_blocks(), **fresh.blocks, **cleaned}
    if merged != fresh.blocks:
        fresh.blocks = merged
        fresh.revision += 1
        fresh.filled_blocks = filled_count(merged)
        fresh.updated_by = by
        fresh.save(
            update_fields=["blocks", "revision", "filled_blocks", "updated_by", "updated_at"]
        )
    # The row lock above serialises saves of this canvas, so the id is still free.
    CanvasSave.objects.create(canvas=fresh, save_id=save_id, revision=fresh.revision, by=by)
    _refresh(canvas, fresh)
    return SaveResult(SaveOutcome.SAVED, fresh.revision)


def unfinished_blocks(blocks: dict) -> list:
    return [b for b in BLOCKS if block_progress(blocks.get(b.key, "")) != Progress.FILLED]


@transaction.atomic
def canvas_submit(*, canvas: Canvas, by) -> CanvasVersion:
    """Freeze the nine texts as the next numbered version and send it for review.

    The group's assigned mentors are told (in the portal, and by e-mail when
    they have an address), with a link to the review page of the version.
    """
    _require_leader(canvas, by)
    fresh = _locked(canvas)
    if fresh.status not in EDITABLE_STATUSES:
        raise CanvasRefused(
            _("แผนนี้อยู่ในสถานะ “%(status)s” จึงส่งไม่ได้") % {"status": fresh.get_status_display()}
        )
    missing = unfinished_blocks(fresh.blocks)
    if missing:
        raise CanvasRefused(
            _("ยังส่งไม่ได้ กรุณาเขียนให้ครบทุกช่อง ช่องที่ยังไม่ครบ: %(blocks)s")
            % {"blocks": ", ".join(str(b.title) for b in missing)}
        )
    fresh.version_count += 1
    version = CanvasVersion.objects.create(
        canvas=fresh,
        number=fresh.version_count,
        title=fresh.title,
        blocks={key: fresh.blocks.get(key, "") for key in BLOCK_KEYS},
        submitted_by=by,
        submitted_at=timezone.now(),
    )
    fresh.status = CanvasStatus.SUBMITTED
    fresh.save(update_fields=["status", "version_count", "updated_at"])
    _event(fresh, EventKind.SUBMITTED, by, version=version)
    _refresh(canvas, fresh)
    notify(
        recipients=group_mentor_users(canvas.group_id),
        message=_("%(group)s ส่งแผน “%(title)s” ฉบับที่ %(number)s รอท่านพิจารณา")
        % {"group": canvas.group.name, "title": version.title, "number": version.number},
        url=reverse("canvases:version_review", args=[canvas.pk, version.number]),
        actor=by,
    )
    return version


def _review(*, canvas, version, by, summary, status, kind):
    _require_reviewer(canvas, by)
    fresh = _locked(canvas)
    if fresh.status != CanvasStatus.SUBMITTED:
        raise CanvasRefused(
            _("แผนนี้อยู่ในสถานะ “%(status)s” จึงยังพิจารณาไม่ได้") % {"status": fresh.get_status_display()}
        )
    if version.canvas_id != fresh.pk or version.number != fresh.version_count:
        raise CanvasRefused(gettext_lazy("พิจารณาได้เฉพาะฉบับล่าสุดที่ส่งมา"))
    fresh.status = status
    fresh.save(update_fields=["status", "updated_at"])
    _event(fresh, kind, by, version=version, note=normalise_text(summary).strip()[:5000])
    _refresh(canvas, fresh)
    return fresh


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
    fresh = _locked(canvas)
    if fresh.status != CanvasStatus.APPROVED:
        raise CanvasRefused(gettext_lazy("ปรับปรุงเป็นฉบับร่างใหม่ได้เฉพาะแผนที่ผ่านการพิจารณาแล้ว"))
    fresh.status = CanvasStatus.DRAFT
    fresh.save(update_fields=["status", "updated_at"])
    _event(fresh, EventKind.REVISED, by)
    _refresh(canvas, fresh)
    return fresh
