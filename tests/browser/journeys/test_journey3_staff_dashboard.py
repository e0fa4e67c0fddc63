"""Journey 3: regional staff on a phone see an approval on the dashboard, follow it down
(region → province → district → tambon → group → its plans → the plan) by tapping,
and take the plan's PDF and the dashboard table's CSV home.
"""

import csv
import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

from tests.browser.conftest import sign_in
from tests.browser.journeys.conftest import LEADER_WORDS, fits_width, follow
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

JOURNEY = "3-staff-dashboard"


# The PDF draws SARA AM (ำ) as two glyphs, NIKHAHIT and SARA AA, with a tone mark
# between them, and its text comes back so: "นํ้า" (U+0E19 0E4D 0E49 0E32) for "น้ำ"
# (U+0E19 0E49 0E33). Unicode normalisation (NFC, even NFKC) does not bring these together.
SPLIT_SARA_AM = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")


def squeeze(text: str) -> str:
    """Text as compared: NFC, SARA AM whole again, no white space (the PDF wraps lines
    inside each block)."""
    text = SPLIT_SARA_AM.sub("\\1\u0e33", unicodedata.normalize("NFC", text))
    return re.sub(r"\s+", "", text)


def tap(page, name, *, within=None):
    follow(page, (within or page).get_by_role("link", name=name, exact=True).first)
    assert fits_width(page), f"{page.url} scrolls sideways on a phone"


def test_staff_follow_an_approval_from_the_dashboard_to_its_pdf_and_the_table_csv(
    page, live_server, staff_south, group, approved_canvas, shots, tmp_path, check_a11y
):
    canvas = approved_canvas
    sign_in(page, live_server, "staff_south", TEST_PASSWORD)
    page.goto(f"{live_server.url}/dashboards/")
    assert page.get_by_role("heading", name="ภาคใต้", exact=True).is_visible()
    # The approval counts: one approved plan, one tambon with an approved plan this year.
    assert page.get_by_role("link", name=re.compile(r"^1\s*แผนที่ผ่านการพิจารณา$")).is_visible()
    assert page.get_by_role("link", name=re.compile(r"^1 ตำบลมีแผนที่ผ่านการพิจารณา")).is_visible()
    assert fits_width(page)
    check_a11y(page, "dashboard region")
    shots(page, "region")

    # The table's CSV, as the spreadsheet the office keeps: Thai headers, the province's row.
    # "ดาวน์โหลดตารางนี้: CSV · XLSX · แผนทั้งหมดในพื้นที่ (เก้าช่อง): CSV · XLSX"
    downloads = page.get_by_text("ดาวน์โหลดตารางนี้")
    with page.expect_download() as download_info:
        downloads.get_by_role("link", name="CSV").first.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    header = rows[0]
    assert header[:2] == ["พื้นที่", "กลุ่ม"]
    assert "ผ่านการพิจารณา" in header and "สถานะเทียบเป้า" in header
    by_area = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert by_area["กระบี่"]["ผ่านการพิจารณา"] == "1"
    assert by_area["รวม"]["ผ่านการพิจารณา"] == "1"

    # Down, a tap at each level, through the table's own links.
    tap(page, "กระบี่", within=page.get_by_role("table"))
    assert page.get_by_role("heading", name="กระบี่", exact=True).is_visible()
    tap(page, "อ่าวลึก", within=page.get_by_role("table"))
    assert page.get_by_role("heading", name="อ่าวลึก", exact=True).is_visible()
    tap(page, "อ่าวลึกใต้", within=page.get_by_role("table"))
    assert page.get_by_role("heading", name="อ่าวลึกใต้", exact=True).is_visible()
    check_a11y(page, "dashboard tambon")
    shots(page, "tambon")
    tap(page, group.name, within=page.get_by_role("table"))
    assert page.get_by_role("heading", name=group.name).is_visible()
    tap(page, "แผนธุรกิจเพื่อชุมชนของกลุ่ม")
    tap(page, canvas.title)
    assert page.url == f"{live_server.url}/canvases/{canvas.pk}/"
    assert page.get_by_text("ผ่านการพิจารณา").first.is_visible()
    assert page.get_by_text(LEADER_WORDS["value_propositions"]).is_visible()
    check_a11y(page, "dashboard canvas")
    shots(page, "canvas")

    # The PDF, from the plan's menu: it opens in the browser's viewer (inline), and the
    # same file saved through the same session holds the leader's words.
    pdf_link = page.get_by_role("navigation", name="เมนูของแผน").get_by_role("link", name="PDF")
    with page.expect_response(lambda r: r.url.endswith(f"/canvases/{canvas.pk}/pdf/")) as info:
        pdf_link.click()
    assert info.value.status == 200
    assert info.value.headers["content-type"] == "application/pdf"
    # Chromium hands the viewer's page, not the file, to `response.body()`: fetch it again.
    saved = page.request.get(info.value.url)
    assert saved.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(saved.body()))
    text = squeeze("".join(pdf_page.extract_text() for pdf_page in reader.pages))
    for key, words in LEADER_WORDS.items():
        assert squeeze(words) in text, f"{key}: the leader's words are not in the PDF"
