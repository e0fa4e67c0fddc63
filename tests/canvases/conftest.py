"""Canvases of the personas' group, in the states the workflow knows, and reviewers."""

import datetime

import pytest

from accounts.models import Role
from canvases import services
from canvases.models import CanvasStatus
from tests import factories


@pytest.fixture
def canvas(group, leader):
    return services.canvas_create(group=group, by=leader, title="ล่องคลองมะรุย")


@pytest.fixture
def filled_canvas(canvas, leader):
    services.canvas_save_blocks(
        canvas=canvas,
        by=leader,
        blocks=dict(factories.THAI_BLOCKS),
        base_revision=canvas.revision,
        save_id="fill-1",
    )
    return canvas


@pytest.fixture
def submitted_canvas(filled_canvas, leader):
    services.canvas_submit(canvas=filled_canvas, by=leader)
    assert filled_canvas.status == CanvasStatus.SUBMITTED
    return filled_canvas


@pytest.fixture
def approved_canvas(submitted_canvas, staff_south):
    version = submitted_canvas.versions.get(number=1)
    services.canvas_approve(canvas=submitted_canvas, version=version, by=staff_south, summary="ดี")
    return submitted_canvas


@pytest.fixture
def long_history_canvas(group, leader, staff_south):
    """A canvas submitted 50 times, reviewed in between: history of any length costs the same."""
    canvas = services.canvas_create(group=group, by=leader, title="มะละกอทอดกรอบ")
    for n in range(50):
        blocks = {key: f"{text} รอบที่ {n}" for key, text in factories.THAI_BLOCKS.items()}
        services.canvas_save_blocks(
            canvas=canvas, by=leader, blocks=blocks, base_revision=canvas.revision, save_id=f"s{n}"
        )
        version = services.canvas_submit(canvas=canvas, by=leader)
        services.canvas_request_changes(
            canvas=canvas, version=version, by=staff_south, summary="แก้"
        )
    return canvas


# --- review personas --------------------------------------------------------


@pytest.fixture
def unassigned_mentor(south, group):
    """A southern mentor whose assignment to the group ended yesterday, and who follows
    another group today."""
    mentor = factories.MentorFactory(
        region=south, user=factories.UserFactory(username="mentor_free", role=Role.MENTOR)
    )
    today = datetime.date.today()
    factories.AssignmentFactory(
        mentor=mentor,
        group=group,
        starts_on=today - datetime.timedelta(days=90),
        ends_on=today - datetime.timedelta(days=1),
    )
    factories.AssignmentFactory(mentor=mentor)
    return mentor.user


@pytest.fixture
def version(submitted_canvas):
    return submitted_canvas.versions.get(number=1)


@pytest.fixture
def thread(version, assigned_mentor):
    """An open thread the assigned mentor wrote on the channels block of version 1."""
    from canvases import reviews

    comment = reviews.comment_create(
        version=version, block_key="channels", body="เพิ่มช่องทางไลน์ด้วยไหม", by=assigned_mentor
    )
    return comment.thread


@pytest.fixture
def resubmitted_canvas(submitted_canvas, version, thread, leader, assigned_mentor):
    """Changes asked on version 1 with the thread still open; version 2 submitted."""
    from canvases import reviews

    reviews.review_decide(
        version=version, by=assigned_mentor, decision="request_changes", summary="เพิ่มช่องทาง"
    )
    services.canvas_save_blocks(
        canvas=submitted_canvas,
        by=leader,
        blocks={"channels": "เพจเฟซบุ๊กและไลน์ของกลุ่ม"},
        base_revision=submitted_canvas.revision,
        save_id="v2",
    )
    services.canvas_submit(canvas=submitted_canvas, by=leader)
    return submitted_canvas


@pytest.fixture
def co_leader(group):
    """A second leader of the personas' group: two people writing one canvas."""
    user = factories.UserFactory(username="co_leader", display_name="สมหญิง")
    factories.MembershipFactory(group=group, user=user, role="leader")
    return user


@pytest.fixture
def as_leader(client, leader):
    client.force_login(leader)
    return client
