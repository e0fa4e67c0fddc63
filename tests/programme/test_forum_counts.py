"""Forums and participants per province, for the dashboards."""

import datetime

import pytest

from communities.models import CommunityGroup
from programme.selectors import forum_counts_by_province
from tests import factories
from tests.programme.test_forums import make_forum

pytestmark = pytest.mark.django_db


def test_forums_and_participants_per_province(group, partner_group, north_group, krabi):
    both = make_forum(group.tambon, [group, partner_group], participants=35)
    make_forum(partner_group.tambon, [partner_group], participants=20)
    make_forum(group.tambon, [group], held_on=datetime.date(2024, 9, 30), participants=99)  # 2567
    make_forum(north_group.tambon, [north_group], participants=50)
    other_province = factories.TambonFactory(district__province__region=krabi.region)
    make_forum(other_province, [group], participants=7)

    groups = CommunityGroup.objects.filter(pk__in=[group.pk, partner_group.pk])
    counts = forum_counts_by_province(groups, 2569)
    # A forum where both groups presented counts once.
    assert counts == {
        "81": {"forums": 2, "participants": 55},
        other_province.province_id: {"forums": 1, "participants": 7},
    }
    assert forum_counts_by_province([group.pk], 2567) == {"81": {"forums": 1, "participants": 99}}
    assert forum_counts_by_province([north_group.pk], 2568) == {}
    assert both.pk


def test_one_query(group, django_assert_num_queries):
    for _ in range(5):
        make_forum(group.tambon, [group])
    with django_assert_num_queries(1):
        forum_counts_by_province(CommunityGroup.objects.all(), 2569)
