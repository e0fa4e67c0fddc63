"""Who may do what with a group's programme, as people and attackers would try."""

import pytest
from django.urls import reverse

from programme.models import Result
from tests.programme.conftest import RESULT_POST, make_result

pytestmark = pytest.mark.django_db


def test_a_leader_of_another_group_posting_results_here_gets_404(client, group, other_leader):
    client.force_login(other_leader)
    response = client.post(reverse("programme:result_entry", args=[group.pk]), RESULT_POST)
    assert response.status_code == 404
    assert not Result.objects.exists()


def test_a_member_reads_but_cannot_enter_results(client, group, member):
    client.force_login(member)
    assert client.get(reverse("programme:results", args=[group.pk])).status_code == 200
    response = client.post(reverse("programme:result_entry", args=[group.pk]), RESULT_POST)
    assert response.status_code == 403
    assert not Result.objects.exists()


def test_a_mentor_of_another_group_cannot_confirm(client, group, leader, other_mentor_user):
    result = make_result(group)
    client.force_login(other_mentor_user)
    url = reverse("programme:result_confirm", args=[group.pk])
    assert client.post(url, {"fiscal_year": 2568, "quarter": 1}).status_code == 404
    result.refresh_from_db()
    assert not result.is_confirmed


def test_a_leader_cannot_confirm(client, group, leader, mentor):
    result = make_result(group)
    client.force_login(leader)
    url = reverse("programme:result_confirm", args=[group.pk])
    assert client.post(url, {"fiscal_year": 2568, "quarter": 1}).status_code == 403
    result.refresh_from_db()
    assert not result.is_confirmed


def test_staff_read_and_cannot_confirm(client, group, staff_south):
    make_result(group)
    client.force_login(staff_south)
    assert client.get(reverse("programme:results", args=[group.pk])).status_code == 200
    url = reverse("programme:result_confirm", args=[group.pk])
    assert client.post(url, {"fiscal_year": 2568, "quarter": 1}).status_code == 403


def test_staff_of_another_region_get_404(client, group, staff_other_region):
    client.force_login(staff_other_region)
    for name in ("overview", "results", "plan"):
        assert client.get(reverse(f"programme:{name}", args=[group.pk])).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, group):
    response = client.get(reverse("programme:results", args=[group.pk]))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_a_mentor_reads_plan_but_cannot_write_it(client, group, mentor, mentor_user):
    client.force_login(mentor_user)
    assert client.get(reverse("programme:plan", args=[group.pk])).status_code == 200
    assert client.get(reverse("programme:plan_edit", args=[group.pk])).status_code == 403
