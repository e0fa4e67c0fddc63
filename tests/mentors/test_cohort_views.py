import datetime

import pytest
from django.urls import reverse

from mentors.models import Cohort
from tests import factories

pytestmark = pytest.mark.django_db


def _data(group, mentor, **overrides):
    data = {
        "name": "รุ่นที่ 2 ภาคใต้ 2568",
        "year": "2568",
        "starts_on": "2025-06-01",
        "ends_on": "2025-11-30",
        "groups": [group.pk],
        "mentors": [mentor.pk],
        "trained_count": "104",
    }
    data.update(overrides)
    return data


def test_staff_create_a_cohort_with_the_year_in_the_buddhist_era(
    client, staff_south, south, group, mentor
):
    client.force_login(staff_south)
    response = client.post(reverse("mentors:cohort_create"), _data(group, mentor))
    cohort = Cohort.objects.get()
    assert response.status_code == 302
    assert (cohort.region, cohort.year, cohort.trained_count) == (south, 2025, 104)
    assert cohort.starts_on == datetime.date(2025, 6, 1)
    assert list(cohort.groups.all()) == [group] and list(cohort.mentors.all()) == [mentor]
    body = client.get(reverse("mentors:cohort_detail", args=[cohort.pk])).content.decode()
    assert "2568" in body and "1 มิถุนายน 2568" in body and group.name in body


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"year": "2025x"}, "กรอกปีเป็นตัวเลข พ.ศ."),
        ({"year": "2025"}, "กรอกปีเป็น พ.ศ."),
        ({"year": "2600"}, "ปีของรุ่นต้องไม่เกินปีหน้า"),
        ({"ends_on": "2025-05-01"}, "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม"),
        ({"starts_on": "1 มิ.ย."}, "วันที่ไม่ถูกต้อง"),
        ({"name": ""}, "กรอกชื่อรุ่น"),
    ],
)
def test_bad_input_gets_a_thai_message_and_keeps_the_typing(
    client, staff_south, group, mentor, overrides, message
):
    client.force_login(staff_south)
    response = client.post(reverse("mentors:cohort_create"), _data(group, mentor, **overrides))
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert not Cohort.objects.exists()
    for value in overrides.values():
        if value:
            assert f'value="{value}"' in body


def test_a_group_of_another_region_cannot_join(client, staff_south, group, mentor):
    northern = factories.CommunityGroupFactory()
    client.force_login(staff_south)
    response = client.post(
        reverse("mentors:cohort_create"), _data(group, mentor, groups=[northern.pk])
    )
    assert response.status_code == 200 and not Cohort.objects.exists()


def test_editing_lists_the_people_of_the_cohorts_groups_as_trainees(
    client, staff_south, cohort, leader, outsider
):
    client.force_login(staff_south)
    url = reverse("mentors:cohort_edit", args=[cohort.pk])
    body = client.get(url).content.decode()
    assert leader.name in body and outsider.name not in body
    data = _data(cohort.groups.get(), cohort.mentors.get(), trainees=[leader.pk])
    assert client.post(url, data).status_code == 302
    assert list(cohort.trainees.all()) == [leader]


def test_the_list_counts_groups_and_mentors(client, staff_south, cohort, north):
    factories.CohortFactory(name="รุ่นภาคเหนือ", region=north)
    client.force_login(staff_south)
    body = client.get(reverse("mentors:cohort_list")).content.decode()
    assert cohort.name in body and "รุ่นภาคเหนือ" not in body
    assert "1 กลุ่ม" in body and "พี่เลี้ยง 1 คน" in body


def test_national_staff_pick_the_region_to_create_in(client, national_staff, south):
    client.force_login(national_staff)
    assert client.get(reverse("mentors:cohort_create")).status_code == 404
    response = client.get(reverse("mentors:cohort_create") + "?region=south")
    assert response.status_code == 200
