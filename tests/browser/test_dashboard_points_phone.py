"""Issue 11's points one by one, on a 360-px phone, as the role each names.

The drill-down from a region to a canvas is `test_dashboard_phone.py` and journey 3
(with the table's CSV and the plan's PDF); this file walks the rest: the country and a
region picked by national staff, a figure opened as its list, the table sorted, the map
coloured by another figure and a province tapped on it, the months, a target set by
national staff and read by the region's staff on the scorecard, filters kept in the
URL (and a bad one answered in Thai), the XLSX and canvases downloads, an approval in
one browser seen at once in another, a mentor's own dashboard, and the refusals a
regional officer meets when trying another region's addresses.
"""

import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from canvases import services
from communities.models import Sector
from tests import factories
from tests.browser.conftest import PHONE, WAIT_MS, sign_in
from tests.factories import TEST_PASSWORD, THAI_BLOCKS

pytestmark = pytest.mark.django_db(transaction=True)


def fits_the_phone(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]


def follow(page, locator):
    """Tap a link or a form's button and wait for the page it leads to."""
    with page.expect_navigation():
        locator.click()
    assert fits_the_phone(page), f"{page.url} scrolls sideways on a phone"


def figure(page, label: str):
    """The figure card whose label starts with `label` (its number is in the same link)."""
    return page.locator("a.figure-card", has_text=label).first


def figure_value(page, label: str) -> str:
    return figure(page, label).locator(".figure-value").inner_text().strip()


def submitted_plan(group, leader, title="ล่องคลองมะรุย"):
    canvas = services.canvas_create(group=group, by=leader, title=title)
    services.canvas_save_blocks(
        canvas=canvas, by=leader, blocks=dict(THAI_BLOCKS), base_revision=0, save_id=title
    )
    services.canvas_submit(canvas=canvas, by=leader)
    return canvas


@pytest.fixture
def programme(group, leader, assigned_mentor, north_group):
    """An approved plan in Krabi (south) and a plan waiting in Chiang Mai (north)."""
    group.sectors = [Sector.COMMUNITY_TOURISM]
    group.save()
    canvas = submitted_plan(group, leader)
    services.canvas_approve(
        canvas=canvas, version=canvas.versions.get(), by=assigned_mentor, summary="ผ่าน"
    )
    north_leader = factories.UserFactory(username="north_leader")
    factories.MembershipFactory(group=north_group, user=north_leader, role="leader")
    submitted_plan(north_group, north_leader, title="ผ้าทอศรีภูมิ")
    return canvas


def test_national_staff_move_between_the_country_and_a_region_sort_filter_and_map_on_a_phone(
    page, live_server, national_staff, programme, group
):
    sign_in(page, live_server, "national", TEST_PASSWORD)
    page.goto(f"{live_server.url}/dashboards/")
    # 1. The country: both regions' plans, one approved and one waiting.
    assert page.get_by_role("heading", name="ทั้งประเทศ", exact=True).is_visible()
    assert figure_value(page, "แผนที่ผ่านการพิจารณา") == "1"
    assert figure_value(page, "แผนที่ส่งแล้ว รอพิจารณา") == "1"
    assert fits_the_phone(page)

    # 1. A region picked in the filter form: the south alone.
    page.get_by_label("ภาค", exact=True).select_option(label="ภาคใต้")
    follow(page, page.get_by_role("button", name="แสดง").first)
    assert "region=south" in page.url
    assert page.get_by_role("heading", name="ภาคใต้", exact=True).is_visible()
    assert figure_value(page, "แผนที่ผ่านการพิจารณา") == "1"
    assert figure_value(page, "แผนที่ส่งแล้ว รอพิจารณา") == "0"

    # 1. Every figure is a link to the list behind it, with the same area.
    follow(page, figure(page, "แผนที่ผ่านการพิจารณา"))
    assert "region=south" in page.url
    assert page.get_by_role("link", name=programme.title).is_visible()
    assert page.get_by_text("ผ้าทอศรีภูมิ").count() == 0
    page.go_back()
    page.wait_for_load_state()

    # 2. The table sorts by any column, and keeps its totals row.
    table = page.get_by_role("table").filter(has=page.get_by_role("columnheader", name="กลุ่ม"))
    follow(page, table.first.get_by_role("link", name=re.compile("^ผ่านการพิจารณา")).first)
    assert re.search(r"[?&]sort=-?approved(&|$)", page.url)
    sorted_header = page.locator("th[aria-sort]")
    assert sorted_header.count() == 1
    assert "ผ่านการพิจารณา" in sorted_header.inner_text()
    assert page.get_by_role("rowheader", name="รวม").is_visible()

    # 6. Filters stay in the URL: a sector chosen, then the same address opened afresh
    # (a bookmark, a link sent to a colleague) shows the same view.
    page.get_by_label("ประเภทกิจการ").select_option(value=Sector.COMMUNITY_TOURISM)
    follow(page, page.get_by_role("button", name="แสดง").first)
    assert "sector=community_tourism" in page.url and "region=south" in page.url
    bookmarked = page.url
    other = page.context.new_page()
    other.goto(bookmarked)
    assert other.get_by_label("ประเภทกิจการ").input_value() == Sector.COMMUNITY_TOURISM
    assert figure_value(other, "แผนที่ผ่านการพิจารณา") == "1"
    other.close()

    # 6. A value no one can pick is answered in Thai beside the filters, never a 500.
    response = page.goto(f"{live_server.url}/dashboards/?region=south&fy=abc")
    assert response.status == 400
    assert page.get_by_role("alert").get_by_text("ตัวกรองบางค่าใช้ไม่ได้").is_visible()
    assert page.get_by_role("alert").get_by_text("ปีงบประมาณ").is_visible()

    # 3. The country's map coloured by another figure, then a province tapped on it.
    page.goto(f"{live_server.url}/dashboards/")
    page.get_by_label("ระบายสีแผนที่ตาม").select_option(value="approved")
    map_form = page.locator("form").filter(has=page.get_by_label("ระบายสีแผนที่ตาม"))
    follow(page, map_form.get_by_role("button", name="แสดง"))
    assert "figure=approved" in page.url
    assert page.get_by_role("heading", name="แผนที่จังหวัด: แผนที่ผ่านการพิจารณา").is_visible()
    # The same numbers in a table beside the map.
    page.get_by_text("ตัวเลขในแผนที่: แผนที่ผ่านการพิจารณา").click()
    numbers = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="กระบี่"))
    assert numbers.first.get_by_role("cell").inner_text().strip() == "1"
    follow(page, page.locator("svg.pmap a").filter(has_text="กระบี่").first)
    assert page.url.startswith(f"{live_server.url}/dashboards/province/81/")
    assert page.get_by_role("heading", name="กระบี่", exact=True).is_visible()

    # 4. Over time: this month's submission and approval, the month in Thai, the year B.E.
    page.goto(f"{live_server.url}/dashboards/?region=south")
    assert page.locator(".chart svg").count() == 1
    page.get_by_text("ตัวเลขรายเดือน").click()
    month_row = page.get_by_role("row").filter(has_text=re.compile(r"25[6-9]\d")).last
    cells = month_row.get_by_role("cell").all_inner_texts()
    assert [cell.strip() for cell in cells] == ["1", "1"]
    assert re.match(r"^[ก-๙]+ 25[6-9]\d$", month_row.get_by_role("rowheader").inner_text())

    # 8. The table as XLSX, numbers as numbers, Thai headers, the filters named in the file.
    with page.expect_download() as download_info:
        page.get_by_text("ดาวน์โหลดตารางนี้").get_by_role("link", name="XLSX").first.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(Path(download.path()).read_bytes())).active
    rows = list(sheet.iter_rows(values_only=True))
    header_row = next(index for index, row in enumerate(rows) if row[0] == "พื้นที่")
    header = rows[header_row]
    by_area = {row[0]: dict(zip(header, row, strict=False)) for row in rows[header_row + 1 :]}
    assert by_area["กระบี่"]["ผ่านการพิจารณา"] == 1
    assert by_area["รวม"]["ผ่านการพิจารณา"] == 1

    # 8. The canvases of the area, one row each with the nine blocks of the latest version.
    with page.expect_download() as download_info:
        page.locator("a[href*='/export/canvases.csv']").first.click()
    text = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    assert programme.title in text and THAI_BLOCKS["value_propositions"] in text
    assert "ผ้าทอศรีภูมิ" not in text  # the south's canvases only


def test_national_staff_set_a_target_that_the_regions_staff_read_on_the_scorecard(
    browser, page, live_server, national_staff, staff_south, south, programme
):
    sign_in(page, live_server, "national", TEST_PASSWORD)
    page.goto(f"{live_server.url}/dashboards/?region=south")
    follow(page, page.get_by_role("link", name="ตั้งเป้าหมาย"))
    page.get_by_label("ภาคใต้").fill("-5")
    follow(page, page.get_by_role("button", name="บันทึกเป้าหมาย"))
    # Bad input is refused beside the field, in Thai, and nothing is saved.
    assert page.locator(".invalid-feedback").first.is_visible()
    page.get_by_label("ภาคใต้").fill("10")
    follow(page, page.get_by_role("button", name="บันทึกเป้าหมาย"))
    assert page.get_by_label("ภาคใต้").input_value() == "10"

    officer = browser.new_context(viewport=PHONE, locale="th-TH", is_mobile=True, has_touch=True)
    officer.set_default_timeout(WAIT_MS)
    their_page = officer.new_page()
    try:
        sign_in(their_page, live_server, "staff_south", TEST_PASSWORD)
        their_page.goto(f"{live_server.url}/dashboards/")
        target = their_page.locator("section[aria-labelledby=target-heading]")
        assert target.get_by_text("เป้าหมาย 10 ตำบล ถึงแล้ว 10.0%").is_visible()
        # Where 1 of 10 stands depends on the share of the year gone: any of the three.
        card = target.locator(".scorecard").inner_text()
        assert re.search("ตามเป้า|ช้ากว่าเป้ามาก|ช้ากว่าเป้า", card), card
        assert target.get_by_text("เกณฑ์: “ตามเป้า” เมื่อได้อย่างน้อย 90%").is_visible()
        # Regional staff read the targets but cannot set them.
        assert their_page.get_by_role("link", name="ตั้งเป้าหมาย").count() == 0
        their_page.goto(f"{live_server.url}/dashboards/targets/")
        assert their_page.get_by_role("button", name="บันทึกเป้าหมาย").count() == 0
        assert their_page.get_by_role("row", name=re.compile("ภาคใต้.*10")).is_visible()
        # Posting the form by hand, with their own session's CSRF token, is refused.
        token = next(c["value"] for c in officer.cookies() if c["name"] == "csrftoken")
        refused = their_page.request.post(
            f"{live_server.url}/dashboards/targets/",
            form={"csrfmiddlewaretoken": token, f"region_{south.pk}": "9999", "country": "1"},
            headers={"Referer": f"{live_server.url}/dashboards/targets/"},
        )
        assert refused.status == 403
        their_page.reload()
        assert their_page.get_by_role("row", name=re.compile("ภาคใต้.*10")).is_visible()
    finally:
        officer.close()


def test_an_approval_in_one_browser_shows_at_once_on_the_dashboard_in_another(
    browser, page, live_server, staff_south, group, leader, assigned_mentor
):
    canvas = submitted_plan(group, leader)
    sign_in(page, live_server, "staff_south", TEST_PASSWORD)
    page.goto(f"{live_server.url}/dashboards/")
    assert figure_value(page, "แผนที่ส่งแล้ว รอพิจารณา") == "1"
    assert figure_value(page, "แผนที่ผ่านการพิจารณา") == "0"

    mentor_context = browser.new_context(
        viewport=PHONE, locale="th-TH", is_mobile=True, has_touch=True
    )
    mentor_context.set_default_timeout(WAIT_MS)
    mentor = mentor_context.new_page()
    try:
        sign_in(mentor, live_server, "mentor", TEST_PASSWORD)
        mentor.goto(f"{live_server.url}/canvases/{canvas.pk}/versions/1/review/")
        mentor.get_by_label("ผ่านการพิจารณา", exact=True).check()
        mentor.get_by_label("ความเห็นสรุป").fill("ครบถ้วน ผ่านค่ะ")
        follow(mentor, mentor.get_by_role("button", name="บันทึกผลการพิจารณา"))
    finally:
        mentor_context.close()

    page.reload()
    assert figure_value(page, "แผนที่ส่งแล้ว รอพิจารณา") == "0"
    assert figure_value(page, "แผนที่ผ่านการพิจารณา") == "1"
    target = page.locator("section[aria-labelledby=target-heading]")
    assert target.get_by_text(re.compile(r"^1\s*ตำบลมีแผนที่ผ่านการพิจารณา")).is_visible()


def test_a_mentor_sees_the_dashboard_of_their_own_groups_only(
    page, live_server, assigned_mentor, group, partner_group, north_group
):
    sign_in(page, live_server, "mentor", TEST_PASSWORD)
    follow(page, page.get_by_role("link", name="แดชบอร์ด", exact=True))
    assert page.get_by_text("เฉพาะกลุ่มที่ท่านเป็นพี่เลี้ยง").is_visible()
    # The south has two groups; the mentor follows one.
    assert figure_value(page, "กลุ่ม/องค์กรชุมชน") == "1"
    follow(page, figure(page, "กลุ่ม/องค์กรชุมชน"))
    assert page.get_by_role("link", name=group.name).is_visible()
    assert page.get_by_text(partner_group.name).count() == 0
    # A province holding none of their groups is not theirs to open.
    assert page.goto(f"{live_server.url}/dashboards/province/50/").status == 404


@pytest.mark.parametrize(
    "address",
    [
        "/dashboards/?region=north",
        "/dashboards/province/50/",
        "/dashboards/district/5001/",
        "/dashboards/tambon/500101/",
        "/dashboards/province/50/list/groups/",
        "/dashboards/province/50/export.csv",
        "/dashboards/province/50/export.xlsx",
    ],
)
def test_a_regional_officer_typing_another_regions_addresses_meets_404(
    page, live_server, staff_south, group, north_group, address
):
    sign_in(page, live_server, "staff_south", TEST_PASSWORD)
    response = page.request.get(f"{live_server.url}{address}")
    assert response.status == 404, (address, response.status)
    assert "ผ้าทอศรีภูมิ" not in response.text()


@pytest.mark.parametrize("query", ["region=north", "province=50"])
def test_another_regions_canvases_cannot_be_exported(
    page, live_server, staff_south, group, north_group, query
):
    """The canvases export refuses a filter outside the officer's region, in Thai."""
    north_leader = factories.UserFactory(username="north_leader")
    factories.MembershipFactory(group=north_group, user=north_leader, role="leader")
    submitted_plan(north_group, north_leader, title="ผ้าทอศรีภูมิ")
    sign_in(page, live_server, "staff_south", TEST_PASSWORD)
    response = page.request.get(f"{live_server.url}/dashboards/export/canvases.csv?{query}")
    assert response.status == 400
    assert response.text().startswith("ส่งออกไม่ได้ เพราะตัวกรองไม่ถูกต้อง")
    assert "ผ้าทอศรีภูมิ" not in response.text()


def test_another_regions_cohort_in_the_filter_is_answered_in_thai(
    page, live_server, staff_south, group, north
):
    cohort = factories.CohortFactory(region=north, name="รุ่นภาคเหนือ")
    sign_in(page, live_server, "staff_south", TEST_PASSWORD)
    response = page.goto(f"{live_server.url}/dashboards/?cohort={cohort.pk}")
    assert response.status == 400
    alert = page.get_by_role("alert")
    assert alert.get_by_text("ตัวกรองบางค่าใช้ไม่ได้").is_visible()
    assert alert.get_by_text("รุ่น").is_visible()
    assert page.get_by_text("รุ่นภาคเหนือ").count() == 0


@pytest.mark.parametrize("login", ["leader", "member"])
def test_leaders_and_members_find_no_dashboard(page, live_server, leader, member, login):
    sign_in(page, live_server, login, TEST_PASSWORD)
    assert page.get_by_role("link", name="แดชบอร์ด", exact=True).count() == 0
    for address in (
        "/dashboards/",
        "/dashboards/province/81/",
        "/dashboards/export.csv",
        "/dashboards/export/canvases.csv",
        "/dashboards/targets/",
    ):
        assert page.request.get(f"{live_server.url}{address}").status == 404, address
