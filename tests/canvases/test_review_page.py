"""The review page of a version, the comment forms behind it, and threads in the editor."""

import pytest
from django.urls import reverse

from canvases import reviews
from canvases.models import CanvasStatus, Comment, CommentThread
from tests import factories


def review_url(canvas, number):
    return reverse("canvases:version_review", args=[canvas.pk, number])


def resolved_url(canvas, number, key):
    base = reverse("canvases:review_block_threads", args=[canvas.pk, number, key])
    return base + "?state=resolved"


def test_a_reviewer_sees_nine_blocks_with_a_comment_form_each_and_the_decision(
    client, assigned_mentor, submitted_canvas, thread
):
    client.force_login(assigned_mentor)
    response = client.get(review_url(submitted_canvas, 1))
    page = response.content.decode()
    assert response.status_code == 200
    for key, text in factories.THAI_BLOCKS.items():
        assert f'id="block-{key}"' in page and text in page
    assert page.count("แสดงความเห็นในช่องนี้") == 9
    assert page.count('name="block"') == 9
    assert "เพิ่มช่องทางไลน์ด้วยไหม" in page
    assert f'id="thread-{thread.pk}"' in page
    assert "บันทึกผลการพิจารณา" in page and 'id="decision"' in page
    assert "จากฉบับที่" not in page  # the thread belongs to this very version


def test_a_leader_replies_and_resolves_but_neither_opens_threads_nor_decides(
    client, leader, submitted_canvas, thread
):
    client.force_login(leader)
    page = client.get(review_url(submitted_canvas, 1)).content.decode()
    assert "เพิ่มช่องทางไลน์ด้วยไหม" in page
    assert "ส่งคำตอบ" in page and "แก้แล้ว ปิดเรื่องนี้" in page
    assert "แสดงความเห็นในช่องนี้" not in page
    assert "บันทึกผลการพิจารณา" not in page


def test_a_member_reads_threads_only(client, member, submitted_canvas, thread):
    client.force_login(member)
    page = client.get(review_url(submitted_canvas, 1)).content.decode()
    assert "เพิ่มช่องทางไลน์ด้วยไหม" in page
    for control in ("ส่งคำตอบ", "แก้แล้ว ปิดเรื่องนี้", "แสดงความเห็นในช่องนี้", "บันทึกผลการพิจารณา"):
        assert control not in page


def test_an_older_version_shows_its_history_without_new_comments_or_decision(
    client, assigned_mentor, resubmitted_canvas, thread
):
    client.force_login(assigned_mentor)
    page = client.get(review_url(resubmitted_canvas, 1)).content.decode()
    assert "ฉบับนี้ไม่ใช่ฉบับล่าสุด" in page
    assert "เพิ่มช่องทางไลน์ด้วยไหม" in page
    assert "แสดงความเห็นในช่องนี้" not in page and "บันทึกผลการพิจารณา" not in page


def test_open_threads_show_on_the_new_version_marked_with_their_version(
    client, assigned_mentor, leader, resubmitted_canvas, thread
):
    second = resubmitted_canvas.versions.get(number=2)
    old_resolved = reviews.comment_reply(thread=thread, body="x", by=leader).thread
    gone = reviews.comment_create(
        version=second, block_key="key_partners", body="ภาคีครบแล้ว", by=assigned_mentor
    ).thread
    reviews.thread_resolve(thread=gone, by=leader)
    client.force_login(assigned_mentor)
    page = client.get(review_url(resubmitted_canvas, 2)).content.decode()
    assert old_resolved.pk == thread.pk
    channels = page[
        page.index('id="block-channels"') : page.index('id="block-customer_relationships"')
    ]
    assert "จากฉบับที่ 1" in channels and "เพิ่มช่องทางไลน์ด้วยไหม" in channels
    # Version 2's own resolved thread: collapsed to a count, its text a link away.
    assert "ภาคีครบแล้ว" not in page and "ดูเรื่องที่แก้แล้ว 1 เรื่อง" in page
    resolved = resolved_url(resubmitted_canvas, 2, "key_partners")
    assert f'href="{resolved}"' in page.replace("&amp;", "&")
    shown = client.get(resolved).content.decode()
    assert "ภาคีครบแล้ว" in shown and "แก้แล้ว" in shown

    reviews.thread_resolve(thread=thread, by=leader)
    page = client.get(review_url(resubmitted_canvas, 2)).content.decode()
    assert "เพิ่มช่องทางไลน์ด้วยไหม" not in page
    assert (
        "เพิ่มช่องทางไลน์ด้วยไหม"
        in client.get(resolved_url(resubmitted_canvas, 1, "channels")).content.decode()
    )


def test_comment_text_is_shown_as_text_with_its_line_breaks(
    client, leader, staff_south, submitted_canvas, version
):
    reviews.comment_create(
        version=version,
        block_key="channels",
        body='<script>alert("x")</script>\nบรรทัดที่สอง <b>หนา</b>',
        by=staff_south,
    )
    for url in (
        review_url(submitted_canvas, 1),
        reverse("canvases:detail", args=[submitted_canvas.pk]),
    ):
        client.force_login(leader)
        page = client.get(url).content.decode()
        assert "<script>alert" not in page and "<b>หนา</b>" not in page
        assert (
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>บรรทัดที่สอง &lt;b&gt;หนา&lt;/b&gt;"
            in page
        )


def test_a_reviewer_comments_and_comes_back_to_the_thread(
    client, assigned_mentor, submitted_canvas, version
):
    client.force_login(assigned_mentor)
    response = client.post(
        reverse("canvases:comment_create", args=[submitted_canvas.pk]),
        {"version": version.pk, "block": "revenue_streams", "body": "ราคานี้รวมอาหารไหม"},
    )
    thread = CommentThread.objects.get()
    assert response.status_code == 302
    # `?thread=` has the page show the thread however many others the block holds.
    assert (
        response.url == review_url(submitted_canvas, 1) + f"?thread={thread.pk}#thread-{thread.pk}"
    )
    assert (thread.block_key, thread.opened_by) == ("revenue_streams", assigned_mentor)
    page = client.get(response.url).content.decode()
    assert "บันทึกความเห็นแล้ว" in page and "ราคานี้รวมอาหารไหม" in page


@pytest.mark.parametrize(
    "back,expected",
    [("", "editor"), ("1", "review"), ("9", "review"), ("abc", "editor")],
)
def test_a_reply_goes_back_where_it_was_written(
    client, leader, submitted_canvas, thread, back, expected
):
    client.force_login(leader)
    response = client.post(
        reverse("canvases:thread_reply", args=[submitted_canvas.pk, thread.pk]),
        {"body": "เพิ่มไลน์แล้ว", "back": back},
    )
    if back == "abc":  # a broken return address is bad input: the reply waits on the page
        assert response.status_code == 400
        assert thread.comments.count() == 1
        return
    assert response.status_code == 302
    target = (
        reverse("canvases:detail", args=[submitted_canvas.pk])
        if expected == "editor"
        else review_url(submitted_canvas, 1) + f"?thread={thread.pk}"
    )
    assert response.url == target + f"#thread-{thread.pk}"
    assert thread.comments.count() == 2


def test_resolve_and_reopen_from_the_page(client, leader, submitted_canvas, thread):
    client.force_login(leader)
    url = reverse("canvases:thread_resolve", args=[submitted_canvas.pk, thread.pk])
    response = client.post(url, {"body": "", "back": "1"})
    assert response.status_code == 302
    # Back on the review page opened on the thread, which resolved would be folded away.
    assert (
        response.url == review_url(submitted_canvas, 1) + f"?thread={thread.pk}#thread-{thread.pk}"
    )
    thread.refresh_from_db()
    assert not thread.is_open and thread.resolved_by == leader
    page = client.get(response.url).content.decode()
    assert "เปิดเรื่องนี้อีกครั้ง" in page and "ส่งคำตอบ" not in page

    client.post(reverse("canvases:thread_reopen", args=[submitted_canvas.pk, thread.pk]), {})
    thread.refresh_from_db()
    assert thread.is_open


def test_the_author_edits_their_comment_on_its_own_page(
    client, assigned_mentor, submitted_canvas, thread
):
    comment = thread.comments.get()
    url = reverse("canvases:comment_edit", args=[submitted_canvas.pk, comment.pk])
    client.force_login(assigned_mentor)
    review = client.get(review_url(submitted_canvas, 1)).content.decode()
    assert url in review
    assert "เพิ่มช่องทางไลน์ด้วยไหม" in client.get(url).content.decode()
    response = client.post(url, {"body": "เพิ่มไลน์และวอตส์แอป"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.body == "เพิ่มไลน์และวอตส์แอป" and comment.edited_at
    assert "แก้ไขแล้ว" in client.get(review_url(submitted_canvas, 1)).content.decode()


def test_the_edit_link_goes_once_someone_replies(
    client, assigned_mentor, leader, submitted_canvas, thread
):
    comment = thread.comments.get()
    url = reverse("canvases:comment_edit", args=[submitted_canvas.pk, comment.pk])
    reviews.comment_reply(thread=thread, body="รับทราบ", by=leader)
    client.force_login(assigned_mentor)
    assert url not in client.get(review_url(submitted_canvas, 1)).content.decode()
    response = client.post(url, {"body": "เปลี่ยน"})
    assert response.status_code == 409
    assert "มีผู้ตอบความเห็นนี้แล้ว" in response.content.decode()
    comment.refresh_from_db()
    assert comment.body == "เพิ่มช่องทางไลน์ด้วยไหม"


def test_a_decision_on_the_review_page(client, assigned_mentor, leader, submitted_canvas):
    client.force_login(assigned_mentor)
    response = client.post(
        reverse("canvases:review", args=[submitted_canvas.pk]),
        {"decision": "request_changes", "summary": "เพิ่มช่องทางไลน์", "version": 1},
    )
    assert response.status_code == 302
    assert response.url == review_url(submitted_canvas, 1) + "#decision"
    submitted_canvas.refresh_from_db()
    assert submitted_canvas.status == CanvasStatus.CHANGES_REQUESTED
    page = client.get(response.url).content.decode()
    assert "บันทึกผลการพิจารณาแล้ว" in page
    assert "บันทึกผลการพิจารณา</button>" not in page  # nothing left to decide
    client.force_login(leader)
    timeline = client.get(reverse("canvases:detail", args=[submitted_canvas.pk])).content.decode()
    assert "ขอให้ปรับแก้" in timeline and "เพิ่มช่องทางไลน์" in timeline


# --- the editor ---------------------------------------------------------------


def test_the_leader_sees_open_threads_beside_their_block_in_the_editor(
    client, leader, resubmitted_canvas, thread, assigned_mentor
):
    reviews.review_decide(
        version=resubmitted_canvas.versions.get(number=2),
        by=assigned_mentor,
        decision="request_changes",
        summary="อีกนิด",
    )
    resolved = reviews.comment_create(
        version=resubmitted_canvas.versions.get(number=2),
        block_key="cost_structure",
        body="ต้นทุนครบแล้ว",
        by=assigned_mentor,
    ).thread
    reviews.thread_resolve(thread=resolved, by=leader)
    client.force_login(leader)
    page = client.get(reverse("canvases:detail", args=[resubmitted_canvas.pk])).content.decode()
    assert 'id="canvas-editor"' in page
    channels = page[
        page.index('id="block-channels"') : page.index('id="block-customer_relationships"')
    ]
    assert "เพิ่มช่องทางไลน์ด้วยไหม" in channels and "จากฉบับที่ 1" in channels
    assert f'form="thread-{thread.pk}-form"' in channels
    assert "ต้นทุนครบแล้ว" not in page  # resolved threads stay in the history
    # The thread's form sits outside the editor's form (forms may not nest).
    editor_end = page.index("</form>", page.index('id="canvas-editor"'))
    assert page.index(f'id="thread-{thread.pk}-form"') > editor_end


def test_a_mentor_reads_the_canvas_but_gets_no_editor(client, assigned_mentor, submitted_canvas):
    client.force_login(assigned_mentor)
    page = client.get(reverse("canvases:detail", args=[submitted_canvas.pk])).content.decode()
    assert 'id="canvas-editor"' not in page and "<textarea" not in page
    assert review_url(submitted_canvas, 1) in page


def test_the_assigned_mentor_reads_the_groups_canvas_list(
    client, assigned_mentor, submitted_canvas, group
):
    client.force_login(assigned_mentor)
    page = client.get(reverse("canvases:group_list", args=[group.pk])).content.decode()
    assert "ล่องคลองมะรุย" in page
    assert "สร้างแผนใหม่" not in page


def test_nothing_was_written_by_reading(client, assigned_mentor, submitted_canvas, thread):
    client.force_login(assigned_mentor)
    client.get(review_url(submitted_canvas, 1))
    assert Comment.objects.count() == 1


def test_every_link_a_mentor_gets_on_the_review_page_opens(
    client, assigned_mentor, submitted_canvas, thread
):
    """Mentors cannot open the group's own page: the group name leads to its follow-ups."""
    import re

    client.force_login(assigned_mentor)
    page = client.get(review_url(submitted_canvas, 1)).content.decode()
    links = set(re.findall(r'href="(/(?:groups|canvases|mentors)/[^"#]*)', page))
    assert reverse("mentors:group_follow_ups", args=[submitted_canvas.group_id]) in links
    for link in links:
        response = client.get(link.replace("&amp;", "&"), follow=True)
        assert response.status_code == 200, link
