"""A database outage answers 503 "try again shortly", and the portal recovers by itself."""

import json
import socket
from contextlib import contextmanager

import pytest
from django.db import connections
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

THAI_MESSAGE = "ระบบขัดข้องชั่วคราว กรุณาลองใหม่อีกครั้งในอีกสักครู่"


def _closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def database_down():
    """Point this thread's connection at a port nobody listens on, as in a real outage."""
    real = connections["default"]
    settings_dict = {**real.settings_dict, "HOST": "127.0.0.1", "PORT": str(_closed_port())}
    broken = real.__class__(settings_dict, alias="default")
    connections["default"] = broken
    try:
        yield
    finally:
        broken.close()
        connections["default"] = real


@pytest.fixture
def signed_in(client):
    client.force_login(UserFactory())
    return client


def test_a_page_answers_a_thai_503_while_the_database_is_down(signed_in):
    with database_down():
        response = signed_in.get(reverse("home"))
    assert response.status_code == 503
    assert THAI_MESSAGE in response.content.decode()
    assert int(response["Retry-After"]) > 0


def test_autosave_answers_json_so_the_editor_keeps_the_text(signed_in):
    with database_down():
        response = signed_in.post(reverse("home"), {"text": "x"}, HTTP_X_AUTOSAVE="1")
    assert response.status_code == 503
    assert json.loads(response.content) == {"state": "unavailable"}
    assert response["Retry-After"]


def test_a_json_request_answers_json(signed_in):
    with database_down():
        response = signed_in.get(reverse("accounts:notifications"), HTTP_ACCEPT="application/json")
    assert response.status_code == 503
    assert response.json() == {"state": "unavailable"}


def test_signing_in_during_an_outage_answers_503(client):
    with database_down():
        response = client.post(
            reverse("accounts:login"), {"username": "0812345678", "password": "whatever-1"}
        )
    assert response.status_code == 503


def test_an_outage_inside_a_middleware_answers_503_too(monkeypatch):
    """Opening a set-password link stores its token in the session, which a middleware saves."""
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import OperationalError

    from accounts.services import password_setup_path, user_get_or_create_by_phone

    user, _created = user_get_or_create_by_phone(phone="+66899999999", display_name="ลุงเอก")

    def failing_save(self, must_create=False):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(SessionStore, "save", failing_save)
    client = Client(raise_request_exception=False)
    response = client.get(password_setup_path(user))
    assert response.status_code == 503
    assert THAI_MESSAGE in response.content.decode()


def test_the_portal_recovers_without_a_restart(signed_in):
    with database_down():
        assert signed_in.get(reverse("home")).status_code == 503
    assert signed_in.get(reverse("home")).status_code == 200


def test_other_errors_still_answer_500(rf):
    from cbmc_portal.views import server_error

    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        response = server_error(rf.get("/"))
    assert response.status_code == 500
