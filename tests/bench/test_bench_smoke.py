"""The benchmark at 1% of the national data, so it cannot rot.

The smoke run counts, it does not time: every page gets exactly the same
number of requests and the autosave check makes a fixed number of saves, so
the figures asserted here are the same on a fast machine and a loaded one.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = {
    "floor",
    "healthz",
    "sign-in page",
    "leader home",
    "mentor home",
    "canvas editor",
    "autosave",
    "version",
    "comparison",
    "history",
    "notifications",
    "review queue",
    "review page",
    "coverage",
    "region groups",
}
SMOKE_LEADERS, SMOKE_SAVES = 5, 4


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench")
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    result = subprocess.run(
        [sys.executable, "-m", "bench.run", "--smoke", "--out", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return json.loads((out / "smoke.json").read_text())


def test_every_page_gets_its_fixed_number_of_requests_without_errors(report):
    per_page = report["requests_per_page"]
    assert per_page and report["seconds_per_page"] is None
    pages = {page["name"]: page for page in report["pages"]}
    assert set(pages) >= PAGES
    for name, page in pages.items():
        assert (name, page["requests"], page["errors"]) == (name, per_page, 0)
    assert pages["canvas editor"]["queries"] > 0
    assert report["worker_memory_mb"]
    assert "floor" not in {budget["page"] for budget in report["budgets"]}


def test_every_acknowledged_autosave_is_found_in_the_database(report):
    check = report["autosave_check"]
    assert check["leaders"] == SMOKE_LEADERS
    assert check["shared_canvases"] == 1  # two leaders of one group, different blocks
    assert check["acknowledged"] == SMOKE_LEADERS * SMOKE_SAVES
    assert (check["found"], check["lost"]) == (check["acknowledged"], 0), check["lost_examples"]
    assert (check["conflicts"], check["errors"], check["http_errors"]) == (0, 0, 0)
    # A save that got no answer is resent with its id, so at least one request per save.
    assert check["requests"] >= SMOKE_LEADERS * SMOKE_SAVES
