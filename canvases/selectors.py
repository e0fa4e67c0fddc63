"""Reads of the canvases app; each runs a fixed number of queries."""

from django.db.models import Count, F, Max, Prefetch, Q, Window
from django.db.models.functions import RowNumber
from django.http import Http404
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


# Reviews -------------------------------------------------------------------


def _with_people_and_comments(threads):
    """Threads with their people and comments: two queries for any number of them."""
    comments = Comment.objects.select_related("author").order_by("created_at", "pk")
    # Who opened a thread is not shown (the first comment's author is); who closed it is.
    return threads.select_related("resolved_by").prefetch_related(
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


def open_threads_of_canvas(canvas: Canvas) -> dict[str, list]:
    """By block key: every open thread of the canvas, whichever version it came from."""
    if not canvas.version_count:
        return _by_block([])
    threads = CommentThread.objects.filter(canvas=canvas, resolved_at__isnull=True)
    return _by_block(_threads_with_comments(threads))


QUEUE_ROW_FIELDS = (
    "canvas_id",
    "number",
    "submitted_at",
    "canvas__title",
    "canvas__group__name",
    "canvas__group__tambon__place_th",
    "canvas__group__tambon__place_en",
)


def review_queue(user, *, mentor_group_ids=None):
    """Latest submitted versions waiting for a decision, oldest first, that `user` reviews.

    A mentor's come from the groups assigned to them today (`mentor_group_ids` when
    the caller has read them already); regional staff's from their region; national
    staff's from everywhere. One query; each row's canvas, group and place come with it.
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
        if mentor_group_ids is None:
            mentor_group_ids = mentor_assigned_group_ids(user)
        versions = versions.filter(canvas__group_id__in=mentor_group_ids)
    else:
        return versions.none()
    # Only what a queue row shows: fewer columns to read and fewer objects to build.
    return (
        versions.select_related("canvas__group__tambon")
        .only(*QUEUE_ROW_FIELDS)
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


# The review page, bounded ----------------------------------------------------
# A version may carry hundreds of threads and thousands of comments; the review page
# shows a fixed amount of them whatever the number: per block the first open threads,
# per thread its first and last comments, and the resolved threads as a count. The
# rest opens on the block's threads page and on the thread's own page.

OPEN_THREADS_SHOWN = 1  # open threads shown per block on the review page (the oldest)
COMMENTS_HEAD = 1  # the comment that opened the thread...
COMMENTS_TAIL = 2  # ...and the latest ones; those between open on the thread's page
BLOCK_THREADS_PER_PAGE = 20
THREAD_COMMENTS_PER_PAGE = 100
THREAD_STATES = ("open", "resolved", "all")


def _review_scope(version: CanvasVersion):
    """The threads a version's review page is about: its own (open and resolved) and the
    open threads of earlier versions, which carry over until someone resolves them."""
    # The canvas condition outside the OR: one index scan over the canvas's few threads.
    carried = Q(resolved_at__isnull=True, version__number__lt=version.number)
    return CommentThread.objects.filter(canvas_id=version.canvas_id).filter(
        Q(version=version) | carried
    )


def _thread_people(threads):
    return (
        threads.select_related("resolved_by", "version")
        .defer("version__blocks")
        .order_by("version__number", "opened_at", "pk")
    )


def review_thread_tallies(version: CanvasVersion) -> tuple[dict, dict]:
    """By block key, from one query over the canvas's threads up to `version`, no
    comment read:

    - the review page's {"open", "resolved"} counts: the version's own threads and the
      open threads of earlier versions, which carry over until someone resolves them
      (`_review_scope`);
    - the earlier versions that had threads on the block, oldest first, each as
      {"number", "count"}: the page links to those versions' review pages."""
    counts = {key: {"open": 0, "resolved": 0} for key in BLOCK_KEYS}
    earlier: dict[str, list[dict]] = {key: [] for key in BLOCK_KEYS}
    rows = (
        CommentThread.objects.filter(
            canvas_id=version.canvas_id, version__number__lte=version.number
        )
        .values("block_key", "version__number")
        .annotate(
            open=Count("pk", filter=Q(resolved_at__isnull=True)),
            resolved=Count("pk", filter=Q(resolved_at__isnull=False)),
        )
        .order_by("version__number", "block_key")
    )
    for row in rows:
        key, number = row["block_key"], row["version__number"]
        if key not in counts:
            continue
        counts[key]["open"] += row["open"]
        if number == version.number:
            counts[key]["resolved"] += row["resolved"]
        else:
            earlier[key].append({"number": number, "count": row["open"] + row["resolved"]})
    return counts, earlier


def _capped_comments(thread_ids, user) -> dict[int, list]:
    """By thread id: its first COMMENTS_HEAD and last COMMENTS_TAIL comments, each marked
    with the thread's `total` and `last_other` (the latest comment's id by anyone but
    `user`, which decides whether `user` may still edit theirs). One query."""
    if not thread_ids:
        return {}
    by_thread = {"partition_by": [F("thread_id")]}
    others = ~Q(author_id=user.pk or 0)
    rows = (
        Comment.objects.filter(thread_id__in=thread_ids)
        .select_related("author")
        .annotate(
            first=Window(RowNumber(), order_by=[F("created_at"), F("pk")], **by_thread),
            last=Window(
                RowNumber(), order_by=[F("created_at").desc(), F("pk").desc()], **by_thread
            ),
            total=Window(Count("pk"), **by_thread),
            last_other=Window(Max("pk", filter=others), **by_thread),
        )
        .filter(Q(first__lte=COMMENTS_HEAD) | Q(last__lte=COMMENTS_TAIL))
        .order_by("thread_id", "created_at", "pk")
    )
    grouped: dict[int, list] = {pk: [] for pk in thread_ids}
    for comment in rows:
        grouped[comment.thread_id].append(comment)
    return grouped


def _mark_comments(threads, comments_by_thread, user, shown_number) -> None:
    """What the thread partial shows: the comments kept, where the hidden ones were, the
    version the thread came from (when not the shown one) and which comments are editable."""
    for thread in threads:
        number = thread.version.number
        thread.from_number = number if number < shown_number else None
        comments = comments_by_thread.get(thread.pk, [])
        total = comments[0].total if comments else 0
        thread.comment_total = total
        thread.shown_comments = comments
        thread.hidden_count = total - len(comments)
        thread.hidden_after = min(COMMENTS_HEAD, len(comments)) if thread.hidden_count else 0
        for comment in comments:
            comment.thread = thread  # its edit link reads the thread: no query per comment
            comment.editable = (
                thread.is_open
                and user.is_authenticated
                and comment.author_id == user.pk
                and (comment.last_other is None or comment.last_other < comment.pk)
            )


def review_threads(version: CanvasVersion, user, *, focus=None) -> dict[str, list]:
    """By block key: what the review page shows of its threads, in a fixed number of
    queries whatever their number: the first OPEN_THREADS_SHOWN open threads of each
    block, each with its first and last comments (see `_capped_comments`); and the
    thread `focus` (an id, say from a notification) wherever it is, resolved or not."""
    ranked = _thread_people(
        _review_scope(version)
        .filter(resolved_at__isnull=True)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("block_key")],
                order_by=[F("version__number"), F("opened_at"), F("pk")],
            )
        )
        .filter(rank__lte=OPEN_THREADS_SHOWN)
    )
    threads = list(ranked)
    if focus and all(thread.pk != focus for thread in threads):
        threads += list(_thread_people(_review_scope(version).filter(pk=focus)))
    _mark_comments(threads, _capped_comments([t.pk for t in threads], user), user, version.number)
    for thread in threads:
        thread.focused = thread.pk == focus
    return _by_block(threads)


def review_block_threads(version: CanvasVersion, block_key: str, state: str):
    """The threads of one block of a version's review page, open, resolved or all, oldest
    first (a queryset to page through; pass a page to `mark_review_threads`)."""
    threads = _review_scope(version).filter(block_key=block_key)
    if state != "all":
        threads = threads.filter(resolved_at__isnull=(state == "open"))
    return _thread_people(threads)


def mark_review_threads(threads, version: CanvasVersion, user) -> list:
    """A page of threads with their first and last comments (one query)."""
    threads = list(threads)
    _mark_comments(threads, _capped_comments([t.pk for t in threads], user), user, version.number)
    return threads


def thread_of_canvas_or_404(canvas: Canvas, pk: int) -> CommentThread:
    """A thread of `canvas` (which the caller may read), with its people; 404 otherwise."""
    thread = _thread_people(CommentThread.objects.filter(canvas=canvas, pk=pk)).first()
    if thread is None:
        raise Http404
    thread.canvas = canvas
    return thread


def thread_comments(thread: CommentThread):
    """Every comment of a thread, oldest first, with its author (a queryset to page)."""
    return (
        Comment.objects.filter(thread=thread).select_related("author").order_by("created_at", "pk")
    )


def thread_last_other(thread: CommentThread, user) -> int | None:
    """The latest comment's id in the thread by anyone but `user` (None: only theirs)."""
    comments = Comment.objects.filter(thread=thread)
    if user.is_authenticated:
        comments = comments.exclude(author_id=user.pk)
    return comments.aggregate(last=Max("pk"))["last"]
