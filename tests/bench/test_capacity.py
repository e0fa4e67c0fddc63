"""The capacity run's verdict: the largest step of an unbroken run of passes."""

import os
import subprocess
import sys

import pytest

from bench import capacity


def step(leaders, p95, errors=0, lost=0):
    return {
        "leaders": leaders,
        "client_p95_ms": p95,
        "client_p50_ms": p95 / 2,
        "server_p50_ms": 1,
        "server_p95_ms": 2,
        "errors": errors,
        "http_errors": 0,
        "lost": lost,
        "conflicts": 0,
        "requests": leaders * 12,
        "acknowledged": leaders * 12,
    }


@pytest.fixture
def steps_answering(monkeypatch):
    def install(answers: dict):
        monkeypatch.setattr(capacity, "refresh_target", lambda target, env, work: target)
        monkeypatch.setattr(
            capacity, "run_check", lambda target, env, *, leaders, **kw: dict(answers[leaders])
        )

    return install


def run(keep_going=False, steps=(100, 200, 400, 800), server_cpu=None):
    return capacity.run_capacity(
        {},
        {},
        steps=steps,
        seconds=30,
        pause=2.5,
        limit_ms=100,
        run_locust=None,
        read_log=None,
        out_dir=None,
        presign=None,
        log=lambda line: None,
        keep_going=keep_going,
        server_cpu=server_cpu,
    )


def test_it_stops_at_the_first_step_too_slow(steps_answering):
    steps_answering({100: step(100, 40), 200: step(200, 90), 400: step(400, 150)})
    result = run()
    assert result["largest_passing_leaders"] == 200
    assert [row["leaders"] for row in result["steps"]] == [100, 200, 400]
    assert result["steps"][0]["saves_per_second"] == 40.0


def test_keep_going_measures_past_a_slow_step_until_a_save_is_lost(steps_answering):
    steps_answering(
        {100: step(100, 40), 200: step(200, 150), 400: step(400, 90), 800: step(800, 900, lost=1)}
    )
    result = run(keep_going=True)
    assert [row["leaders"] for row in result["steps"]] == [100, 200, 400, 800]
    assert result["largest_passing_leaders"] == 100  # 400 passed only after 200 failed


def test_an_error_fails_a_fast_step(steps_answering):
    steps_answering({100: step(100, 40, errors=1)})
    assert run(steps=(100,))["largest_passing_leaders"] == 0


def test_a_step_records_what_the_server_spent_on_each_save(steps_answering):
    steps_answering({100: step(100, 40), 200: step(200, 90), 400: step(400, 150)})
    spent = iter([10.0, 13.6, 20.0, 27.2, 30.0, 44.4])  # CPU seconds before and after each step
    result = run(steps=(100, 200, 400), server_cpu=lambda: next(spent))
    assert [row["server_cpu_ms_per_save"] for row in result["steps"]] == [3.0, 3.0, 3.0]
    assert result["server_cpu_ms_per_save"] == 3.0
    assert result["leaders_per_dedicated_core_ceiling"] == 833  # a save every 2.5 s, 3 ms each


def test_the_cpu_of_a_process_and_its_children_is_counted():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert capacity.process_tree_cpu_seconds([os.getpid()]) > 0
        assert capacity.process_tree_cpu_seconds([child.pid, 2**22 + 12345]) >= 0  # gone: skipped
    finally:
        child.kill()
        child.wait()
