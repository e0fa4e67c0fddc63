import pytest
from django.test import override_settings
from django.urls import reverse

from accounts.phones import display_phone, normalize_phone
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("typed", ["081-234-5678", "0812345678", "+66812345678", " 081 234 5678 "])
def test_every_spelling_of_a_mobile_number_is_one_person(typed):
    assert normalize_phone(typed) == "+66812345678"


@pytest.mark.parametrize("typed", ["", "12", "081-234", "abc", "+1 202 555 0100 999"])
def test_bad_numbers_are_refused(typed):
    assert normalize_phone(typed) is None


def test_display_phone_reads_as_thai_people_write_it():
    assert display_phone("+66812345678") == "081-234-5678"


@pytest.mark.parametrize("typed", ["081-234-5678", "0812345678", "+66812345678"])
def test_it_signs_in_with_any_spelling_of_the_phone(client, typed):
    UserFactory(username="somsak", phone="+66812345678")
    response = client.post(
        reverse("accounts:login"), {"username": typed, "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert response.wsgi_request.user.username == "somsak"


def test_it_signs_in_with_a_username(client):
    UserFactory(username="somsak")
    response = client.post(
        reverse("accounts:login"), {"username": "Somsak", "password": TEST_PASSWORD}
    )
    assert response.status_code == 302


def test_wrong_password_gets_a_thai_message_and_keeps_the_login(client):
    UserFactory(username="somsak", phone="+66812345678")
    response = client.post(
        reverse("accounts:login"), {"username": "081-234-5678", "password": "wrong"}
    )
    assert response.status_code == 200
    assert "ไม่ถูกต้อง" in response.content.decode()
    assert 'value="081-234-5678"' in response.content.decode()


def test_inactive_user_cannot_sign_in(client):
    UserFactory(username="somsak", is_active=False)
    response = client.post(
        reverse("accounts:login"), {"username": "somsak", "password": TEST_PASSWORD}
    )
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated


@override_settings(DEBUG=False)
def test_demo_password_is_refused_when_debug_is_off(client, settings):
    user = UserFactory(username="leader_demo")
    user.set_password(settings.DEMO_PASSWORD)
    user.save()
    response = client.post(
        reverse("accounts:login"), {"username": "leader_demo", "password": settings.DEMO_PASSWORD}
    )
    assert not response.wsgi_request.user.is_authenticated


def test_logout_needs_post_and_signs_out(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert not client.get(reverse("home")).wsgi_request.user.is_authenticated


def test_password_change(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": TEST_PASSWORD,
            "new_password1": "ทะเลอ่าวลึก-2569",
            "new_password2": "ทะเลอ่าวลึก-2569",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("ทะเลอ่าวลึก-2569")


def test_password_change_mismatch_shows_a_message(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": TEST_PASSWORD, "new_password1": "a-long-pass-1", "new_password2": "x"},
    )
    assert response.status_code == 200
    assert "invalid-feedback" in response.content.decode()
