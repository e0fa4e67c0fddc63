"""Staff land on their region's groups: each shows its plans by state and what waits."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from canvases.models import CanvasStatus
from tests import factories

pytestmark = pytest.mark.django_db


def _plan(group, status, *, submitted_days_ago=None):
    canvas = factories.CanvasFactory(group=group, status=status, version_count=0)
    if submitted_days_ago is not None:
        canvas.version_count = 2
        canvas.save()
        long_ago = timezone.now() - datetime.timedelta(days=submitted_days_ago + 30)
        factories.CanvasVersionFactory(canvas=canvas, number=1, submitted_at=long_ago)
        factories.CanvasVersionFactory(
            canvas=canvas,
            number=2,
            submitted_at=timezone.now() - datetime.timedelta(days=submitted_days_ago),
        )
    return canvas


def _list(client, staff):
    client.force_login(staff)
    response = client.get(reverse("communities:group_list"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_staff_landing_is_the_group_list_with_plan_states(client, staff_south, group):
    _plan(group, CanvasStatus.DRAFT)
    _plan(group, CanvasStatus.DRAFT)
    _plan(group, CanvasStatus.SUBMITTED, submitted_days_ago=5)
    _plan(group, CanvasStatus.SUBMITTED, submitted_days_ago=2)
    _plan(group, CanvasStatus.CHANGES_REQUESTED, submitted_days_ago=20)
    _plan(group, CanvasStatus.APPROVED, submitted_days_ago=40)
    client.force_login(staff_south)
    assert client.get(reverse("home"))["Location"] == reverse("communities:group_list")
    body = _list(client, staff_south)
    assert "ร่าง 2" in body
    assert "รอพิจารณา 2" in body
    assert "ขอให้ปรับแก้ 1" in body
    assert "ผ่านแล้ว 1" in body
    # The oldest waiting submission counts from its latest version, not the first.
    assert "รอพิจารณานานสุด 5 วัน" in body


def test_a_group_without_plans_says_so(client, staff_south, group):
    body = _list(client, staff_south)
    assert "ยังไม่มีแผน" in body


def test_nothing_waits_when_no_plan_is_submitted(client, staff_south, group):
    _plan(group, CanvasStatus.APPROVED, submitted_days_ago=3)
    body = _list(client, staff_south)
    assert "ผ่านแล้ว 1" in body and "รอพิจารณานานสุด" not in body


def test_the_list_runs_the_same_queries_for_few_and_many_groups(client, staff_south, group):
    client.force_login(staff_south)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("communities:group_list")).status_code == 200
        return len(captured)

    _plan(group, CanvasStatus.SUBMITTED, submitted_days_ago=1)
    small = count()
    for _n in range(12):
        other = factories.CommunityGroupFactory(tambon=group.tambon)
        _plan(other, CanvasStatus.DRAFT)
        _plan(other, CanvasStatus.SUBMITTED, submitted_days_ago=3)
        _plan(other, CanvasStatus.APPROVED, submitted_days_ago=9)
    assert count() == small


def test_the_shared_list_query_never_keeps_an_earlier_answer(group, ao_luek_tai):
    """`groups_for_list` starts from one query built per process: what one request reads
    must not come back to the next."""
    from communities.selectors import groups_for_list

    assert [g.name for g in groups_for_list()] == [group.name]
    later = factories.CommunityGroupFactory(name="กลุ่มที่ตั้งทีหลัง", tambon=ao_luek_tai)
    assert {g.pk for g in groups_for_list()} == {group.pk, later.pk}


def test_the_home_plans_never_keep_an_earlier_answer(group, leader):
    from dashboards.selectors import home_plans

    assert home_plans([group.pk]) == []
    plan = factories.CanvasFactory(group=group, title="แผนใหม่")
    assert [p.pk for p in home_plans([group.pk])] == [plan.pk]
