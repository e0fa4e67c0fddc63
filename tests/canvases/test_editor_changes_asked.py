"""The editor after a request for changes: the decision on top, each open thread at its block."""

import re

import pytest
from django.urls import reverse

from canvases import reviews, services
from canvases.blocks import PHONE_ORDER


@pytest.fixture
def changes_asked(submitted_canvas, version, thread, assigned_mentor):
    reviews.comment_create(
        version=version, block_key="cost_structure", body="ต้นทุนแรงงานด้วย", by=assigned_mentor
    )
    reviews.review_decide(
        version=version,
        by=assigned_mentor,
        decision="request_changes",
        summary="เพิ่มช่องทางออนไลน์ และคิดต้นทุนแรงงาน",
    )
    return submitted_canvas


def top_section(page):
    match = re.search(
        r'<section class="alert alert-warning changes-asked".*?</section>', page, re.S
    )
    assert match, "no decision summary on the page"
    return match.group(0)


def test_the_decision_is_on_top_with_who_when_and_the_text(
    as_leader, changes_asked, assigned_mentor
):
    page = as_leader.get(changes_asked.get_absolute_url()).content.decode()
    top = top_section(page)
    assert "ผู้พิจารณาขอให้ปรับแก้ฉบับที่ 1" in top
    assert assigned_mentor.name in top
    assert "เพิ่มช่องทางออนไลน์ และคิดต้นทุนแรงงาน" in top
    # Buddhist-era year through the shared filter.
    assert re.search(r"25[6-9]\d", top)
    # Above the editor's blocks.
    assert page.index("changes-asked") < page.index('id="canvas-editor"')


def test_the_blocks_with_open_threads_are_listed_in_page_order_and_link_to_their_block(
    as_leader, changes_asked
):
    top = top_section(as_leader.get(changes_asked.get_absolute_url()).content.decode())
    links = re.findall(r'href="#block-(\w+)"', top)
    order = [b.key for b in PHONE_ORDER]
    assert links == sorted(["channels", "cost_structure"], key=order.index)
    assert "(1 เรื่อง)" in top


def test_each_open_thread_stays_at_its_block_with_a_reply_box(as_leader, changes_asked, thread):
    page = as_leader.get(changes_asked.get_absolute_url()).content.decode()
    card = page[
        page.index('id="block-channels"') : page.index(
            'id="block-', page.index('id="block-channels"') + 1
        )
    ]
    assert "เพิ่มช่องทางไลน์ด้วยไหม" in card
    assert f'id="reply-body-{thread.pk}"' in card
    assert f'<label class="visually-hidden" for="reply-body-{thread.pk}">' in card
    reply = reverse("canvases:thread_reply", args=[changes_asked.pk, thread.pk])
    # The reply comes back to its thread.
    assert f'action="{reply}#thread-{thread.pk}"' in page


def test_a_resolved_thread_leaves_the_list(as_leader, changes_asked, thread, leader):
    reviews.thread_resolve(thread=thread, by=leader)
    top = top_section(as_leader.get(changes_asked.get_absolute_url()).content.decode())
    assert "#block-channels" not in top
    assert "#block-cost_structure" in top


def test_no_summary_while_a_draft_has_no_open_thread(as_leader, filled_canvas):
    page = as_leader.get(filled_canvas.get_absolute_url()).content.decode()
    assert "changes-asked" not in page


def test_no_summary_once_sent_again(as_leader, changes_asked, leader):
    services.canvas_submit(canvas=changes_asked, by=leader)
    page = as_leader.get(changes_asked.get_absolute_url()).content.decode()
    assert "ผู้พิจารณาขอให้ปรับแก้" not in page


def test_the_reviewer_sees_the_same_summary(client, changes_asked, assigned_mentor):
    client.force_login(assigned_mentor)
    top = top_section(client.get(changes_asked.get_absolute_url()).content.decode())
    assert "เพิ่มช่องทางออนไลน์" in top
