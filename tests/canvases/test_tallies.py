"""The dashboards' summary rows follow every change of a canvas's state, in its transaction."""

import datetime

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from canvases import services, tallies
from canvases.models import DecisionTally, GroupTally, MonthTally
from tests import factories


def snapshot():
    """Every summary row, as comparable tuples."""
    return (
        sorted(
            GroupTally.objects.values_list(
                "group_id", "draft", "submitted", "changes_requested", "approved", "waiting_since"
            )
        ),
        sorted(MonthTally.objects.values_list("group_id", "month", "submitted", "approved")),
        sorted(
            DecisionTally.objects.values_list(
                "event_id", "group_id", "decided_at", "approved", "waited_days"
            )
        ),
    )


def recounted():
    """What a full recount from the canvases, versions and events gives."""
    before = snapshot()
    tallies.refresh_groups(None)
    after = snapshot()
    return before, after


def fill(canvas, leader, round_):
    blocks = {key: f"{text} {round_}" for key, text in factories.THAI_BLOCKS.items()}
    services.canvas_save_blocks(
        canvas=canvas, by=leader, blocks=blocks, base_revision=canvas.revision, save_id=round_
    )


def test_each_step_of_the_workflow_leaves_the_rows_a_recount_would_give(group, leader, staff_south):
    canvas = services.canvas_create(group=group, by=leader, title="ล่องคลองมะรุย")
    other = services.canvas_create(group=group, by=leader, title="มะละกอทอดกรอบ")
    assert GroupTally.objects.get(group=group).draft == 2
    fill(canvas, leader, "r1")
    version = services.canvas_submit(canvas=canvas, by=leader)
    before, after = recounted()
    assert before == after
    tally = GroupTally.objects.get(group=group)
    assert (tally.draft, tally.submitted, tally.waiting_since) == (1, 1, version.submitted_at)

    services.canvas_request_changes(canvas=canvas, version=version, by=staff_south, summary="แก้")
    fill(canvas, leader, "r2")
    second = services.canvas_submit(canvas=canvas, by=leader)
    services.canvas_approve(canvas=canvas, version=second, by=staff_south)
    fill(other, leader, "r3")
    services.canvas_submit(canvas=other, by=leader)
    services.canvas_revise(canvas=canvas, by=leader)
    before, after = recounted()
    assert before == after

    tally = GroupTally.objects.get(group=group)
    assert (tally.draft, tally.submitted, tally.changes_requested, tally.approved) == (1, 1, 0, 0)
    month = timezone.localdate().replace(day=1)
    assert MonthTally.objects.get(group=group, month=month).submitted == 3
    assert MonthTally.objects.get(group=group, month=month).approved == 1
    decisions = DecisionTally.objects.filter(group=group).order_by("decided_at")
    assert [d.approved for d in decisions] == [False, True]
    assert all(0 <= d.waited_days < 1 for d in decisions)


def test_a_refused_change_leaves_the_rows_untouched(group, leader, member):
    canvas = services.canvas_create(group=group, by=leader, title="ล่องคลองมะรุย")
    before = snapshot()
    with pytest.raises(services.CanvasRefused):
        services.canvas_submit(canvas=canvas, by=leader)  # nine blocks still empty
    with pytest.raises(services.CanvasRefused):
        services.canvas_revise(canvas=canvas, by=member)
    assert snapshot() == before


def test_a_change_rolled_back_takes_its_counts_with_it(group, leader):
    canvas = services.canvas_create(group=group, by=leader, title="ล่องคลองมะรุย")
    fill(canvas, leader, "r1")
    before = snapshot()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.canvas_submit(canvas=canvas, by=leader)
        raise RuntimeError("the request failed after the submission")
    assert snapshot() == before


def test_the_waiting_time_and_month_are_counted_in_bangkok(group, leader, staff_south):
    canvas = services.canvas_create(group=group, by=leader, title="ล่องคลองมะรุย")
    fill(canvas, leader, "r1")
    version = services.canvas_submit(canvas=canvas, by=leader)
    # Sent on 31 October 23:30 in Bangkok (16:30 UTC): October there.
    sent = datetime.datetime(2026, 10, 31, 16, 30, tzinfo=datetime.UTC)
    type(version).objects.filter(pk=version.pk).update(submitted_at=sent)
    tallies.refresh_group(group.pk)
    assert MonthTally.objects.get(group=group).month == datetime.date(2026, 10, 1)
    assert GroupTally.objects.get(group=group).waiting_since == sent


@pytest.mark.django_db
def test_the_dashboard_shows_an_approval_the_moment_it_is_made(client, group, leader, staff_south):
    canvas = services.canvas_create(group=group, by=leader, title="ล่องคลองมะรุย")
    fill(canvas, leader, "r1")
    version = services.canvas_submit(canvas=canvas, by=leader)
    client.force_login(staff_south)

    def figures():
        total = client.get(reverse("dashboards:index")).context["data"].total
        return total.submitted, total.approved, total.approved_tambons

    assert figures() == (1, 0, 0)
    services.canvas_approve(canvas=canvas, version=version, by=staff_south)
    assert figures() == (0, 1, 1)
