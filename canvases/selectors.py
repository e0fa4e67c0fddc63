"""Reads of the canvases app; each runs a fixed number of queries."""

from django.db.models import Count, F, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from canvases.blocks import BLOCK_KEYS
from canvases.models import (
    BlockChange,
    Canvas,
    CanvasEvent,
    CanvasStatus,
    CanvasVersion,
    Comment,
    CommentThread,
)
from communities.access import staff_region_id
from mentors.selectors import mentor_assigned_group_ids

TIMELINE_LENGTH = 50


def canvases_of_group(group):
    """The group's canvases for its list; no block texts are read."""
    return (
        Canvas.objects.filter(group=group)
        .defer("blocks")
        .select_related("updated_by")
        .order_by("title", "pk")
    )


def canvas_timeline(canvas: Canvas, limit: int = TIMELINE_LENGTH):
    """The latest changes of state, newest first."""
    return list(
        CanvasEvent.objects.filter(canvas=canvas)
        .select_related("actor", "version")
        .defer("version__blocks")
        .order_by("-at", "-pk")[:limit]
    )


def canvas_versions(canvas: Canvas):
    """Every submitted version, newest first, without their texts."""
    return (
        CanvasVersion.objects.filter(canvas=canvas)
        .defer("blocks")
        .select_related("submitted_by")
        .order_by("-number")
    )


def canvas_version(canvas: Canvas, number: int) -> CanvasVersion | None:
    return (
        CanvasVersion.objects.filter(canvas=canvas, number=number)
        .select_related("submitted_by")
        .first()
    )


def canvas_version_or_404(canvas: Canvas, number: int) -> CanvasVersion:
    """Version `number` of a canvas the caller may read; 404 when it has none such."""
    return get_object_or_404(
        CanvasVersion.objects.select_related("submitted_by"), canvas=canvas, number=number
    )


def block_history(canvas: Canvas, key: str):
    """Every stored text of one block, newest first, with who saved it."""
    return (
        BlockChange.objects.filter(canvas=canvas, block_key=key)
        .select_related("by")
        .order_by("-revision")
    )


def versions_pair(canvas: Canvas, a: int, b: int) -> dict[int, CanvasVersion]:
    """Two versions by number, in one query."""
    found = CanvasVersion.objects.filter(canvas=canvas, number__in=[a, b]).select_related(
        "submitted_by"
    )
    return {version.number: version for version in found}


# Reviews -------------------------------------------------------------------


def _with_people_and_comments(threads):
    """Threads with their people and comments: two queries for any number of them."""
    comments = Comment.objects.select_related("author").order_by("created_at", "pk")
    return threads.select_related("opened_by", "resolved_by").prefetch_related(
        Prefetch("comments", queryset=comments)
    )


def _threads_with_comments(threads):
    return (
        _with_people_and_comments(threads)
        .select_related("version")
        .defer("version__blocks")
        .order_by("version__number", "opened_at", "pk")
    )


def _by_block(threads) -> dict[str, list]:
    grouped = {key: [] for key in BLOCK_KEYS}
    for thread in threads:
        grouped[thread.block_key].append(thread)
    return grouped


def threads_for_version(version: CanvasVersion) -> dict[str, list]:
    """By block key: the version's own threads (open and resolved) and the open threads
    of earlier versions of the canvas, which carry over until someone resolves them."""
    # The canvas condition outside the OR: one index scan over the canvas's few threads
    # (measured with 300,000 threads: 0.05 ms, against 0.15 ms for a BitmapOr).
    carried = Q(resolved_at__isnull=True, version__number__lt=version.number)
    threads = CommentThread.objects.filter(canvas_id=version.canvas_id).filter(
        Q(version=version) | carried
    )
    return _by_block(_threads_with_comments(threads))


def earlier_threads_by_block(version: CanvasVersion) -> dict[str, list[dict]]:
    """By block key: the earlier versions that had threads on the block, oldest first, each
    as {"number", "count"}. One query, no comments read: the page links to those versions'
    review pages, where the threads and their replies are."""
    grouped: dict[str, list[dict]] = {key: [] for key in BLOCK_KEYS}
    if version.number <= 1:
        return grouped
    rows = (
        CommentThread.objects.filter(
            canvas_id=version.canvas_id, version__number__lt=version.number
        )
        .values("block_key", "version__number")
        .annotate(count=Count("pk"))
        .order_by("version__number", "block_key")
    )
    for row in rows:
        if row["block_key"] in grouped:
            grouped[row["block_key"]].append(
                {"number": row["version__number"], "count": row["count"]}
            )
    return grouped


def open_threads_of_canvas(canvas: Canvas) -> dict[str, list]:
    """By block key: every open thread of the canvas, whichever version it came from."""
    if not canvas.version_count:
        return _by_block([])
    threads = CommentThread.objects.filter(canvas=canvas, resolved_at__isnull=True)
    return _by_block(_threads_with_comments(threads))


def review_queue(user):
    """Latest submitted versions waiting for a decision, oldest first, that `user` reviews.

    A mentor's come from the groups assigned to them today; regional staff's
    from their region; national staff's from everywhere. One query; each row's
    canvas, group and place come with it.
    """
    versions = CanvasVersion.objects.filter(
        canvas__status=CanvasStatus.SUBMITTED, number=F("canvas__version_count")
    )
    if not user.is_authenticated:
        return versions.none()
    if user.is_national_staff:
        pass
    elif staff_region_id(user):
        versions = versions.filter(canvas__group__tambon__province__region_id=staff_region_id(user))
    elif user.is_mentor:
        # The ids first, not `group__in=<subquery>` nor a join through the
        # assignments: on the national data set the subquery's plan scanned
        # every submitted canvas (150 ms) and the join took 6 ms to plan; the
        # ids cost one small query and the list then plans in 1 ms.
        versions = versions.filter(canvas__group_id__in=mentor_assigned_group_ids(user))
    else:
        return versions.none()
    return (
        versions.defer("blocks", "canvas__blocks")
        .select_related(
            "submitted_by",
            "canvas__group__tambon__district",
            "canvas__group__tambon__province",
        )
        .order_by("submitted_at", "pk")
    )


def with_days_waiting(versions, today=None) -> list:
    """Each version with `days_waiting`: whole days since it was submitted (local dates)."""
    today = today or timezone.localdate()
    rows = list(versions)
    for version in rows:
        version.days_waiting = (today - timezone.localdate(version.submitted_at)).days
    return rows


def version_by_id(canvas: Canvas, pk) -> CanvasVersion | None:
    """The version with this id if it belongs to `canvas` (a form names it by id)."""
    if not pk:
        return None
    return CanvasVersion.objects.filter(canvas=canvas, pk=pk).select_related("submitted_by").first()


# Threads on other subjects than blocks (canvases.subjects) ---------------------------

# A subject's page shows every open thread of its kind and only the latest resolved
# ones, so the page stays small however long the group has been discussed.
SUBJECT_RESOLVED_SHOWN = 20


def subject_threads(group, kind: str):
    """The group's threads of one kind: all open ones and the `SUBJECT_RESOLVED_SHOWN`
    latest resolved, oldest first, with their people and comments. Two queries."""
    of_kind = CommentThread.objects.filter(group=group, kind=kind)
    resolved = (
        of_kind.filter(resolved_at__isnull=False)
        .order_by("-resolved_at", "-pk")
        .values("pk")[:SUBJECT_RESOLVED_SHOWN]
    )
    threads = of_kind.filter(Q(resolved_at__isnull=True) | Q(pk__in=resolved))
    return _with_people_and_comments(threads).order_by("opened_at", "pk")


def shared_subject_threads(kind: str, object_id: int, group_ids):
    """The threads of one subject shared by several groups (a forum), for the groups
    `group_ids` only: all open ones and the `SUBJECT_RESOLVED_SHOWN` latest resolved,
    oldest first, with their people and comments. Two queries whatever the groups."""
    of_subject = CommentThread.objects.filter(
        kind=kind, object_id=object_id, group_id__in=list(group_ids)
    )
    resolved = (
        of_subject.filter(resolved_at__isnull=False)
        .order_by("-resolved_at", "-pk")
        .values("pk")[:SUBJECT_RESOLVED_SHOWN]
    )
    threads = of_subject.filter(Q(resolved_at__isnull=True) | Q(pk__in=resolved))
    return _with_people_and_comments(threads).order_by("opened_at", "pk")


def subject_thread(pk: int):
    """One thread with its people and comments (a refused post shows it again)."""
    return _with_people_and_comments(CommentThread.objects.filter(pk=pk)).get()
