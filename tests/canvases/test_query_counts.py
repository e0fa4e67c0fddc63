"""Every canvas page runs a fixed number of queries, however long the history (50 versions)."""

import pytest
from django.urls import reverse

from tests import factories


@pytest.fixture
def small_history(group, leader, staff_south):
    """The same pages on a canvas with two versions, to show the count does not grow."""
    from canvases import services

    canvas = services.canvas_create(group=group, by=leader, title="สั้น")
    for n in range(2):
        blocks = {k: f"{v} {n}" for k, v in factories.THAI_BLOCKS.items()}
        services.canvas_save_blocks(
            canvas=canvas, by=leader, blocks=blocks, base_revision=canvas.revision, save_id=str(n)
        )
        version = services.canvas_submit(canvas=canvas, by=leader)
        services.canvas_request_changes(canvas=canvas, version=version, by=staff_south, summary="x")
    return canvas


PAGES = [
    ("editor", lambda c: reverse("canvases:detail", args=[c.pk]), 8),
    # The version (or the two compared) read with the canvas, in one query.
    ("version", lambda c: reverse("canvases:version", args=[c.pk, 2]), 5),
    ("compare", lambda c: reverse("canvases:compare", args=[c.pk]) + "?a=1&b=2", 4),
    ("history", lambda c: reverse("canvases:history", args=[c.pk]), 6),
    ("group list", lambda c: reverse("canvases:group_list", args=[c.group_id]), 6),
    ("print", lambda c: reverse("canvases:print", args=[c.pk]) + "?version=2", 6),
]


@pytest.mark.parametrize("name,url,limit", PAGES, ids=[p[0] for p in PAGES])
def test_fixed_query_count(
    client, leader, long_history_canvas, small_history, django_assert_num_queries, name, url, limit
):
    client.force_login(leader)
    for _ in range(3):
        factories.CanvasFactory(group=long_history_canvas.group)
    assert long_history_canvas.version_count == 50
    # Warm up (session, caches), then count on the short and the long history.
    client.get(url(small_history))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as short:
        assert client.get(url(small_history)).status_code == 200
    with django_assert_num_queries(len(short.captured_queries)):
        assert client.get(url(long_history_canvas)).status_code == 200
    assert len(short.captured_queries) <= limit


def test_autosave_is_one_small_request(client, leader, canvas, django_assert_max_num_queries):
    client.force_login(leader)
    client.get(reverse("canvases:detail", args=[canvas.pk]))
    # Session, user, the canvas read locked with whether the user leads its group, the
    # resend check, the canvas's update, the block history, the save's record, and the
    # transaction's start and end (a savepoint inside the test's own transaction).
    with django_assert_max_num_queries(9):
        response = client.post(
            reverse("canvases:autosave", args=[canvas.pk]),
            {"base_revision": 0, "save_id": "q", "channels": "หน้าสวน"},
            headers={"X-Autosave": "1"},
        )
    assert response.json()["state"] == "saved"
    assert len(response.content) < 300


def test_a_resent_save_is_recognised_and_writes_nothing(
    client, leader, canvas, django_assert_max_num_queries
):
    """The resend check runs after the canvas is locked, in a statement of its own: read
    with the canvas, it would not see a save committed while this one waited for the lock."""
    client.force_login(leader)
    save = {"base_revision": 0, "save_id": "again", "channels": "หน้าสวน"}
    url = reverse("canvases:autosave", args=[canvas.pk])
    first = client.post(url, save, headers={"X-Autosave": "1"}).json()
    with django_assert_max_num_queries(7):  # found: nothing written
        again = client.post(url, save, headers={"X-Autosave": "1"}).json()
    assert (first["state"], again["state"]) == ("saved", "already_saved")
    assert again["revision"] == first["revision"] == 1
    later = {**save, "base_revision": 1, "channels": "ตลาดนัด"}
    other = client.post(url, later, headers={"X-Autosave": "1"}).json()
    assert (other["state"], other["revision"]) == ("saved", 2)  # same id, other text: a new save
