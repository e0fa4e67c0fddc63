"""The audit page: regional staff read their region's entries, national staff all of them."""

import pytest
from django.contrib import admin
from django.urls import reverse

from accounts import audit
from accounts.models import AuditEntry
from tests import factories

pytestmark = pytest.mark.django_db

URL = reverse("accounts:audit")


@pytest.fixture
def entries(south, north, group, leader, member, staff_south, staff_other_region):
    return {
        "south_leader": audit.record(
            actor=staff_south,
            action=audit.AuditAction.LINK_ISSUED,
            target_user=leader,
            target=group,
            region_id=south.pk,
            summary="ลิงก์ของแกนนำใต้",
        ),
        "south_member": audit.record(
            actor=staff_south,
            action=audit.AuditAction.PERSON_ATTACHED,
            target_user=member,
            region_id=south.pk,
            summary="เพิ่มสมาชิกใต้",
        ),
        "north": audit.record(
            actor=staff_other_region,
            action=audit.AuditAction.ROLE_CHANGED,
            region_id=north.pk,
            summary="เรื่องของภาคเหนือ",
        ),
        "national": audit.record(
            actor=None, action=audit.AuditAction.EXPORT, summary="ส่งออกทั้งประเทศ"
        ),
    }


def _body(client, url=URL, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_regional_staff_read_only_their_region(client, staff_south, entries):
    client.force_login(staff_south)
    body = _body(client)
    assert "ลิงก์ของแกนนำใต้" in body and "เพิ่มสมาชิกใต้" in body
    assert "เรื่องของภาคเหนือ" not in body and "ส่งออกทั้งประเทศ" not in body


def test_national_staff_read_everything_and_filter_by_region(client, national_staff, entries):
    client.force_login(national_staff)
    body = _body(client)
    for text in ("ลิงก์ของแกนนำใต้", "เรื่องของภาคเหนือ", "ส่งออกทั้งประเทศ"):
        assert text in body
    body = _body(client, region="north")
    assert "เรื่องของภาคเหนือ" in body and "ลิงก์ของแกนนำใต้" not in body


def test_filter_per_person_and_per_object(client, staff_south, entries, leader, group):
    client.force_login(staff_south)
    body = _body(client, person=leader.pk)
    assert "ลิงก์ของแกนนำใต้" in body and "เพิ่มสมาชิกใต้" not in body
    body = _body(client, target_type="communities.communitygroup", target_id=group.pk)
    assert "ลิงก์ของแกนนำใต้" in body and "เพิ่มสมาชิกใต้" not in body
    # Each entry links to its person's and its object's entries.
    body = _body(client)
    assert f"?person={leader.pk}" in body
    assert f"target_type=communities.communitygroup&amp;target_id={group.pk}" in body


def test_dates_are_in_the_buddhist_era(client, staff_south, entries):
    client.force_login(staff_south)
    year = entries["south_leader"].at.year + 543
    assert str(year) in _body(client)


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("persona", ["leader", "member", "mentor_user", "outsider"])
def test_people_who_are_not_staff_get_404(client, request, persona, entries):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 404


def test_regional_staff_naming_another_region_get_403(client, staff_south, entries):
    client.force_login(staff_south)
    assert client.get(URL, {"region": "north"}).status_code == 403
    assert client.get(URL, {"region": "south"}).status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"person": "abc"},
        {"person": "-1"},
        {"target_type": "x'; drop table"},
        {"target_id": "5"},
        {"action": "nonsense"},
        {"target_type": "a.b", "target_id": "9" * 30},
    ],
)
def test_bad_filters_answer_400(client, staff_south, entries, params):
    client.force_login(staff_south)
    response = client.get(URL, params)
    assert response.status_code == 400
    assert "ลิงก์ของแกนนำใต้" not in response.content.decode()


def test_the_page_is_paged_and_runs_a_fixed_number_of_queries(
    client, national_staff, south, django_assert_max_num_queries
):
    client.force_login(national_staff)

    def add(n):
        for _ in range(n):
            person = factories.UserFactory()
            audit.record(
                actor=person,
                action=audit.AuditAction.ASSIGNMENT,
                target_user=person,
                target=south,
                region_id=south.pk,
                summary="มอบหมาย",
            )

    add(2)
    client.get(URL)
    with django_assert_max_num_queries(20) as few:
        client.get(URL)
    add(80)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL)
    assert response.content.decode().count("มอบหมาย</div>") == 50
    assert client.get(URL, {"page": "2"}).content.decode().count("มอบหมาย</div>") == 32


def test_the_admin_shows_entries_read_only(entries, rf, national_staff):
    model_admin = admin.site._registry[AuditEntry]
    request = rf.get("/")
    request.user = national_staff
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, entries["north"])
    assert not model_admin.has_delete_permission(request, entries["north"])


def test_the_admin_list_opens_for_a_superuser(client, entries):
    root = factories.UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(root)
    assert client.get(reverse("admin:accounts_auditentry_changelist")).status_code == 200
    url = reverse("admin:accounts_auditentry_change", args=[entries["north"].pk])
    assert client.get(url).status_code == 200
