"""A regional officer on a 360-px phone: the programme figures from the menu, one province
picked in the filters, then the groups that have not reported yet.

Set DASHBOARD_SCREENSHOTS to a folder to keep phone screenshots of the pages.
"""

import pytest

from tests.browser.conftest import sign_in
from tests.browser.test_dashboard_phone import fits_the_phone, shot
from tests.dashboards.programme_world import build_programme_world
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_read_the_programme_figures_on_a_phone(
    page, live_server, staff_south, south, north, krabi
):
    world = build_programme_world(south=south, north=north, krabi=krabi)
    sign_in(page, live_server, "staff_south", TEST_PASSWORD)

    page.get_by_role("link", name="ผลลัพธ์โครงการ", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="ผลลัพธ์รายจังหวัด").is_visible()
    assert page.get_by_role("heading", name="กลุ่มในแต่ละขั้นตอน รายจังหวัด").is_visible()
    assert fits_the_phone(page)
    shot(page, "programme-1-region")

    # The filters are a plain GET form: pick Phang Nga, show.
    page.get_by_label("จังหวัด", exact=True).select_option("82")
    page.get_by_role("button", name="แสดง").click()
    page.wait_for_load_state()
    assert "province=82" in page.url
    assert fits_the_phone(page)

    page.locator("a.figure-card", has_text="กลุ่มที่ยังไม่รายงานผล").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="กลุ่มที่ยังไม่รายงานผลในปีงบประมาณ").is_visible()
    assert page.get_by_role("link", name=world.groups[2].name).is_visible()
    assert fits_the_phone(page)
    shot(page, "programme-2-not-reporting")
