"""Comment threads: opening, replying, editing, resolving; every rule allowed and refused."""

import pytest

from canvases import reviews
from canvases.models import MAX_COMMENT_CHARS, Comment, CommentThread
from canvases.services import CanvasRefused
from tests import factories


def counts():
    return CommentThread.objects.count(), Comment.objects.count()


# --- comment_create ---------------------------------------------------------


@pytest.mark.parametrize("reviewer", ["assigned_mentor", "staff_south", "national_staff"])
def test_a_reviewer_opens_a_thread_on_a_block_with_the_first_comment(request, version, reviewer):
    by = request.getfixturevalue(reviewer)
    comment = reviews.comment_create(
        version=version, block_key="revenue_streams", body="  ราคา 500 บาทสูงไปไหม\r\n ", by=by
    )
    thread = comment.thread
    assert (thread.canvas_id, thread.version, thread.block_key) == (
        version.canvas_id,
        version,
        "revenue_streams",
    )
    assert thread.opened_by == by and thread.is_open
    assert comment.author == by
    assert comment.body == "ราคา 500 บาทสูงไปไหม"
    assert thread.block.title == "รายได้"


@pytest.mark.parametrize(
    "persona", ["leader", "member", "outsider", "unassigned_mentor", "staff_other_region"]
)
def test_others_may_not_open_a_thread(request, version, persona):
    with pytest.raises(CanvasRefused):
        reviews.comment_create(
            version=version,
            block_key="channels",
            body="ความเห็น",
            by=request.getfixturevalue(persona),
        )
    assert counts() == (0, 0)


@pytest.mark.parametrize(
    "block_key,body,message",
    [
        ("channels", "", "กรุณาเขียนความเห็น"),
        ("channels", " \n\t ", "กรุณาเขียนความเห็น"),
        ("channels", "ก" * (MAX_COMMENT_CHARS + 1), "ยาวเกิน"),
        ("channels", "ก" * 5000, "ยาวเกิน"),
        ("no_such_block", "ความเห็น", "ไม่มีช่องนี้"),
        ("", "ความเห็น", "ไม่มีช่องนี้"),
    ],
)
def test_bad_comments_are_refused_with_a_reason(version, assigned_mentor, block_key, body, message):
    with pytest.raises(CanvasRefused) as refused:
        reviews.comment_create(version=version, block_key=block_key, body=body, by=assigned_mentor)
    assert message in refused.value.message
    assert counts() == (0, 0)


def test_the_longest_comment_allowed_is_kept_whole(version, assigned_mentor):
    body = "ข" * MAX_COMMENT_CHARS
    comment = reviews.comment_create(
        version=version, block_key="channels", body=body, by=assigned_mentor
    )
    assert Comment.objects.get(pk=comment.pk).body == body


def test_new_threads_only_on_the_latest_version(resubmitted_canvas, staff_south):
    first = resubmitted_canvas.versions.get(number=1)
    before = counts()
    with pytest.raises(CanvasRefused) as refused:
        reviews.comment_create(version=first, block_key="channels", body="x", by=staff_south)
    assert "ฉบับล่าสุด" in refused.value.message
    assert counts() == before


def test_control_characters_are_dropped_and_html_is_kept_as_text(version, staff_south):
    comment = reviews.comment_create(
        version=version, block_key="channels", body="<b>ดี</b>\x00\x07", by=staff_south
    )
    assert comment.body == "<b>ดี</b>"


# --- comment_reply ----------------------------------------------------------


@pytest.mark.parametrize("persona", ["leader", "assigned_mentor", "staff_south", "national_staff"])
def test_leaders_and_reviewers_reply(request, thread, persona):
    by = request.getfixturevalue(persona)
    reply = reviews.comment_reply(thread=thread, body="เพิ่มแล้วค่ะ", by=by)
    assert list(thread.comments.values_list("body", flat=True)) == [
        "เพิ่มช่องทางไลน์ด้วยไหม",
        "เพิ่มแล้วค่ะ",
    ]
    assert reply.author == by


@pytest.mark.parametrize(
    "persona", ["member", "outsider", "unassigned_mentor", "staff_other_region"]
)
def test_others_may_not_reply(request, thread, persona):
    before = counts()
    with pytest.raises(CanvasRefused):
        reviews.comment_reply(thread=thread, body="ตอบ", by=request.getfixturevalue(persona))
    assert counts() == before


@pytest.mark.parametrize("body", ["", "   ", "ก" * (MAX_COMMENT_CHARS + 1)])
def test_a_bad_reply_is_refused(thread, leader, body):
    before = counts()
    with pytest.raises(CanvasRefused):
        reviews.comment_reply(thread=thread, body=body, by=leader)
    assert counts() == before


def test_a_resolved_thread_takes_no_reply_until_reopened(thread, leader):
    reviews.thread_resolve(thread=thread, by=leader)
    before = counts()
    with pytest.raises(CanvasRefused) as refused:
        reviews.comment_reply(thread=thread, body="อีกเรื่อง", by=leader)
    assert "ปิดไปแล้ว" in refused.value.message
    assert counts() == before
    reviews.thread_reopen(thread=thread, by=leader)
    reviews.comment_reply(thread=thread, body="อีกเรื่อง", by=leader)
    assert counts() == (1, 2)


# --- comment_edit -----------------------------------------------------------


def test_the_author_edits_until_someone_replies(thread, assigned_mentor, leader):
    first = thread.comments.get()
    edited = reviews.comment_edit(comment=first, body="เพิ่มไลน์และติ๊กต็อก", by=assigned_mentor)
    first.refresh_from_db()
    assert first.body == edited.body == "เพิ่มไลน์และติ๊กต็อก"
    assert first.edited_at is not None

    reviews.comment_reply(thread=thread, body="รับทราบ", by=leader)
    with pytest.raises(CanvasRefused) as refused:
        reviews.comment_edit(comment=first, body="เปลี่ยนใจ", by=assigned_mentor)
    assert "มีผู้ตอบ" in refused.value.message
    first.refresh_from_db()
    assert first.body == "เพิ่มไลน์และติ๊กต็อก"


def test_the_authors_own_second_comment_does_not_lock_the_first(thread, assigned_mentor):
    first = thread.comments.get()
    reviews.comment_reply(thread=thread, body="อีกนิด", by=assigned_mentor)
    reviews.comment_edit(comment=first, body="แก้แล้ว", by=assigned_mentor)
    first.refresh_from_db()
    assert first.body == "แก้แล้ว"


@pytest.mark.parametrize("persona", ["leader", "staff_south", "national_staff", "member"])
def test_only_the_author_edits(request, thread, persona):
    first = thread.comments.get()
    with pytest.raises(CanvasRefused):
        reviews.comment_edit(comment=first, body="แก้", by=request.getfixturevalue(persona))
    first.refresh_from_db()
    assert first.body == "เพิ่มช่องทางไลน์ด้วยไหม" and first.edited_at is None


@pytest.mark.parametrize("body", ["", "ก" * (MAX_COMMENT_CHARS + 1)])
def test_an_edit_to_a_bad_text_is_refused(thread, assigned_mentor, body):
    first = thread.comments.get()
    with pytest.raises(CanvasRefused):
        reviews.comment_edit(comment=first, body=body, by=assigned_mentor)
    first.refresh_from_db()
    assert first.body == "เพิ่มช่องทางไลน์ด้วยไหม"


def test_no_edit_once_resolved(thread, assigned_mentor):
    reviews.thread_resolve(thread=thread, by=assigned_mentor)
    with pytest.raises(CanvasRefused):
        reviews.comment_edit(comment=thread.comments.get(), body="แก้", by=assigned_mentor)


def test_the_same_text_is_not_an_edit(thread, assigned_mentor):
    first = thread.comments.get()
    reviews.comment_edit(comment=first, body=first.body, by=assigned_mentor)
    first.refresh_from_db()
    assert first.edited_at is None


def test_editability_rule_on_a_loaded_thread(leader, assigned_mentor):
    thread = factories.CommentThreadFactory(opened_by=assigned_mentor)
    a = factories.CommentFactory(thread=thread, author=assigned_mentor)
    b = factories.CommentFactory(thread=thread, author=leader)
    c = factories.CommentFactory(thread=thread, author=assigned_mentor)
    comments = [a, b, c]
    assert not reviews.comment_is_editable(a, comments, assigned_mentor)
    assert not reviews.comment_is_editable(b, comments, leader)  # the mentor wrote after it
    assert reviews.comment_is_editable(b, [a, b], leader)  # nobody else wrote after it
    assert reviews.comment_is_editable(c, comments, assigned_mentor)
    assert not reviews.comment_is_editable(c, comments, leader)


# --- resolve / reopen -------------------------------------------------------


@pytest.mark.parametrize("persona", ["leader", "assigned_mentor", "staff_south"])
def test_either_side_resolves_and_reopens(request, thread, persona):
    by = request.getfixturevalue(persona)
    reviews.thread_resolve(thread=thread, by=by)
    thread.refresh_from_db()
    assert not thread.is_open and thread.resolved_by == by
    reviews.thread_resolve(thread=thread, by=by)  # twice changes nothing
    reviews.thread_reopen(thread=thread, by=by)
    thread.refresh_from_db()
    assert thread.is_open and thread.resolved_by is None


@pytest.mark.parametrize(
    "persona", ["member", "outsider", "unassigned_mentor", "staff_other_region"]
)
@pytest.mark.parametrize("change", [reviews.thread_resolve, reviews.thread_reopen])
def test_others_may_not_resolve_or_reopen(request, thread, persona, change):
    if change is reviews.thread_reopen:
        reviews.thread_resolve(thread=thread, by=request.getfixturevalue("leader"))
    thread.refresh_from_db()
    before = (thread.resolved_at, thread.resolved_by_id)
    with pytest.raises(CanvasRefused):
        change(thread=thread, by=request.getfixturevalue(persona))
    thread.refresh_from_db()
    assert (thread.resolved_at, thread.resolved_by_id) == before


def test_a_thread_on_an_unknown_block_cannot_be_stored(version, staff_south):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        CommentThread.objects.create(
            canvas=version.canvas,
            version=version,
            block_key="nine_and_a_half",
            opened_by=staff_south,
        )
