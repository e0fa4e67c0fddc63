"""A person's page: their region's staff and national staff; the way to their audit entries,
their export and their erasure."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def _url(person):
    return reverse("accounts:person_detail", args=[person.pk])


def test_staff_of_the_region_see_the_person_and_their_audit_link(client, staff_south, leader):
    client.force_login(staff_south)
    response = client.get(_url(leader))
    assert response.status_code == 200
    body = response.content.decode()
    assert "สมศักดิ์" in body and "081-234-5678" in body
    assert f"{reverse('accounts:audit')}?person={leader.pk}" in body
    assert reverse("accounts:person_export", args=[leader.pk]) not in body
    assert "no-store" in response["Cache-Control"]


def test_national_staff_also_get_export_and_erasure(client, national_staff, leader):
    client.force_login(national_staff)
    body = client.get(_url(leader)).content.decode()
    assert reverse("accounts:person_export", args=[leader.pk]) in body
    assert reverse("accounts:person_anonymise", args=[leader.pk]) in body


def test_staff_of_a_mentors_region_reach_the_mentor(client, staff_south, south):
    mentor = factories.MentorFactory(region=south)
    client.force_login(staff_south)
    assert client.get(_url(mentor.user)).status_code == 200


def test_anonymous_is_sent_to_sign_in(client, leader):
    assert client.get(_url(leader)).status_code == 302


@pytest.mark.parametrize(
    "persona", ["staff_other_region", "outsider", "member", "leader", "mentor_user"]
)
def test_everyone_else_gets_404(client, request, member, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(_url(member)).status_code == 404


def test_an_unknown_id_is_404(client, national_staff):
    client.force_login(national_staff)
    assert client.get("/accounts/people/987654/").status_code == 404


def test_the_page_runs_a_fixed_number_of_queries(
    client, staff_south, leader, django_assert_max_num_queries
):
    client.force_login(staff_south)
    client.get(_url(leader))
    with django_assert_max_num_queries(12) as few:
        client.get(_url(leader))
    for _ in range(8):
        factories.MembershipFactory(user=leader)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(_url(leader))
