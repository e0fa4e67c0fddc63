"""Networks of groups: who links, proposes, accepts and removes, and what bad input gets."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import AuditEntry
from communities.models import GroupLink, LinkStatus
from tests import factories

pytestmark = pytest.mark.django_db


def network_url(group):
    return reverse("programme:group_network", args=[group.pk])


def link(group, other, kind="supply", status=LinkStatus.ACCEPTED, proposed_by=None):
    low, high = sorted((group, other), key=lambda g: g.pk)
    return GroupLink.objects.create(
        group_low=low, group_high=high, kind=kind, status=status, proposed_by_group=proposed_by
    )


def test_staff_link_two_groups_of_their_region(client, staff_south, group, partner_group):
    client.force_login(staff_south)
    assert client.get(network_url(group)).status_code == 200
    data = {"other": partner_group.pk, "kind": "tourism_route", "note": "ล่องคลองมะรุ่ย"}
    response = client.post(network_url(group), data)
    assert response.status_code == 302
    saved = GroupLink.objects.get()
    assert saved.status == LinkStatus.ACCEPTED and saved.group_low_id < saved.group_high_id
    assert AuditEntry.objects.filter(action="group_link").count() == 1
    page = client.get(network_url(partner_group)).content.decode()
    assert group.name in page and "เส้นทางท่องเที่ยวร่วม" in page
    # The same pair the other way round is the same link.
    response = client.post(network_url(partner_group), {"other": group.pk, "kind": "tourism_route"})
    assert "สองกลุ่มนี้เชื่อมโยงกันในลักษณะนี้แล้ว" in response.content.decode()
    assert GroupLink.objects.count() == 1
    # Another kind between the same two groups is another link.
    client.post(network_url(partner_group), {"other": group.pk, "kind": "marketing"})
    assert GroupLink.objects.count() == 2


def test_a_leader_proposes_and_the_other_leader_accepts(
    client, leader, partner_leader, group, partner_group
):
    client.force_login(leader)
    response = client.post(network_url(group), {"other": partner_group.pk, "kind": "supply"})
    assert response.status_code == 302
    proposal = GroupLink.objects.get()
    assert proposal.status == LinkStatus.PROPOSED and proposal.proposed_by_group == group
    accept = reverse("programme:link_accept", args=[proposal.pk])
    assert client.post(accept).status_code == 403  # the side that asked cannot accept
    client.force_login(partner_leader)
    assert "ตอบรับการเชื่อมโยงกับ" in client.get(network_url(partner_group)).content.decode()
    response = client.post(accept, {"group": partner_group.pk})
    assert response.status_code == 302 and response["Location"] == network_url(partner_group)
    proposal.refresh_from_db()
    assert proposal.status == LinkStatus.ACCEPTED and proposal.accepted_by == partner_leader
    assert client.post(accept).status_code == 403  # accepted already


def test_staff_accept_a_proposal(client, staff_south, group, partner_group):
    proposal = link(group, partner_group, status=LinkStatus.PROPOSED, proposed_by=group)
    client.force_login(staff_south)
    assert client.post(reverse("programme:link_accept", args=[proposal.pk])).status_code == 302
    proposal.refresh_from_db()
    assert proposal.is_accepted


def test_members_and_mentors_read_but_do_not_link(
    client, member, mentor, mentor_user, group, partner_group
):
    for user in (member, mentor_user):
        client.force_login(user)
        page = client.get(network_url(group))
        assert page.status_code == 200 and page.context["form"] is None
        assert (
            client.post(
                network_url(group), {"other": partner_group.pk, "kind": "supply"}
            ).status_code
            == 403
        )
    assert not GroupLink.objects.exists()


def test_outsiders_get_404(
    client, partner_leader, staff_other_region, other_mentor_user, group, partner_group
):
    existing = link(group, partner_group)
    for user in (staff_other_region, other_mentor_user):
        client.force_login(user)
        assert client.get(network_url(group)).status_code == 404
        assert client.post(reverse("programme:link_remove", args=[existing.pk])).status_code == 404
        assert client.post(reverse("programme:link_accept", args=[existing.pk])).status_code == 404
    assert GroupLink.objects.count() == 1


@pytest.mark.parametrize("persona", ["leader", "staff_south"])
def test_a_group_of_another_region_posted_by_id_is_a_form_error(
    client, request, group, north_group, persona
):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(network_url(group), {"other": north_group.pk, "kind": "supply"})
    assert response.status_code == 200
    assert "เลือกกลุ่มคู่เครือข่ายจากรายการ" in response.content.decode()
    assert not GroupLink.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "supply"}, "เลือกกลุ่มคู่เครือข่ายจากรายการ"),
        ({"other": "abc", "kind": "supply"}, "เลือกกลุ่มคู่เครือข่ายจากรายการ"),
        ({"other": "99999999", "kind": "supply"}, "เลือกกลุ่มคู่เครือข่ายจากรายการ"),
        ({"other": "{partner}", "kind": "rivals"}, "เลือกลักษณะความร่วมมือจากรายการ"),
        ({"other": "{partner}", "kind": "supply", "note": "ก" * 501}, "ยาวได้ไม่เกิน 500 ตัวอักษร"),
    ],
)
def test_bad_input(client, leader, group, partner_group, data, message):
    client.force_login(leader)
    data = {key: value.replace("{partner}", str(partner_group.pk)) for key, value in data.items()}
    response = client.post(network_url(group), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not GroupLink.objects.exists()


def test_a_group_cannot_link_to_itself(client, staff_south, group):
    client.force_login(staff_south)
    response = client.post(network_url(group), {"other": group.pk, "kind": "supply"})
    assert "เลือกกลุ่มคู่เครือข่ายจากรายการ" in response.content.decode()
    assert not GroupLink.objects.exists()


def test_national_staff_link_across_regions(client, national_staff, group, north_group):
    client.force_login(national_staff)
    response = client.post(network_url(group), {"other": north_group.pk, "kind": "knowledge"})
    assert response.status_code == 302
    assert GroupLink.objects.get().is_accepted


def test_removing_a_link(client, leader, member, partner_leader, staff_south, group, partner_group):
    existing = link(group, partner_group)
    url = reverse("programme:link_remove", args=[existing.pk])
    client.force_login(member)
    assert client.post(url).status_code == 403
    assert client.get(url).status_code == 405
    client.force_login(partner_leader)  # either side may leave
    assert client.post(url, {"group": partner_group.pk}).status_code == 302
    assert not GroupLink.objects.exists()
    assert AuditEntry.objects.get(action="group_link").details["what"] == "removed"


def test_the_overview_lists_the_groups_links(client, leader, group, partner_group):
    link(group, partner_group, kind="marketing")
    client.force_login(leader)
    body = client.get(reverse("programme:overview", args=[group.pk])).content.decode()
    assert "เครือข่าย" in body and partner_group.name in body and "การตลาดร่วม" in body
    assert network_url(group) in body


def region_url(region):
    return reverse("programme:region_network", args=[region.slug])


def test_the_region_page_draws_the_graph_and_the_table(
    client,
    staff_south,
    national_staff,
    leader,
    mentor_user,
    staff_other_region,
    south,
    group,
    partner_group,
):
    link(group, partner_group, kind="tourism_route")
    link(group, partner_group, kind="knowledge", status=LinkStatus.PROPOSED, proposed_by=group)
    for user in (staff_south, national_staff):
        client.force_login(user)
        response = client.get(region_url(south))
        body = response.content.decode()
        assert response.status_code == 200
        assert "<svg" in body and 'stroke-dasharray="10 5"' in body
        assert body.count("<tr>") == 2  # the header and the accepted link only
        assert "กระบี่" in body
    for user in (leader, mentor_user, staff_other_region):
        client.force_login(user)
        assert client.get(region_url(south)).status_code == 404


def test_the_region_page_is_flat(client, staff_south, south, group, partner_group):
    client.force_login(staff_south)
    link(group, partner_group)
    with CaptureQueriesContext(connection) as one:
        assert client.get(region_url(south)).status_code == 200
    province = group.tambon.province
    groups = [
        factories.CommunityGroupFactory(tambon__district__province=province) for _ in range(60)
    ]
    for left, right in zip(groups, groups[1:], strict=False):
        link(left, right, kind="marketing")
    with CaptureQueriesContext(connection) as many:
        response = client.get(region_url(south))
    assert len(many) == len(one)
    assert len(response.context["nodes"]) == 40 and response.context["capped"]
    assert "ภาพแสดง 40 กลุ่มที่มีการเชื่อมโยงมากที่สุด" in response.content.decode()


def test_naming_a_group_not_of_the_link_changes_nothing(
    client, leader, group, partner_group, north_group
):
    proposal = link(group, partner_group, status=LinkStatus.PROPOSED, proposed_by=partner_group)
    client.force_login(leader)
    for name in ("link_accept", "link_remove"):
        url = reverse(f"programme:{name}", args=[proposal.pk])
        assert client.post(url, {"group": north_group.pk}).status_code == 404
    proposal.refresh_from_db()
    assert proposal.status == LinkStatus.PROPOSED


@pytest.mark.parametrize("persona", ["leader", "staff_south", "member"])
def test_the_group_network_page_is_flat(client, request, group, persona):
    client.force_login(request.getfixturevalue(persona))
    url = network_url(group)
    link(group, factories.CommunityGroupFactory(tambon=group.tambon))
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    for index in range(25):
        other = factories.CommunityGroupFactory(tambon=group.tambon)
        status = LinkStatus.PROPOSED if index % 2 else LinkStatus.ACCEPTED
        link(group, other, status=status, proposed_by=other if index % 2 else None)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(one)
