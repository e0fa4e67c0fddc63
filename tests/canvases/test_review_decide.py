"""The decision on a version: who decides, on which version, and what it changes."""

import pytest

from canvases import reviews
from canvases.models import CanvasEvent, CanvasStatus, EventKind
from canvases.services import CanvasRefused
from tests.canvases.test_canvas_workflow import state


@pytest.mark.parametrize("reviewer", ["assigned_mentor", "staff_south", "national_staff"])
def test_a_reviewer_approves_and_it_is_on_the_timeline(
    request, submitted_canvas, version, reviewer
):
    by = request.getfixturevalue(reviewer)
    canvas = reviews.review_decide(version=version, by=by, decision="approve", summary=" ดีมาก ")
    assert canvas.status == CanvasStatus.APPROVED
    event = CanvasEvent.objects.filter(canvas=submitted_canvas).first()
    assert (event.kind, event.actor, event.version, event.note) == (
        EventKind.APPROVED,
        by,
        version,
        "ดีมาก",
    )


def test_asking_for_changes_sends_the_canvas_back_to_the_leaders(
    submitted_canvas, version, assigned_mentor
):
    reviews.review_decide(
        version=version, by=assigned_mentor, decision="request_changes", summary="เพิ่มช่องทาง"
    )
    submitted_canvas.refresh_from_db()
    assert submitted_canvas.status == CanvasStatus.CHANGES_REQUESTED
    assert submitted_canvas.is_editable
    assert CanvasEvent.objects.filter(canvas=submitted_canvas).first().note == "เพิ่มช่องทาง"


@pytest.mark.parametrize(
    "persona", ["leader", "member", "outsider", "unassigned_mentor", "staff_other_region"]
)
@pytest.mark.parametrize("decision", ["approve", "request_changes"])
def test_others_may_not_decide(request, submitted_canvas, version, persona, decision):
    before = state(submitted_canvas)
    with pytest.raises(CanvasRefused):
        reviews.review_decide(
            version=version, by=request.getfixturevalue(persona), decision=decision, summary="x"
        )
    assert state(submitted_canvas) == before


@pytest.mark.parametrize(
    "decision,summary,message",
    [
        ("delete", "x", "กรุณาเลือกผลการพิจารณา"),
        ("", "x", "กรุณาเลือกผลการพิจารณา"),
        ("request_changes", "   ", "ควรปรับแก้อะไร"),
        ("approve", "ก" * 5001, "ยาวเกิน"),
    ],
)
def test_bad_decisions_are_refused(
    submitted_canvas, version, staff_south, decision, summary, message
):
    before = state(submitted_canvas)
    with pytest.raises(CanvasRefused) as refused:
        reviews.review_decide(version=version, by=staff_south, decision=decision, summary=summary)
    assert message in refused.value.message
    assert state(submitted_canvas) == before


def test_only_the_latest_version_is_decided(resubmitted_canvas, staff_south):
    first = resubmitted_canvas.versions.get(number=1)
    before = state(resubmitted_canvas)
    with pytest.raises(CanvasRefused) as refused:
        reviews.review_decide(version=first, by=staff_south, decision="approve")
    assert "ฉบับล่าสุด" in refused.value.message
    assert state(resubmitted_canvas) == before


def test_a_decided_version_is_not_decided_twice(submitted_canvas, version, staff_south):
    reviews.review_decide(version=version, by=staff_south, decision="approve")
    before = state(submitted_canvas)
    with pytest.raises(CanvasRefused) as refused:
        reviews.review_decide(
            version=version, by=staff_south, decision="request_changes", summary="x"
        )
    assert "ผ่านการพิจารณา" in refused.value.message
    assert state(submitted_canvas) == before


def test_a_mentor_whose_assignment_ended_may_no_longer_decide(
    submitted_canvas, version, assigned_mentor
):
    from mentors.models import Assignment

    Assignment.objects.filter(mentor__user=assigned_mentor).update(
        starts_on="2020-01-01", ends_on="2020-12-31"
    )
    with pytest.raises(CanvasRefused):
        reviews.review_decide(version=version, by=assigned_mentor, decision="approve")
