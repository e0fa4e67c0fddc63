import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from mentors.models import FollowUp
from tests import factories

pytestmark = pytest.mark.django_db


def _data(**overrides):
    data = {
        "happened_on": "2025-07-12",
        "kind": "visit",
        "what_was_done": "ลงพื้นที่คลองมะรุย ทบทวนกลุ่มลูกค้า",
        "next_steps": "สอบถามราคาเรือจากเครือข่าย",
    }
    data.update(overrides)
    return data


def test_the_assigned_mentor_logs_a_contact(client, mentor_user, assignment, mentor, group):
    client.force_login(mentor_user)
    response = client.post(reverse("mentors:follow_up_create", args=[group.pk]), _data())
    assert response.status_code == 302
    assert response["Location"] == reverse("mentors:group_follow_ups", args=[group.pk])
    follow_up = FollowUp.objects.get()
    assert (follow_up.mentor, follow_up.group, follow_up.kind) == (mentor, group, "visit")
    assert follow_up.happened_on == datetime.date(2025, 7, 12)
    body = client.get(response["Location"]).content.decode()
    assert "12 กรกฎาคม 2568" in body and "ลงพื้นที่" in body and "สอบถามราคาเรือ" in body


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"what_was_done": "   "}, "เล่าสั้น ๆ ว่าทำอะไรกับกลุ่มบ้าง"),
        ({"kind": ""}, "เลือกรูปแบบการติดตาม"),
        ({"happened_on": ""}, "เลือกวันที่ติดต่อกลุ่ม"),
        ({"happened_on": "2025-13-45"}, "วันที่ไม่ถูกต้อง"),
        ({"happened_on": "2999-01-01"}, "วันที่ต้องไม่เลยวันนี้"),
    ],
)
def test_bad_input(client, mentor_user, assignment, group, overrides, message):
    client.force_login(mentor_user)
    response = client.post(reverse("mentors:follow_up_create", args=[group.pk]), _data(**overrides))
    body = response.content.decode()
    assert response.status_code == 200 and message in body
    assert not FollowUp.objects.exists()
    assert "สอบถามราคาเรือจากเครือข่าย" in body  # what was typed stays


def test_a_mentor_whose_assignment_ended_can_no_longer_log(client, mentor_user, assignment, group):
    assignment.starts_on = timezone.localdate() - datetime.timedelta(days=60)
    assignment.ends_on = timezone.localdate() - datetime.timedelta(days=1)
    assignment.save()
    client.force_login(mentor_user)
    response = client.post(reverse("mentors:follow_up_create", args=[group.pk]), _data())
    assert response.status_code == 404
    assert not FollowUp.objects.exists()


def test_lists_per_group_and_per_mentor(client, staff_south, mentor, group, assignment):
    other_group = factories.CommunityGroupFactory(tambon=group.tambon, name="กลุ่มนาขา")
    factories.FollowUpFactory(mentor=mentor, group=group, what_was_done="เยี่ยมอ่าวลึก")
    factories.FollowUpFactory(mentor=mentor, group=other_group, what_was_done="เยี่ยมนาขา")
    client.force_login(staff_south)
    per_group = client.get(reverse("mentors:group_follow_ups", args=[group.pk])).content
    assert "เยี่ยมอ่าวลึก" in per_group.decode() and "เยี่ยมนาขา" not in per_group.decode()
    per_mentor = client.get(reverse("mentors:mentor_follow_ups", args=[mentor.pk])).content
    assert "เยี่ยมอ่าวลึก" in per_mentor.decode() and "เยี่ยมนาขา" in per_mentor.decode()


def test_the_lists_run_a_fixed_number_of_queries(
    client, staff_south, mentor, group, django_assert_max_num_queries
):
    client.force_login(staff_south)
    for size in (1, 20):
        factories.FollowUpFactory.create_batch(size, mentor=mentor, group=group)
        with django_assert_max_num_queries(9):
            client.get(reverse("mentors:group_follow_ups", args=[group.pk]))
        with django_assert_max_num_queries(8):
            client.get(reverse("mentors:mentor_follow_ups", args=[mentor.pk]))


def test_text_is_shown_as_text(client, mentor_user, assignment, group):
    client.force_login(mentor_user)
    client.post(
        reverse("mentors:follow_up_create", args=[group.pk]),
        _data(what_was_done='<img src=x onerror="alert(1)">'),
    )
    body = client.get(reverse("mentors:group_follow_ups", args=[group.pk])).content.decode()
    assert "<img src=x" not in body and "&lt;img src=x" in body


def test_the_mentor_home_lists_their_groups(client, mentor_user, assignment, group):
    client.force_login(mentor_user)
    body = client.get(reverse("home")).content.decode()
    assert "กลุ่มที่ฉันเป็นพี่เลี้ยง" in body and group.name in body
    assert reverse("mentors:follow_up_create", args=[group.pk]) in body
    assert "ยังไม่เคยบันทึกการติดตาม" in body
