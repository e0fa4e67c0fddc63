"""Reads of the review: threads carried over to later versions, and the review queues."""

import datetime

import pytest
from django.utils import timezone

from canvases import reviews, selectors, services
from canvases.models import CanvasStatus
from tests import factories


def keys_and_pks(grouped):
    return {key: [t.pk for t in threads] for key, threads in grouped.items() if threads}


def test_open_threads_show_on_the_same_block_of_the_next_version_resolved_ones_stay(
    resubmitted_canvas, thread, staff_south, leader
):
    first, second = (resubmitted_canvas.versions.get(number=n) for n in (1, 2))
    resolved = reviews.comment_create(
        version=second, block_key="revenue_streams", body="ราคาชัดแล้ว", by=staff_south
    ).thread
    reviews.thread_resolve(thread=resolved, by=leader)
    new = reviews.comment_create(
        version=second, block_key="channels", body="ไลน์ดีแล้ว", by=staff_south
    ).thread

    on_second = selectors.threads_for_version(second)
    assert keys_and_pks(on_second) == {
        "channels": [thread.pk, new.pk],  # carried from version 1, then version 2's own
        "revenue_streams": [resolved.pk],
    }
    assert on_second["channels"][0].version.number == 1
    assert keys_and_pks(selectors.threads_for_version(first)) == {"channels": [thread.pk]}

    reviews.thread_resolve(thread=thread, by=leader)
    assert keys_and_pks(selectors.threads_for_version(second)) == {
        "channels": [new.pk],
        "revenue_streams": [resolved.pk],
    }
    # Resolved, it stays in the history of the version it was written on.
    assert keys_and_pks(selectors.threads_for_version(first)) == {"channels": [thread.pk]}


def test_later_threads_do_not_show_on_earlier_versions(resubmitted_canvas, staff_south):
    first, second = (resubmitted_canvas.versions.get(number=n) for n in (1, 2))
    later = reviews.comment_create(
        version=second, block_key="key_partners", body="x", by=staff_south
    ).thread
    assert later.pk not in [t.pk for t in selectors.threads_for_version(first)["key_partners"]]


def test_threads_of_another_canvas_never_show(thread, group, leader, staff_south):
    other = services.canvas_create(group=group, by=leader, title="มะละกอทอดกรอบ")
    version = factories.CanvasVersionFactory(canvas=other, number=1)
    other.version_count = 1
    other.save()
    assert keys_and_pks(selectors.threads_for_version(version)) == {}
    assert keys_and_pks(selectors.open_threads_of_canvas(other)) == {}


def test_the_editor_reads_every_open_thread_of_the_canvas(resubmitted_canvas, thread, leader):
    assert keys_and_pks(selectors.open_threads_of_canvas(resubmitted_canvas)) == {
        "channels": [thread.pk]
    }
    reviews.thread_resolve(thread=thread, by=leader)
    assert keys_and_pks(selectors.open_threads_of_canvas(resubmitted_canvas)) == {}


# --- review queue -------------------------------------------------------------


@pytest.fixture
def waiting(group, assigned_mentor, leader):
    """Three canvases of the mentor's group: two waiting (submitted 5 and 2 days ago), one draft."""
    rows = []
    for days, title in ((2, "ข"), (5, "ก")):
        canvas = factories.CanvasFactory(
            group=group, title=title, status=CanvasStatus.SUBMITTED, version_count=1
        )
        rows.append(
            factories.CanvasVersionFactory(
                canvas=canvas,
                number=1,
                submitted_at=timezone.now() - datetime.timedelta(days=days),
            )
        )
    factories.CanvasFactory(group=group, title="ร่าง")
    return rows


def test_a_mentors_queue_is_their_groups_latest_submitted_versions_oldest_first(
    waiting, assigned_mentor, unassigned_mentor
):
    queue = selectors.with_days_waiting(selectors.review_queue(assigned_mentor))
    assert [v.pk for v in queue] == [waiting[1].pk, waiting[0].pk]
    assert [v.days_waiting for v in queue] == [5, 2]
    assert list(selectors.review_queue(unassigned_mentor)) == []


def test_only_the_latest_version_of_a_submitted_canvas_waits(
    resubmitted_canvas, assigned_mentor, staff_south
):
    queue = list(selectors.review_queue(assigned_mentor))
    assert [(v.canvas_id, v.number) for v in queue] == [(resubmitted_canvas.pk, 2)]
    reviews.review_decide(version=queue[0], by=staff_south, decision="approve")
    assert list(selectors.review_queue(assigned_mentor)) == []


def test_staff_queues_cover_their_region(
    waiting, staff_south, staff_other_region, national_staff, leader, member, outsider
):
    northern = factories.CanvasVersionFactory(
        canvas=factories.CanvasFactory(
            group=factories.CommunityGroupFactory(
                tambon__district__province__region=staff_other_region.region_staff.region
            ),
            status=CanvasStatus.SUBMITTED,
            version_count=1,
        ),
        number=1,
    )
    assert len(selectors.review_queue(staff_south)) == 2
    assert [v.pk for v in selectors.review_queue(staff_other_region)] == [northern.pk]
    assert len(selectors.review_queue(national_staff)) == 3
    for person in (leader, member, outsider):
        assert list(selectors.review_queue(person)) == []
