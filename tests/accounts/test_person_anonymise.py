"""Erasing a person (PDPA): their data goes, their group's canvases and comments stay readable."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts import audit
from accounts.models import AuditAction, AuditEntry, Notification
from accounts.services import person_anonymise
from communities.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db

ERASED = "ผู้ใช้ที่ลบข้อมูลแล้ว"


def _url(person):
    return reverse("accounts:person_anonymise", args=[person.pk])


@pytest.fixture
def comment(leader, group):
    version = factories.CanvasVersionFactory(canvas__group=group, number=1)
    return factories.CommentFactory(
        author=leader, thread__version=version, body="ลองเพิ่มช่องทางออนไลน์"
    )


def test_the_service_blanks_the_person_and_keeps_their_comments(
    leader, group, comment, national_staff, staff_south, south
):
    leader.email = "somsak@example.org"
    leader.first_name = "สมศักดิ์"
    leader.save()
    factories.NotificationFactory(recipient=leader)
    attached = audit.record(
        actor=staff_south,
        action=audit.AuditAction.PERSON_ATTACHED,
        target_user=leader,
        region_id=south.pk,
        summary="เพิ่ม สมศักดิ์ (081-234-5678) เข้ากลุ่ม",
        details={"phone": "+66812345678"},
    )
    person_anonymise(person=leader, by=national_staff)

    leader = get_user_model().objects.get(pk=leader.pk)
    assert leader.name == ERASED and leader.is_anonymised
    assert (leader.display_name, leader.first_name, leader.email) == ("", "", "")
    assert leader.phone is None
    assert leader.username == f"erased-{leader.pk}"
    assert not leader.is_active and not leader.has_usable_password()
    assert not Membership.objects.filter(user=leader).exists()
    assert not Notification.objects.filter(recipient=leader).exists()
    comment.refresh_from_db()
    assert comment.author_id == leader.pk and comment.body == "ลองเพิ่มช่องทางออนไลน์"
    attached.refresh_from_db()
    assert "สมศักดิ์" not in attached.summary and "081-234-5678" not in attached.summary
    assert "+66812345678" not in str(attached.details)
    entry = AuditEntry.objects.get(action=AuditAction.PERSON_ANONYMISED)
    assert entry.actor == national_staff and entry.target_user == leader
    assert entry.region_id == south.pk
    assert "สมศักดิ์" not in entry.summary


def test_the_groups_canvas_still_shows_the_comment_with_a_neutral_author(
    client, leader, member, group, comment, national_staff
):
    person_anonymise(person=leader, by=national_staff)
    client.force_login(member)
    canvas = comment.thread.canvas
    response = client.get(reverse("canvases:version", args=[canvas.pk, 1]))
    assert response.status_code == 200
    review = client.get(reverse("canvases:version_review", args=[canvas.pk, 1]))
    assert review.status_code == 200
    body = response.content.decode() + review.content.decode()
    assert "สมศักดิ์" not in body
    assert "ลองเพิ่มช่องทางออนไลน์" in body and ERASED in body


def test_a_mentor_profile_stays_without_phone_or_note(national_staff, group, south):
    mentor = factories.MentorFactory(region=south, phone="+66811111111", note="ขับรถเอง")
    followed = factories.FollowUpFactory(mentor=mentor, group=group)
    person_anonymise(person=mentor.user, by=national_staff)
    mentor.refresh_from_db()
    assert (mentor.phone, mentor.note, mentor.is_active) == ("", "", False)
    followed.refresh_from_db()


def test_the_erased_person_can_no_longer_sign_in(client, leader, national_staff):
    person_anonymise(person=leader, by=national_staff)
    response = client.post(
        reverse("accounts:login"), {"username": "0812345678", "password": factories.TEST_PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200


def test_admins_confirm_before_erasing(client, national_staff, leader):
    client.force_login(national_staff)
    page = client.get(_url(leader))
    assert page.status_code == 200
    assert "สมศักดิ์" in page.content.decode()
    response = client.post(_url(leader), {})
    assert response.status_code == 400
    assert get_user_model().objects.get(pk=leader.pk).display_name == "สมศักดิ์"
    response = client.post(_url(leader), {"confirm": "on"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:person_detail", args=[leader.pk])
    assert get_user_model().objects.get(pk=leader.pk).is_anonymised
    assert ERASED in client.get(response["Location"]).content.decode()


def test_an_admin_cannot_erase_themself_or_erase_twice(client, national_staff, leader):
    client.force_login(national_staff)
    assert client.post(_url(national_staff), {"confirm": "on"}).status_code == 400
    assert get_user_model().objects.get(pk=national_staff.pk).is_active
    client.post(_url(leader), {"confirm": "on"})
    assert client.post(_url(leader), {"confirm": "on"}).status_code == 400
    assert AuditEntry.objects.filter(action=AuditAction.PERSON_ANONYMISED).count() == 1


def test_anonymous_is_sent_to_sign_in(client, leader):
    assert client.post(_url(leader), {"confirm": "on"}).status_code == 302
    assert not get_user_model().objects.get(pk=leader.pk).is_anonymised


@pytest.mark.parametrize("persona", ["staff_other_region", "outsider", "member", "mentor_user"])
def test_outsiders_get_404(client, request, leader, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(_url(leader)).status_code == 404
    assert client.post(_url(leader), {"confirm": "on"}).status_code == 404
    assert not get_user_model().objects.get(pk=leader.pk).is_anonymised


def test_staff_of_the_persons_region_get_403(client, staff_south, leader):
    client.force_login(staff_south)
    assert client.post(_url(leader), {"confirm": "on"}).status_code == 403
    assert not get_user_model().objects.get(pk=leader.pk).is_anonymised


def test_the_confirmation_page_runs_a_fixed_number_of_queries(
    client, national_staff, leader, django_assert_max_num_queries
):
    client.force_login(national_staff)
    client.get(_url(leader))
    with django_assert_max_num_queries(8):
        assert client.get(_url(leader)).status_code == 200
