"""Threads on a group's plan areas and results: the canvases' services, made generic."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from accounts.models import Notification, NotificationEvent
from canvases import reviews, subjects
from canvases.models import MAX_COMMENT_CHARS, CommentThread
from canvases.services import CanvasRefused
from programme.threads import PLAN_AREA, RESULT
from tests.programme.conftest import make_result

pytestmark = pytest.mark.django_db

PLAN = subjects.kind_named(PLAN_AREA)
RESULTS = subjects.kind_named(RESULT)


def notes_of(user):
    return list(Notification.objects.filter(recipient=user).order_by("pk"))


def open_on_people(group, by, body="ควรมีแผนอบรมบัญชีครัวเรือน"):
    return reviews.thread_open(kind=PLAN, subject=group, topic="people", body=body, by=by)


def test_a_mentor_opens_a_thread_on_an_area_and_the_leaders_hear_of_it(
    group, leader, member, mentor, mentor_user
):
    comment = open_on_people(group, mentor_user)
    thread = comment.thread
    assert (thread.kind, thread.topic, thread.group, thread.subject) == (
        "plan_area",
        "people",
        group,
        group,
    )
    assert thread.canvas_id is None and thread.version_id is None and thread.block_key == ""
    [note] = notes_of(leader)
    assert note.event == NotificationEvent.THREAD_COMMENT_ADDED
    assert "ด้านคน" in note.text and "แผนพัฒนา 4 ด้าน" in note.text and group.name in note.text
    assert note.url == reverse("programme:plan", args=[group.pk]) + f"#thread-{thread.pk}"
    assert set(note.data["topic"]) == {"th", "en"}  # the reader's language, not the writer's
    with translation.override("en"):
        assert note.text  # still a sentence, whatever the catalogue holds
    assert notes_of(member) == [] and notes_of(mentor_user) == []


def test_staff_of_the_region_open_threads_too(group, leader, staff_south, national_staff):
    open_on_people(group, staff_south)
    reviews.thread_open(
        kind=PLAN, subject=group, topic="policy", body="เชื่อมกับแผน อบต.", by=national_staff
    )
    assert CommentThread.objects.filter(group=group).count() == 2
    assert len(notes_of(leader)) == 2


@pytest.mark.parametrize("who", ["leader", "member", "other_mentor_user", "staff_other_region"])
def test_only_reviewers_of_the_group_open_threads(request, group, who):
    with pytest.raises(CanvasRefused):
        open_on_people(group, request.getfixturevalue(who))
    assert not CommentThread.objects.exists()


def test_an_unknown_area_is_refused(group, mentor, mentor_user):
    with pytest.raises(CanvasRefused):
        reviews.thread_open(kind=PLAN, subject=group, topic="money", body="x", by=mentor_user)


@pytest.mark.parametrize("body", ["", "   \n ", "ก" * (MAX_COMMENT_CHARS + 1)])
def test_empty_and_too_long_bodies_are_refused(group, mentor, mentor_user, body):
    with pytest.raises(CanvasRefused):
        open_on_people(group, mentor_user, body=body)


def test_a_leaders_reply_tells_the_assigned_mentors_and_the_staff_in_the_thread(
    group, leader, member, mentor, mentor_user, staff_south, other_mentor_user
):
    thread = open_on_people(group, staff_south).thread
    Notification.objects.all().delete()
    reviews.comment_reply(thread=thread, body="จะจัดอบรมเดือนหน้า", by=leader)
    for reviewer in (mentor_user, staff_south):
        [note] = notes_of(reviewer)
        assert note.event == NotificationEvent.THREAD_COMMENT_REPLIED
        assert note.url.endswith(f"#thread-{thread.pk}")
    assert notes_of(other_mentor_user) == [] and notes_of(member) == []
    assert notes_of(leader) == []


def test_a_mentors_reply_tells_the_leaders(group, leader, mentor, mentor_user):
    thread = open_on_people(group, mentor_user).thread
    Notification.objects.all().delete()
    reviews.comment_reply(thread=thread, body="เพิ่มเติม", by=mentor_user)
    [note] = notes_of(leader)
    assert note.event == NotificationEvent.THREAD_COMMENT_REPLIED


def test_members_and_other_groups_mentors_do_not_reply(
    group, member, mentor, mentor_user, other_mentor_user
):
    thread = open_on_people(group, mentor_user).thread
    for who in (member, other_mentor_user):
        with pytest.raises(CanvasRefused):
            reviews.comment_reply(thread=thread, body="ตอบ", by=who)
    assert thread.comments.count() == 1


def test_either_side_resolves_and_reopens_and_a_resolved_thread_takes_no_reply(
    group, leader, mentor, mentor_user, member
):
    thread = open_on_people(group, mentor_user).thread
    reviews.thread_resolve(thread=thread, by=leader)
    thread.refresh_from_db()
    assert not thread.is_open and thread.resolved_by == leader
    with pytest.raises(CanvasRefused):
        reviews.comment_reply(thread=thread, body="อีกเรื่อง", by=leader)
    reviews.thread_reopen(thread=thread, by=mentor_user)
    thread.refresh_from_db()
    assert thread.is_open
    with pytest.raises(CanvasRefused):
        reviews.thread_resolve(thread=thread, by=member)


def test_the_author_edits_until_someone_else_replies(group, leader, mentor, mentor_user):
    comment = open_on_people(group, mentor_user)
    reviews.comment_edit(comment=comment, body="แก้คำผิด", by=mentor_user)
    comment.refresh_from_db()
    assert comment.body == "แก้คำผิด" and comment.edited_at
    reviews.comment_reply(thread=comment.thread, body="รับทราบ", by=leader)
    with pytest.raises(CanvasRefused):
        reviews.comment_edit(comment=comment, body="อีกครั้ง", by=mentor_user)


def test_a_result_thread_is_on_its_period(group, leader, mentor, mentor_user):
    result = make_result(group, fiscal_year=2568, quarter=2)
    with pytest.raises(CanvasRefused):
        reviews.thread_open(kind=RESULTS, subject=result, topic="2568-1", body="x", by=mentor_user)
    comment = reviews.thread_open(
        kind=RESULTS, subject=result, topic="2568-2", body="ต้นทุนค่าขนส่งหายไป", by=mentor_user
    )
    assert comment.thread.group == group and comment.thread.subject == result
    [note] = notes_of(leader)
    assert "ไตรมาส 2/2568" in note.text and "ผลลัพธ์ของแผน" in note.text
    assert note.url == (
        reverse("programme:results", args=[group.pk]) + f"#thread-{comment.thread_id}"
    )


def test_the_database_keeps_a_thread_either_on_a_block_or_on_a_subject(group, mentor, mentor_user):
    thread = open_on_people(group, mentor_user).thread
    for broken in ({"group": None}, {"block_key": "channels"}, {"kind": ""}):
        with pytest.raises(IntegrityError), transaction.atomic():
            CommentThread.objects.filter(pk=thread.pk).update(**broken)


def test_a_kind_is_registered_once_per_model():
    with pytest.raises(ValueError):
        subjects.register(PLAN_AREA, model=CommentThread, label="x", page_url=lambda *a: "/")
