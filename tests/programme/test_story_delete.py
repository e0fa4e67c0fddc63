"""Deleting a story: whoever may edit it asks first, then deletes it with its photos and its
comment threads; the photos' files go only once the deletion is committed."""

import pytest
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse

from accounts.models import AuditAction, AuditEntry
from canvases import reviews, subjects
from canvases.models import Comment, CommentThread
from programme import stories
from programme.models import Story, StoryPhoto
from programme.threads import STORY
from tests.programme.story_helpers import add_photo, make_story

pytestmark = pytest.mark.django_db


def delete_url(story):
    return reverse("programme:story_delete", args=[story.pk])


@pytest.fixture
def story(group, mentor):
    """A published story the group's assigned mentor wrote, with a photo."""
    story = make_story(group, published=True, title="ล่องคลอง <b>อ่าวลึก</b>", author=mentor.user)
    add_photo(story)
    return story


def files_of(story):
    return [name for row in story.photos.values_list("image", "thumbnail") for name in row]


def test_the_author_is_asked_first(client, story, mentor):
    client.force_login(mentor.user)
    response = client.get(delete_url(story))
    assert response.status_code == 200
    html = response.content.decode()
    assert "ลบเรื่องเล่านี้?" in html
    assert "ล่องคลอง &lt;b&gt;อ่าวลึก&lt;/b&gt;" in html
    assert "ภาพ (1 ภาพ)" in html and "(0 เรื่อง)" in html
    assert "หน้าสาธารณะด้วย" in html  # it is published
    assert 'method="post"' in html and "csrfmiddlewaretoken" in html
    assert Story.objects.filter(pk=story.pk).exists()


def test_the_edit_page_links_to_the_question(client, story, mentor):
    client.force_login(mentor.user)
    response = client.get(reverse("programme:story_edit", args=[story.pk]))
    assert f'href="{delete_url(story)}"' in response.content.decode()


def test_the_author_deletes_it_and_lands_on_the_group_stories(
    client, story, mentor, group, django_capture_on_commit_callbacks
):
    names = files_of(story)
    client.force_login(mentor.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(delete_url(story), follow=True)
    assert response.redirect_chain == [(reverse("programme:stories", args=[group.pk]), 302)]
    assert "ลบเรื่องเล่าแล้ว" in response.content.decode()
    assert not Story.objects.exists() and not StoryPhoto.objects.exists()
    assert names and not any(default_storage.exists(name) for name in names)
    entry = AuditEntry.objects.get(action=AuditAction.STORY_DELETED)
    assert (entry.actor, entry.target_id, entry.region_id) == (
        mentor.user,
        story.pk,
        group.region_id,
    )


@pytest.mark.parametrize("persona", ["staff_south", "national_staff"])
def test_staff_who_may_edit_it_delete_it_too(client, story, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.post(delete_url(story)).status_code == 302
    assert not Story.objects.exists()


@pytest.mark.parametrize("persona", ["staff_other_region", "outsider", "other_mentor_user"])
def test_outsiders_get_404(client, story, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(delete_url(story)).status_code == 404
    assert client.post(delete_url(story)).status_code == 404
    assert Story.objects.filter(pk=story.pk).exists()


@pytest.mark.parametrize("persona", ["leader", "member"])
def test_the_group_reads_it_but_may_not_delete_it(client, story, persona, request):
    """The group's own people read the story but do not edit it: an insider without the
    right gets 403, as on the story's edit page."""
    client.force_login(request.getfixturevalue(persona))
    assert client.get(delete_url(story)).status_code == 403
    assert client.post(delete_url(story)).status_code == 403
    assert Story.objects.filter(pk=story.pk).exists()


def test_anonymous_is_sent_to_sign_in(client, story):
    response = client.post(delete_url(story))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Story.objects.exists()


def test_only_get_and_post(client, story, mentor):
    client.force_login(mentor.user)
    assert client.put(delete_url(story)).status_code == 405
    assert client.delete(delete_url(story)).status_code == 405
    assert Story.objects.exists()


def test_its_comment_threads_go_with_it_and_others_stay(story, group, mentor, leader):
    kind = subjects.kind_named(STORY)
    mine = reviews.thread_open(kind=kind, subject=story, topic="", body="เล่าเพิ่ม", by=mentor.user)
    reviews.comment_reply(thread=mine.thread, body="ได้ครับ", by=leader)
    other_story = make_story(group, title="เรื่องอื่น")
    other = reviews.thread_open(
        kind=kind, subject=other_story, topic="", body="อีกเรื่อง", by=mentor.user
    )
    assert stories.story_deletion_counts(story) == {"photo_count": 1, "thread_count": 1}

    stories.story_delete(story=story, by=mentor.user)

    assert list(CommentThread.objects.all()) == [other.thread]
    assert list(Comment.objects.all()) == [other]
    assert Story.objects.get() == other_story


def test_the_files_stay_until_the_deletion_commits(
    story, mentor, django_capture_on_commit_callbacks
):
    names = files_of(story)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        stories.story_delete(story=story, by=mentor.user)
        assert all(default_storage.exists(name) for name in names)
    assert len(callbacks) == 1
    callbacks[0]()
    assert not any(default_storage.exists(name) for name in names)


def test_a_rolled_back_deletion_keeps_the_story_and_its_files(
    story, mentor, django_capture_on_commit_callbacks
):
    names = files_of(story)

    class Undo(Exception):
        pass

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(Undo),
        transaction.atomic(),
    ):
        stories.story_delete(story=story, by=mentor.user)
        raise Undo
    assert Story.objects.filter(pk=story.pk).exists() and StoryPhoto.objects.count() == 1
    assert all(default_storage.exists(name) for name in names)
