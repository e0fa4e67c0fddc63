"""The review page keeps long conversations a link away: the first open threads of each
block, the first and last comments of each thread, resolved threads as a count."""

import pytest
from django.urls import reverse

from canvases import reviews, selectors
from canvases.models import Comment, CommentThread
from tests import factories


def review_url(canvas, number, query=""):
    return reverse("canvases:version_review", args=[canvas.pk, number]) + query


def block_url(canvas, number, key, state):
    return reverse("canvases:review_block_threads", args=[canvas.pk, number, key]) + (
        f"?state={state}"
    )


def thread_url(canvas, thread):
    return reverse("canvases:thread", args=[canvas.pk, thread.pk])


@pytest.fixture
def long_thread(thread, leader, assigned_mentor):
    """The channels thread with ten comments, the two sides in turn."""
    for n in range(1, 10):
        reviews.comment_reply(
            thread=thread, body=f"ข้อความที่ {n}", by=leader if n % 2 else assigned_mentor
        )
    return thread


@pytest.fixture
def busy_block(version, assigned_mentor):
    """Four open threads on the revenue block."""
    return [
        reviews.comment_create(
            version=version, block_key="revenue_streams", body=f"เรื่องที่ {n}", by=assigned_mentor
        ).thread
        for n in range(4)
    ]


def test_a_long_thread_shows_its_first_and_last_comments_and_links_to_the_rest(
    client, leader, submitted_canvas, long_thread
):
    client.force_login(leader)
    page = client.get(review_url(submitted_canvas, 1)).content.decode()
    shown = selectors.COMMENTS_HEAD + selectors.COMMENTS_TAIL
    assert page.count('class="comment"') == shown
    assert "เพิ่มช่องทางไลน์ด้วยไหม" in page  # the first...
    assert "ข้อความที่ 9" in page and "ข้อความที่ 8" in page  # ...and the last ones
    assert "ข้อความที่ 5" not in page
    assert "ดูความเห็นทั้งหมด 10 รายการ" in page
    assert f'href="{thread_url(submitted_canvas, long_thread)}#comments"' in page
    # The reply box and the buttons stay on the review page.
    assert f'id="thread-{long_thread.pk}-form"' in page and "แก้แล้ว ปิดเรื่องนี้" in page


def test_the_threads_page_holds_every_comment_and_the_reply_box(
    client, leader, submitted_canvas, long_thread
):
    client.force_login(leader)
    response = client.get(thread_url(submitted_canvas, long_thread))
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('class="comment"') == 10
    assert all(f"ข้อความที่ {n}" in page for n in range(1, 10))
    assert f'id="thread-{long_thread.pk}-form"' in page and "ส่งคำตอบ" in page
    response = client.post(
        reverse("canvases:thread_reply", args=[submitted_canvas.pk, long_thread.pk]),
        {"body": "ตอบจากหน้าความเห็น", "back": "1"},
    )
    assert response.status_code == 302
    assert response.url == review_url(
        submitted_canvas, 1, f"?thread={long_thread.pk}#thread-{long_thread.pk}"
    )


def test_the_author_may_still_edit_their_last_comment_on_both_pages(
    client, leader, submitted_canvas, long_thread
):
    last = long_thread.comments.order_by("-pk").first()
    assert last.author == leader
    edit = reverse("canvases:comment_edit", args=[submitted_canvas.pk, last.pk])
    first_edit = reverse(
        "canvases:comment_edit",
        args=[submitted_canvas.pk, long_thread.comments.order_by("pk")[1].pk],
    )
    client.force_login(leader)
    for url in (review_url(submitted_canvas, 1), thread_url(submitted_canvas, long_thread)):
        page = client.get(url).content.decode()
        assert edit in page and first_edit not in page


def test_a_member_reads_the_thread_without_the_controls(
    client, member, submitted_canvas, long_thread
):
    client.force_login(member)
    page = client.get(thread_url(submitted_canvas, long_thread)).content.decode()
    assert "ข้อความที่ 9" in page
    assert "ส่งคำตอบ" not in page and "แก้แล้ว ปิดเรื่องนี้" not in page


def test_a_block_shows_its_first_open_threads_and_links_to_the_others(
    client, assigned_mentor, submitted_canvas, busy_block
):
    client.force_login(assigned_mentor)
    page = client.get(review_url(submitted_canvas, 1)).content.decode()
    block = page[page.index('id="block-revenue_streams"') :]
    block = block[: block.index("</section>")]
    assert block.count('class="thread ') == selectors.OPEN_THREADS_SHOWN
    assert "4 เรื่องที่ยังไม่แก้" in block  # the badge counts them all
    assert "ดูเรื่องที่ยังไม่แก้ทั้งหมด 4 เรื่อง" in block
    link = block_url(submitted_canvas, 1, "revenue_streams", "open")
    assert f'href="{link}"' in block
    every = client.get(link).content.decode()
    assert every.count('class="thread ') == 4
    assert all(f"เรื่องที่ {n}" in every for n in range(4))
    assert "กลับไปหน้าพิจารณาฉบับที่ 1" in every


def test_a_link_to_a_thread_past_the_first_few_shows_it(
    client, assigned_mentor, submitted_canvas, busy_block
):
    last = busy_block[-1]
    client.force_login(assigned_mentor)
    assert (
        f'id="thread-{last.pk}"' not in client.get(review_url(submitted_canvas, 1)).content.decode()
    )
    page = client.get(review_url(submitted_canvas, 1, f"?thread={last.pk}")).content.decode()
    assert f'id="thread-{last.pk}"' in page and "เรื่องที่ 3" in page


def test_resolved_threads_fold_into_a_count_and_open_on_demand(
    client, leader, submitted_canvas, thread
):
    reviews.thread_resolve(thread=thread, by=leader)
    client.force_login(leader)
    page = client.get(review_url(submitted_canvas, 1)).content.decode()
    assert "เพิ่มช่องทางไลน์ด้วยไหม" not in page
    assert "ดูเรื่องที่แก้แล้ว 1 เรื่อง" in page
    link = block_url(submitted_canvas, 1, "channels", "resolved")
    assert f'href="{link}"' in page and f'hx-get="{link}"' in page
    # Without JavaScript: a whole page. With htmx: the list alone, for the block's slot.
    whole = client.get(link).content.decode()
    assert "<html" in whole and "เพิ่มช่องทางไลน์ด้วยไหม" in whole
    assert "เปิดเรื่องนี้อีกครั้ง" in whole and f'id="thread-{thread.pk}-form"' in whole
    part = client.get(link, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in part and "เพิ่มช่องทางไลน์ด้วยไหม" in part
    # A notification naming the thread still lands on it.
    focused = client.get(review_url(submitted_canvas, 1, f"?thread={thread.pk}")).content.decode()
    assert f'id="thread-{thread.pk}"' in focused and "เพิ่มช่องทางไลน์ด้วยไหม" in focused


def test_a_resolve_from_the_threads_page_goes_back_to_the_review_page(
    client, leader, submitted_canvas, long_thread
):
    client.force_login(leader)
    page = client.get(thread_url(submitted_canvas, long_thread)).content.decode()
    resolve = reverse("canvases:thread_resolve", args=[submitted_canvas.pk, long_thread.pk])
    assert f'formaction="{resolve}"' in page and 'name="back" value="1"' in page


@pytest.mark.parametrize("query", ["?state=closed", "?state="])
def test_a_block_page_refuses_an_unknown_state(client, leader, submitted_canvas, query):
    client.force_login(leader)
    url = reverse("canvases:review_block_threads", args=[submitted_canvas.pk, 1, "channels"])
    assert client.get(url + query).status_code == 404


def test_a_block_page_refuses_an_unknown_block_or_version(client, leader, submitted_canvas):
    client.force_login(leader)
    bad_block = reverse("canvases:review_block_threads", args=[submitted_canvas.pk, 1, "nope"])
    bad_version = reverse(
        "canvases:review_block_threads", args=[submitted_canvas.pk, 9, "channels"]
    )
    assert client.get(bad_block).status_code == 404
    assert client.get(bad_version).status_code == 404


def test_outsiders_and_other_canvases_threads_get_404(
    client, outsider, leader, submitted_canvas, thread, group
):
    client.force_login(outsider)
    assert client.get(thread_url(submitted_canvas, thread)).status_code == 404
    assert client.get(block_url(submitted_canvas, 1, "channels", "open")).status_code == 404
    other = factories.CanvasFactory(group=group)
    client.force_login(leader)
    wrong = reverse("canvases:thread", args=[other.pk, thread.pk])
    assert client.get(wrong).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, submitted_canvas, thread):
    for url in (
        thread_url(submitted_canvas, thread),
        block_url(submitted_canvas, 1, "channels", "open"),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response.url


def test_a_bad_thread_number_is_ignored(client, leader, submitted_canvas, thread):
    client.force_login(leader)
    for query in ("?thread=abc", "?thread=99999999", "?thread=" + "9" * 30, "?thread=²"):
        response = client.get(review_url(submitted_canvas, 1, query))
        assert response.status_code == 200
        assert f'id="thread-{thread.pk}"' in response.content.decode()


def test_reading_writes_nothing(client, assigned_mentor, submitted_canvas, long_thread):
    client.force_login(assigned_mentor)
    before = (Comment.objects.count(), CommentThread.objects.count())
    client.get(thread_url(submitted_canvas, long_thread))
    client.get(block_url(submitted_canvas, 1, "channels", "all"))
    assert (Comment.objects.count(), CommentThread.objects.count()) == before
