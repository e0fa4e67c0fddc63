"""The review page and the editor run a fixed number of queries, 5 comments or 500."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from canvases import selectors, services
from canvases.blocks import BLOCK_KEYS
from canvases.models import Comment, CommentThread
from tests import factories


def commented_canvas(group, leader, reviewer, *, threads, per_thread, title):
    """A canvas sent twice (changes asked in between) with `threads` threads of
    `per_thread` comments each, half on version 1 (open, so carried onto version 2)."""
    canvas = services.canvas_create(group=group, by=leader, title=title)
    services.canvas_save_blocks(
        canvas=canvas,
        by=leader,
        blocks=dict(factories.THAI_BLOCKS),
        base_revision=0,
        save_id=f"{title}-1",
    )
    first = services.canvas_submit(canvas=canvas, by=leader)
    services.canvas_request_changes(canvas=canvas, version=first, by=reviewer, summary="แก้")
    services.canvas_save_blocks(
        canvas=canvas,
        by=leader,
        blocks={"channels": "เพจเฟซบุ๊กและไลน์ของกลุ่ม"},
        base_revision=canvas.revision,
        save_id=f"{title}-2",
    )
    second = services.canvas_submit(canvas=canvas, by=leader)
    writers = [reviewer, leader] + [factories.UserFactory() for _ in range(3)]
    made = CommentThread.objects.bulk_create(
        CommentThread(
            canvas=canvas,
            version=first if n % 2 else second,
            block_key=BLOCK_KEYS[n % len(BLOCK_KEYS)],
            opened_by=reviewer,
        )
        for n in range(threads)
    )
    Comment.objects.bulk_create(
        Comment(thread=thread, author=writers[m % len(writers)], body=f"ความเห็น {m} <b>")
        for thread in made
        for m in range(per_thread)
    )
    # Some resolved, so both kinds are on the page.
    CommentThread.objects.filter(pk__in=[t.pk for t in made[::4]]).update(
        resolved_by=leader, resolved_at="2025-08-01T10:00:00+07:00"
    )
    assert Comment.objects.filter(thread__canvas=canvas).count() == threads * per_thread
    return canvas


@pytest.fixture
def few_and_many(group, leader, assigned_mentor):
    few = commented_canvas(group, leader, assigned_mentor, threads=5, per_thread=1, title="น้อย")
    many = commented_canvas(group, leader, assigned_mentor, threads=50, per_thread=10, title="มาก")
    return few, many


# The review page of a version with 500 comments, in bytes (about 56 KB with no comment).
PAGE_BYTES_BOUND = 120_000


def count_queries(client, url):
    client.get(url)  # warm up the session and the caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries), response.content.decode()


# The version is read with its canvas; the thread counts and the links to earlier
# versions' threads come from one query, whether or not there are earlier versions.
PAGES = [
    ("review page v2", lambda c: reverse("canvases:version_review", args=[c.pk, 2]), 9),
    ("review page v1", lambda c: reverse("canvases:version_review", args=[c.pk, 1]), 9),
    ("editor", lambda c: reverse("canvases:detail", args=[c.pk]), 10),
]


@pytest.mark.parametrize("persona", ["assigned_mentor", "leader", "staff_south"])
@pytest.mark.parametrize("name,url,limit", PAGES, ids=[p[0] for p in PAGES])
def test_fixed_query_count(request, client, few_and_many, persona, name, url, limit):
    few, many = few_and_many
    client.force_login(request.getfixturevalue(persona))
    small, small_page = count_queries(client, url(few))
    large, large_page = count_queries(client, url(many))
    assert large_page.count('class="comment"') > small_page.count('class="comment"') >= 2
    assert small == large, f"{name}: {small} queries with 5 comments, {large} with 500"
    assert small <= limit
    print(f"\n{name} as {persona}: {small} queries with 5 comments and with 500")


def test_the_review_page_of_500_comments_stays_small_enough(client, few_and_many, leader):
    """Per block its first open threads, per thread its first and last comments: a bounded
    page whatever the number of comments; the rest a link away."""
    _few, many = few_and_many
    client.force_login(leader)
    _count, page = count_queries(client, reverse("canvases:version_review", args=[many.pk, 2]))
    shown = selectors.OPEN_THREADS_SHOWN * (selectors.COMMENTS_HEAD + selectors.COMMENTS_TAIL)
    assert page.count('class="comment"') <= 9 * shown
    assert "ดูความเห็นทั้งหมด 10 รายการ" in page and "ดูเรื่องที่ยังไม่แก้ทั้งหมด" in page
    assert "ดูเรื่องที่แก้แล้ว" in page
    assert len(page.encode()) < PAGE_BYTES_BOUND, len(page.encode())


def test_the_review_page_runs_as_many_queries_with_no_comment_as_with_500(
    client, group, leader, assigned_mentor, few_and_many
):
    _few, many = few_and_many
    bare = commented_canvas(group, leader, assigned_mentor, threads=0, per_thread=0, title="ว่าง")
    client.force_login(assigned_mentor)
    empty, _page = count_queries(client, reverse("canvases:version_review", args=[bare.pk, 2]))
    full, page = count_queries(client, reverse("canvases:version_review", args=[many.pk, 2]))
    assert full == empty + 1  # the comments' query, which a page with no thread skips
    assert len(page.encode()) < PAGE_BYTES_BOUND


@pytest.mark.parametrize("state", ["open", "resolved", "all"])
def test_a_blocks_threads_page_runs_a_fixed_number_of_queries(
    client, few_and_many, assigned_mentor, state
):
    few, many = few_and_many
    client.force_login(assigned_mentor)
    # A block that has threads of that state on both canvases (see `commented_canvas`).
    key = BLOCK_KEYS[2] if state == "open" else BLOCK_KEYS[0]

    def url(canvas):
        path = reverse("canvases:review_block_threads", args=[canvas.pk, 2, key])
        return f"{path}?state={state}"

    small, _ = count_queries(client, url(few))
    large, page = count_queries(client, url(many))
    assert small == large <= 12
    assert page.count('class="thread ') <= selectors.BLOCK_THREADS_PER_PAGE


def test_a_threads_page_runs_a_fixed_number_of_queries(client, few_and_many, assigned_mentor):
    few, many = few_and_many
    client.force_login(assigned_mentor)
    first_few = CommentThread.objects.filter(canvas=few).earliest("pk")
    first_many = CommentThread.objects.filter(canvas=many).earliest("pk")
    small, _ = count_queries(client, reverse("canvases:thread", args=[few.pk, first_few.pk]))
    large, page = count_queries(client, reverse("canvases:thread", args=[many.pk, first_many.pk]))
    assert small == large <= 12
    assert page.count('class="comment"') == 10


@pytest.mark.parametrize("number", [1, 2])
def test_a_reviewer_costs_no_more_than_a_leader_once_the_version_is_opened(
    client, few_and_many, leader, assigned_mentor, number
):
    """The first opening is recorded once; after it, and on a version no longer waiting,
    the page already knows there is nothing to record and asks nothing more."""
    _few, many = few_and_many
    url = reverse("canvases:version_review", args=[many.pk, number])
    client.force_login(leader)
    as_leader, _page = count_queries(client, url)
    client.force_login(assigned_mentor)
    as_reviewer, _page = count_queries(client, url)
    opened = many.versions.get(number=number).opened_by
    assert opened == (assigned_mentor if number == 2 else None)  # version 1 no longer waits
    assert as_reviewer == as_leader
