"""One-time set-password tokens never reach gunicorn's access log."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from cbmc_portal.redaction import RedactTokensFilter, redact
from tests.project.test_production import ROOT

TOKEN = "cz5k2q-0f1e2d3c4b5a69788796a5b4c3d2e1f0"
LINK = f"/accounts/set-password/MTIz/{TOKEN}/"


@pytest.mark.parametrize(
    "logged",
    [
        f"GET {LINK} HTTP/1.1",
        LINK,
        f"https://cbmc.example.org{LINK}?next=/",
        f"https://cbmc.example.org{LINK}#top",
    ],
)
def test_the_token_is_cut_out_of_every_field(logged):
    cleaned = redact(logged)
    assert TOKEN not in cleaned
    assert "/accounts/set-password/MTIz/[redacted]/" in cleaned


def test_the_token_free_form_address_stays_readable():
    assert redact("/accounts/set-password/MTIz/set-password/") == (
        "/accounts/set-password/MTIz/set-password/"
    )


def test_djangos_request_log_names_the_path_without_the_token():
    """A link that fails ("Not Found: /…", "Internal Server Error: /…") is logged without it."""
    import logging

    record = logging.LogRecord(
        "django.request", logging.WARNING, "", 0, "Not Found: %s", (LINK,), None
    )
    RedactTokensFilter().filter(record)
    assert TOKEN not in record.getMessage()
    assert "/accounts/set-password/MTIz/[redacted]/" in record.getMessage()
    assert any(
        isinstance(f, RedactTokensFilter) for f in logging.getLogger("django.request").filters
    )


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_gunicorn_started_from_the_project_logs_no_token():
    """The real server, as `make serve` starts it, with its access log on stdout."""
    port = _free_port()
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment["DEBUG"] = "1"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "cbmc_portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--access-logfile",
            "-",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        # Wait until it answers (a readiness poll, not a timing assumption).
        for _attempt in range(600):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.1):
                    break
            except OSError:
                if server.poll() is not None:
                    break
                time.sleep(0.05)
        _get(f"http://127.0.0.1:{port}{LINK}")
        _get(f"http://127.0.0.1:{port}/healthz")
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert "GET /healthz" in output, output
    assert "/accounts/set-password/MTIz/[redacted]/" in output, output
    assert TOKEN not in output
