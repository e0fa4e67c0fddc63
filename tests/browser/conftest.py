"""Browser tests: Playwright drives Debian's Chromium (/usr/bin/chromium) against a live server.

They run when Chromium is present and are skipped loudly otherwise; with
REQUIRE_BROWSER_TESTS=1 (as in .ci/run) a missing Chromium fails the run.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
PHONE = {"width": 360, "height": 740}
# How long a test waits for what must come: a ceiling for a page or a save that never
# arrives, never a measure. A busy CI machine (two suites, a dictionary loading on the
# first comparison) can take many seconds for what takes one here.
WAIT_MS = 60_000
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; the Django ORM
# calls made by tests around it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def chromium_available() -> bool:
    return os.path.exists(CHROMIUM) and os.access(CHROMIUM, os.X_OK)


def pytest_collection_modifyitems(config, items):
    browser_items = [item for item in items if "tests/browser/" in str(item.fspath)]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
    if not browser_items or chromium_available():
        return
    message = f"Chromium not found at {CHROMIUM}: {len(browser_items)} BROWSER TESTS SKIPPED"
    if os.environ.get("REQUIRE_BROWSER_TESTS") == "1":
        raise pytest.UsageError(message + " (REQUIRE_BROWSER_TESTS=1)")
    config.issue_config_time_warning(pytest.PytestWarning(message), stacklevel=2)
    print(f"\n!!! {message} — install it with: apt-get install -y chromium\n")
    for item in browser_items:
        item.add_marker(pytest.mark.skip(reason=message))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect, sync_playwright

    from canvases.diff import warm_up

    expect.set_options(timeout=WAIT_MS)
    warm_up()  # as gunicorn does for each worker: no first comparison waits for the dictionary
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone_context(browser):
    """A fresh browser profile the size of a cheap Android phone, in Thai."""
    context = browser.new_context(viewport=PHONE, locale="th-TH", is_mobile=True, has_touch=True)
    context.set_default_timeout(WAIT_MS)
    yield context
    context.close()


@pytest.fixture
def page(phone_context):
    return phone_context.new_page()


def sign_in(page, live_server, login: str, password: str):
    """Sign in through the real form, as a person would."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("เบอร์โทรศัพท์มือถือหรือชื่อผู้ใช้").fill(login)
    page.get_by_label("รหัสผ่าน").fill(password)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.wait_for_load_state()
