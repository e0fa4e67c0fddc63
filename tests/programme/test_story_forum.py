"""A story names the forum it came from (one where its group presented); the forum page
lists its stories and the story pages name the forum (the public one: title and date)."""

import pytest
from django.urls import reverse

from programme.models import Story
from tests import factories
from tests.programme.story_helpers import make_story
from tests.programme.test_forums import make_forum

pytestmark = pytest.mark.django_db

POST = {"title": "ล่องคลองมะรุ่ย", "body": "เรื่องจากเวที"}


@pytest.fixture
def forum(group, staff_south):
    forum = make_forum(group.tambon, [group], by=staff_south)
    forum.organisers = "สภาองค์กรชุมชนตำบลอ่าวลึกใต้"
    forum.save()
    return forum


@pytest.fixture
def other_forum(group):
    """A forum where the group did not present."""
    return make_forum(group.tambon, [factories.CommunityGroupFactory(tambon=group.tambon)])


def test_the_story_names_a_forum_where_its_group_presented(client, group, forum, mentor):
    client.force_login(mentor.user)
    page = client.get(reverse("programme:story_new", args=[group.pk])).content.decode()
    assert forum.title in page
    response = client.post(
        reverse("programme:story_new", args=[group.pk]), POST | {"forum": forum.pk}
    )
    assert response.status_code == 302
    assert Story.objects.get().forum == forum


def test_another_forum_is_refused_beside_the_field(client, group, forum, other_forum, mentor):
    client.force_login(mentor.user)
    response = client.post(
        reverse("programme:story_new", args=[group.pk]), POST | {"forum": other_forum.pk}
    )
    assert response.status_code == 200
    assert "เลือกได้เฉพาะเวทีที่กลุ่มนี้ร่วมนำเสนอ" in response.content.decode()
    assert not Story.objects.exists()
    story = make_story(group, published=False)
    response = client.post(
        reverse("programme:story_edit", args=[story.pk]), POST | {"forum": other_forum.pk}
    )
    assert "เลือกได้เฉพาะเวทีที่กลุ่มนี้ร่วมนำเสนอ" in response.content.decode()
    story.refresh_from_db()
    assert story.forum is None and story.title != POST["title"]


def test_the_forum_lists_its_stories_and_the_story_links_the_forum(
    client, group, forum, leader, staff_south
):
    published = make_story(group, title="เรื่องที่เผยแพร่", forum=forum)
    draft = make_story(group, published=False, title="ฉบับร่างของกลุ่ม", forum=forum)
    make_story(group, title="เรื่องอื่น")
    client.force_login(leader)
    page = client.get(forum.get_absolute_url()).content.decode()
    assert published.title in page and draft.title in page and "เรื่องอื่น" not in page
    assert reverse("programme:story_detail", args=[published.pk]) in page
    story_page = client.get(reverse("programme:story_detail", args=[published.pk]))
    assert forum.get_absolute_url() in story_page.content.decode()


def test_readers_of_the_forum_but_not_the_group_see_published_stories_only(
    client, group, forum, staff_south
):
    partner = factories.CommunityGroupFactory(tambon=group.tambon)
    forum.groups.add(partner)
    partner_leader = factories.UserFactory(username="partner_leader")
    factories.MembershipFactory(group=partner, user=partner_leader, role="leader")
    published = make_story(group, title="เรื่องที่เผยแพร่", forum=forum)
    make_story(group, published=False, title="ฉบับร่างของกลุ่ม", forum=forum)
    client.force_login(partner_leader)
    page = client.get(forum.get_absolute_url()).content.decode()
    assert published.title in page and "ฉบับร่างของกลุ่ม" not in page
    region = group.tambon.province.region.slug
    assert reverse("stories:story", args=[region, published.pk]) in page


def test_the_public_story_names_the_forum_without_people(client, group, forum):
    story = make_story(group, forum=forum)
    region = group.tambon.province.region.slug
    page = client.get(reverse("stories:story", args=[region, story.pk])).content.decode()
    assert forum.title in page
    assert forum.organisers not in page and forum.get_absolute_url() not in page
