"""Moving a group through the programme's steps."""

import pytest
from django.urls import reverse

from accounts.models import AuditAction, AuditEntry
from programme import selectors
from programme.models import StageMove

pytestmark = pytest.mark.django_db


def move(client, group, direction, expected, note=""):
    return client.post(
        reverse("programme:stage_move", args=[group.pk]),
        {"direction": direction, "expected": expected, "note": note},
    )


def test_a_group_starts_at_finding_its_capital(client, group, member):
    client.force_login(member)
    response = client.get(reverse("programme:overview", args=[group.pk]))
    assert response.context["stage"] == "capital"
    assert "ค้นหาทุนชุมชน" in response.content.decode()
    assert response.context["form"] is None


def test_the_mentor_moves_forward_and_back_and_each_move_is_recorded(
    client, group, mentor, mentor_user
):
    client.force_login(mentor_user)
    assert move(client, group, "forward", "capital", "ทำแผนที่ทุนเสร็จ").status_code == 302
    assert selectors.current_stage(group) == "design"
    move(client, group, "back", "design", "ต้องสำรวจทุนเพิ่ม")
    assert selectors.current_stage(group) == "capital"
    moves = list(StageMove.objects.order_by("at", "pk"))
    assert [(m.from_stage, m.to_stage, m.by) for m in moves] == [
        ("capital", "design", mentor_user),
        ("design", "capital", mentor_user),
    ]
    assert AuditEntry.objects.filter(action=AuditAction.PROGRAMME_STAGE).count() == 2


def test_a_stale_form_changes_nothing(client, group, staff_south):
    client.force_login(staff_south)
    move(client, group, "forward", "capital")
    response = move(client, group, "forward", "capital")  # a second tap on the old page
    assert selectors.current_stage(group) == "design"
    assert StageMove.objects.count() == 1
    assert response.status_code == 302


def test_back_from_the_first_step_is_refused(client, group, national_staff):
    client.force_login(national_staff)
    move(client, group, "back", "capital")
    assert not StageMove.objects.exists()


def test_leaders_and_members_cannot_move_it(client, group, leader, member):
    for person in (leader, member):
        client.force_login(person)
        assert move(client, group, "forward", "capital").status_code == 403
    assert not StageMove.objects.exists()


def test_outsiders_get_404(client, group, outsider, staff_other_region):
    for person in (outsider, staff_other_region):
        client.force_login(person)
        assert move(client, group, "forward", "capital").status_code == 404


def test_the_group_page_shows_the_stage(client, group, member):
    client.force_login(member)
    response = client.get(reverse("communities:group_detail", args=[group.pk]))
    html = response.content.decode()
    assert "ขั้นตอนการพัฒนาของกลุ่ม" in html
    assert reverse("programme:results", args=[group.pk]) in html


def test_the_mentor_home_leads_to_each_assigned_groups_programme(
    client, mentor, mentor_user, group
):
    client.force_login(mentor_user)
    body = client.get(reverse("home")).content.decode()
    assert reverse("programme:overview", args=[group.pk]) in body
