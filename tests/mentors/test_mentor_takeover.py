"""The mentor forms change no one's role, name or e-mail that is not the region's to change
(issue 10, findings 2 and 6)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditAction, AuditEntry, Role
from accounts.services import user_get_or_create_by_phone
from communities.models import MembershipRole
from mentors.models import Assignment, Mentor
from mentors.services import MENTOR_PHONE_REFUSED
from tests import factories

pytestmark = pytest.mark.django_db

LEADER_PHONE = "081-234-5678"  # the `leader` persona's, a leader in Krabi (south)


def _data(province, **overrides):
    data = {
        "display_name": "ชื่อที่ผู้โจมตีเลือก",
        "phone": LEADER_PHONE,
        "email": "attacker@evil.test",
        "home_province": province.pk,
        "provinces": [province.pk],
        "note": "",
        "is_active": "on",
    }
    data.update(overrides)
    return data


@pytest.fixture
def chiang_mai(north):
    return factories.ProvinceFactory(
        code="50", name_th="เชียงใหม่", name_en="Chiang Mai", region=north
    )


def test_staff_of_another_region_cannot_make_a_leader_their_mentor(
    client, staff_other_region, chiang_mai, leader
):
    client.force_login(staff_other_region)
    response = client.post(reverse("mentors:mentor_create"), _data(chiang_mai))
    assert response.status_code == 200
    leader.refresh_from_db()
    assert leader.role == Role.COMMUNITY
    assert leader.email != "attacker@evil.test" and leader.display_name == "สมศักดิ์"
    assert not Mentor.objects.exists()
    body = response.content.decode()
    assert "สมศักดิ์" not in body and "แกนนำ" not in body


def test_even_the_leaders_own_region_cannot_change_their_role(client, staff_south, krabi, leader):
    client.force_login(staff_south)
    client.post(reverse("mentors:mentor_create"), _data(krabi))
    leader.refresh_from_db()
    assert leader.role == Role.COMMUNITY and not Mentor.objects.exists()


def test_national_staff_change_the_role_and_it_is_recorded(
    client, national_staff, south, krabi, leader
):
    client.force_login(national_staff)
    client.post(reverse("mentors:mentor_create") + "?region=south", _data(krabi))
    leader.refresh_from_db()
    assert leader.role == Role.MENTOR
    assert leader.email != "attacker@evil.test" and leader.display_name == "สมศักดิ์"
    changed = AuditEntry.objects.get(action=AuditAction.ROLE_CHANGED)
    assert changed.actor == national_staff and changed.target_user == leader
    assert changed.details == {"old": Role.COMMUNITY, "new": Role.MENTOR}
    assert AuditEntry.objects.filter(action=AuditAction.MENTOR_PROFILE, target_user=leader).exists()


def test_a_region_makes_its_own_roleless_person_a_mentor(client, staff_south, south, krabi):
    person, _created = user_get_or_create_by_phone(
        phone="+66845678901", display_name="อรุณี", created_by=staff_south
    )
    client.force_login(staff_south)
    client.post(reverse("mentors:mentor_create"), _data(krabi, phone="084-567-8901"))
    person.refresh_from_db()
    assert person.role == Role.MENTOR and person.mentor_profile.region == south
    assert AuditEntry.objects.filter(action=AuditAction.ROLE_CHANGED, target_user=person).exists()


def test_a_roleless_person_of_another_region_is_refused(
    client, staff_south, staff_other_region, krabi
):
    person, _created = user_get_or_create_by_phone(
        phone="+66845678901", display_name="อรุณี", created_by=staff_other_region
    )
    client.force_login(staff_south)
    client.post(reverse("mentors:mentor_create"), _data(krabi, phone="084-567-8901"))
    person.refresh_from_db()
    assert person.role == Role.COMMUNITY and not Mentor.objects.exists()


def test_one_neutral_message_for_every_refused_phone(
    client, staff_other_region, chiang_mai, leader, staff_south, national_staff
):
    staff_south.phone = "+66891112222"
    staff_south.save()
    national_staff.phone = "+66892223333"
    national_staff.save()
    southern_mentor = factories.MentorFactory(
        user=factories.UserFactory(phone="+66893334444", display_name="พี่ใจดี", role=Role.MENTOR)
    )
    client.force_login(staff_other_region)
    said = set()
    for phone, person in [
        (LEADER_PHONE, leader),
        ("0891112222", staff_south),
        ("0892223333", national_staff),
        ("0893334444", southern_mentor.user),
    ]:
        response = client.post(reverse("mentors:mentor_create"), _data(chiang_mai, phone=phone))
        errors = response.context["form"].errors
        text = " ".join(str(error) for field in errors.values() for error in field)
        assert person.name not in text and person.username not in text
        said.add(text)
    # One and the same message whoever owns the number, so it tells nothing of their role.
    assert said == {str(MENTOR_PHONE_REFUSED)}


def test_staff_cannot_rename_a_mentor_who_leads_a_group_elsewhere(
    client, staff_other_region, north, chiang_mai, group, leader
):
    """A southern leader who mentors in the north is not the north's alone."""
    profile = factories.MentorFactory(user=leader, region=north)
    leader.role = Role.MENTOR
    leader.email = "leader@example.org"
    leader.save()
    client.force_login(staff_other_region)
    url = reverse("mentors:mentor_edit", args=[profile.pk])
    response = client.post(url, _data(chiang_mai, phone="0800000000"))
    assert response.status_code == 302
    leader.refresh_from_db()
    profile.refresh_from_db()
    assert leader.display_name == "สมศักดิ์" and leader.email == "leader@example.org"
    assert profile.phone != "+66800000000"
    # The profile itself (provinces, note) is still the region's to keep.
    assert list(profile.provinces.all()) == [chiang_mai]
    assert "disabled" in client.get(url).content.decode()


def test_staff_rename_a_mentor_who_is_solely_theirs_and_it_is_recorded(
    client, staff_south, south, krabi
):
    profile = factories.MentorFactory(region=south)
    client.force_login(staff_south)
    client.post(
        reverse("mentors:mentor_edit", args=[profile.pk]),
        _data(krabi, display_name="ชื่อใหม่", email="new@example.org", phone="0800000000"),
    )
    profile.refresh_from_db()
    assert profile.user.display_name == "ชื่อใหม่" and profile.user.email == "new@example.org"
    entry = AuditEntry.objects.get(action=AuditAction.MENTOR_PROFILE)
    assert entry.actor == staff_south and "display_name" in entry.details["changed"]


def test_a_leaders_group_role_does_not_make_them_the_regions_alone(
    client, staff_south, south, krabi, outsider
):
    """A mentor of the south who leads a group in another region keeps their name."""
    profile = factories.MentorFactory(user=outsider, region=south)
    assert outsider.memberships.get().role == MembershipRole.LEADER
    client.force_login(staff_south)
    client.post(
        reverse("mentors:mentor_edit", args=[profile.pk]), _data(krabi, display_name="ชื่อใหม่")
    )
    outsider.refresh_from_db()
    assert outsider.display_name != "ชื่อใหม่"


def test_assigning_and_ending_are_recorded(client, staff_south, group):
    mentor = factories.MentorFactory(region=group.tambon.province.region)
    client.force_login(staff_south)
    today = timezone.localdate()
    client.post(
        reverse("mentors:group_assign", args=[group.pk]),
        {"mentor": mentor.pk, "starts_on": (today - datetime.timedelta(days=3)).isoformat()},
    )
    assignment = Assignment.objects.get()
    client.post(reverse("mentors:assignment_end", args=[assignment.pk]))
    entries = AuditEntry.objects.filter(action=AuditAction.ASSIGNMENT).order_by("pk")
    assert [entry.actor for entry in entries] == [staff_south, staff_south]
    assert entries[0].details["assigned"] is True and "ended_on" in entries[1].details
    assert all(entry.target_user == mentor.user for entry in entries)


def test_the_mentor_page_offers_a_link_only_to_the_accounts_creator(
    client, staff_south, national_staff, south, krabi
):
    client.force_login(staff_south)
    client.post(reverse("mentors:mentor_create"), _data(krabi, phone="084-567-8901"))
    mine = Mentor.objects.get()
    assert (
        "/accounts/set-password/"
        in client.get(reverse("mentors:mentor_detail", args=[mine.pk])).content.decode()
    )
    assert AuditEntry.objects.filter(action=AuditAction.LINK_ISSUED, target_user=mine.user).exists()

    client.force_login(national_staff)
    client.post(
        reverse("mentors:mentor_create") + "?region=south", _data(krabi, phone="084-567-8902")
    )
    theirs = Mentor.objects.exclude(pk=mine.pk).get()
    client.force_login(staff_south)
    page = client.get(reverse("mentors:mentor_detail", args=[theirs.pk])).content.decode()
    assert "/accounts/set-password/" not in page
