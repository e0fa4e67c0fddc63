"""Two copies of one save at the same moment: a tab resends a save whose answer was lost
while the first is still being written. The second waits for the canvas's lock and then
must see the first as stored: one save, one revision, and an answer, never a 500.

Ordered by the database's own lock queue, not by sleeping: the first save holds the
canvas's row lock until the second is seen waiting for a lock in pg_stat_activity."""

import threading

import pytest
from django.db import connections, transaction
from django.test import Client
from django.urls import reverse

from canvases import services
from canvases.models import Canvas, CanvasSave
from tests.db_locks import wait_until_it_waits_for_a_lock

pytestmark = pytest.mark.django_db(transaction=True)


def _post_in_a_thread(client, url, data, answers):
    def send():
        try:
            answers.append(client.post(url, data, headers={"X-Autosave": "1"}))
        finally:
            connections.close_all()  # this thread's own connection

    thread = threading.Thread(target=send)
    thread.start()
    return thread


def test_a_save_sent_again_while_the_first_is_written_is_stored_once(canvas, leader):
    save = {"base_revision": 0, "save_id": "twice", "channels": "หน้าสวนและตลาดนัด"}
    client = Client(raise_request_exception=False)  # a failure answers 500, as to a browser
    client.force_login(leader)
    answers = []
    with transaction.atomic():
        locked = Canvas.objects.select_for_update().get(pk=canvas.pk)
        services.canvas_save_blocks_locked(
            canvas=locked,
            by=leader,
            blocks={"channels": save["channels"]},
            base_revision=0,
            save_id=save["save_id"],
        )
        url = reverse("canvases:autosave", args=[canvas.pk])
        second = _post_in_a_thread(client, url, save, answers)
        wait_until_it_waits_for_a_lock(second, "the second save")
    second.join()
    (answer,) = answers
    assert answer.status_code == 200, answer.content
    assert (answer.json()["state"], answer.json()["revision"]) == ("already_saved", 1)
    assert CanvasSave.objects.filter(canvas=canvas, save_id="twice").count() == 1
    canvas.refresh_from_db()
    assert (canvas.revision, canvas.text("channels")) == (1, save["channels"])
