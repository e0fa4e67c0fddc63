"""The set-password and change-password pages say every rule and error in the reader's language."""

import pytest
from django.conf import settings
from django.urls import reverse

from accounts.services import password_setup_path, user_get_or_create_by_phone
from tests.i18n import english

pytestmark = pytest.mark.django_db

THAI_RULES = [
    "รหัสผ่านต้องไม่คล้ายกับข้อมูลส่วนตัวอื่นของท่าน",
    "รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร",
    "รหัสผ่านต้องไม่ใช่รหัสผ่านที่คนใช้กันทั่วไป",
    "รหัสผ่านต้องไม่เป็นตัวเลขทั้งหมด",
]
DJANGO_ENGLISH = [
    "Your password can’t be",
    "Your password must contain",
    "This password is too common",
    "This password is entirely numeric",
    "didn’t match",
    "Enter the same password",
]
ENGLISH = {
    "รหัสผ่านต้องไม่คล้ายกับข้อมูลส่วนตัวอื่นของท่าน": "Not like your other personal details.",
    ("รหัสผ่านต้องยาวอย่างน้อย %(min_length)d ตัวอักษร", 0): "At least %(min_length)d character.",
    ("รหัสผ่านต้องยาวอย่างน้อย %(min_length)d ตัวอักษร", 1): "At least %(min_length)d characters.",
    "รหัสผ่านต้องไม่ใช่รหัสผ่านที่คนใช้กันทั่วไป": "Not a commonly used password.",
    "รหัสผ่านต้องไม่เป็นตัวเลขทั้งหมด": "Not only digits.",
    "รหัสผ่านนี้ใช้กันทั่วไปเกินไป": "This password is used too widely.",
    "รหัสผ่านนี้เป็นตัวเลขทั้งหมด": "This password is only digits.",
    "รหัสผ่านทั้งสองช่องไม่ตรงกัน": "The two passwords differ.",
}


def _set_password_form(client):
    user, _created = user_get_or_create_by_phone(phone="+66899999999", display_name="ลุงเอก")
    response = client.get(password_setup_path(user), follow=True)
    return response.redirect_chain[-1][0]


def _body(response):
    return response.content.decode()


def test_the_validators_are_the_portals():
    assert all(
        v["NAME"].startswith("accounts.validators.") for v in settings.AUTH_PASSWORD_VALIDATORS
    )


def test_set_password_rules_and_errors_in_thai(client):
    url = _set_password_form(client)
    body = _body(client.get(url))
    for rule in THAI_RULES:
        assert rule in body
    body = _body(client.post(url, {"new_password1": "password", "new_password2": "password"}))
    assert "รหัสผ่านนี้ใช้กันทั่วไปเกินไป" in body
    body = _body(client.post(url, {"new_password1": "12345678901", "new_password2": "12345678901"}))
    assert "รหัสผ่านนี้เป็นตัวเลขทั้งหมด" in body
    body = _body(client.post(url, {"new_password1": "ab", "new_password2": "ab"}))
    assert "รหัสผ่านสั้นเกินไป ต้องยาวอย่างน้อย 8 ตัวอักษร" in body
    body = _body(client.post(url, {"new_password1": "ล่องคลอง-2569", "new_password2": "อื่น-2569"}))
    assert "รหัสผ่านทั้งสองช่องไม่ตรงกัน" in body
    for english_text in DJANGO_ENGLISH:
        assert english_text not in body


def test_change_password_rules_and_errors_in_thai(client, leader):
    leader.set_password("old-secret-2569")
    leader.save()
    client.force_login(leader)
    url = reverse("accounts:password_change")
    body = _body(client.get(url))
    for rule in THAI_RULES:
        assert rule in body
    body = _body(
        client.post(
            url,
            {"old_password": "wrong", "new_password1": "password", "new_password2": "password"},
        )
    )
    assert "รหัสผ่านเดิมไม่ถูกต้อง" in body
    assert "รหัสผ่านนี้ใช้กันทั่วไปเกินไป" in body
    for english_text in DJANGO_ENGLISH:
        assert english_text not in body


def test_set_password_in_english(client):
    url = _set_password_form(client)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    with english(ENGLISH):
        body = _body(client.get(url))
        assert "At least 8 characters." in body
        assert "Not a commonly used password." in body
        assert "รหัสผ่านต้องไม่เป็นตัวเลขทั้งหมด" not in body
        body = _body(client.post(url, {"new_password1": "password", "new_password2": "password"}))
        assert "This password is used too widely." in body
        assert "รหัสผ่านนี้ใช้กันทั่วไปเกินไป" not in body
        body = _body(client.post(url, {"new_password1": "ล่องคลอง-2569", "new_password2": "x-2569"}))
        assert "The two passwords differ." in body
