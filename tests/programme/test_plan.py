"""The four-area development plan: leaders write, others read."""

import datetime

import pytest
from django.urls import reverse

from programme.models import PlanItem
from tests import factories

pytestmark = pytest.mark.django_db


def management(total, initial=0):
    return {
        "form-TOTAL_FORMS": str(total),
        "form-INITIAL_FORMS": str(initial),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
    }


def test_a_leader_writes_items_and_they_show_in_be(client, group, leader):
    client.force_login(leader)
    url = reverse("programme:plan_edit", args=[group.pk])
    assert client.get(url).status_code == 200
    data = management(2) | {
        "form-0-area": "people",
        "form-0-what": "อบรมการทำบัญชีครัวเรือน",
        "form-0-who": "ป้าสมศรี",
        "form-0-due_on": "2026-03-31",
        "form-0-status": "in_progress",
        "form-1-area": "",
        "form-1-what": "",
        "form-1-status": "not_started",
    }
    assert client.post(url, data).status_code == 302
    item = PlanItem.objects.get(group=group)
    assert item.due_on == datetime.date(2026, 3, 31)
    response = client.get(reverse("programme:plan", args=[group.pk]))
    assert "31 มี.ค. 2569" in response.content.decode()


def test_an_item_of_another_group_cannot_be_edited_through_this_form(client, group, leader):
    foreign = PlanItem.objects.create(
        group=factories.CommunityGroupFactory(), area="people", what="ของกลุ่มอื่น"
    )
    client.force_login(leader)
    data = management(1, 1) | {
        "form-0-id": str(foreign.pk),
        "form-0-area": "policy",
        "form-0-what": "ยึดมาแล้ว",
        "form-0-status": "done",
    }
    response = client.post(reverse("programme:plan_edit", args=[group.pk]), data)
    assert response.status_code == 200
    assert "รายการนี้ไม่ได้อยู่ในแผนของกลุ่ม" in response.content.decode()
    assert "ยึดมาแล้ว" in response.content.decode()
    foreign.refresh_from_db()
    assert (foreign.what, foreign.group_id) == ("ของกลุ่มอื่น", foreign.group_id)
    assert foreign.group_id != group.pk
    assert not PlanItem.objects.filter(group=group).exists()


def test_a_missing_what_is_refused(client, group, leader):
    client.force_login(leader)
    data = management(1) | {
        "form-0-area": "networks",
        "form-0-who": "ลุงมา",
        "form-0-status": "done",
    }
    response = client.post(reverse("programme:plan_edit", args=[group.pk]), data)
    assert response.status_code == 200
    assert "บอกว่าจะทำอะไร" in response.content.decode()
    assert not PlanItem.objects.exists()


def test_members_mentors_and_staff_read_only(client, group, member, staff_south):
    for person in (member, staff_south):
        client.force_login(person)
        assert client.get(reverse("programme:plan", args=[group.pk])).status_code == 200
        assert client.get(reverse("programme:plan_edit", args=[group.pk])).status_code == 403
