"""A regional officer on a 360-px phone: from the dashboard down to one canvas, a tap at
each level (region → province → district → tambon → group → its canvases → the canvas).

Set DASHBOARD_SCREENSHOTS to a folder to keep phone screenshots of the pages.
"""

import os

import pytest

from canvases.models import CanvasStatus
from tests import factories
from tests.browser.conftest import PHONE, sign_in
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def shot(page, name):
    folder = os.environ.get("DASHBOARD_SCREENSHOTS")
    if folder:
        page.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=True)


def fits_the_phone(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def tap(page, name):
    page.get_by_role("link", name=name, exact=True).first.click()
    page.wait_for_load_state()


def test_staff_drill_down_from_the_dashboard_to_a_canvas_on_a_phone(
    page, live_server, staff_south, group, krabi
):
    canvas = factories.CanvasFactory(
        group=group, title="ล่องคลองมะรุย", status=CanvasStatus.DRAFT, filled=True
    )
    sign_in(page, live_server, "staff_south", TEST_PASSWORD)

    page.get_by_role("link", name="แดชบอร์ด", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="ภาคใต้").is_visible()
    assert page.get_by_role("heading", name="รายจังหวัด").is_visible()
    assert page.locator("svg.pmap").count() == 1
    assert fits_the_phone(page)
    shot(page, "1-region")

    tap(page, "กระบี่")
    assert page.get_by_role("heading", name="กระบี่").is_visible()
    assert fits_the_phone(page)
    tap(page, "อ่าวลึก")
    assert page.get_by_role("heading", name="อ่าวลึก").is_visible()
    tap(page, "อ่าวลึกใต้")
    assert page.get_by_role("heading", name="อ่าวลึกใต้").is_visible()
    # The breadcrumb leads back up.
    crumbs = page.get_by_role("navigation", name="เส้นทาง")
    assert crumbs.get_by_role("link", name="กระบี่").is_visible()
    assert fits_the_phone(page)
    shot(page, "2-tambon")

    tap(page, group.name)
    page.get_by_role("link", name="แผนธุรกิจเพื่อชุมชนของกลุ่ม").first.click()
    page.wait_for_load_state()
    tap(page, canvas.title)
    assert page.url.endswith(f"/canvases/{canvas.pk}/")
    assert fits_the_phone(page)
    shot(page, "3-canvas")
