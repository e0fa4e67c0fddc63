"""The plan and results pages discuss their areas and periods like canvas blocks."""

import pytest
from django.urls import reverse

from canvases import reviews, subjects
from canvases.models import MAX_COMMENT_CHARS, CommentThread
from programme.threads import PLAN_AREA, RESULT
from tests import factories
from tests.programme.conftest import make_result

pytestmark = pytest.mark.django_db

PLAN = subjects.kind_named(PLAN_AREA)


def open_url(kind, object_pk):
    return reverse("canvases:subject_thread_open", args=[kind, object_pk])


def thread_url(name, thread):
    return reverse(f"canvases:subject_thread_{name}", args=[thread.pk])


@pytest.fixture
def thread(group, mentor, mentor_user):
    comment = reviews.thread_open(
        kind=PLAN, subject=group, topic="people", body="<script>alert(1)</script>", by=mentor_user
    )
    return comment.thread


def test_the_mentor_opens_a_thread_from_the_plan_page(client, group, mentor, mentor_user):
    client.force_login(mentor_user)
    page = client.get(reverse("programme:plan", args=[group.pk]))
    assert page.content.decode().count(open_url(PLAN_AREA, group.pk)) == 4  # one per area
    response = client.post(
        open_url(PLAN_AREA, group.pk), {"topic": "networks", "body": "ชวนกลุ่มข้างเคียง"}
    )
    thread = CommentThread.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("programme:plan", args=[group.pk]) + f"#thread-{thread.pk}"
    assert thread.topic == "networks" and thread.opened_by == mentor_user


def test_the_leader_sees_the_thread_escaped_and_no_open_form(client, group, leader, thread):
    client.force_login(leader)
    page = client.get(reverse("programme:plan", args=[group.pk])).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    assert f'id="thread-{thread.pk}"' in page and thread_url("reply", thread) in page
    assert open_url(PLAN_AREA, group.pk) not in page


def test_a_member_reads_the_thread_without_reply_forms(client, group, member, thread):
    client.force_login(member)
    page = client.get(reverse("programme:plan", args=[group.pk])).content.decode()
    assert f'id="thread-{thread.pk}"' in page
    assert thread_url("reply", thread) not in page and open_url(PLAN_AREA, group.pk) not in page


@pytest.mark.parametrize(
    "body, error",
    [("  ", "กรุณาเขียนความเห็นก่อนส่ง"), ("ข" * (MAX_COMMENT_CHARS + 1), "ความเห็นยาวเกิน")],
)
def test_a_bad_new_comment_is_shown_again_with_the_reason_beside_it(
    client, group, mentor, mentor_user, body, error
):
    client.force_login(mentor_user)
    response = client.post(open_url(PLAN_AREA, group.pk), {"topic": "people", "body": body})
    assert response.status_code == 400
    page = response.content.decode()
    assert error in page and "invalid-feedback" in page and "ด้านคน" in page
    assert body.strip() in page
    assert not CommentThread.objects.exists()


def test_an_unknown_area_is_refused_with_the_text_kept(client, group, mentor, mentor_user):
    client.force_login(mentor_user)
    response = client.post(open_url(PLAN_AREA, group.pk), {"topic": "money", "body": "ข้อความ"})
    assert response.status_code == 409 and "ข้อความ" in response.content.decode()


def test_the_leader_replies_and_the_mentor_resolves(client, group, leader, mentor_user, thread):
    client.force_login(leader)
    response = client.post(thread_url("reply", thread), {"body": "จะจัดอบรมเดือนหน้า"})
    assert response.status_code == 302 and response.url.endswith(f"#thread-{thread.pk}")
    assert thread.comments.count() == 2
    client.force_login(mentor_user)
    assert client.post(thread_url("resolve", thread)).status_code == 302
    thread.refresh_from_db()
    assert not thread.is_open
    assert client.post(thread_url("reopen", thread)).status_code == 302
    thread.refresh_from_db()
    assert thread.is_open


def test_an_empty_reply_shows_the_thread_with_the_reason(client, leader, thread):
    client.force_login(leader)
    response = client.post(thread_url("reply", thread), {"body": ""})
    assert response.status_code == 400
    assert "กรุณาเขียนความเห็นก่อนส่ง" in response.content.decode()
    assert thread.comments.count() == 1


def test_a_reply_to_a_resolved_thread_keeps_the_text(client, leader, thread):
    reviews.thread_resolve(thread=thread, by=leader)
    client.force_login(leader)
    response = client.post(thread_url("reply", thread), {"body": "ลืมบอกไป"})
    assert response.status_code == 409 and "ลืมบอกไป" in response.content.decode()


@pytest.mark.parametrize("name", ["reply", "resolve", "reopen"])
def test_members_get_403_and_outsiders_404(
    client, member, outsider, other_mentor_user, thread, name
):
    client.force_login(member)
    assert client.post(thread_url(name, thread), {"body": "ตอบ"}).status_code == 403
    for stranger in (outsider, other_mentor_user):
        client.force_login(stranger)
        assert client.post(thread_url(name, thread), {"body": "ตอบ"}).status_code == 404
    assert thread.comments.count() == 1


def test_opening_is_for_reviewers_only(client, group, leader, outsider, other_mentor_user):
    client.force_login(leader)
    post = {"topic": "people", "body": "ความเห็น"}
    assert client.post(open_url(PLAN_AREA, group.pk), post).status_code == 403
    for stranger in (outsider, other_mentor_user):
        client.force_login(stranger)
        assert client.post(open_url(PLAN_AREA, group.pk), post).status_code == 404
    assert client.post(open_url("no_such_kind", group.pk), post).status_code == 404
    assert not CommentThread.objects.exists()


def test_a_canvas_blocks_thread_is_not_reached_through_these_urls(client, national_staff):
    canvas = factories.CanvasFactory()
    version = factories.CanvasVersionFactory(canvas=canvas, number=1)
    block_thread = CommentThread.objects.create(
        canvas=canvas, version=version, block_key="channels"
    )
    client.force_login(national_staff)
    assert client.post(thread_url("reply", block_thread), {"body": "x"}).status_code == 404


def test_the_author_edits_the_comment_others_may_not(client, group, leader, mentor_user, thread):
    comment = thread.comments.get()
    url = reverse("canvases:subject_comment_edit", args=[comment.pk])
    client.force_login(leader)
    assert client.get(url).status_code == 403
    client.force_login(mentor_user)
    assert client.get(url).status_code == 200
    response = client.post(url, {"body": "แก้แล้ว"})
    assert response.status_code == 302 and response.url.endswith(f"#thread-{thread.pk}")
    comment.refresh_from_db()
    assert comment.body == "แก้แล้ว"
    assert client.post(url, {"body": ""}).status_code == 400


def test_a_result_is_discussed_on_the_results_page(client, group, leader, mentor, mentor_user):
    result = make_result(group)
    client.force_login(mentor_user)
    response = client.post(open_url(RESULT, result.pk), {"topic": "2568-1", "body": "ตรวจต้นทุน"})
    thread = CommentThread.objects.get()
    assert response.url == reverse("programme:results", args=[group.pk]) + f"#thread-{thread.pk}"
    client.force_login(leader)
    page = client.get(reverse("programme:results", args=[group.pk])).content.decode()
    assert "ตรวจต้นทุน" in page and thread_url("reply", thread) in page


def test_another_groups_result_is_404(client, mentor, mentor_user):
    result = make_result(factories.CommunityGroupFactory())
    client.force_login(mentor_user)
    response = client.post(open_url(RESULT, result.pk), {"topic": "2568-1", "body": "x"})
    assert response.status_code == 404
