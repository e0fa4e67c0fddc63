import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from mentors.selectors import province_groups_without_mentor, region_coverage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def chumphon(south):
    return factories.ProvinceFactory(code="86", name_th="ชุมพร", name_en="Chumphon", region=south)


@pytest.fixture
def pattani(south):
    return factories.ProvinceFactory(code="94", name_th="ปัตตานี", name_en="Pattani", region=south)


def _group_in(province, name):
    tambon = factories.TambonFactory(district=factories.DistrictFactory(province=province))
    return factories.CommunityGroupFactory(tambon=tambon, name=name)


def test_each_province_with_its_groups_mentors_and_gaps(
    south, krabi, chumphon, pattani, group, assignment, mentor, unassigned_mentor
):
    _group_in(chumphon, "กลุ่มชุมพร")
    unmentored = _group_in(pattani, "กลุ่มปัตตานี")
    unassigned_mentor.provinces.add(pattani)
    # An ended assignment does not count.
    factories.AssignmentFactory(
        mentor=mentor,
        group=unmentored,
        starts_on=datetime.date(2024, 1, 1),
        ends_on=datetime.date(2024, 12, 31),
    )
    coverage = region_coverage(south)
    rows = {row.province.name_en: row for row in coverage.provinces}
    assert rows["Krabi"].group_count == 1 and rows["Krabi"].without_mentor == 0
    assert rows["Krabi"].mentors == [mentor] and not rows["Krabi"].has_no_mentor
    assert rows["Chumphon"].has_no_mentor
    assert rows["Chumphon"].without_mentor == 1
    assert rows["Pattani"].mentors == [unassigned_mentor] and not rows["Pattani"].has_no_mentor
    assert rows["Pattani"].without_mentor == 1
    assert list(province_groups_without_mentor(rows["Pattani"].province)) == [unmentored]
    assert coverage.provinces_without_mentor == 1 and coverage.groups_without_mentor == 2
    loads = {m.pk: m.load for m in coverage.mentors}
    assert loads == {mentor.pk: 1, unassigned_mentor.pk: 0}


def test_an_inactive_mentor_covers_nothing(south, krabi, group, assignment, mentor):
    mentor.is_active = False
    mentor.save()
    row = region_coverage(south).provinces[0]
    assert row.mentors == [] and row.without_mentor == 1 and row.has_no_mentor


def test_a_future_assignment_does_not_cover_yet(south, krabi, group, mentor):
    factories.AssignmentFactory(
        mentor=mentor, group=group, starts_on=timezone.localdate() + datetime.timedelta(days=1)
    )
    assert region_coverage(south).provinces[0].without_mentor == 1


def test_the_page_makes_missing_mentors_stand_out(
    client, staff_south, south, krabi, chumphon, group, assignment, mentor
):
    _group_in(chumphon, "กลุ่มชุมพร")
    client.force_login(staff_south)
    body = client.get(reverse("mentors:coverage")).content.decode()
    assert "ยังไม่มีพี่เลี้ยง" in body and "list-group-item-danger" in body
    assert mentor.name in body
    assert body.count("ยังไม่มีพี่เลี้ยง</span>") == 1  # Chumphon only
    # The groups themselves are one click away, a page at a time.
    assert reverse("mentors:coverage_province", args=[chumphon.code]) in body


def test_national_staff_choose_the_region(client, national_staff, south, krabi, group):
    client.force_login(national_staff)
    body = client.get(reverse("mentors:coverage")).content.decode()
    assert "เลือกภาคเพื่อดูความครอบคลุม" in body
    body = client.get(reverse("mentors:coverage") + "?region=south").content.decode()
    assert "กระบี่" in body


def test_the_page_runs_a_fixed_number_of_queries_whatever_the_size(
    client, staff_south, south, django_assert_max_num_queries
):
    client.force_login(staff_south)
    counts = []
    for size in (1, 6):
        for _ in range(size):
            province = factories.ProvinceFactory(region=south)
            covering = factories.MentorFactory(region=south)
            covering.provinces.add(province)
            mentored = _group_in(province, "กลุ่มมีพี่เลี้ยง")
            factories.AssignmentFactory(mentor=covering, group=mentored)
            _group_in(province, "กลุ่มไม่มีพี่เลี้ยง")
            _group_in(factories.ProvinceFactory(region=south), "กลุ่มจังหวัดว่าง")
        with django_assert_max_num_queries(9) as captured:
            response = client.get(reverse("mentors:coverage"))
        assert response.status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


@pytest.mark.parametrize(
    "persona, expected",
    [
        ("staff_south", 200),
        ("national_staff", 200),
        ("staff_other_region", 404),
        ("leader", 404),
        ("mentor_user", 404),
    ],
)
def test_a_provinces_uncovered_groups_are_listed_for_its_region_only(
    client, request, krabi, group, persona, expected
):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("mentors:coverage_province", args=[krabi.code]))
    assert response.status_code == expected
    if expected == 200:
        assert group.name in response.content.decode()


def test_an_unknown_province_is_404(client, staff_south, krabi):
    client.force_login(staff_south)
    assert client.get(reverse("mentors:coverage_province", args=["99"])).status_code == 404


def test_the_province_list_is_paged_and_costs_the_same_for_any_size(
    client, staff_south, krabi, ao_luek_tai, django_assert_max_num_queries
):
    for n in range(120):
        factories.CommunityGroupFactory(name=f"กลุ่ม {n:03d}", tambon=ao_luek_tai)
    client.force_login(staff_south)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("mentors:coverage_province", args=[krabi.code]))
    body = response.content.decode()
    assert "กลุ่ม 000" in body and "กลุ่ม 050" not in body
    assert "หน้า 1 จาก 3" in body
