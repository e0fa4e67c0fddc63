"""The pages of a tambon's community capital: the inventory, adding, changing, removing."""

import pytest
from django.urls import reverse

from communities.models import CapitalItem
from tests import factories

pytestmark = pytest.mark.django_db

ADD = {"kind": "nature", "what": "ป่าชายเลน 300 ไร่", "detail": "ริมคลองมะรุย"}


def _url(tambon):
    return reverse("programme:capital", args=[tambon.code])


def _edit_url(item):
    return reverse("programme:capital_item_edit", args=[item.tambon_id, item.pk])


def _delete_url(item):
    return reverse("programme:capital_item_delete", args=[item.tambon_id, item.pk])


@pytest.fixture
def other_tambon(north):
    """A tambon of another region, with a group and its own capital."""
    province = factories.ProvinceFactory(region=north)
    tambon = factories.TambonFactory(district=factories.DistrictFactory(province=province))
    factories.CommunityGroupFactory(tambon=tambon)
    return tambon


def test_it_lists_the_inventory_by_kind(client, member, ao_luek_tai):
    factories.CapitalItemFactory(tambon=ao_luek_tai, kind="money", what="กองทุนหมู่บ้าน")
    client.force_login(member)
    response = client.get(_url(ao_luek_tai))
    html = response.content.decode()
    assert response.status_code == 200
    assert "ทุนชุมชนของตำบลอ่าวลึกใต้" in html
    for label in ("ทุนธรรมชาติ", "ทุนคนและภูมิปัญญา", "ทุนวัฒนธรรม", "ทุนทางสังคม", "ทุนเงิน"):
        assert label in html
    assert "กองทุนหมู่บ้าน" in html
    # A member reads but does not change.
    assert 'id="add"' not in html and "แก้ไข" not in html


def test_a_leader_adds_an_item(client, leader, ao_luek_tai):
    client.force_login(leader)
    assert 'id="add"' in client.get(_url(ao_luek_tai)).content.decode()
    response = client.post(_url(ao_luek_tai), ADD)
    assert response.status_code == 302 and response.url == _url(ao_luek_tai)
    item = CapitalItem.objects.get()
    assert (item.tambon, item.kind, item.what, item.added_by) == (
        ao_luek_tai,
        "nature",
        "ป่าชายเลน 300 ไร่",
        leader,
    )
    assert "ป่าชายเลน 300 ไร่" in client.get(_url(ao_luek_tai)).content.decode()


def test_the_kind_can_be_chosen_by_a_link(client, leader, ao_luek_tai):
    client.force_login(leader)
    html = client.get(_url(ao_luek_tai) + "?kind=social").content.decode()
    assert '<option value="social" selected>' in html
    # An unknown kind is simply not chosen.
    assert client.get(_url(ao_luek_tai) + "?kind=<b>").status_code == 200


def test_errors_are_in_thai_beside_the_field_and_keep_what_was_typed(client, leader, ao_luek_tai):
    client.force_login(leader)
    response = client.post(_url(ao_luek_tai), {**ADD, "what": "", "detail": "เก็บไว้ด้วยนะ"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "กรุณาบอกว่าทุนนี้คืออะไร" in html
    assert 'id="error_1_id_what"' in html or "invalid-feedback" in html
    assert "เก็บไว้ด้วยนะ" in html
    assert not CapitalItem.objects.exists()


def test_a_full_inventory_says_so_beside_the_field(client, leader, ao_luek_tai, settings):
    from communities.models import CAPITAL_ITEMS_PER_TAMBON

    factories.CapitalItemFactory.create_batch(CAPITAL_ITEMS_PER_TAMBON, tambon=ao_luek_tai)
    client.force_login(leader)
    response = client.post(_url(ao_luek_tai), ADD)
    assert response.status_code == 400
    assert "บันทึกทุนชุมชนครบ" in response.content.decode()
    assert "ป่าชายเลน 300 ไร่" in response.content.decode()


def test_markup_is_escaped(client, leader, ao_luek_tai):
    factories.CapitalItemFactory(
        tambon=ao_luek_tai, what="<img src=x onerror=alert(1)>", detail="<b>หนา</b>"
    )
    client.force_login(leader)
    html = client.get(_url(ao_luek_tai)).content.decode()
    assert "<img src=x" not in html and "<b>หนา</b>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.parametrize("who", ["mentor_of_group", "staff_south", "national_staff"])
def test_mentors_and_staff_add_too(client, request, who, ao_luek_tai, group, south):
    if who == "mentor_of_group":
        mentor = factories.MentorFactory(region=south)
        factories.AssignmentFactory(mentor=mentor, group=group)
        user = mentor.user
    else:
        user = request.getfixturevalue(who)
    client.force_login(user)
    assert client.post(_url(ao_luek_tai), ADD).status_code == 302
    assert CapitalItem.objects.get().added_by == user


def test_a_leader_of_another_group_in_the_tambon_changes_it_too(client, ao_luek_tai, group):
    second = factories.CommunityGroupFactory(tambon=ao_luek_tai)
    user = factories.UserFactory(username="second_leader")
    factories.MembershipFactory(group=second, user=user, role="leader")
    client.force_login(user)
    assert client.post(_url(ao_luek_tai), ADD).status_code == 302


def test_anonymous_is_sent_to_sign_in(client, ao_luek_tai):
    response = client.get(_url(ao_luek_tai))
    assert response.status_code == 302 and "/accounts/login" in response.url


def test_outsiders_get_404(client, outsider, staff_other_region, ao_luek_tai, leader):
    for user in (outsider, staff_other_region):
        client.force_login(user)
        assert client.get(_url(ao_luek_tai)).status_code == 404
        assert client.post(_url(ao_luek_tai), ADD).status_code == 404
    assert not CapitalItem.objects.exists()


def test_a_tambon_without_groups_is_for_staff_only(client, leader, staff_south, krabi):
    empty = factories.TambonFactory(district=factories.DistrictFactory(province=krabi))
    client.force_login(leader)
    assert client.get(_url(empty)).status_code == 404
    client.force_login(staff_south)
    assert client.get(_url(empty)).status_code == 200


def test_an_unknown_or_overlong_code_is_404(client, national_staff):
    client.force_login(national_staff)
    assert client.get(reverse("programme:capital", args=["999999"])).status_code == 404
    assert client.get(reverse("programme:capital", args=["8105011"])).status_code == 404


def test_members_may_not_add(client, member, ao_luek_tai):
    client.force_login(member)
    assert client.post(_url(ao_luek_tai), ADD).status_code == 403
    assert not CapitalItem.objects.exists()


# Changing and removing --------------------------------------------------------------


def test_a_leader_edits_an_item(client, leader, ao_luek_tai):
    item = factories.CapitalItemFactory(tambon=ao_luek_tai, what="ป่า")
    client.force_login(leader)
    page = client.get(_edit_url(item))
    assert page.status_code == 200 and 'value="ป่า"' in page.content.decode()
    response = client.post(_edit_url(item), {"kind": "culture", "what": "ประเพณี", "detail": ""})
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.kind, item.what) == ("culture", "ประเพณี")


def test_a_bad_edit_keeps_what_was_typed(client, leader, ao_luek_tai):
    item = factories.CapitalItemFactory(tambon=ao_luek_tai, what="ป่า")
    client.force_login(leader)
    response = client.post(_edit_url(item), {"kind": "", "what": "ป่าพรุ", "detail": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "กรุณาเลือกประเภททุน" in html and 'value="ป่าพรุ"' in html
    item.refresh_from_db()
    assert item.what == "ป่า"


def test_a_leader_removes_an_item(client, leader, ao_luek_tai):
    item = factories.CapitalItemFactory(tambon=ao_luek_tai)
    client.force_login(leader)
    assert client.get(_delete_url(item)).status_code == 405
    assert client.post(_delete_url(item)).status_code == 302
    assert not CapitalItem.objects.exists()


def test_another_regions_item_under_ones_own_tambon_is_404(
    client, leader, ao_luek_tai, other_tambon
):
    foreign = factories.CapitalItemFactory(tambon=other_tambon, what="ของภาคอื่น")
    client.force_login(leader)
    own_tambon_foreign_item = reverse(
        "programme:capital_item_edit", args=[ao_luek_tai.code, foreign.pk]
    )
    assert client.get(own_tambon_foreign_item).status_code == 404
    assert client.post(own_tambon_foreign_item, ADD).status_code == 404
    delete = reverse("programme:capital_item_delete", args=[ao_luek_tai.code, foreign.pk])
    assert client.post(delete).status_code == 404
    assert client.get(_edit_url(foreign)).status_code == 404
    assert client.post(_delete_url(foreign)).status_code == 404
    foreign.refresh_from_db()
    assert foreign.what == "ของภาคอื่น"


def test_a_form_cannot_move_an_item_to_another_tambon(client, leader, ao_luek_tai, other_tambon):
    item = factories.CapitalItemFactory(tambon=ao_luek_tai)
    client.force_login(leader)
    client.post(_edit_url(item), {**ADD, "tambon": other_tambon.code})
    client.post(_url(ao_luek_tai), {**ADD, "tambon": other_tambon.code})
    assert not CapitalItem.objects.filter(tambon=other_tambon).exists()
    assert CapitalItem.objects.filter(tambon=ao_luek_tai).count() == 2


def test_the_inventory_page_runs_a_fixed_number_of_queries(
    client, leader, ao_luek_tai, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(leader)
    client.get(_url(ao_luek_tai))
    with CaptureQueriesContext(connection) as empty:
        client.get(_url(ao_luek_tai))
    for n in range(30):
        factories.CapitalItemFactory(
            tambon=ao_luek_tai, added_by=factories.UserFactory(), kind=["nature", "money"][n % 2]
        )
    with django_assert_num_queries(len(empty.captured_queries)):
        assert client.get(_url(ao_luek_tai)).status_code == 200


def test_the_programme_overview_links_to_the_tambons_capital(client, leader, group, ao_luek_tai):
    client.force_login(leader)
    html = client.get(reverse("programme:overview", args=[group.pk])).content.decode()
    assert _url(ao_luek_tai) in html
