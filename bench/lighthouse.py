"""Front-end figures: Lighthouse scores (mobile) and page weights of first and repeat loads."""

import json
import subprocess
import urllib.parse
import urllib.request
from pathlib import Path

from bench.session import signed_in_opener

BENCH = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
PAGES = ("canvas editor", "review page", "dashboard (region)")


def session_cookie(host: str, login: str, password: str) -> str:
    _opener, jar = signed_in_opener(host, login, password)
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def ensure_installed():
    if not (BENCH / "node_modules" / ".bin" / "lighthouse").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=BENCH, check=True)


def page_weights(url: str, cookie: str) -> dict:
    """Bytes over the wire for a first visit and a repeat visit (browser cache warm)."""
    from playwright.sync_api import sync_playwright

    measure = """() => performance.getEntriesByType('navigation').concat(
        performance.getEntriesByType('resource')).reduce((sum, e) => sum + e.transferSize, 0)"""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROME_FLAGS.split()[1:]
        )
        context = browser.new_context(viewport={"width": 360, "height": 740})
        host = urllib.parse.urlsplit(url)
        context.add_cookies(
            [
                {"name": name, "value": value, "domain": host.hostname, "path": "/"}
                for name, value in (pair.split("=", 1) for pair in cookie.split("; "))
            ]
        )
        page = context.new_page()
        page.goto(url, wait_until="load")
        first = page.evaluate(measure)
        page.goto(url, wait_until="load")
        repeat = page.evaluate(measure)
        browser.close()
    return {"first_load_bytes": first, "repeat_load_bytes": repeat}


# Lighthouse's own advice when the browser's trace went wrong (NO_NAVSTART and the like): a
# hiccup of the browser on a busy machine, not of the page. It is taken, once.
RUN_AGAIN = "Please run Lighthouse again"
ATTEMPTS = 2


def _lighthouse(url: str, cookie: str, out: Path, work: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            str(BENCH / "node_modules" / ".bin" / "lighthouse"),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            "--only-categories=performance,accessibility,best-practices",
            f"--chrome-flags={CHROME_FLAGS}",
            "--extra-headers",
            json.dumps({"Cookie": cookie}),
        ],
        env={"CHROME_PATH": CHROMIUM, "PATH": "/usr/bin:/bin", "HOME": str(work)},
        capture_output=True,
        text=True,
    )


def run_lighthouse(host: str, targets: list[dict], work: Path) -> dict:
    ensure_installed()
    results = {}
    for target in targets:
        if target["name"] not in PAGES:
            continue
        cookie = session_cookie(host, target["login"], target["password"])
        out = work / f"lighthouse-{target['name'].replace(' ', '-')}.json"
        for _attempt in range(ATTEMPTS):
            finished = _lighthouse(host + target["path"], cookie, out, work)
            if finished.returncode == 0 or RUN_AGAIN not in finished.stderr:
                break
        if finished.returncode != 0:
            # One page's failure must not cost the run its load figures.
            results[target["name"]] = {"error": finished.stderr.strip()[-500:]}
            continue
        report = json.loads(out.read_text())
        scores = {
            name: round(category["score"] * 100) for name, category in report["categories"].items()
        }
        scores["total_byte_weight"] = report["audits"]["total-byte-weight"]["numericValue"]
        scores.update(page_weights(host + target["path"], cookie))
        results[target["name"]] = scores
    return results
