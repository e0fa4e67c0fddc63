"""Reviewing a submitted version: comment threads on its blocks and the decision;
and the same threads on any other subject of a group (`canvases.subjects`).

A reviewer (an assigned mentor, staff of the region, national staff) opens a
thread on one block of the latest version; the group's leaders and the
reviewers reply, and either side resolves or reopens it. A comment can be
edited by its author only, and only until someone else has replied after it.
The decision goes through `services.canvas_approve` / `canvas_request_changes`
so it moves the canvas and lands on its timeline like any other.

Each change is one transaction and tells the other side through
`accounts.notifications.notify` (the bell, and e-mail for those with an
address): the leaders hear of reviewers' comments and of decisions, the
reviewers in a thread hear of the leaders' replies.

Threads on other subjects (a plan area, a period's result…) are opened with
`thread_open` instead of `comment_create`; replying, editing, resolving and
reopening are the same functions for both, decided from the subject's group.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from accounts.notifications import Event, in_each_language, notify
from canvases import access
from canvases.blocks import BLOCKS_BY_KEY, normalise_text
from canvases.models import (
    MAX_COMMENT_CHARS,
    MAX_SUMMARY_CHARS,
    Canvas,
    CanvasVersion,
    Comment,
    CommentThread,
    version_review_url,
)
from canvases.services import CanvasRefused, canvas_approve, canvas_request_changes
from canvases.subjects import SubjectKind
from communities.models import CommunityGroup, MembershipRole
from mentors.selectors import group_mentor_users

DECISIONS = ("approve", "request_changes")


def clean_comment_body(body) -> str:
    """The comment as typed, minus control characters; refuses empty and too long texts."""
    body = normalise_text(body).strip()
    if not body:
        raise CanvasRefused(gettext_lazy("กรุณาเขียนความเห็นก่อนส่ง"))
    if len(body) > MAX_COMMENT_CHARS:
        raise CanvasRefused(
            _("ความเห็นยาวเกิน %(limit)s ตัวอักษร (ตอนนี้ %(count)s ตัวอักษร) กรุณาตัดให้สั้นลง")
            % {"limit": f"{MAX_COMMENT_CHARS:,}", "count": f"{len(body):,}"}
        )
    return body


def comment_is_editable(comment: Comment, thread_comments, user) -> bool:
    """The author may edit it while nobody else has written in the thread after it.

    `thread_comments` are all the comments of the thread (in any order); the
    pages pass the prefetched list, the service a fresh one read under lock.
    """
    if not user.is_authenticated or comment.author_id != user.pk:
        return False
    return not any(
        other.pk > comment.pk and other.author_id != comment.author_id for other in thread_comments
    )


def _group_leaders(group_id: int):
    return list(
        User.objects.filter(memberships__group_id=group_id, memberships__role=MembershipRole.LEADER)
    )


def _thread_reviewers(thread: CommentThread, leaders):
    """Who wrote in the thread, other than the group's leaders: the mentors and staff in it."""
    leader_ids = {user.pk for user in leaders}
    writers = User.objects.filter(
        pk__in=Comment.objects.filter(thread=thread).values("author_id")
    ).order_by("pk")
    return [user for user in writers if user.pk not in leader_ids]


def _editor_url(canvas: Canvas, block_key: str) -> str:
    return canvas.get_absolute_url() + f"#block-{block_key}"


def _review_url(canvas: Canvas, number: int, thread: CommentThread | None = None) -> str:
    """The review page; on a thread, `?thread=` shows it even where the page folds it."""
    if thread is None:
        return version_review_url(canvas.pk, number)
    return version_review_url(canvas.pk, number, f"?thread={thread.pk}#thread-{thread.pk}")


def _place(thread: CommentThread) -> tuple[CommunityGroup, Canvas | None]:
    """The group a thread belongs to, and its canvas when it is on a block."""
    if thread.is_on_block:
        canvas = Canvas.objects.select_related("group").get(pk=thread.canvas_id)
        return canvas.group, canvas
    return CommunityGroup.objects.get(pk=thread.group_id), None


def _tell_other_side(
    *, thread: CommentThread, group: CommunityGroup, canvas: Canvas | None, by, reply: bool
) -> None:
    """Leaders hear of what reviewers write; when a leader writes, the reviewers in the
    thread hear of it (on other subjects than blocks, the group's assigned mentors too)."""
    if canvas is not None:
        block = BLOCKS_BY_KEY[thread.block_key]
        values = {"name": by.name, "block": in_each_language(block.title), "title": canvas.title}
        added, replied = Event.COMMENT_ADDED, Event.COMMENT_REPLIED
        to_leaders = _editor_url(canvas, thread.block_key)
        to_reviewers = _review_url(canvas, thread.version.number, thread)
        assigned = []
    else:
        kind = thread.subject_kind
        values = {
            "name": by.name,
            "topic": in_each_language(kind.topic_label(thread.topic)),
            "subject": in_each_language(kind.label),
            "group": group.name,
        }
        added, replied = Event.THREAD_COMMENT_ADDED, Event.THREAD_COMMENT_REPLIED
        to_leaders = to_reviewers = kind.thread_url(thread)
        assigned = group_mentor_users(group)
    leaders = _group_leaders(group.pk)
    if any(leader.pk == by.pk for leader in leaders):
        notify(
            recipients=_thread_reviewers(thread, leaders) + assigned,
            event=replied,
            data=values,
            url=to_reviewers,
            actor=by,
        )
        return
    notify(
        recipients=leaders, event=replied if reply else added, data=values, url=to_leaders, actor=by
    )


def _locked_thread(thread: CommentThread) -> CommentThread:
    return CommentThread.objects.select_for_update().get(pk=thread.pk)


@transaction.atomic
def comment_create(*, version: CanvasVersion, block_key: str, body: str, by) -> Comment:
    """Open a thread on one block of the latest version with its first comment."""
    canvas = Canvas.objects.select_related("group").get(pk=version.canvas_id)
    if not access.can_review_canvas(by, canvas):
        raise CanvasRefused(
            gettext_lazy("เฉพาะพี่เลี้ยงที่ได้รับมอบหมายและเจ้าหน้าที่ พอช. เท่านั้นที่เปิดความเห็นในช่องได้")
        )
    if block_key not in BLOCKS_BY_KEY:
        raise CanvasRefused(gettext_lazy("ไม่มีช่องนี้ในแผน กรุณาเลือกช่องที่จะแสดงความเห็น"))
    body = clean_comment_body(body)
    if version.number != canvas.version_count:
        raise CanvasRefused(
            _("เปิดความเห็นใหม่ได้เฉพาะฉบับล่าสุด (ฉบับที่ %(number)s)") % {"number": canvas.version_count}
        )
    thread = CommentThread.objects.create(
        canvas=canvas, version=version, block_key=block_key, opened_by=by
    )
    comment = Comment.objects.create(thread=thread, author=by, body=body)
    _tell_other_side(thread=thread, group=canvas.group, canvas=canvas, by=by, reply=False)
    return comment


@transaction.atomic
def thread_open(*, kind: SubjectKind, subject, topic: str, body: str, by) -> Comment:
    """Open a thread on one topic of another subject than a block (a plan area, a period's
    result…) with its first comment: reviewers of the subject's group only."""
    group_id = kind.group_id_for(subject, topic)
    if group_id is None:
        raise CanvasRefused(gettext_lazy("ไม่มีหัวข้อนี้ กรุณาเลือกหัวข้อที่จะแสดงความเห็น"))
    group = CommunityGroup.objects.get(pk=group_id)
    if not access.can_review_group(by, group):
        raise CanvasRefused(
            gettext_lazy("เฉพาะพี่เลี้ยงที่ได้รับมอบหมายและเจ้าหน้าที่ พอช. เท่านั้นที่เปิดความเห็นได้")
        )
    if topic not in kind.topics(subject):
        raise CanvasRefused(gettext_lazy("ไม่มีหัวข้อนี้ กรุณาเลือกหัวข้อที่จะแสดงความเห็น"))
    body = clean_comment_body(body)
    thread = CommentThread.objects.create(
        kind=kind.name,
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        topic=topic,
        group=group,
        opened_by=by,
    )
    comment = Comment.objects.create(thread=thread, author=by, body=body)
    _tell_other_side(thread=thread, group=group, canvas=None, by=by, reply=False)
    return comment


@transaction.atomic
def subject_threads_delete(*, kind: SubjectKind, subject) -> int:
    """Delete every thread about `subject`, with its comments: part of the service that
    deletes the subject itself (the caller checked its right to). How many threads went."""
    threads = CommentThread.objects.filter(
        kind=kind.name,
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
    )
    group_id = kind.group_of(subject)
    if group_id is not None:
        threads = threads.filter(group_id=group_id)  # the index of a group's subject threads
    _, deleted = threads.delete()
    return deleted.get(CommentThread._meta.label, 0)


def _require_participant(group: CommunityGroup, by) -> None:
    if not access.can_take_part_in_group_threads(by, group):
        raise CanvasRefused(
            gettext_lazy("เฉพาะแกนนำของกลุ่ม พี่เลี้ยงที่ได้รับมอบหมาย และเจ้าหน้าที่ พอช. เท่านั้นที่ตอบความเห็นได้")
        )


@transaction.atomic
def comment_reply(*, thread: CommentThread, body: str, by) -> Comment:
    """Answer in an open thread: the group's leaders and the reviewers."""
    group, canvas = _place(thread)
    _require_participant(group, by)
    body = clean_comment_body(body)
    fresh = _locked_thread(thread)
    if not fresh.is_open:
        raise CanvasRefused(gettext_lazy("ความเห็นนี้ปิดไปแล้ว กรุณาเปิดอีกครั้งก่อนตอบ"))
    comment = Comment.objects.create(thread=fresh, author=by, body=body)
    fresh.version = thread.version
    _tell_other_side(thread=fresh, group=group, canvas=canvas, by=by, reply=True)
    return comment


@transaction.atomic
def comment_edit(*, comment: Comment, body: str, by) -> Comment:
    """Change the text of one's own comment while nobody else has replied after it."""
    if not access.can_edit_comment(by, comment):
        raise CanvasRefused(gettext_lazy("แก้ไขได้เฉพาะความเห็นที่ท่านเขียนเอง"))
    body = clean_comment_body(body)
    thread = _locked_thread(comment.thread)
    if not thread.is_open:
        raise CanvasRefused(gettext_lazy("ความเห็นนี้ปิดไปแล้ว จึงแก้ไขไม่ได้"))
    others = list(Comment.objects.filter(thread=thread).only("pk", "author_id"))
    if not comment_is_editable(comment, others, by):
        raise CanvasRefused(gettext_lazy("มีผู้ตอบความเห็นนี้แล้ว จึงแก้ไขไม่ได้ กรุณาเขียนตอบแทน"))
    if body != comment.body:
        comment.body = body
        comment.edited_at = timezone.now()
        comment.save(update_fields=["body", "edited_at"])
    return comment


@transaction.atomic
def thread_resolve(*, thread: CommentThread, by) -> CommentThread:
    """Mark the thread resolved (either side); resolving twice changes nothing."""
    return _set_resolved(thread, by, resolved=True)


@transaction.atomic
def thread_reopen(*, thread: CommentThread, by) -> CommentThread:
    """Open a resolved thread again (either side); it shows on later versions again."""
    return _set_resolved(thread, by, resolved=False)


def _set_resolved(thread: CommentThread, by, *, resolved: bool) -> CommentThread:
    group, _canvas = _place(thread)
    _require_participant(group, by)
    fresh = _locked_thread(thread)
    if fresh.is_open == resolved:
        fresh.resolved_at, fresh.resolved_by = (timezone.now(), by) if resolved else (None, None)
        fresh.save(update_fields=["resolved_at", "resolved_by"])
    thread.resolved_at, thread.resolved_by_id = fresh.resolved_at, fresh.resolved_by_id
    return thread


@transaction.atomic
def review_decide(*, version: CanvasVersion, by, decision: str, summary: str = "") -> Canvas:
    """Approve the version or ask for changes, with a summary; the leaders are told.

    Only the latest version of a submitted canvas can be decided on; the
    canvas services check that under the canvas's row lock.
    """
    if decision not in DECISIONS:
        raise CanvasRefused(gettext_lazy("กรุณาเลือกผลการพิจารณา"))
    summary = normalise_text(summary).strip()
    if len(summary) > MAX_SUMMARY_CHARS:
        raise CanvasRefused(
            _("ความเห็นสรุปยาวเกิน %(limit)s ตัวอักษร") % {"limit": f"{MAX_SUMMARY_CHARS:,}"}
        )
    canvas = Canvas.objects.select_related("group").get(pk=version.canvas_id)
    decide = canvas_approve if decision == "approve" else canvas_request_changes
    decide(canvas=canvas, version=version, by=by, summary=summary)
    notify(
        recipients=_group_leaders(canvas.group_id),
        event=Event.CANVAS_APPROVED if decision == "approve" else Event.CHANGES_REQUESTED,
        data={"name": by.name, "title": canvas.title, "number": version.number, "summary": summary},
        url=canvas.get_absolute_url(),
        actor=by,
    )
    return canvas


def prepare_threads(threads_by_block: dict, user, *, shown_number=None) -> None:
    """Mark what a page shows for each thread: the version it came from when that is
    not the shown one (every block's thread, in the editor), and which comments the user
    may edit. Threads on other subjects come from no version."""
    for threads in threads_by_block.values():
        for thread in threads:
            number = thread.version.number if thread.is_on_block else None
            shown = number is not None and (shown_number is None or number < shown_number)
            thread.from_number = number if shown else None
            comments = list(thread.comments.all())
            for comment in comments:
                comment.editable = thread.is_open and comment_is_editable(comment, comments, user)
