"""Production settings: refuse to start without secrets, and pass `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k8Jd0-unique-production-secret-for-the-deploy-check-9fQ2mZ7xW"


def _run(args, **env):
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak into a deploy check.
    leave_out = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in leave_out}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _run(["check"], DEBUG="0", ALLOWED_HOSTS="cbmc.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _run(["check"], DEBUG="0", SECRET_KEY=GOOD_KEY)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


@pytest.mark.parametrize(
    "key",
    ["short", "a-49-character-key-that-is-one-short-of-enough-x"[:49], "ab" * 40, "x" * 60],
)
def test_production_refuses_a_weak_secret_key(key):
    result = _run(["check"], DEBUG="0", SECRET_KEY=key, ALLOWED_HOSTS="cbmc.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be at least 50" in result.stderr


def test_production_starts_with_a_generated_key():
    import secrets

    key = secrets.token_urlsafe(50)[:50]
    result = _run(["check"], DEBUG="0", SECRET_KEY=key, ALLOWED_HOSTS="cbmc.example.org")
    assert result.returncode == 0, result.stderr


def test_check_deploy_prints_no_warning():
    secret = GOOD_KEY
    result = _run(
        ["check", "--deploy", "--fail-level", "WARNING"],
        DEBUG="0",
        SECRET_KEY=secret,
        ALLOWED_HOSTS="cbmc.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr


@pytest.mark.django_db
def test_healthz_answers_when_the_database_does(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_does_not(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise connection.Database.OperationalError("server closed the connection")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get(reverse("healthz"))
    assert response.status_code == 503


def test_static_files_collect_under_production_settings(tmp_path):
    """WhiteNoise's manifest storage fails on any missing file a CSS file refers to."""
    result = _run(
        ["collectstatic", "--no-input", "-v0"],
        DEBUG="0",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="localhost",
        STATIC_ROOT=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "staticfiles.json").exists()
    assert list(tmp_path.glob("vendor/bootstrap/bootstrap.min.*.css.gz"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/groups/?region=%00", "/mentors/?region=%00", "/mentors/coverage/?region=%00"],
)
def test_a_nul_in_the_query_string_is_no_error(client, national_staff, path):
    client.force_login(national_staff)
    assert client.get(path).status_code == 200
