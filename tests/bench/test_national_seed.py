"""The national data set at a small scale: every count as asked, and idempotent."""

import io

import pytest
from django.core.management import call_command
from django.db import models

from accounts.models import Notification, User
from bench.national import (
    CO_LED_GROUPS,
    HEAVY_REVIEW_COMMENTS,
    MENTOR_GROUPS,
    REVISIONS_PER_VERSION,
    sizes_for,
)
from canvases.models import (
    EDITABLE_STATUSES,
    BlockChange,
    Canvas,
    CanvasVersion,
    Comment,
    CommentThread,
)
from communities.models import CommunityGroup, Membership
from mentors.models import Assignment, Cohort, FollowUp, Mentor

SCALE = 0.005


@pytest.mark.django_db
def test_seed_national_makes_the_asked_counts(real_geography):
    sizes = sizes_for(SCALE)
    call_command("seed_national", "--scale", str(SCALE), stdout=io.StringIO())

    assert User.objects.count() == sizes["users"]
    assert CommunityGroup.objects.count() == sizes["groups"]
    assert Mentor.objects.count() == sizes["mentors"]
    assert Cohort.objects.count() == sizes["cohorts"]
    assert FollowUp.objects.count() == sizes["follow_ups"]
    assert Canvas.objects.count() == sizes["canvases"]
    assert CanvasVersion.objects.count() == sizes["versions"]
    assert Notification.objects.count() == sizes["notifications"]
    # Threads of three comments up to the asked number, plus the heavy review page.
    comments = Comment.objects.count()
    assert sizes["comments"] <= comments <= sizes["comments"] + 3 + HEAVY_REVIEW_COMMENTS
    assert CommentThread.objects.filter(resolved_at__isnull=True).exists()
    # 85% of groups have a mentor; the benchmark's mentor follows up to 30 southern groups.
    assert 0.75 < Assignment.objects.count() / sizes["groups"] < 0.95
    southern = CommunityGroup.objects.filter(tambon__province__region__slug="south").count()
    followed = Assignment.objects.filter(mentor__user__username="bench_mentor").count()
    assert followed == min(MENTOR_GROUPS, southern)
    # Versions carry Thai text in all nine blocks.
    version = CanvasVersion.objects.first()
    assert len(version.blocks) == 9 and all(version.blocks.values())

    # Block history: CHANGES_PER_BLOCK changes of every block before each version,
    # the last one the version's own text, revisions in step with the canvas.
    assert BlockChange.objects.count() == sizes["versions"] * REVISIONS_PER_VERSION
    canvas = version.canvas
    assert canvas.revision == canvas.version_count * REVISIONS_PER_VERSION
    last = BlockChange.objects.filter(canvas=canvas, block_key="channels").order_by("-revision")
    assert last.first().text == canvas.text("channels")
    assert last.first().revision <= canvas.revision
    # Some groups have two leaders and open canvases, for the autosave check.
    co_led = (
        Membership.objects.filter(role="leader")
        .exclude(group__memberships__user__username="bench_leader")
        .values("group_id")
        .annotate(leaders=models.Count("pk"))
        .filter(leaders=2)
        .values_list("group_id", flat=True)
    )
    assert 0 < len(co_led) <= CO_LED_GROUPS
    assert Canvas.objects.filter(group_id__in=co_led, status__in=EDITABLE_STATUSES).exists()

    out = io.StringIO()
    call_command("seed_national", "--scale", str(SCALE), stdout=out)
    assert "already present" in out.getvalue()
    assert User.objects.count() == sizes["users"]
