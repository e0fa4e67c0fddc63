import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Notification
from mentors.models import Assignment
from tests import factories

pytestmark = pytest.mark.django_db


def test_staff_assign_a_mentor_from_the_group_page_and_the_mentor_hears_of_it(
    client, staff_south, group, mentor
):
    client.force_login(staff_south)
    group_page = client.get(reverse("communities:group_detail", args=[group.pk])).content
    assert "ยังไม่มีพี่เลี้ยง" in group_page.decode()
    response = client.post(
        reverse("mentors:group_assign", args=[group.pk]),
        {"mentor": mentor.pk, "starts_on": "2025-06-01"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("communities:group_detail", args=[group.pk])
    assignment = Assignment.objects.get()
    assert (assignment.mentor, assignment.group, assignment.ends_on) == (mentor, group, None)
    assert assignment.created_by == staff_south
    note = Notification.objects.get(recipient=mentor.user)
    assert group.name in note.text
    assert note.url == reverse("mentors:group_follow_ups", args=[group.pk])
    assert mentor.name in client.get(response["Location"]).content.decode()


def test_staff_assign_a_group_from_the_mentor_page(client, staff_south, group, mentor):
    client.force_login(staff_south)
    response = client.post(
        reverse("mentors:mentor_assign", args=[mentor.pk]),
        {"group": group.pk, "starts_on": "2025-06-01", "ends_on": "2026-05-31"},
    )
    assert response.status_code == 302
    assert Assignment.objects.get().ends_on == datetime.date(2026, 5, 31)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"starts_on": ""}, "เลือกวันเริ่มดูแล"),
        ({"starts_on": "31/02/2568"}, "วันที่ไม่ถูกต้อง"),
        ({"starts_on": "2025-06-01", "ends_on": "2025-01-01"}, "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม"),
        ({"mentor": "999999", "starts_on": "2025-06-01"}, "เลือกพี่เลี้ยงจากรายการ"),
    ],
)
def test_bad_input(client, staff_south, group, mentor, data, message):
    client.force_login(staff_south)
    response = client.post(
        reverse("mentors:group_assign", args=[group.pk]), {"mentor": mentor.pk, **data}
    )
    body = response.content.decode()
    assert response.status_code == 200 and message in body
    assert not Assignment.objects.exists()
    if data.get("starts_on"):
        assert f'value="{data["starts_on"]}"' in body


def test_a_mentor_of_another_region_is_not_offered(client, staff_south, group, north_mentor):
    client.force_login(staff_south)
    response = client.post(
        reverse("mentors:group_assign", args=[group.pk]),
        {"mentor": north_mentor.pk, "starts_on": "2025-06-01"},
    )
    assert response.status_code == 200 and not Assignment.objects.exists()


def test_an_overlapping_assignment_is_refused(client, staff_south, assignment, group, mentor):
    client.force_login(staff_south)
    response = client.post(
        reverse("mentors:group_assign", args=[group.pk]),
        {"mentor": mentor.pk, "starts_on": timezone.localdate().isoformat()},
    )
    assert "ดูแลกลุ่มนี้อยู่แล้ว" in response.content.decode()
    assert Assignment.objects.count() == 1


def test_ending_keeps_the_history_and_frees_the_group(client, staff_south, assignment, group):
    client.force_login(staff_south)
    next_url = reverse("communities:group_detail", args=[group.pk])
    response = client.post(
        reverse("mentors:assignment_end", args=[assignment.pk]), {"next": next_url}
    )
    assert response["Location"] == next_url
    assignment.refresh_from_db()
    assert assignment.ends_on == timezone.localdate()


def test_ending_one_that_has_not_begun_removes_it(client, staff_south, mentor, group):
    future = factories.AssignmentFactory(
        mentor=mentor, group=group, starts_on=timezone.localdate() + datetime.timedelta(days=5)
    )
    client.force_login(staff_south)
    client.post(
        reverse("mentors:assignment_end", args=[future.pk]), {"next": "https://evil.example/"}
    )
    assert not Assignment.objects.exists()


def test_ending_never_redirects_off_site(client, staff_south, assignment, mentor):
    client.force_login(staff_south)
    response = client.post(
        reverse("mentors:assignment_end", args=[assignment.pk]), {"next": "//evil.example/"}
    )
    assert response["Location"] == reverse("mentors:mentor_detail", args=[mentor.pk])


def test_a_leader_sees_the_mentor_of_their_group_but_no_follow_ups(
    client, leader, assignment, mentor, group, django_assert_max_num_queries
):
    factories.FollowUpFactory(mentor=mentor, group=group, what_was_done="บันทึกลับของพี่เลี้ยง")
    client.force_login(leader)
    body = client.get(reverse("communities:group_detail", args=[group.pk])).content.decode()
    assert mentor.name in body
    assert "บันทึกลับของพี่เลี้ยง" not in body and "สิ้นสุดการดูแล" not in body
