"""The life of a canvas: every transition, allowed and refused, one event each."""

import pytest

from canvases import services
from canvases.models import Canvas, CanvasEvent, CanvasStatus, CanvasVersion, EventKind
from canvases.services import CanvasRefused
from tests import factories


def state(canvas):
    fresh = Canvas.objects.get(pk=canvas.pk)
    return fresh.status, fresh.version_count, CanvasEvent.objects.filter(canvas=canvas).count()


# --- create -----------------------------------------------------------------


def test_a_leader_creates_a_draft_with_nine_empty_blocks(group, leader):
    canvas = services.canvas_create(group=group, by=leader, title="  มะละกอทอดกรอบ ")
    assert canvas.title == "มะละกอทอดกรอบ"
    assert canvas.status == CanvasStatus.DRAFT
    assert set(canvas.blocks) == set(factories.THAI_BLOCKS)
    assert canvas.events.get().kind == EventKind.CREATED


@pytest.mark.parametrize("persona", ["member", "staff_south", "national_staff", "outsider"])
def test_only_leaders_create(request, group, persona):
    with pytest.raises(CanvasRefused):
        services.canvas_create(group=group, by=request.getfixturevalue(persona), title="x")
    assert not Canvas.objects.exists()


# --- submit -----------------------------------------------------------------


def test_submitting_freezes_a_numbered_version(filled_canvas, leader):
    version = services.canvas_submit(canvas=filled_canvas, by=leader)

    assert version.number == 1
    assert version.blocks == factories.THAI_BLOCKS
    assert version.submitted_by == leader
    assert version.title == "ล่องคลองมะรุย"
    assert filled_canvas.status == CanvasStatus.SUBMITTED
    event = CanvasEvent.objects.filter(canvas=filled_canvas).first()
    assert event.kind == EventKind.SUBMITTED
    assert event.version == version
    assert event.actor == leader


def test_submitting_needs_all_nine_blocks_and_names_the_empty_ones(canvas, leader):
    services.canvas_save_blocks(
        canvas=canvas,
        by=leader,
        blocks={"customer_segments": "นักท่องเที่ยวไทยและต่างชาติ", "channels": "เพจ"},
        base_revision=0,
        save_id="partial",
    )
    before = state(canvas)
    with pytest.raises(CanvasRefused) as refused:
        services.canvas_submit(canvas=canvas, by=leader)
    message = refused.value.message
    assert "ช่องทาง" in message  # begun but not filled
    assert "ต้นทุน" in message and "คุณค่าที่ส่งมอบ" in message
    assert "กลุ่มลูกค้า" not in message
    assert state(canvas) == before
    assert not CanvasVersion.objects.exists()


@pytest.mark.parametrize("persona", ["member", "staff_south", "national_staff", "outsider"])
def test_only_leaders_submit(request, filled_canvas, persona):
    before = state(filled_canvas)
    with pytest.raises(CanvasRefused):
        services.canvas_submit(canvas=filled_canvas, by=request.getfixturevalue(persona))
    assert state(filled_canvas) == before


def test_a_submitted_canvas_cannot_be_submitted_again(submitted_canvas, leader):
    before = state(submitted_canvas)
    with pytest.raises(CanvasRefused):
        services.canvas_submit(canvas=submitted_canvas, by=leader)
    assert state(submitted_canvas) == before


def test_an_approved_canvas_cannot_be_submitted(approved_canvas, leader):
    before = state(approved_canvas)
    with pytest.raises(CanvasRefused, match="ผ่านการพิจารณา"):
        services.canvas_submit(canvas=approved_canvas, by=leader)
    assert state(approved_canvas) == before


# --- review -----------------------------------------------------------------


@pytest.mark.parametrize("reviewer", ["staff_south", "national_staff"])
def test_staff_of_the_region_and_national_staff_approve(request, submitted_canvas, reviewer):
    by = request.getfixturevalue(reviewer)
    version = submitted_canvas.versions.get()
    services.canvas_approve(canvas=submitted_canvas, version=version, by=by, summary="ผ่าน")
    assert Canvas.objects.get(pk=submitted_canvas.pk).status == CanvasStatus.APPROVED
    event = CanvasEvent.objects.filter(canvas=submitted_canvas).first()
    assert (event.kind, event.actor, event.version, event.note) == (
        EventKind.APPROVED,
        by,
        version,
        "ผ่าน",
    )


def test_request_changes_then_resubmit_makes_version_two(submitted_canvas, leader, staff_south):
    version = submitted_canvas.versions.get()
    services.canvas_request_changes(
        canvas=submitted_canvas, version=version, by=staff_south, summary="เพิ่มรายได้"
    )
    assert submitted_canvas.status == CanvasStatus.CHANGES_REQUESTED
    services.canvas_save_blocks(
        canvas=submitted_canvas,
        by=leader,
        blocks={"revenue_streams": "ค่าล่องเรือ ค่าอาหาร ของฝาก และค่าที่พัก"},
        base_revision=submitted_canvas.revision,
        save_id="after-review",
    )
    second = services.canvas_submit(canvas=submitted_canvas, by=leader)
    assert second.number == 2
    assert CanvasVersion.objects.get(canvas=submitted_canvas, number=1).blocks == (
        factories.THAI_BLOCKS
    )


def test_requesting_changes_needs_a_summary(submitted_canvas, staff_south):
    before = state(submitted_canvas)
    with pytest.raises(CanvasRefused):
        services.canvas_request_changes(
            canvas=submitted_canvas,
            version=submitted_canvas.versions.get(),
            by=staff_south,
            summary="  ",
        )
    assert state(submitted_canvas) == before


@pytest.mark.parametrize(
    "persona", ["leader", "member", "staff_other_region", "outsider", "mentor_user"]
)
@pytest.mark.parametrize("review", [services.canvas_approve, services.canvas_request_changes])
def test_others_may_not_review(request, submitted_canvas, persona, review):
    before = state(submitted_canvas)
    with pytest.raises(CanvasRefused):
        review(
            canvas=submitted_canvas,
            version=submitted_canvas.versions.get(),
            by=request.getfixturevalue(persona),
            summary="x",
        )
    assert state(submitted_canvas) == before


def test_a_draft_cannot_be_reviewed(filled_canvas, staff_south):
    version = factories.CanvasVersionFactory(canvas=filled_canvas, number=1)
    before = state(filled_canvas)
    with pytest.raises(CanvasRefused):
        services.canvas_approve(canvas=filled_canvas, version=version, by=staff_south)
    assert state(filled_canvas) == before


def test_only_the_latest_version_is_reviewed(submitted_canvas, leader, staff_south):
    first = submitted_canvas.versions.get()
    services.canvas_request_changes(
        canvas=submitted_canvas, version=first, by=staff_south, summary="แก้"
    )
    services.canvas_submit(canvas=submitted_canvas, by=leader)
    before = state(submitted_canvas)
    with pytest.raises(CanvasRefused, match="ล่าสุด"):
        services.canvas_approve(canvas=submitted_canvas, version=first, by=staff_south)
    assert state(submitted_canvas) == before


def test_a_version_of_another_canvas_is_refused(submitted_canvas, staff_south, group):
    other = factories.CanvasVersionFactory(canvas=factories.CanvasFactory(group=group), number=1)
    with pytest.raises(CanvasRefused):
        services.canvas_approve(canvas=submitted_canvas, version=other, by=staff_south)


# --- revise -----------------------------------------------------------------


def test_an_approved_canvas_is_revised_into_a_new_draft(approved_canvas, leader):
    services.canvas_revise(canvas=approved_canvas, by=leader)
    assert Canvas.objects.get(pk=approved_canvas.pk).status == CanvasStatus.DRAFT
    assert CanvasEvent.objects.filter(canvas=approved_canvas).first().kind == EventKind.REVISED
    services.canvas_save_blocks(
        canvas=approved_canvas,
        by=leader,
        blocks={"channels": "ช่องทางใหม่ ร้านค้าชุมชน"},
        base_revision=approved_canvas.revision,
        save_id="rev",
    )
    assert services.canvas_submit(canvas=approved_canvas, by=leader).number == 2


@pytest.mark.parametrize("fixture", ["canvas", "submitted_canvas"])
def test_only_an_approved_canvas_is_revised(request, fixture, leader):
    canvas = request.getfixturevalue(fixture)
    before = state(canvas)
    with pytest.raises(CanvasRefused):
        services.canvas_revise(canvas=canvas, by=leader)
    assert state(canvas) == before


@pytest.mark.parametrize("persona", ["member", "staff_south", "national_staff"])
def test_only_leaders_revise(request, approved_canvas, persona):
    before = state(approved_canvas)
    with pytest.raises(CanvasRefused):
        services.canvas_revise(canvas=approved_canvas, by=request.getfixturevalue(persona))
    assert state(approved_canvas) == before
