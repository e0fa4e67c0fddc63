"""The admin pages of the programme: each list and change page opens for a superuser,
in a fixed number of queries whatever the rows."""

import pytest
from django.urls import reverse
from django.utils import timezone

from communities.models import GroupLink, LinkStatus
from programme.models import Forum
from tests import factories

pytestmark = pytest.mark.django_db

MODELS = ["programme_forum", "communities_grouplink", "communities_capitalitem"]


@pytest.fixture
def superuser(db):
    return factories.UserFactory(username="root", is_staff=True, is_superuser=True)


def _forum(group, n):
    forum = Forum.objects.create(
        title=f"เวทีแลกเปลี่ยนเรียนรู้ครั้งที่ {n}",
        held_on=timezone.localdate(),
        tambon=group.tambon,
        organisers="สภาองค์กรชุมชนตำบลอ่าวลึกใต้",
        participants=30 + n,
    )
    forum.groups.add(group)
    return forum


def _link(group, n):
    other = factories.CommunityGroupFactory(name=f"กลุ่มคู่เครือข่าย {n}")
    low, high = sorted((group, other), key=lambda g: g.pk)
    return GroupLink.objects.create(
        group_low=low, group_high=high, kind="supply", status=LinkStatus.ACCEPTED
    )


@pytest.fixture
def rows(group, leader):
    """Makes `n` rows of each model: {"programme_forum": [...], ...}."""

    def make(n):
        made = {name: [] for name in MODELS}
        for i in range(n):
            made["programme_forum"].append(_forum(group, i))
            made["communities_grouplink"].append(_link(group, i))
            made["communities_capitalitem"].append(
                factories.CapitalItemFactory(tambon=group.tambon, added_by=leader)
            )
        return made

    return make


@pytest.mark.parametrize("name", MODELS)
def test_each_list_and_change_page_opens(client, superuser, rows, group, name):
    obj = rows(2)[name][0]
    client.force_login(superuser)
    assert client.get(reverse(f"admin:{name}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:{name}_changelist"), {"q": "เวที"}).status_code == 200
    if name != "communities_grouplink":  # by the region of the forum's or item's tambon
        region = {"tambon__province__region__id__exact": group.region_id}
        assert client.get(reverse(f"admin:{name}_changelist"), region).status_code == 200
    response = client.get(reverse(f"admin:{name}_change", args=[obj.pk]))
    assert response.status_code == 200
    assert client.get(reverse(f"admin:{name}_add")).status_code == 200


@pytest.mark.parametrize("name", MODELS)
def test_a_list_reads_a_fixed_number_of_queries(
    client, superuser, rows, name, django_assert_max_num_queries
):
    """Groups, tambons and people are joined, not read row by row."""
    rows(1)
    client.force_login(superuser)
    url = reverse(f"admin:{name}_changelist")
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    rows(6)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_the_forums_presenting_groups_are_searched_not_listed(client, superuser, rows):
    """The groups of a forum are picked with the search box (autocomplete), so the change
    page never lists every group of the country."""
    forum = rows(1)["programme_forum"][0]
    client.force_login(superuser)
    page = client.get(reverse("admin:programme_forum_change", args=[forum.pk])).content.decode()
    assert "admin-autocomplete" in page
    assert "กลุ่มคู่เครือข่าย 0" not in page
