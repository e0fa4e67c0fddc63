"""The load benchmark: every page against the framework's own floor, in one run.

    python -m bench.run [--scale 1] [--seconds 20 | --requests N] [--users 8]
                        [--leaders 50] [--leader-seconds 60 | --leader-saves N] [--smoke]

1. fills the database `cbmc_bench` (embedded PostgreSQL, or BENCH_DATABASE_URL)
   with the national data set (`manage.py seed_national`), once per scale;
2. starts the production server (gunicorn, DEBUG off, WhiteNoise) on the loopback;
3. drives each page with locust from a second process, signed in as its role;
4. reads server time and queries per request from gunicorn's access log,
   and prints/writes p50/p95/p99, requests/s, bytes and the ratio to the floor;
5. runs the autosave check: leaders autosaving at once, every acknowledged
   save looked up in the database afterwards (bench/autosave_check.py);
6. runs Lighthouse (npm package, Debian's Chromium) on the editor and review page.
"""

import argparse
import datetime
import gzip
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.autosave_check import run_check, summary_line  # noqa: E402
from bench.budgets import check_budgets  # noqa: E402
from bench.history_size import table_figures  # noqa: E402
from bench.lighthouse import run_lighthouse  # noqa: E402
from bench.session import signed_in_opener  # noqa: E402

PYTHON = sys.executable
BIN = Path(PYTHON).parent


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


PORT = int(os.environ.get("BENCH_PORT") or free_port())
HOST = f"http://127.0.0.1:{PORT}"
ACCESS_FORMAT = "%(m)s %(U)s %(s)s %(D)s %(B)s %({x-db-queries}o)s"
# A counted run ends when its requests are done; this only stops a run that hangs.
RUN_CEILING_SECONDS = 600
SMOKE_REQUESTS = 10  # per page in the smoke run


def database_url(name: str) -> str:
    """BENCH_DATABASE_URL, else database `name` on DATABASE_URL's server or the embedded one."""
    from urllib.parse import urlsplit

    from cbmc_portal.embedded_db import embedded_database_url, ensure_database

    if os.environ.get("BENCH_DATABASE_URL"):
        url = os.environ["BENCH_DATABASE_URL"]
    elif os.environ.get("DATABASE_URL"):
        url = urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}").geturl()
    else:
        return embedded_database_url(ROOT / ".local" / "pg", name=name)
    ensure_database(url)
    return url


def manage(env, *args, capture=False):
    command = [PYTHON, "manage.py", *args]
    if capture:
        return subprocess.run(
            command, cwd=ROOT, env=env, check=True, capture_output=True, text=True
        ).stdout
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    return ""


def production_env(db_url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DEBUG"}
    env.update(
        DEBUG="0",
        DATABASE_URL=db_url,
        SECRET_KEY="bench-only-secret-key-not-for-production-0123456789abcdef",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        BENCH_QUERY_HEADER="1",
        # The benchmark accounts' password is not the public demo password.
    )
    return env


def start_server(env, workers: int, log_path: Path):
    log_path.write_text("")
    process = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "cbmc_portal.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(workers),
            "--access-logfile",
            str(log_path),
            "--access-logformat",
            ACCESS_FORMAT,
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            with urllib.request.urlopen(HOST + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("gunicorn did not answer /healthz")


def worker_memory_mb(server) -> list[float]:
    import psutil

    children = psutil.Process(server.pid).children()
    return [round(child.memory_info().rss / 2**20, 1) for child in children]


def target_paths(target) -> set[str]:
    paths = [c["path"] for c in target.get("canvases", [])] or [target["path"]]
    return {path.split("?")[0] for path in paths}


def read_log(log_path: Path, start: int, paths: set[str], method: str) -> list[dict]:
    rows = []
    with log_path.open() as log:
        log.seek(start)
        for line in log:
            parts = line.split()
            if len(parts) < 6 or parts[0] != method or parts[1] not in paths:
                continue
            rows.append(
                {
                    "status": int(parts[2]),
                    "ms": int(parts[3]) / 1000,
                    "bytes": int(parts[4]) if parts[4].isdigit() else 0,
                    "queries": int(parts[5]) if parts[5].isdigit() else None,
                }
            )
    return rows


def percentile(values, share):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def measure_bytes(target) -> dict:
    """One request as a browser would make it: raw and gzip-compressed size."""
    opener, _jar = signed_in_opener(HOST, target.get("login"), target.get("password"))
    if target["method"] != "GET":
        return {}
    body = opener.open(HOST + target["path"]).read()
    return {"bytes": len(body), "bytes_gzip": len(gzip.compress(body))}


def locust_count(csv_prefix: Path, name: str) -> int:
    """How many requests locust itself sent under `name` (its stats CSV)."""
    import csv

    with open(f"{csv_prefix}_stats.csv", newline="", encoding="utf-8") as stats:
        return sum(
            int(row["Request Count"]) for row in csv.DictReader(stats) if row["Name"] == name
        )


def read_log_when_written(log_path, start, paths, method, expected) -> list[dict]:
    """The access log rows, once gunicorn has written one for each request sent.

    Gunicorn writes a request's line just after sending its answer, so the
    last lines can trail the client by a moment; wait for the count, not a clock.
    The ceiling only guards against a request that never reached the server.
    """
    for _ in range(600):
        rows = read_log(log_path, start, paths, method)
        if len(rows) >= expected:
            return rows
        time.sleep(0.05)
    return rows


def run_locust(user_class, env, users, out_dir, label, seconds):
    """Locust headless from a second process; `seconds` bounds the run (or only guards it)."""
    subprocess.run(
        [
            str(BIN / "locust"),
            "-f",
            str(ROOT / "bench" / "locustfile.py"),
            user_class,
            "--headless",
            "-u",
            str(users),
            "-r",
            str(users),
            "-t",
            f"{seconds}s",
            "--host",
            HOST,
            "--only-summary",
            "--csv",
            str(out_dir / f"locust-{label}"),
            "--exit-code-on-error",
            "0",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return out_dir / f"locust-{label}"


def run_page(target, env, log_path, seconds, users, out_dir, requests=None) -> dict:
    """One page under load: for `seconds`, or exactly `requests` requests when given."""
    start = log_path.stat().st_size
    target_env = {**env, "BENCH_TARGET": json.dumps(target)}
    if requests:
        target_env["BENCH_REQUESTS"] = str(requests)
        seconds = RUN_CEILING_SECONDS
    began = time.monotonic()
    csv_prefix = run_locust("PageUser", target_env, users, out_dir, target["name"], seconds)
    elapsed = time.monotonic() - began
    sent = locust_count(csv_prefix, target["name"])
    rows = read_log_when_written(
        log_path, start, target_paths(target), target["method"], requests or sent
    )
    times = [row["ms"] for row in rows]
    queries = [row["queries"] for row in rows if row["queries"] is not None]
    errors = sum(1 for row in rows if row["status"] >= 400)
    result = {
        "name": target["name"],
        "role": target.get("role", ""),
        "requests": len(rows),
        "errors": errors,
        "rps": round(len(rows) / elapsed, 1) if elapsed else 0,
        "p50_ms": round(percentile(times, 0.50), 2) if times else None,
        "p95_ms": round(percentile(times, 0.95), 2) if times else None,
        "p99_ms": round(percentile(times, 0.99), 2) if times else None,
        "queries": max(queries) if queries else None,
        "elapsed_s": round(elapsed, 1),
    }
    measured = measure_bytes(target)
    if measured:  # its log line must not spill into the next page's count
        read_log_when_written(
            log_path, start, target_paths(target), target["method"], len(rows) + 1
        )
    result.update(measured)
    return result


def run_autosave_check(target, env, log_path, out_dir, args) -> dict:
    """The leaders' autosave check (bench/autosave_check.py), timed from the access log."""
    start = log_path.stat().st_size

    def read_check_log(csv_prefix, paths):
        sent = locust_count(csv_prefix, "autosave (leaders)")
        return read_log_when_written(log_path, start, paths, "POST", sent)

    return run_check(
        target,
        env,
        leaders=args.leaders,
        saves_per_leader=args.leader_saves,
        seconds=args.leader_seconds,
        pause=args.leader_pause,
        run_locust=run_locust,
        read_log=read_check_log,
        out_dir=out_dir,
    )


def print_table(results):
    header = (
        f"{'page':<22}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'×floor':>8}{'req/s':>8}"
        f"{'queries':>8}{'bytes':>9}{'gzip':>8}{'errors':>7}  budget"
    )
    print(header)
    print("-" * len(header))
    for row in results:

        def fmt(value, width):
            return f"{'' if value is None else value:>{width}}"

        print(
            f"{row['name']:<22}{fmt(row['p50_ms'], 8)}{fmt(row['p95_ms'], 8)}"
            f"{fmt(row['p99_ms'], 8)}{fmt(row.get('ratio_p50'), 8)}{fmt(row['rps'], 8)}"
            f"{fmt(row['queries'], 8)}{fmt(row.get('bytes'), 9)}{fmt(row.get('bytes_gzip'), 8)}"
            f"{row['errors']:>7}  {row.get('budget', '')}"
        )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="share of the national data set")
    parser.add_argument("--seconds", type=int, default=20, help="load time per page")
    parser.add_argument("--users", type=int, default=8, help="concurrent locust users")
    # One sync worker per core: a request then waits in the listen queue, not
    # half-served inside a descheduled worker, so the access log's time is
    # the page's own cost.
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--database", default="cbmc_bench")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument(
        "--requests",
        type=int,
        default=None,
        help="exactly this many requests per page instead of --seconds",
    )
    parser.add_argument("--leaders", type=int, default=50, help="leaders in the autosave check")
    parser.add_argument(
        "--leader-seconds", type=int, default=60, help="how long each leader types and autosaves"
    )
    parser.add_argument(
        "--leader-saves",
        type=int,
        default=None,
        help="exactly this many saves per leader instead of --leader-seconds",
    )
    parser.add_argument(
        "--leader-pause", type=float, default=2.5, help="seconds from one autosave to the next"
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="1%% data, 10 requests per page, 5 leaders × 4 saves, no Lighthouse: "
        "proves the bench still runs, the same on a fast or a loaded machine",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)
    if args.smoke:
        args.scale, args.requests, args.users, args.workers = 0.01, SMOKE_REQUESTS, 2, 2
        args.leaders, args.leader_saves, args.leader_pause = 5, 4, 0.0
        args.no_lighthouse = True
        args.database = args.database + "_smoke"

    db_url = database_url(args.database)
    if args.smoke:
        from cbmc_portal.embedded_db import drop_database

        # An empty database each time: a changed seed never meets an older data set.
        drop_database(db_url)
        db_url = database_url(args.database)
    seed_env = {**os.environ, "DEBUG": "1", "DATABASE_URL": db_url}
    manage(seed_env, "migrate", "--no-input", "-v0")
    manage(seed_env, "load_geography")
    manage(seed_env, "seed_national", "--scale", str(args.scale))
    targets = json.loads(manage(seed_env, "bench_targets", capture=True))
    block_history = table_figures(db_url)
    check_target = next(t for t in targets if t.get("kind") == "check")
    targets = [t for t in targets if t.get("kind") != "check"]

    env = production_env(db_url)
    manage(env, "collectstatic", "--no-input", "-v0")
    args.out.mkdir(parents=True, exist_ok=True)
    work = args.out / "work"
    work.mkdir(exist_ok=True)
    log_path = work / "access.log"
    server = start_server(env, args.workers, log_path)
    try:
        results = [
            run_page(t, env, log_path, args.seconds, args.users, work, args.requests)
            for t in targets
        ]
        memory = worker_memory_mb(server)
        autosave_check = run_autosave_check(check_target, env, log_path, work, args)
        lighthouse = {} if args.no_lighthouse else run_lighthouse(HOST, targets, work)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    floor = next(row for row in results if row["name"] == "floor")
    for row in results:
        if row["p50_ms"] and floor["p50_ms"]:
            row["ratio_p50"] = round(row["p50_ms"] / floor["p50_ms"], 1)
            row["ratio_p95"] = round(row["p95_ms"] / floor["p95_ms"], 1)
    budgets = check_budgets(results)
    report = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "scale": args.scale,
        "seconds_per_page": None if args.requests else args.seconds,
        "concurrency": args.users,
        "gunicorn_workers": args.workers,
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
        },
        "requests_per_page": args.requests,
        "pages": results,
        "autosave_check": autosave_check,
        "block_history_before_the_run": block_history,
        "budgets_passed": all(b["passed"] for b in budgets),
        "budgets": budgets,
        "worker_memory_mb": memory,
        "lighthouse": lighthouse,
    }
    print_table(results)
    print(f"gunicorn worker memory after the run (MB): {memory}")
    print(summary_line(autosave_check))
    print(
        f"block history: {block_history['rows']:,} rows, {block_history['total_mb']} MB "
        f"(pg_total_relation_size) for {block_history['versions']:,} versions"
    )
    for name, scores in lighthouse.items():
        print(f"lighthouse {name}: {scores}")
    name = "smoke" if args.smoke else datetime.datetime.now(datetime.UTC).date().isoformat()
    path = args.out / f"{name}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    shutil.rmtree(work, ignore_errors=True)
    verdict = "PASS" if report["budgets_passed"] else "FAIL"
    print(f"written {path}; budgets {verdict}")
    return report


if __name__ == "__main__":
    main()
