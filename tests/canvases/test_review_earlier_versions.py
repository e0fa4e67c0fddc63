"""The review page of version N>1 leads to the comparison with N-1 and to the threads of
earlier versions, with the leader's replies, beside each block."""

import pytest
from django.urls import reverse

from canvases import reviews


def review_page(client, canvas, number):
    response = client.get(reverse("canvases:version_review", args=[canvas.pk, number]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def answered_and_resolved(resubmitted_canvas, thread, leader):
    """The thread of version 1 answered by the leader and resolved: not carried onto v2."""
    reviews.comment_reply(thread=thread, body="เพิ่มไลน์ของกลุ่มแล้วค่ะ", by=leader)
    reviews.thread_resolve(thread=thread, by=leader)
    return thread


def earlier_link(canvas, number, key):
    """The block's threads of an earlier version (the page keeps them behind a link)."""
    return reverse("canvases:review_block_threads", args=[canvas.pk, number, key]) + "?state=all"


@pytest.mark.parametrize("persona", ["assigned_mentor", "leader", "member", "staff_south"])
def test_version_2_links_to_the_comparison_with_version_1(
    request, client, resubmitted_canvas, persona
):
    client.force_login(request.getfixturevalue(persona))
    page = review_page(client, resubmitted_canvas, 2)
    compare = reverse("canvases:compare", args=[resubmitted_canvas.pk]) + "?a=1&amp;b=2"
    assert f'href="{compare}">เปรียบเทียบกับฉบับที่ 1</a>' in page


def test_version_1_has_nothing_to_compare_with(client, assigned_mentor, submitted_canvas):
    client.force_login(assigned_mentor)
    page = review_page(client, submitted_canvas, 1)
    assert "เปรียบเทียบกับฉบับที่" not in page and "ความเห็นและคำตอบในฉบับก่อน" not in page


def test_resolved_threads_of_version_1_are_reachable_from_version_2(
    client, assigned_mentor, resubmitted_canvas, answered_and_resolved
):
    client.force_login(assigned_mentor)
    page = review_page(client, resubmitted_canvas, 2)
    # Resolved on v1, so not shown on v2 itself...
    assert "เพิ่มไลน์ของกลุ่มแล้วค่ะ" not in page
    # ...but linked from the block it was about.
    block = page[page.index('id="block-channels"') :]
    block = block[: block.index("</section>")]
    link = earlier_link(resubmitted_canvas, 1, "channels")
    assert f'href="{link}">ฉบับที่ 1 (1 เรื่อง)</a>' in block
    assert "ความเห็นและคำตอบในฉบับก่อน" in block
    # Other blocks had no threads on v1: no link there.
    other = page[page.index('id="block-customer_segments"') :]
    assert "ความเห็นและคำตอบในฉบับก่อน" not in other[: other.index("</section>")]
    # The link's page holds the thread with the leader's reply.
    earlier = client.get(link.replace("&amp;", "&")).content.decode()
    assert 'id="block-threads-channels-all"' in earlier
    assert "เพิ่มช่องทางไลน์ด้วยไหม" in earlier and "เพิ่มไลน์ของกลุ่มแล้วค่ะ" in earlier


def test_an_open_thread_carried_over_is_also_linked(client, leader, resubmitted_canvas, thread):
    client.force_login(leader)
    page = review_page(client, resubmitted_canvas, 2)
    assert "จากฉบับที่ 1" in page  # carried onto v2, as before
    assert f'href="{earlier_link(resubmitted_canvas, 1, "channels")}"' in page


def test_the_links_to_earlier_threads_cost_one_query_for_any_number_of_versions(
    client, leader, long_history_canvas, staff_south
):
    """A thread on each of 50 versions: the review page of v50 (49 earlier versions with
    threads) runs as many queries as v2's (one)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from canvases.models import Comment, CommentThread

    canvas = long_history_canvas
    for version in canvas.versions.all():
        made = CommentThread.objects.create(
            canvas=canvas, version=version, block_key="channels", opened_by=staff_south
        )
        Comment.objects.create(thread=made, author=staff_south, body="ความเห็น")
        made.resolved_at, made.resolved_by = made.opened_at, leader
        made.save()
    client.force_login(leader)

    def queries(number):
        url = reverse("canvases:version_review", args=[canvas.pk, number])
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            page = client.get(url).content.decode()
        return len(captured.captured_queries), page

    few, _ = queries(2)
    many, page = queries(50)
    assert few == many
    assert page.count("เรื่อง)</a>") == 49  # one link per earlier version with a thread
