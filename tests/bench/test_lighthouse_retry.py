"""A Lighthouse run whose browser trace went wrong runs again, once; a page's own failure not."""

import json
import subprocess

from bench import lighthouse

REPORT = {
    "categories": {"performance": {"score": 1.0}},
    "audits": {"total-byte-weight": {"numericValue": 1000}},
}
TRACE_WENT_WRONG = (
    "Runtime error encountered: Something went wrong with recording the trace over your "
    "page load. Please run Lighthouse again. (NO_NAVSTART)"
)


def _install(monkeypatch, answers):
    calls = []

    def fake_lighthouse(url, cookie, out, work):
        calls.append(url)
        code, stderr = answers[len(calls) - 1]
        if code == 0:
            out.write_text(json.dumps(REPORT))
        return subprocess.CompletedProcess([], code, "", stderr)

    monkeypatch.setattr(lighthouse, "ensure_installed", lambda: None)
    monkeypatch.setattr(lighthouse, "session_cookie", lambda host, login, password: "c")
    monkeypatch.setattr(lighthouse, "page_weights", lambda url, cookie: {})
    monkeypatch.setattr(lighthouse, "_lighthouse", fake_lighthouse)
    return calls


def _run(tmp_path):
    target = {"name": "canvas editor", "path": "/canvases/1/", "login": "x", "password": "y"}
    return lighthouse.run_lighthouse("http://127.0.0.1:1", [target], tmp_path)


def test_a_broken_trace_is_run_again(monkeypatch, tmp_path):
    calls = _install(monkeypatch, [(1, TRACE_WENT_WRONG), (0, "")])
    assert _run(tmp_path)["canvas editor"]["performance"] == 100
    assert len(calls) == 2


def test_a_page_that_fails_otherwise_is_reported_once(monkeypatch, tmp_path):
    calls = _install(monkeypatch, [(1, "Chrome could not reach the page"), (0, "")])
    assert _run(tmp_path)["canvas editor"] == {"error": "Chrome could not reach the page"}
    assert len(calls) == 1
