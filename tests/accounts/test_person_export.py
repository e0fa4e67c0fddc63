"""National staff download everything held about one person as JSON (PDPA access request)."""

import json

import pytest
from django.urls import reverse

from accounts.models import AuditAction, AuditEntry
from tests import factories

pytestmark = pytest.mark.django_db


def _url(person):
    return reverse("accounts:person_export", args=[person.pk])


def test_national_staff_download_everything_and_the_export_is_recorded(
    client, national_staff, leader, group, south
):
    factories.NotificationFactory(recipient=leader, message="มีความเห็นใหม่")
    comment = factories.CommentFactory(author=leader, thread__version__canvas__group=group)
    client.force_login(national_staff)
    response = client.get(_url(leader))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["user"]["phone"] == "+66812345678"
    assert data["user"]["display_name"] == "สมศักดิ์"
    assert data["memberships"][0]["group__name"] == group.name
    assert data["notifications"][0]["message"] == "มีความเห็นใหม่"
    assert data["comments"][0]["body"] == comment.body
    for section in ("mentor_profile", "assignments", "canvas_events", "audit_entries_about"):
        assert section in data
    entry = AuditEntry.objects.get(action=AuditAction.PERSON_EXPORTED)
    assert entry.actor == national_staff and entry.target_user == leader
    assert entry.region_id == south.pk
    # Thai is written as Thai, not as \\u escapes.
    assert "สมศักดิ์" in response.content.decode()


def test_a_mentors_export_holds_profile_and_assignments(client, national_staff, group, south):
    mentor = factories.MentorFactory(region=south, phone="+66811111111", note="ขับรถเอง")
    factories.AssignmentFactory(mentor=mentor, group=group)
    client.force_login(national_staff)
    data = json.loads(client.get(_url(mentor.user)).content)
    assert data["mentor_profile"]["phone"] == "+66811111111"
    assert data["assignments"][0]["group_id"] == group.pk


def test_anonymous_is_sent_to_sign_in(client, leader):
    response = client.get(_url(leader))
    assert response.status_code == 302
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize("persona", ["staff_other_region", "outsider", "member", "mentor_user"])
def test_outsiders_get_404(client, request, leader, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(_url(leader)).status_code == 404
    assert not AuditEntry.objects.filter(action=AuditAction.PERSON_EXPORTED).exists()


def test_staff_of_the_persons_region_get_403(client, staff_south, leader):
    client.force_login(staff_south)
    assert client.get(_url(leader)).status_code == 403
    assert not AuditEntry.objects.filter(action=AuditAction.PERSON_EXPORTED).exists()


def test_an_unknown_person_is_404(client, national_staff):
    client.force_login(national_staff)
    assert client.get("/accounts/people/999999/export/").status_code == 404


def test_the_export_runs_a_fixed_number_of_queries(
    client, national_staff, leader, group, django_assert_max_num_queries
):
    client.force_login(national_staff)
    client.get(_url(leader))
    with django_assert_max_num_queries(30) as few:
        client.get(_url(leader))
    for _ in range(10):
        factories.NotificationFactory(recipient=leader)
        factories.CommentFactory(author=leader, thread__version__canvas__group=group)
        factories.MembershipFactory(user=leader)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(_url(leader))
