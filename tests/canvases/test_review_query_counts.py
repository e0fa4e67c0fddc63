"""The review page and the editor run a fixed number of queries, 5 comments or 500."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from canvases import services
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


def count_queries(client, url):
    client.get(url)  # warm up the session and the caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries), response.content.decode()


PAGES = [
    ("review page v2", lambda c: reverse("canvases:version_review", args=[c.pk, 2]), 12),
    ("review page v1", lambda c: reverse("canvases:version_review", args=[c.pk, 1]), 12),
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
    _few, many = few_and_many
    client.force_login(leader)
    _count, page = count_queries(client, reverse("canvases:version_review", args=[many.pk, 2]))
    # v2's own 25 threads and v1's open ones (those not resolved), 10 comments each.
    assert page.count('class="comment"') == 10 * (25 + sum(1 for n in range(50) if n % 2 and n % 4))
