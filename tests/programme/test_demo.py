"""The programme's demo data (programme.demo, run by seed_demo): made through the services,
the same the second time, and every programme page of a demo group opens."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from accounts.models import AuditEntry, User
from communities.models import CommunityGroup, GroupLink, LinkStatus
from programme.models import Forum, GroupStage, PlanItem, Result, Stage, Story

pytestmark = pytest.mark.django_db

COUNTED = [
    "programme.PlanItem",
    "programme.Result",
    "programme.GroupStage",
    "programme.StageMove",
    "programme.Forum",
    "programme.Story",
    "communities.GroupLink",
    "communities.CapitalItem",
    "accounts.AuditEntry",
]


def counts() -> dict:
    return {label: apps.get_model(label).objects.count() for label in COUNTED} | {
        "forum groups": Forum.groups.through.objects.count()
    }


@pytest.fixture
def seeded(real_geography, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    return CommunityGroup.objects.get(name="กลุ่มท่องเที่ยวชุมชนอ่าวลึกใต้")


def test_seed_demo_twice_gives_the_same_programme(seeded):
    first = counts()
    call_command("seed_demo", stdout=io.StringIO())
    assert counts() == first
    assert all(first[label] for label in COUNTED), first
    # What the services did: the plan in four areas, confirmed and waiting results, the
    # stage moved step by step, a forum of the region's groups, a published story from it,
    # links both standing and proposed, each change with its audit entry.
    assert set(PlanItem.objects.filter(group=seeded).values_list("area", flat=True)) == {
        "people",
        "organisation",
        "networks",
        "policy",
    }
    results = Result.objects.filter(group=seeded)
    assert results.filter(confirmed_at__isnull=False).exists()
    assert results.filter(confirmed_at__isnull=True).exists()
    assert GroupStage.objects.get(group=seeded).stage == Stage.DEVELOP
    forum = Forum.objects.get()
    assert seeded in forum.groups.all()
    assert {g.region_id for g in forum.groups.all()} == {forum.tambon.province.region_id}
    story = Story.objects.get()
    assert story.is_published and story.forum == forum and story.group == seeded
    assert set(GroupLink.objects.values_list("status", flat=True)) == {
        LinkStatus.ACCEPTED,
        LinkStatus.PROPOSED,
    }
    assert AuditEntry.objects.filter(action="forum").count() == 1


def test_the_programme_pages_of_a_demo_group_open(client, seeded):
    story, forum = Story.objects.get(), Forum.objects.get()
    region = seeded.tambon.province.region
    pages = {
        "leader_aoluek": [
            reverse("programme:overview", args=[seeded.pk]),
            reverse("programme:plan", args=[seeded.pk]),
            reverse("programme:plan_edit", args=[seeded.pk]),
            reverse("programme:results", args=[seeded.pk]),
            reverse("programme:result_entry", args=[seeded.pk]),
            reverse("programme:stories", args=[seeded.pk]),
            reverse("programme:story_detail", args=[story.pk]),
            reverse("programme:group_network", args=[seeded.pk]),
            reverse("programme:forum_list", args=[region.slug]),
            reverse("programme:forum_detail", args=[forum.pk]),
            reverse("programme:capital", args=[seeded.tambon.code]),
        ],
        "mentor_south": [
            reverse("programme:results", args=[seeded.pk]),
            reverse("programme:story_edit", args=[story.pk]),
            reverse("programme:forum_detail", args=[forum.pk]),
        ],
        "staff_south": [
            reverse("programme:forum_list", args=[region.slug]),
            reverse("programme:forum_edit", args=[forum.pk]),
            reverse("programme:region_network", args=[region.slug]),
        ],
        "admin": [
            reverse("admin:programme_forum_changelist"),
            reverse("admin:communities_grouplink_changelist"),
            reverse("admin:communities_capitalitem_changelist"),
        ],
    }
    for username, urls in pages.items():
        client.force_login(User.objects.get(username=username))
        for url in urls:
            assert client.get(url).status_code == 200, (username, url)
    client.logout()
    public = client.get(reverse("stories:story", args=[region.slug, story.pk]))
    assert public.status_code == 200
    assert story.title in public.content.decode()
