"""Staff add people to a group by phone number: new numbers join at once, known people are
invited and join only when they accept; nobody is taken over (issue 10, findings 1 and 6)."""

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import AuditAction, AuditEntry, Notification, Role
from accounts.services import user_get_or_create_by_phone
from communities import services
from communities.models import Invitation, InvitationStatus, Membership, MembershipRole
from tests import factories

pytestmark = pytest.mark.django_db

NORTH_STAFF_PHONE = "+66891112222"
NEW_PASSWORD = "ล่องคลองมะรุย-2569"


def _add(client, group, phone, role="member", name="ชื่อที่เจ้าหน้าที่พิมพ์", email="", **kwargs):
    return client.post(
        reverse("communities:person_add", args=[group.pk]),
        {"display_name": name, "phone": phone, "email": email, "role": role},
        **kwargs,
    )


def _messages(response) -> str:
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def _link(group, person):
    return reverse("communities:person_link", args=[group.pk, person.pk])


# --- finding 1: the takeover of staff_north through "add person by phone" ---------------


def test_staff_cannot_take_over_another_regions_staff_by_adding_their_phone(
    client, staff_south, staff_other_region, group
):
    staff_other_region.phone = NORTH_STAFF_PHONE
    staff_other_region.last_login = None
    staff_other_region.save()
    client.force_login(staff_south)

    response = _add(client, group, "089-111-2222")

    assert response.status_code == 302
    assert not Membership.objects.filter(user=staff_other_region).exists()
    assert staff_other_region.name not in _messages(response)
    # No link: the account is not a member, and was not created by this staff member.
    assert client.get(_link(group, staff_other_region)).status_code == 404
    staff_other_region.refresh_from_db()
    assert staff_other_region.has_usable_password()
    # A staff account is never shown an invitation, so it can never be attached this way.
    assert not Notification.objects.filter(recipient=staff_other_region).exists()
    client.force_login(staff_other_region)
    invitation = Invitation.objects.get(invitee=staff_other_region)
    response = client.post(reverse("communities:invitation_accept", args=[invitation.pk]))
    assert response.status_code == 404
    assert not Membership.objects.filter(user=staff_other_region).exists()


def test_a_member_who_has_a_password_gets_no_link(client, staff_south, group, leader):
    """The old rule refused the link only for a usable password AND a past sign-in."""
    client.force_login(staff_south)
    assert leader.last_login is None and leader.has_usable_password()
    assert client.get(_link(group, leader)).status_code == 403


def test_no_link_for_a_never_used_account_someone_else_created(client, staff_south, south, group):
    other_southern_staff = factories.RegionStaffFactory(region=south).user
    person, _created = user_get_or_create_by_phone(
        phone="+66895556666", display_name="ป้าแดง", created_by=other_southern_staff
    )
    factories.MembershipFactory(group=group, user=person)
    client.force_login(staff_south)
    assert client.get(_link(group, person)).status_code == 403
    client.force_login(other_southern_staff)
    assert client.get(_link(group, person)).status_code == 200


def test_no_link_once_the_account_was_used(client, staff_south, group):
    client.force_login(staff_south)
    _add(client, group, "089-999-9999")
    person = Membership.objects.get(group=group, user__phone="+66899999999").user
    person.set_password(NEW_PASSWORD)
    person.save()
    assert client.get(_link(group, person)).status_code == 403


def test_a_new_phone_is_created_attached_and_its_link_recorded(client, staff_south, group):
    client.force_login(staff_south)
    response = _add(client, group, "089-999-9999", role="leader", name="ลุงเอก")

    person = Membership.objects.get(group=group, role=MembershipRole.LEADER).user
    assert person.phone == "+66899999999" and person.created_by == staff_south
    assert response["Location"] == _link(group, person)
    page = client.get(response["Location"]).content.decode()
    assert "/accounts/set-password/" in page
    actions = set(AuditEntry.objects.filter(target_user=person).values_list("action", flat=True))
    assert actions == {AuditAction.PERSON_ATTACHED, AuditAction.LINK_ISSUED}
    issued = AuditEntry.objects.get(action=AuditAction.LINK_ISSUED)
    assert issued.actor == staff_south and issued.region_id == group.tambon.province.region_id
    # The token itself is never written into the trail.
    assert "set-password" not in str(issued.details) + issued.summary


def test_national_staff_may_link_a_never_used_member(client, national_staff, group, member):
    member.set_unusable_password()
    member.save()
    client.force_login(national_staff)
    assert client.get(_link(group, member)).status_code == 200


def test_the_group_page_offers_a_link_only_where_the_viewer_may_issue_it(
    client, staff_south, group, leader
):
    client.force_login(staff_south)
    _add(client, group, "089-999-9999", name="ลุงเอก")
    new_person = Membership.objects.get(user__phone="+66899999999").user
    page = client.get(reverse("communities:group_detail", args=[group.pk])).content.decode()
    assert _link(group, new_person) in page
    assert _link(group, leader) not in page


# --- invitations -------------------------------------------------------------------------


def test_a_known_person_is_invited_not_attached_and_accepts(client, staff_south, group, outsider):
    outsider.phone = "+66873334444"
    outsider.email = "outsider@example.org"
    outsider.save()
    client.force_login(staff_south)

    response = _add(
        client, group, "087-333-4444", role="leader", name="ชื่อปลอม", email="x@evil.test"
    )

    assert response["Location"] == reverse("communities:group_detail", args=[group.pk])
    assert not Membership.objects.filter(group=group, user=outsider).exists()
    outsider.refresh_from_db()
    assert outsider.display_name != "ชื่อปลอม" and outsider.email == "outsider@example.org"
    invitation = Invitation.objects.get(group=group, invitee=outsider)
    assert invitation.status == InvitationStatus.PENDING and invitation.role == "leader"
    assert AuditEntry.objects.filter(
        action=AuditAction.PERSON_INVITED, target_user=outsider
    ).exists()

    # Staff see the number they typed, not the person.
    page = client.get(response["Location"]).content.decode()
    assert "087-333-4444" in page and outsider.name not in page

    # The person hears of it and answers on their home page.
    assert Notification.objects.filter(recipient=outsider).count() == 1
    client.force_login(outsider)
    home = client.get(reverse("home")).content.decode()
    assert group.name in home and "ตอบรับ" in home
    response = client.post(reverse("communities:invitation_accept", args=[invitation.pk]))
    assert response.status_code == 302
    assert Membership.objects.get(group=group, user=outsider).role == MembershipRole.LEADER
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED
    attached = AuditEntry.objects.get(action=AuditAction.PERSON_ATTACHED, target_user=outsider)
    assert attached.actor == outsider and attached.details["invited_by"] == staff_south.pk
    assert Notification.objects.filter(recipient=staff_south).exists()


def test_an_invited_person_may_decline(client, staff_south, group, outsider):
    outsider.phone = "+66873334444"
    outsider.save()
    client.force_login(staff_south)
    _add(client, group, "0873334444")
    invitation = Invitation.objects.get()
    client.force_login(outsider)
    client.post(reverse("communities:invitation_decline", args=[invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.DECLINED
    assert not Membership.objects.filter(group=group, user=outsider).exists()


def test_only_the_invited_person_can_answer(client, staff_south, group, outsider, leader):
    outsider.phone = "+66873334444"
    outsider.save()
    client.force_login(staff_south)
    _add(client, group, "0873334444")
    invitation = Invitation.objects.get()
    for someone in (leader, staff_south):
        client.force_login(someone)
        url = reverse("communities:invitation_accept", args=[invitation.pk])
        assert client.post(url).status_code == 404
    assert client.get(
        reverse("communities:invitation_accept", args=[invitation.pk])
    ).status_code in (
        404,
        405,
    )
    assert not Membership.objects.filter(user=outsider, group=group).exists()


def test_staff_withdraw_an_invitation(client, staff_south, group, outsider):
    outsider.phone = "+66873334444"
    outsider.save()
    client.force_login(staff_south)
    _add(client, group, "0873334444")
    invitation = Invitation.objects.get()
    client.post(reverse("communities:invitation_withdraw", args=[group.pk, invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.WITHDRAWN
    client.force_login(outsider)
    url = reverse("communities:invitation_accept", args=[invitation.pk])
    assert client.post(url).status_code == 404


def test_staff_of_another_region_cannot_withdraw(
    client, staff_south, staff_other_region, group, outsider
):
    outsider.phone = "+66873334444"
    outsider.save()
    client.force_login(staff_south)
    _add(client, group, "0873334444")
    invitation = Invitation.objects.get()
    client.force_login(staff_other_region)
    url = reverse("communities:invitation_withdraw", args=[group.pk, invitation.pk])
    assert client.post(url).status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING


def test_national_staff_attach_a_known_person_directly(client, national_staff, group, outsider):
    outsider.phone = "+66873334444"
    outsider.save()
    client.force_login(national_staff)
    _add(client, group, "0873334444")
    assert Membership.objects.filter(group=group, user=outsider).exists()
    assert not Invitation.objects.exists()
    entry = AuditEntry.objects.get(action=AuditAction.PERSON_ATTACHED)
    assert entry.actor == national_staff and entry.target_user == outsider


# --- finding 6 (first half): staff learn no name and no role from the form -----------------


def test_the_message_names_no_one_and_no_role_whoever_owns_the_phone(
    client, staff_south, staff_other_region, group, outsider, mentor_user, national_staff
):
    people = {
        "+66891112222": staff_other_region,
        "+66892223333": mentor_user,
        "+66893334444": outsider,
        "+66894445555": national_staff,
    }
    for phone, person in people.items():
        person.phone = phone
        person.save()
    client.force_login(staff_south)
    said = set()
    for phone, person in people.items():
        response = _add(client, group, "0" + phone[3:], follow=True)
        text = " ".join(str(message) for message in response.context["messages"])
        assert person.name not in text and person.username not in text
        for role in Role:
            assert str(role.label) not in text
        said.add(text)
    assert len(said) == 1


def test_anonymous_visitors_are_sent_to_sign_in(client, staff_south, group, outsider):
    outsider.phone = "+66873334444"
    outsider.save()
    client.force_login(staff_south)
    _add(client, group, "0873334444")
    invitation = Invitation.objects.get()
    client.logout()
    for name in ("communities:invitation_accept", "communities:invitation_decline"):
        response = client.post(reverse(name, args=[invitation.pk]))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING


def test_a_leader_sees_only_their_own_invitations(client, staff_south, group, outsider, leader):
    outsider.phone = "+66873334444"
    outsider.save()
    client.force_login(staff_south)
    _add(client, group, "0873334444")
    client.force_login(leader)
    assert 'id="invitations"' not in client.get(reverse("home")).content.decode()


def test_asking_again_does_not_notify_twice(client, staff_south, group, outsider):
    outsider.phone = "+66873334444"
    outsider.save()
    client.force_login(staff_south)
    _add(client, group, "0873334444", role="member")
    _add(client, group, "0873334444", role="leader")
    assert Invitation.objects.get().role == MembershipRole.LEADER
    assert Notification.objects.filter(recipient=outsider).count() == 1


def test_an_invitation_is_answered_once(staff_south, group, outsider):
    outsider.phone = "+66873334444"
    outsider.save()
    services.group_add_person(
        group=group, by=staff_south, display_name="x", phone=outsider.phone, role="member"
    )
    invitation = Invitation.objects.get()
    stale = Invitation.objects.get()
    services.invitation_accept(invitation=invitation)
    services.invitation_decline(invitation=stale)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED
    assert AuditEntry.objects.filter(action=AuditAction.PERSON_ATTACHED).count() == 1


def test_the_home_reads_invitations_in_a_fixed_number_of_queries(
    client, group, partner_group, outsider
):
    """None, one or two invitations: the same queries once there is one (the groups, their
    places and who invited are read beside the invitations, not per invitation)."""
    client.force_login(outsider)

    def queries_and_page():
        with CaptureQueriesContext(connection) as captured:
            page = client.get(reverse("home")).content.decode()
        return len(captured.captured_queries), page

    none, page = queries_and_page()
    assert 'id="invitations"' not in page
    Invitation.objects.create(group=group, invitee=outsider, phone="+66870000001", role="member")
    one, page = queries_and_page()
    assert group.name in page and group.tambon.place_label in page
    Invitation.objects.create(
        group=partner_group, invitee=outsider, phone="+66870000001", role="leader"
    )
    two, page = queries_and_page()
    assert partner_group.name in page and "เจ้าหน้าที่ พอช." in page
    assert one == two
    # Nothing to show costs one query: no joins planned on every home page for nothing.
    assert one - none <= 3
