"""The security tests' scenario: built once per test module, each request rolled back alone."""

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import reverse

from tests.security.scenario import build_world
from tests.security.snapshot import changed_tables, snapshot


class Harness:
    """The scenario, a signed-in session per persona and the data as it stands."""

    def __init__(self):
        self.world = build_world()
        self.sessions = {}
        for persona, user in self.world.users.items():
            client = Client()
            client.force_login(user)
            self.sessions[persona] = client.cookies[settings.SESSION_COOKIE_NAME].value
        self.baseline = snapshot()
        self.login_url = reverse("accounts:login")

    def client(self, persona) -> Client:
        """A fresh client per request, so a sign-out or a new session cannot leak into the next."""
        client = Client(raise_request_exception=False)
        if persona != "anon":
            client.cookies[settings.SESSION_COOKIE_NAME] = self.sessions[persona]
        return client

    def send(self, persona, method, url, data=None, headers=None, inspect=None, watch=True):
        """(response, changed tables, inspect()) for one request, whose writes are then rolled
        back; `inspect` looks at the data before the rollback; `watch=False` skips the
        snapshot of the watched tables (changed is then empty)."""
        seen = None
        with transaction.atomic():
            client = self.client(persona)
            send = client.get if method == "GET" else client.post
            response = send(url, data or {}, headers=headers or {})
            try:
                changed = changed_tables(self.baseline, snapshot()) if watch else []
                seen = inspect() if inspect else None
            except Exception as error:  # a request that broke the transaction
                changed = [f"unknown: {error.__class__.__name__}"]
            transaction.set_rollback(True)
        return response, changed, seen

    def answer(self, response, changed) -> str:
        """The table's word for a response: "200", "login", "302+", ..."""
        code = response.status_code
        location = response.get("Location", "") if code == 302 else ""
        answer = "login" if location.startswith(self.login_url) else str(code)
        return answer + ("+" if changed else "")


@pytest.fixture(scope="module")
def harness(django_db_setup, django_db_blocker):
    """One scenario per module: built once, each request rolled back on its own."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield Harness()
        transaction.set_rollback(True)
