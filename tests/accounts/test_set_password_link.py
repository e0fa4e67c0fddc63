import datetime

import pytest
from django.urls import reverse

from accounts.services import password_setup_path, user_get_or_create_by_phone

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "ล่องคลองมะรุย-2569"


def _new_leader():
    user, created = user_get_or_create_by_phone(phone="+66899999999", display_name="ลุงเอก")
    assert created
    return user


def _open_link(client, path):
    """Django moves the token into the session, then shows the form."""
    response = client.get(path, follow=True)
    return response, response.redirect_chain[-1][0] if response.redirect_chain else path


def test_new_leader_has_no_usable_password():
    assert not _new_leader().has_usable_password()


def test_the_link_sets_a_password_and_signs_the_leader_in(client):
    user = _new_leader()
    response, form_url = _open_link(client, password_setup_path(user))
    assert response.context["validlink"]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert client.get(reverse("home")).wsgi_request.user == user


def test_the_link_works_only_once(client):
    user = _new_leader()
    path = password_setup_path(user)
    _response, form_url = _open_link(client, path)
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    client.logout()
    response, _url = _open_link(client, path)
    assert not response.context["validlink"]
    assert "ใช้ไม่ได้แล้ว" in response.content.decode()


def test_the_link_expires_after_seven_days(client, monkeypatch):
    user = _new_leader()
    path = password_setup_path(user)
    from django.contrib.auth import tokens

    later = datetime.datetime.now() + datetime.timedelta(days=7, minutes=1)
    monkeypatch.setattr(tokens.PasswordResetTokenGenerator, "_now", lambda self: later)
    response, _url = _open_link(client, path)
    assert not response.context["validlink"]


def test_the_link_is_valid_on_day_six(client, monkeypatch):
    user = _new_leader()
    path = password_setup_path(user)
    from django.contrib.auth import tokens

    later = datetime.datetime.now() + datetime.timedelta(days=6)
    monkeypatch.setattr(tokens.PasswordResetTokenGenerator, "_now", lambda self: later)
    response, _url = _open_link(client, path)
    assert response.context["validlink"]


def test_a_forged_token_is_refused(client):
    user = _new_leader()
    path = password_setup_path(user)
    response, _url = _open_link(client, path[:-3] + "zzz/")
    assert not response.context["validlink"]
