"""Bad input to the review: a clear message, nothing changed, never a 500."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from canvases import reviews, services
from canvases.models import Canvas, CanvasEvent, Comment, CommentThread
from tests import factories


def snapshot(canvas):
    fresh = Canvas.objects.get(pk=canvas.pk)
    return (
        fresh.status,
        fresh.version_count,
        CanvasEvent.objects.count(),
        CommentThread.objects.count(),
        list(Comment.objects.order_by("pk").values_list("body", "edited_at")),
        list(CommentThread.objects.order_by("pk").values_list("resolved_at", flat=True)),
    )


def said(response) -> str:
    """The page's text and its flash messages, for a response or the page it redirects to."""
    text = response.content.decode()
    return text + " ".join(str(m) for m in get_messages(response.wsgi_request))


@pytest.fixture
def other_version(group, leader):
    """Version 1 of another canvas of the same group."""
    other = services.canvas_create(group=group, by=leader, title="มะละกอทอดกรอบ")
    other.version_count = 1
    other.save()
    return factories.CanvasVersionFactory(canvas=other, number=1)


COMMENT_CASES = [
    # what, POST data (version filled in by the test), status, message
    ("empty", {"block": "channels", "body": ""}, 400, "กรุณาเขียนความเห็นก่อนส่ง"),
    ("blank", {"block": "channels", "body": " \n \t"}, 400, "กรุณาเขียนความเห็นก่อนส่ง"),
    ("5,000 characters", {"block": "channels", "body": "ก" * 5000}, 400, "ยาวเกิน"),
    ("50,000 characters", {"block": "channels", "body": "ก" * 50000}, 400, "ยาวเกิน"),
    ("unknown block", {"block": "secret_block", "body": "x"}, 400, "ไม่มีช่องนี้ในแผน"),
    ("no block", {"body": "x"}, 400, "ไม่มีช่องนี้ในแผน"),
    ("long block", {"block": "x" * 500, "body": "x"}, 400, "ไม่มีช่องนี้ในแผน"),
    ("html block", {"block": "<script>", "body": "x"}, 400, "ไม่มีช่องนี้ในแผน"),
]


@pytest.mark.parametrize(
    "data,status,message", [c[1:] for c in COMMENT_CASES], ids=[c[0] for c in COMMENT_CASES]
)
def test_bad_comments(client, staff_south, submitted_canvas, version, data, status, message):
    client.force_login(staff_south)
    before = snapshot(submitted_canvas)
    response = client.post(
        reverse("canvases:comment_create", args=[submitted_canvas.pk]),
        {"version": version.pk, **data},
    )
    assert response.status_code == status
    assert message in said(response)
    assert snapshot(submitted_canvas) == before
    if data.get("body", "").strip() and data.get("block") == "channels":
        assert data["body"][:100] in response.content.decode()  # the typed text is kept


@pytest.mark.parametrize("version_value", ["other", "999999", "abc", "", "-1"])
def test_a_comment_on_a_version_of_another_canvas_or_none(
    client, staff_south, submitted_canvas, other_version, version_value
):
    client.force_login(staff_south)
    before = snapshot(submitted_canvas)
    value = str(other_version.pk) if version_value == "other" else version_value
    response = client.post(
        reverse("canvases:comment_create", args=[submitted_canvas.pk]),
        {"version": value, "block": "channels", "body": "ความเห็น"},
    )
    assert response.status_code == 302
    assert "ไม่พบฉบับนี้ในแผนนี้" in said(response)
    assert snapshot(submitted_canvas) == before


def test_a_comment_on_an_older_version(client, staff_south, resubmitted_canvas):
    client.force_login(staff_south)
    before = snapshot(resubmitted_canvas)
    response = client.post(
        reverse("canvases:comment_create", args=[resubmitted_canvas.pk]),
        {"version": resubmitted_canvas.versions.get(number=1).pk, "block": "channels", "body": "x"},
    )
    assert response.status_code == 409
    assert "เปิดความเห็นใหม่ได้เฉพาะฉบับล่าสุด" in said(response)
    assert snapshot(resubmitted_canvas) == before


@pytest.mark.parametrize(
    "body,status,message",
    [("", 400, "กรุณาเขียนความเห็นก่อนส่ง"), ("ก" * 5000, 400, "ยาวเกิน")],
)
def test_bad_replies_keep_the_text_and_change_nothing(
    client, leader, submitted_canvas, thread, body, status, message
):
    client.force_login(leader)
    before = snapshot(submitted_canvas)
    response = client.post(
        reverse("canvases:thread_reply", args=[submitted_canvas.pk, thread.pk]), {"body": body}
    )
    assert response.status_code == status
    assert message in said(response)
    assert snapshot(submitted_canvas) == before


def test_a_reply_to_a_resolved_thread(client, leader, submitted_canvas, thread):
    reviews.thread_resolve(thread=thread, by=leader)
    client.force_login(leader)
    before = snapshot(submitted_canvas)
    response = client.post(
        reverse("canvases:thread_reply", args=[submitted_canvas.pk, thread.pk]),
        {"body": "ยังมีอีกเรื่อง"},
    )
    assert response.status_code == 409
    assert "ปิดไปแล้ว" in said(response)
    assert "ยังมีอีกเรื่อง" in response.content.decode()
    assert snapshot(submitted_canvas) == before


@pytest.mark.parametrize("body,status", [("", 400), ("ก" * 5000, 400)])
def test_bad_edits(client, assigned_mentor, submitted_canvas, thread, body, status):
    client.force_login(assigned_mentor)
    before = snapshot(submitted_canvas)
    url = reverse("canvases:comment_edit", args=[submitted_canvas.pk, thread.comments.get().pk])
    response = client.post(url, {"body": body})
    assert response.status_code == status
    assert snapshot(submitted_canvas) == before


DECISION_CASES = [
    # What the reviewer typed wrong comes back on the page, beside the field (400); a
    # broken hidden version number is not theirs to fix: a message and the fresh page (302).
    ("no decision", {"summary": "x", "version": 1}, 400, "กรุณาเลือกผลการพิจารณา"),
    ("unknown decision", {"decision": "delete", "version": 1}, 400, "กรุณาเลือกผลการพิจารณา"),
    ("no version", {"decision": "approve"}, 302, "ไม่พบฉบับที่จะพิจารณา"),
    ("version abc", {"decision": "approve", "version": "abc"}, 302, "ไม่พบฉบับที่จะพิจารณา"),
    ("missing version", {"decision": "approve", "version": 9}, 302, "ไม่พบฉบับที่ 9"),
    ("huge version", {"decision": "approve", "version": 10**12}, 302, "ไม่พบฉบับที่จะพิจารณา"),
    (
        "changes without a summary",
        {"decision": "request_changes", "summary": "  ", "version": 1},
        400,
        "กรุณาบอกว่าควรปรับแก้อะไร",
    ),
    (
        "summary too long",
        {"decision": "approve", "summary": "ก" * 5001, "version": 1},
        400,
        "ความเห็นสรุปยาวเกิน 5000 ตัวอักษร",
    ),
]


@pytest.mark.parametrize(
    "data,status,message", [c[1:] for c in DECISION_CASES], ids=[c[0] for c in DECISION_CASES]
)
def test_bad_decisions(client, staff_south, submitted_canvas, data, status, message):
    client.force_login(staff_south)
    before = snapshot(submitted_canvas)
    response = client.post(reverse("canvases:review", args=[submitted_canvas.pk]), data)
    assert response.status_code == status
    assert message in said(response)
    assert snapshot(submitted_canvas) == before


def test_a_decision_on_an_older_version(client, staff_south, resubmitted_canvas):
    client.force_login(staff_south)
    before = snapshot(resubmitted_canvas)
    response = client.post(
        reverse("canvases:review", args=[resubmitted_canvas.pk]),
        {"decision": "approve", "version": 1},
    )
    assert response.status_code == 302
    assert "พิจารณาได้เฉพาะฉบับล่าสุดที่ส่งมา" in said(response)
    assert snapshot(resubmitted_canvas) == before


def test_a_decision_on_a_version_no_longer_waiting(client, staff_south, approved_canvas):
    client.force_login(staff_south)
    before = snapshot(approved_canvas)
    response = client.post(
        reverse("canvases:review", args=[approved_canvas.pk]),
        {"decision": "request_changes", "summary": "แก้", "version": 1},
    )
    assert response.status_code == 302
    assert "จึงยังพิจารณาไม่ได้" in said(response)
    assert snapshot(approved_canvas) == before


def test_a_decision_on_a_canvas_never_submitted(client, staff_south, canvas):
    client.force_login(staff_south)
    response = client.post(
        reverse("canvases:review", args=[canvas.pk]), {"decision": "approve", "version": 1}
    )
    assert response.status_code == 302
    assert response.url == reverse("canvases:detail", args=[canvas.pk])
    assert "ไม่พบฉบับที่ 1" in said(response)


def test_a_missing_review_page_is_404(client, member, submitted_canvas):
    client.force_login(member)
    url = reverse("canvases:version_review", args=[submitted_canvas.pk, 2])
    assert client.get(url).status_code == 404


def test_get_on_post_only_actions_is_405(client, leader, submitted_canvas, thread):
    client.force_login(leader)
    for url in (
        reverse("canvases:comment_create", args=[submitted_canvas.pk]),
        reverse("canvases:thread_reply", args=[submitted_canvas.pk, thread.pk]),
        reverse("canvases:thread_resolve", args=[submitted_canvas.pk, thread.pk]),
        reverse("canvases:review", args=[submitted_canvas.pk]),
    ):
        assert client.get(url).status_code == 405
