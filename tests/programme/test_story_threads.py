"""Stories are discussed like canvas blocks: mentors and staff open, leaders reply, and
only the signed-in story page shows the threads (the public page never does)."""

import pytest
from django.urls import reverse

from accounts.models import Notification
from canvases import reviews, subjects
from canvases.models import CommentThread
from programme.threads import STORY
from tests import factories
from tests.programme.story_helpers import make_story
from tests.programme.test_story_query_counts import count

pytestmark = pytest.mark.django_db

KIND = subjects.kind_named(STORY)


def open_url(story):
    return reverse("canvases:subject_thread_open", args=[STORY, story.pk])


def thread_url(name, thread):
    return reverse(f"canvases:subject_thread_{name}", args=[thread.pk])


def detail(story):
    return reverse("programme:story_detail", args=[story.pk])


@pytest.fixture
def story(group):
    return make_story(group, published=True)


@pytest.fixture
def thread(story, mentor, mentor_user):
    return reviews.thread_open(
        kind=KIND, subject=story, topic="", body="เล่าเพิ่ม", by=mentor_user
    ).thread


def test_the_mentor_opens_a_thread_from_the_story_page(client, story, mentor, mentor_user, leader):
    client.force_login(mentor_user)
    assert open_url(story) in client.get(detail(story)).content.decode()
    response = client.post(open_url(story), {"topic": "", "body": "ขอภาพเรือเพิ่ม"})
    thread = CommentThread.objects.get()
    assert response.status_code == 302
    assert response.url == detail(story) + f"#thread-{thread.pk}"
    assert (thread.kind, thread.object_id, thread.group_id) == (STORY, story.pk, story.group_id)
    assert Notification.objects.filter(recipient=leader).count() == 1
    assert not Notification.objects.filter(recipient=mentor_user).exists()


def test_the_leader_replies_the_mentor_is_told_and_resolves(
    client, story, leader, mentor_user, thread
):
    Notification.objects.all().delete()
    client.force_login(leader)
    page = client.get(detail(story)).content.decode()
    assert f'id="thread-{thread.pk}"' in page and open_url(story) not in page
    response = client.post(thread_url("reply", thread), {"body": "ส่งภาพพรุ่งนี้"})
    assert response.status_code == 302 and response.url.endswith(f"#thread-{thread.pk}")
    assert thread.comments.count() == 2
    assert Notification.objects.filter(recipient=mentor_user).count() == 1
    assert not Notification.objects.filter(recipient=leader).exists()
    client.force_login(mentor_user)
    assert client.post(thread_url("resolve", thread)).status_code == 302
    thread.refresh_from_db()
    assert not thread.is_open


def test_leaders_and_members_may_not_open(client, story, leader, member):
    for user in (leader, member):
        client.force_login(user)
        assert client.post(open_url(story), {"topic": "", "body": "x"}).status_code == 403
    assert not CommentThread.objects.exists()


def test_a_member_reads_without_reply_forms(client, story, member, thread):
    client.force_login(member)
    page = client.get(detail(story)).content.decode()
    assert f'id="thread-{thread.pk}"' in page and thread_url("reply", thread) not in page
    assert client.post(thread_url("reply", thread), {"body": "x"}).status_code == 403


def test_outsiders_get_404_for_a_story_of_another_region(client, staff_other_region, north):
    tambon = factories.TambonFactory(district__province=factories.ProvinceFactory(region=north))
    northern = make_story(factories.CommunityGroupFactory(tambon=tambon))
    staff_south = factories.RegionStaffFactory(
        region=factories.RegionFactory(slug="east"), user__username="staff_east"
    ).user
    client.force_login(staff_south)
    assert client.post(open_url(northern), {"topic": "", "body": "x"}).status_code == 404
    client.force_login(staff_other_region)
    thread = reviews.thread_open(
        kind=KIND, subject=northern, topic="", body="ของภาคเหนือ", by=staff_other_region
    ).thread
    client.force_login(staff_south)
    for name in ("reply", "resolve", "reopen"):
        assert client.post(thread_url(name, thread), {"body": "x"}).status_code == 404
    assert thread.comments.count() == 1


def test_the_public_story_page_shows_no_threads(client, story, thread):
    region = story.group.tambon.province.region.slug
    page = client.get(reverse("stories:story", args=[region, story.pk])).content.decode()
    assert "เล่าเพิ่ม" not in page and "thread-" not in page
    assert "subject_thread" not in page and open_url(story) not in page


@pytest.mark.parametrize("who", ["mentor_user", "leader"])
def test_the_story_page_is_flat(request, client, story, leader, mentor, mentor_user, who):
    client.force_login(request.getfixturevalue(who))
    none = count(client, detail(story))
    reviews.thread_open(kind=KIND, subject=story, topic="", body="หนึ่ง", by=mentor_user)
    one = count(client, detail(story))
    for _ in range(4):
        thread = reviews.thread_open(
            kind=KIND, subject=story, topic="", body="อีก", by=mentor_user
        ).thread
        reviews.comment_reply(thread=thread, body="ตอบ", by=leader)
    assert count(client, detail(story)) == one <= none + 1
