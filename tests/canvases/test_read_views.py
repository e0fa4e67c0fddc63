"""The canvas page, the group's list, history, a version and the comparison."""

import pytest
from django.urls import reverse

from canvases import services
from tests import factories

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def hostile_canvas(canvas, leader, staff_south):
    """Two versions, the second with HTML typed into two blocks."""
    services.canvas_save_blocks(
        canvas=canvas,
        by=leader,
        blocks=dict(factories.THAI_BLOCKS),
        base_revision=canvas.revision,
        save_id="1",
    )
    first = services.canvas_submit(canvas=canvas, by=leader)
    services.canvas_request_changes(canvas=canvas, version=first, by=staff_south, summary=HOSTILE)
    services.canvas_save_blocks(
        canvas=canvas,
        by=leader,
        blocks={
            "channels": factories.THAI_BLOCKS["channels"] + HOSTILE,
            "cost_structure": HOSTILE + " ต้นทุนค่าน้ำมันเรือ",
        },
        base_revision=canvas.revision,
        save_id="2",
    )
    services.canvas_submit(canvas=canvas, by=leader)
    return canvas


@pytest.mark.parametrize(
    "name,args,query",
    [
        ("canvases:detail", lambda c: [c.pk], ""),
        ("canvases:version", lambda c: [c.pk, 2], ""),
        ("canvases:compare", lambda c: [c.pk], "?a=1&b=2"),
        ("canvases:print", lambda c: [c.pk], "?version=2"),
        ("canvases:print", lambda c: [c.pk], ""),
    ],
)
def test_html_typed_into_a_block_shows_as_text(client, leader, hostile_canvas, name, args, query):
    client.force_login(leader)
    page = client.get(reverse(name, args=args(hostile_canvas)) + query).content.decode()
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_html_in_the_editor_textarea_is_escaped(client, leader, canvas):
    services.canvas_save_blocks(
        canvas=canvas, by=leader, blocks={"channels": HOSTILE}, base_revision=0, save_id="h"
    )
    client.force_login(leader)
    page = client.get(reverse("canvases:detail", args=[canvas.pk])).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page


def test_the_editor_shows_the_nine_blocks_with_questions_and_progress(client, leader, canvas):
    services.canvas_save_blocks(
        canvas=canvas,
        by=leader,
        blocks={"customer_segments": "นักท่องเที่ยวชาวไทย", "channels": "เพจ"},
        base_revision=0,
        save_id="p",
    )
    client.force_login(leader)
    page = client.get(reverse("canvases:detail", args=[canvas.pk])).content.decode()
    for title in ("กลุ่มลูกค้า", "คุณค่าที่ส่งมอบ", "ภาคีหุ้นส่วน", "ต้นทุน", "รายได้"):
        assert title in page
    assert "ใครซื้อสินค้าหรือมาเที่ยวกับเรา" in page
    assert "เขียนครบ 1 จาก 9 ช่อง" in page
    assert page.count('data-progress="filled"') == 1
    assert page.count('data-progress="begun"') == 1
    assert page.count('data-progress="empty"') == 7
    assert 'name="base_revision" value="1"' in page
    assert "js/editor.js" in page


def test_members_see_the_canvas_read_only(client, member, filled_canvas):
    client.force_login(member)
    page = client.get(reverse("canvases:detail", args=[filled_canvas.pk])).content.decode()
    assert factories.THAI_BLOCKS["key_partners"] in page
    assert "<textarea" not in page
    assert "editor.js" not in page


def test_the_group_list_shows_progress(client, member, filled_canvas, group):
    factories.CanvasFactory(group=group, title="มะละกอทอดกรอบ")
    client.force_login(member)
    page = client.get(reverse("canvases:group_list", args=[group.pk])).content.decode()
    assert "ล่องคลองมะรุย" in page and "มะละกอทอดกรอบ" in page
    assert "เขียนครบ 9 จาก 9 ช่อง" in page and "เขียนครบ 0 จาก 9 ช่อง" in page


def test_the_timeline_lists_each_change_of_state(client, leader, hostile_canvas):
    client.force_login(leader)
    page = client.get(reverse("canvases:detail", args=[hostile_canvas.pk])).content.decode()
    for label in ("สร้างแผน", "ส่งให้พิจารณา", "ขอให้ปรับแก้"):
        assert label in page
    assert "&lt;script&gt;" in page  # the reviewer's note, escaped


def test_history_lists_versions_and_a_version_reads_as_a_canvas(client, member, hostile_canvas):
    client.force_login(member)
    page = client.get(reverse("canvases:history", args=[hostile_canvas.pk])).content.decode()
    assert "ฉบับที่ 1" in page and "ฉบับที่ 2" in page
    version = client.get(reverse("canvases:version", args=[hostile_canvas.pk, 1]))
    assert factories.THAI_BLOCKS["cost_structure"] in version.content.decode()


def test_the_comparison_marks_thai_changes_word_by_word(client, member, hostile_canvas):
    client.force_login(member)
    url = reverse("canvases:compare", args=[hostile_canvas.pk])
    page = client.get(url + "?a=1&b=2").content.decode()
    assert "มีการเปลี่ยนแปลง" in page and "เหมือนเดิม" in page
    assert '<ins class="diff-ins">&lt;script&gt;' in page


@pytest.mark.parametrize("query,status", [("?a=1&b=9", 404), ("?a=x&b=1", 400), ("?a=-1", 400)])
def test_comparison_bad_input(client, member, hostile_canvas, query, status):
    client.force_login(member)
    url = reverse("canvases:compare", args=[hostile_canvas.pk])
    assert client.get(url + query).status_code == status


@pytest.mark.parametrize("query", ["?version=9", "?version=abc", "?version=99999999999999"])
def test_print_of_a_missing_version_is_404(client, member, hostile_canvas, query):
    client.force_login(member)
    assert (
        client.get(reverse("canvases:print", args=[hostile_canvas.pk]) + query).status_code == 404
    )


def test_missing_version_is_404(client, member, hostile_canvas):
    client.force_login(member)
    assert client.get(reverse("canvases:version", args=[hostile_canvas.pk, 7])).status_code == 404


def test_create_page_makes_a_canvas_and_refuses_an_empty_title(client, leader, group):
    client.force_login(leader)
    url = reverse("canvases:create", args=[group.pk])
    assert client.post(url, {"title": "   "}).status_code == 200
    response = client.post(url, {"title": "มะละกอทอดกรอบ"})
    assert response.status_code == 302
    assert group.canvases.get().title == "มะละกอทอดกรอบ"


def test_a_reviewer_sees_the_review_form_and_a_bad_decision_changes_nothing(
    client, staff_south, submitted_canvas
):
    client.force_login(staff_south)
    page = client.get(reverse("canvases:detail", args=[submitted_canvas.pk])).content.decode()
    review_url = reverse("canvases:version_review", args=[submitted_canvas.pk, 1])
    assert review_url in page  # the decision is taken on the review page of the version
    page = client.get(review_url).content.decode()
    assert "บันทึกผลการพิจารณา" in page
    response = client.post(
        reverse("canvases:review", args=[submitted_canvas.pk]),
        {"decision": "delete_everything", "version": 1},
    )
    assert response.status_code == 400  # the page again, the error beside the choice
    submitted_canvas.refresh_from_db()
    assert submitted_canvas.status == "submitted"
