"""Who hears of what: mentors of submissions, leaders of comments and decisions, by mail too."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Notification
from canvases import reviews, services
from tests import factories


def notes_of(user):
    return list(Notification.objects.filter(recipient=user).order_by("pk"))


@pytest.fixture
def mentor_with_mail(assigned_mentor):
    assigned_mentor.email = "mentor@example.org"
    assigned_mentor.save(update_fields=["email"])
    return assigned_mentor


@pytest.fixture
def leader_with_mail(leader):
    leader.email = "leader@example.org"
    leader.save(update_fields=["email"])
    return leader


def test_a_submission_tells_the_assigned_mentors_by_bell_and_mail(
    filled_canvas,
    leader,
    mentor_with_mail,
    unassigned_mentor,
    staff_south,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        version = services.canvas_submit(canvas=filled_canvas, by=leader)
    [note] = notes_of(mentor_with_mail)
    assert "ล่องคลองมะรุย" in note.text and "ฉบับที่ 1" in note.text
    assert note.url == reverse("canvases:version_review", args=[filled_canvas.pk, version.number])
    assert note.actor == leader
    assert notes_of(unassigned_mentor) == [] and notes_of(staff_south) == []
    assert notes_of(leader) == []  # never told of one's own action
    [message] = mail.outbox
    assert message.to == ["mentor@example.org"]
    assert note.url in message.body


def test_a_reviewers_comment_tells_the_leaders_not_the_members(
    version, staff_south, leader_with_mail, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        comment = reviews.comment_create(
            version=version, block_key="channels", body="เพิ่มไลน์", by=staff_south
        )
    [note] = notes_of(leader_with_mail)
    assert "ช่องทาง" in note.text
    assert note.url == reverse("canvases:detail", args=[version.canvas_id]) + "#block-channels"
    assert notes_of(member) == []
    assert [m.to for m in mail.outbox] == [["leader@example.org"]]
    assert comment.thread_id


def test_a_leaders_reply_tells_the_reviewers_in_the_thread(
    thread, leader, mentor_with_mail, staff_south, django_capture_on_commit_callbacks
):
    reviews.comment_reply(thread=thread, body="เพิ่มแล้ว", by=staff_south)
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        reviews.comment_reply(thread=thread, body="เพิ่มไลน์แล้วค่ะ", by=leader)
    mentor_notes, staff_notes = notes_of(mentor_with_mail), notes_of(staff_south)
    assert len(mentor_notes) == len(staff_notes) == 1
    assert "ตอบความเห็น" in mentor_notes[0].text
    assert mentor_notes[0].url.endswith(f"#thread-{thread.pk}")
    assert notes_of(leader) == []
    assert [m.to for m in mail.outbox] == [["mentor@example.org"]]


def test_a_reviewers_reply_tells_the_leaders(thread, leader, staff_south):
    Notification.objects.all().delete()
    reviews.comment_reply(thread=thread, body="ลองดูอีกที", by=staff_south)
    [note] = notes_of(leader)
    assert "ตอบความเห็น" in note.text


@pytest.mark.parametrize(
    "decision,words", [("approve", "เห็นชอบ"), ("request_changes", "ขอให้ปรับแก้")]
)
def test_a_decision_tells_the_leaders_with_the_summary(
    version,
    assigned_mentor,
    leader_with_mail,
    member,
    decision,
    words,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        reviews.review_decide(
            version=version, by=assigned_mentor, decision=decision, summary="เพิ่มช่องทางไลน์"
        )
    [note] = notes_of(leader_with_mail)
    assert words in note.text and "เพิ่มช่องทางไลน์" in note.text
    assert note.url == reverse("canvases:detail", args=[version.canvas_id])
    assert notes_of(member) == []
    assert len(mail.outbox) == 1


def test_a_refused_decision_tells_nobody(version, leader, staff_other_region):
    with pytest.raises(services.CanvasRefused):
        reviews.review_decide(version=version, by=staff_other_region, decision="approve")
    assert notes_of(leader) == []


def test_no_mail_for_people_without_an_address(
    version, staff_south, leader, django_capture_on_commit_callbacks
):
    assert not leader.email
    with django_capture_on_commit_callbacks(execute=True):
        reviews.comment_create(version=version, block_key="channels", body="x", by=staff_south)
    assert len(notes_of(leader)) == 1
    assert mail.outbox == []


def test_a_second_leader_hears_too(version, staff_south, leader, group):
    other = factories.UserFactory(username="leader2")
    factories.MembershipFactory(group=group, user=other, role="leader")
    reviews.comment_create(version=version, block_key="channels", body="x", by=staff_south)
    assert len(notes_of(leader)) == len(notes_of(other)) == 1
