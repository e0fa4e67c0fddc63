"""Production answers with headers that score A+ (≥ 105) on Mozilla's HTTP Observatory rubric.

The rubric (developer.mozilla.org/en-US/observatory/docs/tests_and_scoring):
start at 100, subtract the penalties, and only if the result is still 90 or
more add the bonuses. The scanner reads the headers and cookies of the page
it lands on and whether plain HTTP redirects to HTTPS; `observatory_score`
below applies the same modifiers to the headers the production settings give.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from tests.project.test_production import ROOT

pytestmark = pytest.mark.django_db

# Run under the production settings, against the test database, inside a
# transaction that is rolled back: one signed-in page and the sign-in page.
PROBE = r"""
import json, django
django.setup()
from django.db import transaction
from django.test import Client
from tests.factories import UserFactory

def describe(response):
    return {
        "status": response.status_code,
        "headers": dict(response.headers),
        "cookies": [
            {"name": c.key, "secure": bool(c["secure"]), "httponly": bool(c["httponly"]),
             "samesite": c["samesite"]}
            for c in response.cookies.values()
        ],
        "body": response.content.decode(errors="replace")
        if response.get("Content-Type", "").startswith("text/html") else "",
    }

out = {}
plain = Client()
out["http_root"] = describe(plain.get("/"))
anonymous = Client()
out["sign_in"] = describe(anonymous.get("/accounts/login/", secure=True))
out["static"] = describe(anonymous.get("/static/css/app.css", secure=True))
with transaction.atomic():
    person = UserFactory(username="observatory-probe")
    signed_in = Client()
    signed_in.force_login(person)
    out["home"] = describe(signed_in.get("/", secure=True))
    out["notifications"] = describe(signed_in.get("/accounts/notifications/", secure=True))
    transaction.set_rollback(True)
print("PROBE" + json.dumps(out))
"""


def _test_database_url():
    db = connection.settings_dict
    user = db["USER"] or ""
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    if db["HOST"].startswith("/"):
        return f"postgresql://{user}{password}@/{db['NAME']}?host={db['HOST']}"
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgresql://{user}{password}@{db['HOST']}{port}/{db['NAME']}"


@pytest.fixture(scope="module")
def production(django_db_setup, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock():
        url = _test_database_url()
    leave_out = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in leave_out}
    environment.update(
        DEBUG="0",
        SECRET_KEY="t7Gm2-observatory-probe-secret-key-with-enough-characters-4Qx",
        ALLOWED_HOSTS="testserver",
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="cbmc_portal.settings",
        STATIC_ROOT=str(tmp_path_factory.mktemp("static")),
    )
    collected = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert collected.returncode == 0, collected.stderr
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("PROBE"))
    return json.loads(line.removeprefix("PROBE"))


def _csp(headers):
    policy = {}
    for part in headers.get("Content-Security-Policy", "").split(";"):
        words = part.split()
        if words:
            policy[words[0].lower()] = [w.lower() for w in words[1:]]
    return policy


def _csp_modifiers(policy):
    """(penalty, bonus) of the Content Security Policy test."""
    if not policy:
        return -25, 0
    script = policy.get("script-src", policy.get("default-src"))
    style = policy.get("style-src", policy.get("default-src"))
    objects = policy.get("object-src", policy.get("default-src"))
    if script is None or objects is None:
        return -20, 0  # script or plugin sources not restricted
    if "'unsafe-inline'" in script or "data:" in script or "*" in script:
        return -20, 0
    if "'unsafe-eval'" in script:
        return -10, 0
    if any(source.startswith("http:") for values in policy.values() for source in values):
        return -10, 0
    if style is not None and "'unsafe-inline'" in style:
        return 0, 0  # csp-implemented-with-unsafe-inline-in-style-src-only
    if policy.get("default-src") == ["'none'"]:
        return 0, 10
    return 0, 0


def _cookie_modifiers(cookies):
    """(penalty, bonus) of the cookies test."""
    if not cookies:
        return 0, 0
    session_names = re.compile(r"sess|login|auth|token|id", re.IGNORECASE)
    if not all(c["secure"] for c in cookies):
        return -20, 0
    sessions = [c for c in cookies if session_names.search(c["name"]) and "csrf" not in c["name"]]
    if not all(c["httponly"] for c in sessions):
        return -30, 0
    if any(c["samesite"] and c["samesite"].lower() not in {"strict", "lax"} for c in cookies):
        return -20, 0
    if any("csrf" in c["name"].lower() and not c["samesite"] for c in cookies):
        return -20, 0
    return 0, (5 if all(c["samesite"] for c in cookies) else 0)


def observatory_score(page, http_root):
    """The HTTP Observatory score of one page; returns (score, {test: modifier})."""
    headers = {k.title(): v for k, v in page["headers"].items()}
    headers["Content-Security-Policy"] = page["headers"].get("Content-Security-Policy", "")
    penalties, bonuses = {}, {}

    policy = _csp(headers)
    penalties["csp"], bonuses["csp"] = _csp_modifiers(policy)
    penalties["cookies"], bonuses["cookies"] = _cookie_modifiers(page["cookies"])

    if headers.get("Access-Control-Allow-Origin", "").strip() == "*" and headers.get(
        "Access-Control-Allow-Credentials"
    ):
        penalties["cors"] = -50

    location = http_root["headers"].get("Location", "")
    if http_root["status"] not in {301, 302, 307, 308} or not location.startswith("https://"):
        penalties["redirection"] = -20

    referrer = headers.get("Referrer-Policy", "").split(",")[-1].strip().lower()
    if referrer in {
        "no-referrer",
        "same-origin",
        "strict-origin",
        "strict-origin-when-cross-origin",
    }:
        bonuses["referrer-policy"] = 5
    elif referrer in {"origin", "origin-when-cross-origin", "unsafe-url"}:
        penalties["referrer-policy"] = -5

    hsts = re.search(r"max-age=(\d+)", headers.get("Strict-Transport-Security", ""))
    if not hsts:
        penalties["hsts"] = -20
    elif int(hsts.group(1)) < 15768000:
        penalties["hsts"] = -10
    # hsts-preloaded (+5) needs the domain on the browsers' preload list: not counted.

    external = [
        tag
        for tag in re.findall(r"<script[^>]*>", page["body"])
        if re.search(r'src="(https?:)?//', tag)
    ]
    if any("integrity=" not in tag for tag in external):
        penalties["sri"] = -5

    if headers.get("X-Content-Type-Options", "").lower() != "nosniff":
        penalties["x-content-type-options"] = -5

    if "frame-ancestors" in policy:
        bonuses["x-frame-options"] = 5
    elif headers.get("X-Frame-Options", "").upper() not in {"DENY", "SAMEORIGIN"}:
        penalties["x-frame-options"] = -20

    score = 100 + sum(penalties.values())
    if score >= 90:
        score += sum(bonuses.values())
    return max(score, 0), {**penalties, **bonuses}


@pytest.mark.parametrize("page", ["sign_in", "home", "notifications"])
def test_production_scores_a_plus_on_the_observatory_rubric(production, page):
    score, modifiers = observatory_score(production[page], production["http_root"])
    assert production[page]["status"] == 200
    assert score >= 105, modifiers


def test_the_policy_allows_no_inline_code_plugins_framing_or_foreign_forms(production):
    policy = _csp(production["sign_in"]["headers"])
    assert policy["default-src"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert all("'unsafe-inline'" not in v and "'unsafe-eval'" not in v for v in policy.values())


def test_signed_in_pages_are_never_stored(production):
    for page in ("home", "notifications"):
        cache = production[page]["headers"]["Cache-Control"]
        assert "no-store" in cache and "private" in cache


def test_static_files_keep_their_long_caching(production):
    assert production["static"]["status"] == 200
    assert "no-store" not in production["static"]["headers"].get("Cache-Control", "")


def test_permissions_policy_switches_off_what_the_portal_never_uses(production):
    policy = production["notifications"]["headers"]["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy


def test_htmx_is_told_not_to_inject_its_indicator_style(production):
    assert '"includeIndicatorStyles":false' in production["sign_in"]["body"]


TEMPLATES = ROOT / "templates"


def test_the_print_view_inlines_styles_only_for_the_pdf():
    text = Path(TEMPLATES, "canvases/canvas_print.html").read_text()
    assert re.findall(r"<style", text) == ["<style"]
    assert "{% if for_pdf %}<style>" in text
    assert not re.search(r"\sstyle=|<script(?![^>]*\ssrc=)|\son[a-z]+=", text)


@pytest.mark.parametrize(
    "template",
    sorted(
        str(p.relative_to(TEMPLATES))
        for p in TEMPLATES.rglob("*.html")
        # The PDF's stylesheet is inlined for WeasyPrint on the server, never for a browser.
        if p.relative_to(TEMPLATES).as_posix() != "canvases/canvas_print.html"
    ),
)
def test_no_template_needs_unsafe_inline(template):
    text = Path(TEMPLATES, template).read_text()
    assert not re.search(r"\sstyle=", text)
    assert not re.search(r"<style", text)
    assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", text)
    assert not re.search(r"\son[a-z]+=", text)


def test_a_group_page_is_never_stored(client, leader, group):
    client.force_login(leader)
    response = client.get(reverse("communities:group_detail", args=[group.pk]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_the_cheapest_page_costs_no_query_for_the_cache_rule(
    client, leader, django_assert_num_queries
):
    client.force_login(leader)
    with django_assert_num_queries(0):
        response = client.get(reverse("floor"))
    assert response.status_code == 200
