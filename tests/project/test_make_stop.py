"""`make stop` stops the embedded PostgreSQL that `make run` leaves running, and only that."""

import os
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def make_stop(data_dir: Path, **env) -> str:
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | env
    result = subprocess.run(
        ["make", "-s", "stop", f"EMBEDDED_DB_DIR={data_dir}"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout


@pytest.fixture
def embedded_server():
    import pgserver

    # A short path: the server's Unix socket lives in it.
    with tempfile.TemporaryDirectory(prefix="cbmcstop") as folder:
        data_dir = Path(folder) / "pg"
        pgserver.get_server(data_dir, cleanup_mode=None)
        yield data_dir
        if (data_dir / "postmaster.pid").exists():
            make_stop(data_dir)


def test_make_stop_stops_the_embedded_server_once(embedded_server):
    assert (embedded_server / "postmaster.pid").exists()
    assert "not ours to stop" in make_stop(embedded_server, DATABASE_URL="postgresql://x/y")
    assert (embedded_server / "postmaster.pid").exists()

    assert "Embedded PostgreSQL stopped" in make_stop(embedded_server)
    assert not (embedded_server / "postmaster.pid").exists()
    assert "not running" in make_stop(embedded_server)
