"""Each presenting group's part in a forum is discussed like a canvas block: the thread
belongs to that group, so its mentors and staff open, its leaders reply, no one else."""

import pytest
from django.urls import reverse

from accounts.models import Notification
from canvases import reviews, subjects
from canvases.models import CommentThread
from programme.threads import FORUM, forum_topic
from tests import factories
from tests.programme.test_forums import make_forum
from tests.programme.test_story_query_counts import count

pytestmark = pytest.mark.django_db

KIND = subjects.kind_named(FORUM)


def open_url(forum):
    return reverse("canvases:subject_thread_open", args=[FORUM, forum.pk])


def thread_url(name, thread):
    return reverse(f"canvases:subject_thread_{name}", args=[thread.pk])


@pytest.fixture
def other_group(group):
    return factories.CommunityGroupFactory(name="กลุ่มแปรรูปมะละกอ", tambon=group.tambon)


@pytest.fixture
def other_group_leader(other_group):
    user = factories.UserFactory(username="papaya_leader")
    factories.MembershipFactory(group=other_group, user=user, role="leader")
    return user


@pytest.fixture
def forum(group, other_group):
    return make_forum(group.tambon, [group, other_group])


def open_on(forum, group, by, body="เล่าเพิ่มเรื่องเส้นทาง"):
    return reviews.thread_open(
        kind=KIND, subject=forum, topic=forum_topic(group.pk), body=body, by=by
    ).thread


def test_the_mentor_opens_a_thread_on_their_groups_part(
    client, forum, group, mentor, mentor_user, leader
):
    client.force_login(mentor_user)
    page = client.get(forum.get_absolute_url()).content.decode()
    assert page.count(open_url(forum)) == 1  # only the group they mentor
    response = client.post(open_url(forum), {"topic": str(group.pk), "body": "ขอภาพเวที"})
    thread = CommentThread.objects.get()
    assert response.status_code == 302
    assert response.url == forum.get_absolute_url() + f"#thread-{thread.pk}"
    assert (thread.kind, thread.object_id, thread.group_id) == (FORUM, forum.pk, group.pk)
    assert Notification.objects.filter(recipient=leader).count() == 1


def test_the_mentor_may_not_open_on_another_groups_part(
    client, forum, other_group, mentor, mentor_user
):
    client.force_login(mentor_user)
    response = client.post(open_url(forum), {"topic": str(other_group.pk), "body": "x"})
    assert response.status_code == 404
    assert not CommentThread.objects.exists()


@pytest.mark.parametrize("topic", ["", "999999", "abc"])
def test_a_topic_naming_no_presenting_group_is_refused(client, forum, staff_south, topic):
    outside = factories.CommunityGroupFactory()
    client.force_login(staff_south)
    for bad in (topic, str(outside.pk)):
        assert client.post(open_url(forum), {"topic": bad, "body": "x"}).status_code == 404
    assert not CommentThread.objects.exists()


def test_the_service_refuses_a_group_that_did_not_present(forum, staff_south):
    from canvases.services import CanvasRefused

    outside = factories.CommunityGroupFactory()
    with pytest.raises(CanvasRefused):
        reviews.thread_open(
            kind=KIND, subject=forum, topic=str(outside.pk), body="x", by=staff_south
        )


def test_the_leader_replies_the_mentor_is_told_and_resolves(
    client, forum, group, leader, mentor, mentor_user
):
    thread = open_on(forum, group, mentor_user)
    Notification.objects.all().delete()
    client.force_login(leader)
    page = client.get(forum.get_absolute_url()).content.decode()
    assert f'id="thread-{thread.pk}"' in page and open_url(forum) not in page
    response = client.post(thread_url("reply", thread), {"body": "ส่งภาพแล้ว"})
    assert response.status_code == 302 and response.url.endswith(f"#thread-{thread.pk}")
    assert Notification.objects.filter(recipient=mentor_user).count() == 1
    client.force_login(mentor_user)
    assert client.post(thread_url("resolve", thread)).status_code == 302
    thread.refresh_from_db()
    assert not thread.is_open


def test_a_leader_of_group_a_cannot_reply_in_group_bs_thread(
    client, forum, group, other_group, leader, other_group_leader, staff_south
):
    theirs = open_on(forum, other_group, staff_south)
    assert Notification.objects.filter(recipient=other_group_leader).count() == 1
    assert not Notification.objects.filter(recipient=leader).exists()
    ours = open_on(forum, group, staff_south)
    client.force_login(leader)
    page = client.get(forum.get_absolute_url()).content.decode()
    assert f'id="thread-{ours.pk}"' in page and f'id="thread-{theirs.pk}"' not in page
    for name in ("reply", "resolve", "reopen"):
        assert client.post(thread_url(name, theirs), {"body": "แทรก"}).status_code == 404
    assert theirs.comments.count() == 1
    client.force_login(other_group_leader)
    assert client.post(thread_url("reply", theirs), {"body": "ตอบ"}).status_code == 302
    assert client.post(thread_url("reply", ours), {"body": "แทรก"}).status_code == 404


def test_staff_of_another_region_get_404(client, forum, group, staff_south, staff_other_region):
    thread = open_on(forum, group, staff_south)
    client.force_login(staff_other_region)
    assert client.post(open_url(forum), {"topic": str(group.pk), "body": "x"}).status_code == 404
    for name in ("reply", "resolve", "reopen"):
        assert client.post(thread_url(name, thread), {"body": "x"}).status_code == 404


def test_a_member_reads_without_forms(client, forum, group, member, staff_south):
    thread = open_on(forum, group, staff_south)
    client.force_login(member)
    page = client.get(forum.get_absolute_url()).content.decode()
    assert f'id="thread-{thread.pk}"' in page and thread_url("reply", thread) not in page
    assert client.post(thread_url("reply", thread), {"body": "x"}).status_code == 403


@pytest.mark.parametrize("who", ["staff_south", "mentor_user", "leader"])
def test_the_forum_page_is_flat_in_the_number_of_presenting_groups(
    request, client, group, leader, mentor, mentor_user, staff_south, who
):
    client.force_login(request.getfixturevalue(who))
    small = make_forum(group.tambon, [group])
    big_groups = [group] + [factories.CommunityGroupFactory(tambon=group.tambon) for _ in range(4)]
    big = make_forum(group.tambon, big_groups)
    for forum in (small, big):
        for presenter in big_groups if forum is big else [group]:
            for _ in range(2):
                thread = open_on(forum, presenter, staff_south)
                reviews.comment_reply(thread=thread, body="ตอบ", by=staff_south)
    assert count(client, big.get_absolute_url()) == count(client, small.get_absolute_url())


def test_the_thread_forms_are_in_the_page_once_and_not_in_its_title(
    client, forum, group, mentor, mentor_user
):
    thread = open_on(forum, group, mentor_user)
    client.force_login(mentor_user)
    html = client.get(forum.get_absolute_url()).content.decode()
    title = html[html.index("<title>") : html.index("</title>")]
    assert "<form" not in title and "csrf" not in title
    assert html.count(f'id="thread-{thread.pk}-form"') == 1
