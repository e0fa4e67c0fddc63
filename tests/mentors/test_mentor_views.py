import pytest
from django.urls import reverse

from accounts.models import Role, User
from mentors.models import Mentor
from tests import factories

pytestmark = pytest.mark.django_db


def _data(krabi, **overrides):
    data = {
        "display_name": "อรุณี พี่เลี้ยงใต้",
        "phone": "084-567-8901",
        "email": "arunee@example.org",
        "home_province": krabi.pk,
        "provinces": [krabi.pk],
        "note": "ถนัดท่องเที่ยวชุมชน",
        "is_active": "on",
    }
    data.update(overrides)
    return data


def test_staff_create_a_mentor_of_their_region_and_get_a_password_link(
    client, staff_south, south, krabi
):
    client.force_login(staff_south)
    response = client.post(reverse("mentors:mentor_create"), _data(krabi))
    mentor = Mentor.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("mentors:mentor_detail", args=[mentor.pk])
    assert mentor.region == south and mentor.home_province == krabi
    assert list(mentor.provinces.all()) == [krabi]
    assert mentor.user.role == Role.MENTOR and mentor.user.phone == "+66845678901"
    page = client.get(response["Location"]).content.decode()
    assert "อรุณี พี่เลี้ยงใต้" in page and "/accounts/set-password/" in page


def test_national_staff_make_a_known_leader_a_mentor(client, national_staff, south, krabi, leader):
    client.force_login(national_staff)
    client.post(
        reverse("mentors:mentor_create") + "?region=south", _data(krabi, phone="081-234-5678")
    )
    leader.refresh_from_db()
    assert leader.mentor_profile.region.slug == "south"
    assert leader.role == Role.MENTOR
    # The leader's own name and e-mail are kept: the form's are for new accounts only.
    assert leader.display_name == "สมศักดิ์" and leader.email != "arunee@example.org"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("phone", "12345", "เบอร์โทรศัพท์ไม่ถูกต้อง"),
        ("display_name", "", "กรอกชื่อ-นามสกุลของพี่เลี้ยง"),
        ("email", "not-an-email", "อีเมลไม่ถูกต้อง"),
    ],
)
def test_bad_input_is_shown_beside_the_field_and_kept(
    client, staff_south, krabi, field, value, message
):
    client.force_login(staff_south)
    response = client.post(reverse("mentors:mentor_create"), _data(krabi, **{field: value}))
    body = response.content.decode()
    assert response.status_code == 200
    assert not Mentor.objects.exists()
    assert message in body
    if value:
        assert f'value="{value}"' in body
    assert 'value="ถนัดท่องเที่ยวชุมชน"' in body or "ถนัดท่องเที่ยวชุมชน</textarea>" in body


def test_a_province_of_another_region_cannot_be_covered(client, staff_south, krabi, north):
    chiang_mai = factories.ProvinceFactory(code="50", name_th="เชียงใหม่", region=north)
    client.force_login(staff_south)
    response = client.post(
        reverse("mentors:mentor_create"), _data(krabi, provinces=[chiang_mai.pk])
    )
    assert response.status_code == 200
    assert not Mentor.objects.exists()
    assert "เลือกได้เฉพาะจังหวัดในภาคนี้" in response.content.decode()


def test_an_existing_mentor_or_staff_phone_is_refused(client, staff_south, krabi, mentor):
    mentor.user.phone = "+66845678901"
    mentor.user.save()
    staff_south.phone = "+66899999999"
    staff_south.save()
    client.force_login(staff_south)
    response = client.post(reverse("mentors:mentor_create"), _data(krabi))
    assert "ท่านเพิ่มเป็นพี่เลี้ยงไม่ได้" in response.content.decode()
    response = client.post(reverse("mentors:mentor_create"), _data(krabi, phone="0899999999"))
    assert "ท่านเพิ่มเป็นพี่เลี้ยงไม่ได้" in response.content.decode()
    assert Mentor.objects.count() == 1
    assert User.objects.get(pk=staff_south.pk).role == Role.REGIONAL_STAFF


def test_staff_edit_a_mentor(client, staff_south, mentor, krabi):
    chumphon = factories.ProvinceFactory(code="86", name_th="ชุมพร", region=krabi.region)
    client.force_login(staff_south)
    url = reverse("mentors:mentor_edit", args=[mentor.pk])
    form_page = client.get(url).content.decode()
    assert 'value="' + mentor.user.display_name + '"' in form_page
    response = client.post(
        url,
        _data(krabi, display_name="ชื่อใหม่", phone="0811111111", provinces=[chumphon.pk]),
    )
    assert response.status_code == 302
    mentor.refresh_from_db()
    assert mentor.user.display_name == "ชื่อใหม่"
    assert mentor.phone == "+66811111111"
    assert list(mentor.provinces.all()) == [chumphon]
    # Unticking "active" takes the mentor off duty.
    data = _data(krabi)
    del data["is_active"]
    client.post(url, data)
    mentor.refresh_from_db()
    assert mentor.is_active is False


def test_the_list_shows_load_and_provinces_in_a_fixed_number_of_queries(
    client, staff_south, south, krabi, django_assert_max_num_queries
):
    client.force_login(staff_south)
    for size in (1, 8):
        for _ in range(size):
            profile = factories.MentorFactory(region=south)
            profile.provinces.add(krabi)
            factories.AssignmentFactory(mentor=profile)
        with django_assert_max_num_queries(8):
            response = client.get(reverse("mentors:mentor_list"))
        assert response.status_code == 200
    assert "กระบี่" in response.content.decode()


def test_text_is_shown_as_text(client, staff_south, mentor):
    mentor.note = "<script>alert(1)</script>"
    mentor.save()
    client.force_login(staff_south)
    body = client.get(reverse("mentors:mentor_detail", args=[mentor.pk])).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
