import pytest
from django.urls import reverse

from communities.models import CommunityGroup, Membership, MembershipRole
from tests.factories import CommunityGroupFactory

pytestmark = pytest.mark.django_db


def _group_post(tambon_code="810501", **overrides):
    data = {
        "name": "กลุ่มแปรรูปมะละกอ",
        "name_en": "Papaya group",
        "place_query": "อ่าวลึก",
        "tambon": tambon_code,
        "kind": "group",
        "sectors": ["food_processing", "community_tourism"],
        "description": "<script>alert(1)</script> ทำมะละกอทอดกรอบ",
        "founded_year": "2563",
        "member_count": "25",
        "contact_phone": "081-234-5678",
    }
    data.update(overrides)
    return data


# --- permissions: who reaches a group --------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "detail", "edit", "description"),
    [
        ("leader", 200, 403, 200),
        ("member", 200, 403, 403),
        ("outsider", 404, 404, 404),
        ("staff_south", 200, 200, 200),
        ("staff_other_region", 404, 404, 404),
        ("national_staff", 200, 200, 200),
        ("mentor_user", 404, 404, 404),
    ],
)
def test_permission_table(client, request, group, persona, detail, edit, description):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("communities:group_detail", args=[group.pk])).status_code == detail
    assert client.get(reverse("communities:group_edit", args=[group.pk])).status_code == edit
    url = reverse("communities:group_description", args=[group.pk])
    assert client.get(url).status_code == description


def test_anonymous_is_sent_to_sign_in(client, group):
    response = client.get(reverse("communities:group_detail", args=[group.pk]))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("persona", ["leader", "mentor_user"])
def test_only_staff_reach_the_group_list_and_create(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("communities:group_list")).status_code == 404
    assert client.get(reverse("communities:group_create")).status_code == 404


# --- create and edit -------------------------------------------------------------------


def test_staff_create_a_group_in_their_region(client, staff_south, real_geography):
    client.force_login(staff_south)
    response = client.post(reverse("communities:group_create"), _group_post())
    assert response.status_code == 302
    group = CommunityGroup.objects.get(name="กลุ่มแปรรูปมะละกอ")
    assert group.tambon_id == "810501"
    assert group.founded_year == 2020  # typed as พ.ศ. 2563
    assert group.contact_phone == "+66812345678"
    assert set(group.sectors) == {"food_processing", "community_tourism"}
    page = client.get(response["Location"]).content.decode()
    assert "2563" in page
    assert "&lt;script&gt;" in page and "<script>alert" not in page


def test_staff_cannot_place_a_group_outside_their_region(client, staff_south, real_geography):
    client.force_login(staff_south)
    response = client.post(reverse("communities:group_create"), _group_post("500101"))
    assert response.status_code == 200
    assert "นอกภาคที่ท่านดูแล" in response.content.decode()
    assert not CommunityGroup.objects.exists()


def test_find_place_lists_matches_without_saving_and_keeps_what_was_typed(
    client, staff_south, real_geography
):
    client.force_login(staff_south)
    data = _group_post(tambon_code="", place_query="ao luek", find_place="1")
    response = client.post(reverse("communities:group_create"), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "อ่าวลึกใต้ › อ่าวลึก › กระบี่" in body
    assert 'value="กลุ่มแปรรูปมะละกอ"' in body
    assert not CommunityGroup.objects.exists()


def test_wrong_province_says_so_in_thai_and_saves_nothing(client, staff_south, real_geography):
    client.force_login(staff_south)
    data = _group_post(tambon_code="", place_query="Khuean Bang Lang, Pattani")
    response = client.post(reverse("communities:group_create"), data)
    body = response.content.decode()
    assert "ไม่ได้อยู่ในจังหวัดปัตตานี" in body
    assert "เขื่อนบางลาง › บันนังสตา › ยะลา" in body
    assert "เลือกตำบลจากรายการที่ค้นพบ" in body
    assert not CommunityGroup.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("founded_year", "2020", "กรอกปีเป็น พ.ศ."),
        ("founded_year", "3000", "ต้องไม่เกินปีปัจจุบัน"),
        ("founded_year", "สองพัน", "กรอกปีเป็นตัวเลข"),
        ("contact_phone", "12345", "เบอร์โทรศัพท์ไม่ถูกต้อง"),
        ("tambon", "999999", "ไม่พบตำบลนี้"),
        ("name", "", "This field is required"),
    ],
)
def test_bad_input_gets_a_message_and_keeps_the_text(
    client, staff_south, real_geography, field, value, message
):
    client.force_login(staff_south)
    response = client.post(reverse("communities:group_create"), _group_post(**{field: value}))
    body = response.content.decode()
    assert response.status_code == 200
    if message.startswith("This field"):
        assert "invalid-feedback" in body
    else:
        assert message in body
    assert "ทำมะละกอทอดกรอบ" in body  # what was typed stays
    assert not CommunityGroup.objects.exists()


def test_staff_edit_a_group(client, staff_south, group):
    client.force_login(staff_south)
    data = _group_post(tambon_code=group.tambon_id, name="ชื่อใหม่")
    response = client.post(reverse("communities:group_edit", args=[group.pk]), data)
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.name == "ชื่อใหม่"


def test_the_edit_form_shows_the_chosen_tambon(client, staff_south, group):
    client.force_login(staff_south)
    body = client.get(reverse("communities:group_edit", args=[group.pk])).content.decode()
    assert 'value="810501" checked' in body


def test_a_leader_edits_their_group_description(client, leader, group):
    client.force_login(leader)
    url = reverse("communities:group_description", args=[group.pk])
    response = client.post(url, {"description": "ล่องคลองมะรุย 🌿"})
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.description == "ล่องคลองมะรุย 🌿"


# --- the region's group list -----------------------------------------------------------


@pytest.mark.parametrize("query", ["อ่าวลึก", "Ao Luek", "กระบี่", "krabi", "ท่องเที่ยว"])
def test_group_list_searches_group_and_place_names(client, staff_south, group, query):
    client.force_login(staff_south)
    response = client.get(reverse("communities:group_list"), {"q": query})
    assert group.name in response.content.decode()


def test_group_list_shows_only_the_staff_region(client, staff_south, staff_other_region, group):
    client.force_login(staff_other_region)
    response = client.get(reverse("communities:group_list"))
    assert group.name not in response.content.decode()


def test_group_list_runs_a_fixed_number_of_queries(
    client, staff_south, ao_luek_tai, django_assert_max_num_queries
):
    client.force_login(staff_south)
    CommunityGroupFactory.create_batch(3, tambon=ao_luek_tai)
    client.get(reverse("communities:group_list"))
    CommunityGroupFactory.create_batch(30, tambon=ao_luek_tai)
    # The region's province codes and the page's tambons are queries of their own, so
    # that the groups are found by their own index (communities.selectors.groups_for_list).
    with django_assert_max_num_queries(10):
        response = client.get(reverse("communities:group_list"))
    assert response.status_code == 200


# --- people ----------------------------------------------------------------------------


def test_staff_add_a_leader_without_email_and_get_a_one_time_link(client, staff_south, group):
    client.force_login(staff_south)
    response = client.post(
        reverse("communities:person_add", args=[group.pk]),
        {"display_name": "ลุงเอก", "phone": "089-999-9999", "email": "", "role": "leader"},
    )
    assert response.status_code == 302
    link_page = client.get(response["Location"]).content.decode()
    assert "/accounts/set-password/" in link_page
    membership = Membership.objects.get(group=group, user__phone="+66899999999")
    assert membership.role == MembershipRole.LEADER


def test_adding_a_bad_phone_keeps_the_name(client, staff_south, group):
    client.force_login(staff_south)
    response = client.post(
        reverse("communities:person_add", args=[group.pk]),
        {"display_name": "ลุงเอก", "phone": "123", "role": "leader"},
    )
    body = response.content.decode()
    assert "เบอร์โทรศัพท์ไม่ถูกต้อง" in body and 'value="ลุงเอก"' in body


def test_a_leader_cannot_add_people(client, leader, group):
    client.force_login(leader)
    assert client.get(reverse("communities:person_add", args=[group.pk])).status_code == 403
