"""Canvases of the personas' group, in the states the workflow knows."""

import pytest

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
