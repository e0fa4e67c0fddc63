"""The PDF says what state the plan is in and who decided, is named after the group and the
plan, and sizes its text to the space the blocks leave."""

import io
import unicodedata
from urllib.parse import unquote

import pytest
from django.urls import reverse
from pypdf import PdfReader

from canvases import printing, reviews, services
from canvases.blocks import BLOCK_KEYS
from tests import factories
from tests.canvases.test_pdf import thai_sara_am

pytestmark = pytest.mark.django_db

LEADER_WORDS = "นักท่องเที่ยวที่มาอ่าวลึก ล่องคลองมะรุย"


def _nfc_text(response) -> str:
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return unicodedata.normalize("NFC", thai_sara_am(text))


def _pdf(client, canvas, version=None):
    url = reverse("canvases:pdf", args=[canvas.pk])
    return client.get(url + (f"?version={version}" if version else ""))


@pytest.fixture
def decider(south):
    return factories.RegionStaffFactory(
        region=south, user__username="decider", user__display_name="พี่เลี้ยงสุดา ใจดี"
    ).user


@pytest.fixture
def written(canvas, leader):
    services.canvas_save_blocks(
        canvas=canvas,
        by=leader,
        blocks={**dict(factories.THAI_BLOCKS), "customer_segments": LEADER_WORDS},
        base_revision=0,
        save_id="w",
    )
    return canvas


def test_a_draft_says_it_is_a_draft(client, leader, written):
    client.force_login(leader)
    text = _pdf(client, written)
    text = _nfc_text(text)
    assert "ฉบับร่าง" in text
    assert unicodedata.normalize("NFC", LEADER_WORDS) in text


def test_a_submitted_version_says_it_waits_for_a_decision(client, leader, written):
    services.canvas_submit(canvas=written, by=leader)
    client.force_login(leader)
    text = _nfc_text(_pdf(client, written, 1))
    assert "ส่งแล้ว รอพิจารณา" in text
    assert "ฉบับร่าง" not in text


def test_an_approved_version_names_who_approved_it_when_and_why(client, leader, written, decider):
    services.canvas_submit(canvas=written, by=leader)
    version = written.versions.get()
    reviews.review_decide(
        version=version, by=decider, decision="approve", summary="แผนชัดเจน พร้อมเริ่มทำ"
    )
    event = written.events.get(kind="approved")
    client.force_login(leader)
    for number in (1, None):  # the version, and the current texts of the approved plan
        text = _nfc_text(_pdf(client, written, number))
        assert "ผ่านการพิจารณา" in text
        assert "พี่เลี้ยงสุดา ใจดี" in text
        assert "แผนชัดเจน พร้อมเริ่มทำ" in text
        assert str(event.at.year + 543) in text
        assert unicodedata.normalize("NFC", LEADER_WORDS) in text
        assert "ฉบับร่าง" not in text


def test_changes_requested_names_the_reviewer_and_the_summary(client, leader, written, decider):
    services.canvas_submit(canvas=written, by=leader)
    reviews.review_decide(
        version=written.versions.get(),
        by=decider,
        decision="request_changes",
        summary="ขอรายละเอียดต้นทุนเพิ่ม",
    )
    client.force_login(leader)
    text = _nfc_text(_pdf(client, written, 1))
    assert "ขอให้ปรับแก้" in text
    assert "พี่เลี้ยงสุดา ใจดี" in text and "ขอรายละเอียดต้นทุนเพิ่ม" in text


def test_an_older_version_keeps_its_own_decision(client, leader, written, decider):
    services.canvas_submit(canvas=written, by=leader)
    reviews.review_decide(
        version=written.versions.get(), by=decider, decision="request_changes", summary="แก้ก่อน"
    )
    written.refresh_from_db()
    services.canvas_submit(canvas=written, by=leader)
    client.force_login(leader)
    assert "ขอให้ปรับแก้" in _nfc_text(_pdf(client, written, 1))
    text = _nfc_text(_pdf(client, written, 2))
    assert "ส่งแล้ว รอพิจารณา" in text and "แก้ก่อน" not in text


def test_the_state_costs_one_query_at_most(written, leader, django_assert_num_queries):
    services.canvas_submit(canvas=written, by=leader)
    version = written.versions.get()
    with django_assert_num_queries(1):
        printing.print_state(written, version)


# The file name ------------------------------------------------------------------


def _disposition(client, canvas, version=None) -> tuple[str, str]:
    header = _pdf(client, canvas, version)["Content-Disposition"]
    assert header.startswith("inline; ")
    assert all(ord(ch) < 128 and ch not in "\r\n" for ch in header)
    parts = dict(part.strip().split("=", 1) for part in header.split(";")[1:])
    assert parts["filename*"].startswith("UTF-8''")
    fallback = parts["filename"]
    assert fallback.startswith('"') and fallback.endswith('"')
    return unquote(parts["filename*"][len("UTF-8''") :]), fallback[1:-1]


def test_the_file_is_named_after_the_group_and_the_plan_in_thai(client, leader, written):
    services.canvas_submit(canvas=written, by=leader)
    client.force_login(leader)
    name, fallback = _disposition(client, written, 1)
    assert name == "กลุ่มท่องเที่ยวชุมชนอ่าวลึกใต้ - ล่องคลองมะรุย - ฉบับที่ 1.pdf"
    # Nothing Latin to keep: the ASCII fallback names the canvas and version by number.
    assert fallback == f"canvas-{written.pk}-v1.pdf"
    name, fallback = _disposition(client, written)
    assert name == "กลุ่มท่องเที่ยวชุมชนอ่าวลึกใต้ - ล่องคลองมะรุย.pdf"
    assert fallback == f"canvas-{written.pk}.pdf"


def test_quotes_slashes_and_control_characters_never_reach_the_file_name(client, leader, group):
    canvas = services.canvas_create(
        group=group, by=leader, title='Homestay "Ao Luek" 1/2 \\ ทัวร์\tเรือ\x07'
    )
    client.force_login(leader)
    name, fallback = _disposition(client, canvas)
    for bad in '"/\\\t\x07':
        assert bad not in name and bad not in fallback
    assert name == "กลุ่มท่องเที่ยวชุมชนอ่าวลึกใต้ - Homestay Ao Luek 1-2 - ทัวร์ เรือ.pdf"
    assert fallback == "Homestay Ao Luek 1-2.pdf"


def test_the_file_name_helper_keeps_thai_in_nfc_and_stays_short():
    decomposed = "น\u0e4d\u0e32ตก"  # NIKHAHIT + SARA AA, as some keyboards type SARA AM
    name = printing.pdf_file_name(group="ก" * 300, title=decomposed, number=None, pk=7)
    assert name.unicode.endswith(".pdf") and len(name.unicode) <= 124
    assert name.ascii == "canvas-7.pdf"
    assert printing.pdf_file_name(group="..", title="/", number=3, pk=7).unicode == (
        "canvas-7-v3.pdf"
    )


# The text size ------------------------------------------------------------------


def test_the_text_size_follows_the_longest_block():
    short = {key: "สั้น" for key in BLOCK_KEYS}
    assert printing.text_size_pt(short) == 12
    middle = {**short, "channels": "ก" * 400}
    assert 9 < printing.text_size_pt(middle) < 12
    long = {**short, "channels": "ก" * 4000}
    assert printing.text_size_pt(long) == printing.MIN_TEXT_PT == 9
    # Line breaks take room too.
    lines = {**short, "channels": "ก\n" * 60}
    assert printing.text_size_pt(lines) < 12


def test_short_blocks_print_large_and_long_text_flows_onto_a_second_page(client, leader, written):
    client.force_login(leader)
    body = client.get(reverse("canvases:print", args=[written.pk])).content.decode()
    assert "text-12pt" in body
    services.canvas_save_blocks(
        canvas=written,
        by=leader,
        blocks={key: ("รายได้ของชุมชน " * 260).strip() for key in BLOCK_KEYS},
        base_revision=written.revision,
        save_id="long",
    )
    response = _pdf(client, written)
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) >= 2
    body = client.get(reverse("canvases:print", args=[written.pk])).content.decode()
    assert "text-9pt" in body


def _block_text_sizes(response) -> set[float]:
    """The point sizes the PDF draws the leader's words at (the nine blocks' texts)."""
    sizes = set()

    def visit(text, cm, tm, font, size):
        if "ลูกค้า" in text or "ชุมชน" in text:
            sizes.add(round(size * tm[3] * cm[3], 1))

    for page in PdfReader(io.BytesIO(response.content)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_the_pdf_draws_short_blocks_at_12_pt_and_long_ones_never_below_9(client, leader, written):
    client.force_login(leader)
    assert max(_block_text_sizes(_pdf(client, written))) == 12
    services.canvas_save_blocks(
        canvas=written,
        by=leader,
        blocks={key: ("รายได้ของชุมชน ลูกค้า " * 120).strip() for key in BLOCK_KEYS},
        base_revision=written.revision,
        save_id="long-sizes",
    )
    sizes = _block_text_sizes(_pdf(client, written))
    assert 9 in sizes and min(sizes) >= printing.MIN_TEXT_PT
