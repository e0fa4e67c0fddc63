"""Tests of two changes at once, ordered by the database's own lock queue, not by sleeping."""

import time

import pytest
from django.db import connection

# Only so that a broken build fails instead of hanging; a test never waits this long.
GIVE_UP_AFTER_SECONDS = 120


def someone_waits_for_a_lock() -> bool:
    """A session of this test's database waits for a lock (the other change's)."""
    with connection.cursor() as cursor:
        # Inside a transaction the activity view is read once; this reads it anew.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0


def wait_until_it_waits_for_a_lock(thread, what: str) -> None:
    """Return once the second change (run by `thread`) waits for the first's lock."""
    give_up = time.monotonic() + GIVE_UP_AFTER_SECONDS
    while not someone_waits_for_a_lock():
        if not thread.is_alive() or time.monotonic() > give_up:
            pytest.fail(f"{what} did not wait for the first")
