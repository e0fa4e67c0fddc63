"""What the journeys share: more than one device, axe-core, keyboard moves and screenshots.

axe-core comes from npm (tests/browser/package.json, installed by `make node_modules`,
i.e. `npm ci --prefix tests/browser`). It is run with Playwright's `page.evaluate`, which
the page's Content-Security-Policy does not govern; `add_script_tag` would insert an
inline script, which that policy (rightly) refuses.

Screenshots of each step go to .local/journeys/ (or the folder in JOURNEY_SCREENSHOTS),
named <journey>-<step number>-<step>.png.
"""

import os
import re
from pathlib import Path

import pytest

from canvases import services
from tests.browser.conftest import PHONE, WAIT_MS
from tests.factories import THAI_BLOCKS

ROOT = Path(__file__).resolve().parents[3]
AXE_JS = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LAPTOP = {"width": 1280, "height": 800}

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ') + '  ' + n.failureSummary.replace(/\\s+/g, ' ')),
  }));
}"""


def _axe_missing_message() -> str:
    return (
        f"axe-core not installed ({AXE_JS} missing): the accessibility checks cannot run."
        " Install it with `make node_modules` (npm ci --prefix tests/browser)"
    )


def pytest_collection_modifyitems(config, items):
    """Said once, before anything runs, as tests/browser/conftest.py does for Chromium."""
    journeys = [item for item in items if "tests/browser/journeys/" in str(item.fspath)]
    if not journeys or AXE_JS.exists():
        return
    message = _axe_missing_message()
    if os.environ.get("REQUIRE_BROWSER_TESTS") == "1":
        raise pytest.UsageError(message + " (REQUIRE_BROWSER_TESTS=1)")
    config.issue_config_time_warning(pytest.PytestWarning(message), stacklevel=2)
    print(f"\n!!! {message} — THE JOURNEYS CHECKING ACCESSIBILITY WILL BE SKIPPED\n")


@pytest.fixture(scope="session")
def axe_source():
    if not AXE_JS.exists():
        message = _axe_missing_message()
        if os.environ.get("REQUIRE_BROWSER_TESTS") == "1":
            pytest.fail(message + " (REQUIRE_BROWSER_TESTS=1)", pytrace=False)
        pytest.skip(message)
    return AXE_JS.read_text(encoding="utf-8")


def format_violations(where: str, violations: list[dict]) -> str:
    lines = [f"axe-core: {len(violations)} WCAG 2.2 A/AA violation(s) on {where}"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {node}" for node in violation["nodes"])
    return "\n".join(lines)


@pytest.fixture
def check_a11y(axe_source):
    """`check_a11y(page, "where")`: zero WCAG 2.2 A and AA violations on the page as it is now."""
    checked = []

    def check(page, where: str):
        # Colours are judged at rest: a button the pointer happens to be over is otherwise
        # caught halfway through its hover transition (4.2:1 on a white that is turning green).
        page.emulate_media(reduced_motion="reduce")
        if page.evaluate("() => typeof window.axe") != "object":
            page.evaluate(axe_source)
        violations = page.evaluate(RUN_AXE, WCAG_TAGS)
        checked.append(where)
        if violations:
            pytest.fail(format_violations(f"{where} ({page.url})", violations), pytrace=False)

    check.pages = checked
    return check


@pytest.fixture
def shots(request):
    """`shots(page, "step")` keeps a PNG of the whole page (or, with `full_page=False`, of
    the screen as the person sees it), numbered in the journey's order."""
    folder = Path(os.environ.get("JOURNEY_SCREENSHOTS") or ROOT / ".local" / "journeys")
    folder.mkdir(parents=True, exist_ok=True)
    journey = getattr(request.module, "JOURNEY", request.node.name)
    count = {"n": 0}

    def shot(page, step: str, *, full_page=True):
        count["n"] += 1
        name = re.sub(r"[^\w-]+", "-", f"{journey}-{count['n']:02d}-{step}")
        page.screenshot(path=folder / f"{name}.png", full_page=full_page)

    return shot


@pytest.fixture
def devices(browser):
    """`devices.phone()` / `devices.laptop()`: one more person's browser, in Thai."""

    class Devices:
        def __init__(self):
            self.contexts = []

        def _open(self, **options):
            context = browser.new_context(locale="th-TH", **options)
            context.set_default_timeout(WAIT_MS)
            self.contexts.append(context)
            return context

        def phone(self, **options):
            return self._open(viewport=PHONE, is_mobile=True, has_touch=True, **options)

        def laptop(self, **options):
            return self._open(viewport=LAPTOP, **options)

    made = Devices()
    yield made
    for context in made.contexts:
        context.close()


def fits_width(page, width=PHONE["width"]) -> bool:
    """Nothing makes the page scroll sideways."""
    return page.evaluate("() => document.documentElement.scrollWidth") <= width


def is_focused(locator) -> bool:
    return locator.evaluate("el => el === document.activeElement")


def shows_focus(locator) -> bool:
    """The focused element draws a focus indicator (an outline or a ring): WCAG 2.4.7,
    which axe-core does not check."""
    return locator.evaluate(
        """el => {
          const s = getComputedStyle(el);
          const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
          const ring = s.boxShadow && s.boxShadow !== 'none';
          return el.matches(':focus-visible') && (outline || ring);
        }"""
    )


def tab_to(page, locator, *, backwards=False, limit=80):
    """Press Tab (or Shift+Tab) until the element has the focus, as a keyboard user does."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        if is_focused(locator):
            return
    raise AssertionError(f"{key} pressed {limit} times never reached {locator}")


# --- a canvas at each stage -------------------------------------------------
# The leader's own words for the nine blocks (the texts a review and a PDF must carry).
LEADER_WORDS = dict(THAI_BLOCKS)


@pytest.fixture
def submitted_canvas(group, leader, assigned_mentor):
    canvas = services.canvas_create(group=group, by=leader, title="ล่องคลองมะรุย")
    services.canvas_save_blocks(
        canvas=canvas, by=leader, blocks=dict(LEADER_WORDS), base_revision=0, save_id="j-1"
    )
    services.canvas_submit(canvas=canvas, by=leader)
    return canvas


@pytest.fixture
def approved_canvas(submitted_canvas, assigned_mentor):
    canvas = submitted_canvas
    services.canvas_approve(
        canvas=canvas, version=canvas.versions.get(), by=assigned_mentor, summary="ผ่าน"
    )
    canvas.refresh_from_db()
    return canvas


def follow(page, locator, *, key=None):
    """Click a link or a form's button (or press `key` on it) and wait for the next page."""
    with page.expect_navigation():
        if key:
            locator.press(key)
        else:
            locator.click()
