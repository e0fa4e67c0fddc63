"""The benchmark at 1% of the national data and two seconds a page, so it cannot rot."""

import json
import os
import subprocess
import sys
from pathlib import Path

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


def test_the_benchmark_runs_every_page_without_errors(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    result = subprocess.run(
        [sys.executable, "-m", "bench.run", "--smoke", "--out", str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    report = json.loads((tmp_path / "smoke.json").read_text())
    pages = {page["name"]: page for page in report["pages"]}
    assert set(pages) >= PAGES
    for name, page in pages.items():
        assert page["requests"] > 0, name
        assert page["errors"] == 0, name
        assert page["p50_ms"] > 0, name
    assert pages["canvas editor"]["queries"] > 0
    assert pages["autosave"]["ratio_p50"] > 0
    assert report["worker_memory_mb"]
    assert "floor" not in {budget["page"] for budget in report["budgets"]}
