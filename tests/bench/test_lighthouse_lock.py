"""`make bench` installs Lighthouse with `npm ci`: the lock file must satisfy package.json.

`npm ci` refuses a lock file that does not match package.json (it stopped
`make bench` once: "Missing: third-party-web@0.30.0 from lock file"). This
asks npm itself, in a copy of the two files in an empty folder, with
`npm ci --dry-run` (nothing is installed). With the registry out of reach it
checks offline against an empty cache, which still fails on a lock file that
lacks a package; without npm it is skipped, and says so.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
# A tag names whatever was published last ("*" is any version, which never goes stale).
DIST_TAGS = ("latest", "next", "beta", "canary")
OFFLINE_SIGNS = ("ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ETIMEDOUT", "ECONNRESET", "network")


def npm_ci_dry_run(folder: Path, *extra) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["npm", "ci", "--dry-run", "--no-audit", "--no-fund", "--ignore-scripts", *extra],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_no_dependency_follows_a_moving_tag():
    """A "latest" spec goes stale the day upstream publishes; package.json overrides them."""
    lock = json.loads((BENCH / "package-lock.json").read_text())
    overrides = json.loads((BENCH / "package.json").read_text()).get("overrides", {})
    pinned = {name for spec in overrides.values() for name in spec}
    moving = [
        f"{package} → {name}"
        for package, entry in lock["packages"].items()
        for name, spec in entry.get("dependencies", {}).items()
        if spec in DIST_TAGS and name not in pinned
    ]
    assert not moving, f"pin these in package.json overrides: {moving}"


def test_npm_ci_accepts_the_lock_file_in_a_clean_folder(tmp_path):
    if shutil.which("npm") is None:
        pytest.skip("LIGHTHOUSE INSTALL NOT CHECKED: npm is not installed on this machine")
    for name in ("package.json", "package-lock.json"):
        shutil.copy(BENCH / name, tmp_path / name)
    result = npm_ci_dry_run(tmp_path)
    if result.returncode != 0 and any(sign in result.stderr for sign in OFFLINE_SIGNS):
        result = npm_ci_dry_run(tmp_path, "--offline", "--cache", str(tmp_path / "empty-cache"))
    assert result.returncode == 0, (
        "npm ci refuses bench/package-lock.json; regenerate it with "
        "`cd bench && npm install --package-lock-only`:\n" + result.stderr[-2000:]
    )
