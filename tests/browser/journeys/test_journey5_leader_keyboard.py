"""Journey 5: a leader's day on a phone with the keyboard alone, checked by axe-core.

Sign in, open the group, create a plan, fill the nine blocks and save, pressing only
Tab, Shift+Tab, Enter and Space (no click, no tap). Every page visited has zero
WCAG 2.1 A/AA violations, and with the text at 200% nothing is lost: no page scrolls
sideways, and the editor's save button and every block's label stay on the screen.
"""

import pytest

from canvases.blocks import PHONE_ORDER
from canvases.models import Canvas
from tests.browser.conftest import PHONE, WAIT_MS
from tests.browser.journeys.conftest import fits_width, is_focused, shows_focus
from tests.browser.journeys.conftest import tab_to as tab_only
from tests.factories import TEST_PASSWORD, THAI_BLOCKS

pytestmark = pytest.mark.django_db(transaction=True)

JOURNEY = "5-leader-keyboard"
SAVED = "() => document.querySelector('#save-status').dataset.state === 'saved'"
# Root font size 200%: Bootstrap sizes text in rem, so every text doubles (WCAG 1.4.4).
# Set through the CSSOM, which the Content-Security-Policy allows (a <style> it would not).
TEXT_200 = "() => { document.documentElement.style.fontSize = '200%'; }"
TEXT_100 = "() => { document.documentElement.style.fontSize = ''; }"


def press(page, key):
    """A key that leads to another page (a link, a form): wait until it has loaded."""
    with page.expect_navigation():
        page.keyboard.press(key)


def check_page(page, check_a11y, shots, where):
    """axe-core on the page, then the same page with its text at 200%: nothing sideways."""
    check_a11y(page, where)
    shots(page, where)
    page.evaluate(TEXT_200)
    try:
        assert fits_width(page), f"{where}: at 200% text the page scrolls sideways"
    finally:
        page.evaluate(TEXT_100)


def tab_to(page, locator, **options):
    """Tab to the element, and see where the focus is."""
    tab_only(page, locator, **options)
    assert shows_focus(locator), f"no visible focus on {locator}"


def on_screen(page, locator) -> bool:
    """Seen whole when scrolled to the middle of the screen: within the phone's width, and
    not hidden under the editor's sticky bars (the block menu above, the save bar below)."""
    return locator.evaluate(
        """(el, width) => {
          // Bootstrap scrolls smoothly; measure where the scroll ends, not on its way.
          el.scrollIntoView({block: 'center', behavior: 'instant'});
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.height === 0 || r.left < 0 || r.right > width + 0.5) return false;
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return hit !== null && (hit === el || el.contains(hit));
        }""",
        PHONE["width"],
    )


def test_a_leader_signs_in_creates_and_fills_a_plan_with_the_keyboard_alone(
    page, live_server, leader, group, check_a11y, shots
):
    # Sign in: the first field has the focus already.
    page.goto(f"{live_server.url}/accounts/login/")
    check_page(page, check_a11y, shots, "sign-in")
    assert is_focused(page.get_by_label("เบอร์โทรศัพท์มือถือหรือชื่อผู้ใช้"))
    page.keyboard.type("081-234-5678")
    page.keyboard.press("Tab")
    assert is_focused(page.get_by_label("รหัสผ่าน"))
    page.keyboard.type(TEST_PASSWORD)
    press(page, "Enter")
    assert page.url == f"{live_server.url}/"
    check_page(page, check_a11y, shots, "home")
    # The first Tab reaches the skip link, past the menu.
    page.keyboard.press("Tab")
    assert is_focused(page.get_by_role("link", name="ข้ามไปเนื้อหา"))

    # Home → the group → its plans → a new plan.
    tab_to(page, page.get_by_role("link", name=group.name, exact=True))
    press(page, "Enter")
    assert page.get_by_role("heading", name=group.name).is_visible()
    check_page(page, check_a11y, shots, "group")

    tab_to(page, page.get_by_role("link", name="แผนธุรกิจเพื่อชุมชนของกลุ่ม"))
    press(page, "Enter")
    check_page(page, check_a11y, shots, "group-plans")

    tab_to(page, page.get_by_role("link", name="สร้างแผนใหม่"))
    press(page, "Enter")
    check_page(page, check_a11y, shots, "new-plan")

    tab_to(page, page.get_by_label("ชื่อแผน (สินค้าหรือบริการ)"))
    page.keyboard.type("ล่องคลองมะรุย")
    tab_to(page, page.get_by_role("button", name="สร้างแผน"))
    press(page, "Space")
    canvas = Canvas.objects.get(group=group)
    assert page.url == f"{live_server.url}/canvases/{canvas.pk}/"
    assert page.get_by_text("สร้างแผนแล้ว เริ่มเขียนได้เลย").is_visible()
    check_page(page, check_a11y, shots, "editor-empty")

    # The nine blocks, in the phone's order, each reached by Tab.
    for block in PHONE_ORDER:
        box = page.get_by_role("textbox", name=str(block.title), exact=True)
        tab_to(page, box)
        page.keyboard.type(THAI_BLOCKS[block.key])

    # Back up with Shift+Tab to add to the first block, then on to the save button.
    first = page.get_by_role("textbox", name=str(PHONE_ORDER[0].title), exact=True)
    tab_to(page, first, backwards=True)
    page.keyboard.press("Control+End")
    page.keyboard.type(" และครอบครัว")
    tab_to(page, page.get_by_role("button", name="บันทึก", exact=True))
    # The editor's script saves in place (no page load) and says so beside the button.
    page.keyboard.press("Enter")
    page.wait_for_function(SAVED, timeout=WAIT_MS)

    expected = dict(THAI_BLOCKS)
    expected[PHONE_ORDER[0].key] += " และครอบครัว"
    assert Canvas.objects.get(pk=canvas.pk).blocks == expected
    assert "เขียนครบ 9 จาก 9 ช่อง" in page.locator("#filled-count").inner_text()
    check_a11y(page, "editor-saved")
    shots(page, "editor-saved")

    # Text at 200%: nothing sideways; every block's title (its label on the screen; the
    # field's own label is for screen readers), its box and the save button are seen whole,
    # and the save button is still reached with the keyboard.
    page.evaluate(TEXT_200)
    assert fits_width(page)
    for block in PHONE_ORDER:
        title = page.get_by_role("heading", name=f"{block.phone_order} {block.title}", exact=True)
        assert on_screen(page, title), f"{block.title}: its title is cut off or hidden at 200%"
        box = page.get_by_role("textbox", name=str(block.title), exact=True)
        assert on_screen(page, box), f"{block.title}: its box is cut off or hidden at 200%"
    save = page.get_by_role("button", name="บันทึก", exact=True)
    tab_to(page, save)
    assert on_screen(page, save)
    shots(page, "editor-text-200", full_page=False)
