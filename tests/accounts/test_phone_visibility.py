"""Phone numbers (PDPA): only the person, their group's leaders, their mentors, staff of
their region and national staff see them, on every page that shows one."""

import pytest
from django.urls import reverse

from accounts import access
from communities.models import MembershipRole
from tests import factories
from tests.accounts.conftest import MEMBER_PHONE

pytestmark = pytest.mark.django_db

# The leader persona's number as stored, as shown and as typed.
LEADER_SPELLINGS = ["+66812345678", "081-234-5678", "0812345678"]
MEMBER_SPELLINGS = [MEMBER_PHONE, "089-876-5432", "0898765432"]


def test_the_leader_role_value_is_the_communities_one():
    assert access.GROUP_LEADER_ROLE == MembershipRole.LEADER


@pytest.mark.parametrize(
    ("viewer", "sees"),
    [
        ("member_with_phone", True),  # the person
        ("leader", True),  # their group's leader
        ("mentor_user", True),  # their assigned mentor
        ("staff_south", True),  # staff of their region
        ("national_staff", True),
        ("staff_other_region", False),
        ("other_leader", False),
        ("unassigned_mentor", False),
        ("outsider", False),
    ],
)
def test_who_sees_a_members_phone(request, assignment, member_with_phone, viewer, sees):
    viewer = request.getfixturevalue(viewer)
    assert access.can_see_phone(viewer, member_with_phone) is sees


def test_a_member_does_not_see_their_leaders_phone(member, leader):
    assert access.can_see_phone(member, leader) is False
    assert access.can_see_phone(leader, leader) is True


def test_anonymous_sees_no_phone(leader):
    from django.contrib.auth.models import AnonymousUser

    assert access.can_see_phone(AnonymousUser(), leader) is False


def test_an_ended_assignment_no_longer_shows_the_phone(assignment, mentor_user, member_with_phone):
    import datetime

    assignment.starts_on = datetime.date(2020, 1, 1)
    assignment.ends_on = datetime.date(2020, 12, 31)
    assignment.save()
    assert access.can_see_phone(mentor_user, member_with_phone) is False


def test_staff_of_a_mentors_region_see_the_mentors_phone(
    mentor, staff_south, staff_other_region, other_leader
):
    mentor.user.phone = "+66811111111"
    mentor.user.save()
    assert access.can_see_phone(staff_south, mentor.user) is True
    assert access.can_see_phone(staff_other_region, mentor.user) is False
    assert access.can_see_phone(other_leader, mentor.user) is False


def _pages_showing(group, member, mentor):
    return [
        reverse("communities:group_detail", args=[group.pk]),
        reverse("communities:person_link", args=[group.pk, member.pk]),
        reverse("mentors:mentor_detail", args=[mentor.pk]),
        reverse("accounts:person_detail", args=[member.pk]),
    ]


@pytest.mark.parametrize("viewer", ["staff_other_region", "other_leader", "unassigned_mentor"])
def test_outsiders_see_the_phone_nowhere(
    client, request, group, leader, member_with_phone, assignment, mentor, viewer
):
    member_with_phone.set_unusable_password()
    member_with_phone.save()
    mentor.phone = "+66811111111"
    mentor.save()
    client.force_login(request.getfixturevalue(viewer))
    for url in _pages_showing(group, member_with_phone, mentor):
        body = client.get(url).content.decode()
        for spelling in [*LEADER_SPELLINGS, *MEMBER_SPELLINGS, "081-111-1111", "+66811111111"]:
            assert spelling not in body, (url, spelling)


def test_staff_of_the_region_see_phones_on_every_page(
    client, group, leader, member_with_phone, staff_south, mentor
):
    member_with_phone.set_unusable_password()
    member_with_phone.created_by = staff_south  # only its creator is handed the link
    member_with_phone.save()
    mentor.phone = "+66811111111"
    mentor.save()
    client.force_login(staff_south)
    pages = _pages_showing(group, member_with_phone, mentor)
    assert "089-876-5432" in client.get(pages[0]).content.decode()
    assert "089-876-5432" in client.get(pages[1]).content.decode()
    assert "+66811111111" in client.get(pages[2]).content.decode()
    assert "089-876-5432" in client.get(pages[3]).content.decode()


def test_on_the_group_page_a_leader_sees_members_and_a_member_only_themself(
    client, group, leader, member_with_phone
):
    url = reverse("communities:group_detail", args=[group.pk])
    client.force_login(leader)
    body = client.get(url).content.decode()
    assert "089-876-5432" in body and "081-234-5678" in body
    client.force_login(member_with_phone)
    body = client.get(url).content.decode()
    assert "089-876-5432" in body and "081-234-5678" not in body


def test_the_group_page_decides_phones_without_a_query_per_member(
    client, group, leader, member_with_phone, staff_south, django_assert_max_num_queries
):
    url = reverse("communities:group_detail", args=[group.pk])
    few = {}
    for viewer in (staff_south, leader):
        client.force_login(viewer)
        client.get(url)
        with django_assert_max_num_queries(20) as captured:
            client.get(url)
        few[viewer.pk] = len(captured.captured_queries)
    for n in range(15):
        user = factories.UserFactory(phone=f"+6681000{n:04d}")
        factories.MembershipFactory(group=group, user=user)
        # Another group of theirs elsewhere must not cost a query either.
        factories.MembershipFactory(user=user)
    for viewer in (staff_south, leader):
        client.force_login(viewer)
        client.get(url)
        with django_assert_max_num_queries(few[viewer.pk]):
            response = client.get(url)
        assert "081-000-0014" in response.content.decode()
