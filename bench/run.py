"""The load benchmark: every page against the framework's own floor, in one run.

    python -m bench.run [--scale 1] [--seconds 20 | --requests N] [--users 8]
                        [--leaders 50] [--leader-seconds 60 | --leader-saves N] [--smoke]
    python -m bench.run --capacity [--capacity-steps 100,200,400,800,1200] [--capacity-seconds 60]

1. fills the database `cbmc_bench` (embedded PostgreSQL, or BENCH_DATABASE_URL)
   with the national data set (`manage.py seed_national`), once per scale;
2. starts the production server (gunicorn, DEBUG off, WhiteNoise) on the loopback;
   and a second one on another port against the same database, for the
   two-server check (bench/two_servers.py: sign in on one, save on the other);
3. drives each page with locust from a second process, signed in as its role;
4. reads server time and queries per request from gunicorn's access log,
   and prints/writes p50/p95/p99, requests/s, bytes and the ratio to the
   bare floor and to the signed-in floor; times the CSV export's first and
   last byte (bench/export_timing.py);
5. runs the autosave check: leaders autosaving at once, every acknowledged
   save looked up in the database afterwards (bench/autosave_check.py);
6. runs Lighthouse (npm package, Debian's Chromium) on the editor, the review
   page and the regional dashboard;
7. checks the budgets (bench/budgets.py), PASS/FAIL per page.

With --capacity it instead steps up the number of leaders typing at once
until the autosave p95 or an error breaks (bench/capacity.py).
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
from bench.budgets import (  # noqa: E402
    SIGNED_IN_FLOOR,
    SIGNED_IN_RATIO,
    all_passed,
    check_budgets,
    print_budgets,
)
from bench.capacity import (  # noqa: E402
    DEFAULT_STEPS,
    P95_LIMIT_MS,
    process_tree_cpu_seconds,
    run_capacity,
)
from bench.export_timing import measure_export  # noqa: E402
from bench.history_size import table_figures  # noqa: E402
from bench.lighthouse import run_lighthouse  # noqa: E402
from bench.session import signed_in_opener  # noqa: E402
from bench.two_servers import print_two_server_check, run_two_server_check  # noqa: E402

PYTHON = sys.executable
BIN = Path(PYTHON).parent


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


PORT = int(os.environ.get("BENCH_PORT") or free_port())
HOST = f"http://127.0.0.1:{PORT}"
# The second app server of the two-server check: same code, same database, another port.
PORT_2 = free_port()
HOST_2 = f"http://127.0.0.1:{PORT_2}"
ACCESS_FORMAT = "%(m)s %(U)s %(s)s %(D)s %(B)s %({x-db-queries}o)s"
# A counted run ends when its requests are done; this only stops a run that hangs.
RUN_CEILING_SECONDS = 600
SMOKE_REQUESTS = 10  # per page in the smoke run
# The smoke run's one capacity step: 5 leaders (one pair), 2 s of typing, a save every 0.5 s.
SMOKE_CAPACITY_STEPS, SMOKE_CAPACITY_SECONDS, SMOKE_CAPACITY_PAUSE = (5,), 2, 0.5


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
        BENCH_VIEWS="1",  # the signed-in floor (bench/urls.py)
        # Its own static folder: collecting into the portal's would pull files away from
        # under a development server (or a test) reading that folder at the same moment.
        STATIC_ROOT=str(ROOT / ".local" / "bench-static"),
        # The benchmark accounts' password is not the public demo password.
    )
    return env


def load_average() -> list[float]:
    """The machine's 1, 5 and 15-minute load averages: how busy the cores were around a figure."""
    return [round(value, 2) for value in os.getloadavg()]


# Sync workers for the pages, whatever gunicorn.conf.py runs in production: a request
# waits in the listen queue, not half-served in a thread waiting for the GIL, so the
# access log's time is the page's own cost. One thread, or gunicorn quietly turns a sync
# worker into a threaded one (gunicorn.conf.py asks for 4).
SYNC_WORKERS = ("--worker-class", "sync", "--threads", "1")


def server_arguments(workers: int, log_path: Path, port: int, production=False) -> list[str]:
    """Gunicorn's arguments; `production`: with gunicorn.conf.py's threaded workers, as
    `make serve` runs it (the capacity run, timed at the client), else sync workers."""
    return [
        "cbmc_portal.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        *(() if production else SYNC_WORKERS),
        # The country's export takes longer than the default 30 s on a loaded machine.
        "--timeout",
        "120",
        "--access-logfile",
        str(log_path),
        "--access-logformat",
        ACCESS_FORMAT,
        "--log-level",
        "warning",
    ]


def start_server(env, workers: int, log_path: Path, port: int = PORT, production=False):
    """Gunicorn on the loopback, from the project folder (so it reads gunicorn.conf.py)."""
    log_path.write_text("")
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), *server_arguments(workers, log_path, port, production)],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
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


def client_p95_ms(times_path: Path) -> float | None:
    """The answer time's p95 as locust saw it (bench/locustfile.py writes each one): the
    server's time plus the wait for a free worker while the other users are served."""
    if not times_path.exists():
        return None
    times = [float(line) for line in times_path.read_text().split()]
    return round(percentile(times, 0.95), 2) if times else None


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


def run_page(target, env, log_path, seconds, users, out_dir, requests=None, floor=None) -> dict:
    """One page under load: for `seconds`, or exactly `requests` requests when given.

    With `floor` (the signed-in floor's target), each simulated user asks the floor and
    the page in turn, as many times each, and the row carries the floor's times of those
    same moments as `floor_beside`."""
    start = log_path.stat().st_size
    client_times = out_dir / f"client-{target['name']}.txt"
    client_times.unlink(missing_ok=True)
    target_env = {
        **env,
        "BENCH_TARGET": json.dumps(target),
        "BENCH_CLIENT_TIMES": str(client_times),
    }
    if floor:
        target_env["BENCH_FLOOR"] = json.dumps(floor)
    if requests:
        target_env["BENCH_REQUESTS"] = str(requests * 2 if floor else requests)
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
        "note": target.get("note", ""),
        "requests": len(rows),
        "errors": errors,
        "rps": round(len(rows) / elapsed, 1) if elapsed else 0,
        "p50_ms": round(percentile(times, 0.50), 2) if times else None,
        "p95_ms": round(percentile(times, 0.95), 2) if times else None,
        "p99_ms": round(percentile(times, 0.99), 2) if times else None,
        "queries": max(queries) if queries else None,
        "client_p95_ms": client_p95_ms(client_times),
        "elapsed_s": round(elapsed, 1),
    }
    if floor:
        floor_times = [
            row["ms"]
            for row in read_log_when_written(
                log_path,
                start,
                target_paths(floor),
                "GET",
                requests or locust_count(csv_prefix, floor["name"]),
            )
        ]
        result["floor_beside"] = {
            "requests": len(floor_times),
            "p50": round(percentile(floor_times, 0.50), 2) if floor_times else None,
            "p95": round(percentile(floor_times, 0.95), 2) if floor_times else None,
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
        f"{'page':<24}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'×floor':>8}{'×signed-in':>11}"
        f"{'client':>8}{'req/s':>8}{'queries':>8}{'bytes':>9}{'gzip':>8}{'errors':>7}  budget"
    )
    print(header)
    print("-" * len(header))
    for row in results:

        def fmt(value, width):
            return f"{'' if value is None else value:>{width}}"

        print(
            f"{row['name']:<24}{fmt(row['p50_ms'], 8)}{fmt(row['p95_ms'], 8)}"
            f"{fmt(row['p99_ms'], 8)}{fmt(row.get('ratio_p95'), 8)}"
            f"{fmt(row.get('ratio_signed_in_p95'), 11)}{fmt(row.get('client_p95_ms'), 8)}"
            f"{fmt(row['rps'], 8)}"
            f"{fmt(row['queries'], 8)}{fmt(row.get('bytes'), 9)}{fmt(row.get('bytes_gzip'), 8)}"
            f"{row['errors']:>7}  {row.get('budget', '')}"
        )
    print("(×floor, ×signed-in: the page's p95 over the p95 of the bare and the signed-in floor,")
    print(" the signed-in one measured again just before each page with a budget against it;")
    print(" p50-p99 are server time, from gunicorn's access log; client: the p95 locust saw,")
    print(" the wait for a free worker included, with every user asking at once)")


def print_exports(exports):
    for row in exports:
        print(
            f"{row['name']}: {row['rows']:,} rows, {row['bytes']:,} bytes, "
            f"{'streamed' if row['streamed'] else 'NOT streamed'}; time to first byte "
            f"{row['ttfb_ms_median']} ms (slowest {row['ttfb_ms_max']}), total "
            f"{row['total_ms_median']} ms (slowest {row['total_ms_max']}) over "
            f"{row['downloads']} downloads, {row['errors']} errors"
        )
        for broken in row.get("broken", []):
            print(f"  cut short after the first byte: {broken}")


def run_pages(targets, env, log_path, work, args) -> list[dict]:
    """Every page under load, in order. A page with a budget against the signed-in floor
    is asked in turn with that floor (`run_page`'s `floor`): the machine's own speed
    drifts over a run and jumps for seconds at a time, and a floor measured minutes
    earlier, or even just before, made the ratios swing by a quarter from run to run."""
    signed_in_floor = next(t for t in targets if t["name"] == SIGNED_IN_FLOOR)
    return [
        run_page(
            target,
            env,
            log_path,
            args.seconds,
            args.users,
            work,
            args.requests,
            floor=signed_in_floor if target["name"] in SIGNED_IN_RATIO else None,
        )
        for target in targets
    ]


def add_ratios(results):
    """Each page's p50/p95 over the bare floor's and over the signed-in floor's: the one
    measured beside the page when there is one (`run_pages`), else the run's first."""
    floors = {
        "": next(row for row in results if row["name"] == "floor"),
        "_signed_in": next(row for row in results if row["name"] == "signed-in floor"),
    }
    for suffix, floor in floors.items():
        for row in results:
            for share in ("p50", "p95"):
                floor_ms = floor[f"{share}_ms"]
                if suffix and "floor_beside" in row:
                    floor_ms = row["floor_beside"][share]
                if row[f"{share}_ms"] and floor_ms:
                    row[f"ratio{suffix}_{share}"] = round(row[f"{share}_ms"] / floor_ms, 1)


def two_server_target(targets, check_target) -> dict:
    """bench_leader's first canvas: its editor and autosave, a block the page run does not type."""
    editor = next(t for t in targets if t["name"] == "canvas editor")
    autosave = next(t for t in targets if t["name"] == "autosave")
    return {
        "login": editor["login"],
        "password": editor["password"],
        "editor": editor["path"],
        "autosave": autosave["canvases"][0]["path"],
        "revision": autosave["canvases"][0]["revision"],
        "block": check_target["block_keys"][-1],
    }


def check_two_servers(env, workers_log: Path, targets, check_target) -> dict:
    second = start_server(env, 1, workers_log, port=PORT_2)
    try:
        report = run_two_server_check(HOST, HOST_2, two_server_target(targets, check_target))
    finally:
        os.killpg(second.pid, signal.SIGTERM)
        second.wait(timeout=30)
    print_two_server_check(report)
    return report


def presigner(env, work: Path):
    """Sessions made in the database for the leaders of a capacity step (bench/presigned.py)."""

    def presign(logins):
        path = work / "presign-logins.json"
        path.write_text(json.dumps(logins))
        output = subprocess.run(
            [PYTHON, "-m", "bench.presigned", str(path)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        return json.loads(output.strip().splitlines()[-1])

    return presign


def _chosen(name: str, pages: str) -> bool:
    words = [word.strip() for word in pages.split(",") if word.strip()]
    return not words or name in ("floor", SIGNED_IN_FLOOR) or any(w in name for w in words)


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
    parser.add_argument(
        "--export-downloads",
        type=int,
        default=3,
        help="downloads of the CSV export, one by one (0: not measured)",
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
        "--capacity",
        action="store_true",
        help="instead of the pages: step up the leaders typing at once until the autosave "
        "p95 (client) passes --capacity-limit-ms or a save errs; reports the largest step passed",
    )
    parser.add_argument(
        "--capacity-steps",
        default=",".join(map(str, DEFAULT_STEPS)),
        help="numbers of leaders to try, in order (stops at the first that fails)",
    )
    parser.add_argument(
        "--capacity-seconds", type=int, default=60, help="how long each step's leaders type"
    )
    parser.add_argument("--capacity-limit-ms", type=float, default=P95_LIMIT_MS)
    parser.add_argument(
        "--capacity-keep-going",
        action="store_true",
        help="go on past a step whose p95 is too slow, until a save errs or is lost",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="1%% data, 10 requests per page, 5 leaders × 4 saves, no Lighthouse: "
        "proves the bench still runs, the same on a fast or a loaded machine",
    )
    parser.add_argument(
        "--pages",
        default="",
        help="only the pages whose names contain one of these comma-separated words "
        "(the floors always run): e.g. --pages dashboard,coverage",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)
    if args.smoke:
        args.scale, args.requests, args.users, args.workers = 0.01, SMOKE_REQUESTS, 2, 2
        args.leaders, args.leader_saves, args.leader_pause = 5, 4, 0.0
        args.export_downloads = 1
        args.no_lighthouse = True
        args.database = args.database + "_smoke"
    steps = [int(step) for step in args.capacity_steps.split(",") if step.strip()]
    load_before = load_average()

    db_url = database_url(args.database)
    if args.smoke:
        from cbmc_portal.embedded_db import drop_database

        # An empty database each time: a changed seed never meets an older data set.
        drop_database(db_url)
        db_url = database_url(args.database)
    seed_env = {**os.environ, "DEBUG": "1", "DATABASE_URL": db_url, "BENCH_VIEWS": "1"}
    manage(seed_env, "migrate", "--no-input", "-v0")
    manage(seed_env, "load_geography")
    manage(seed_env, "seed_national", "--scale", str(args.scale))
    check_canvases = max(steps) if args.capacity else args.leaders
    targets = json.loads(
        manage(seed_env, "bench_targets", "--check-canvases", str(check_canvases), capture=True)
    )
    block_history = table_figures(db_url)
    check_target = next(t for t in targets if t.get("kind") == "check")
    export_targets = [t for t in targets if t.get("kind") == "export"]
    page_targets = [t for t in targets if not t.get("kind")]
    targets = [t for t in page_targets if _chosen(t["name"], args.pages)]

    env = production_env(db_url)
    manage(env, "collectstatic", "--no-input", "-v0")
    args.out.mkdir(parents=True, exist_ok=True)
    work = args.out / "work"
    work.mkdir(exist_ok=True)
    log_path = work / "access.log"
    server = start_server(env, args.workers, log_path, production=args.capacity)
    try:
        two_servers = check_two_servers(env, work / "access-2.log", page_targets, check_target)
        if args.capacity:
            return capacity_main(
                args, steps, env, server, log_path, work, check_target, two_servers
            )
        results = run_pages(targets, env, log_path, work, args)
        memory = worker_memory_mb(server)
        exports = [
            measure_export(HOST, t, args.export_downloads)
            for t in export_targets
            if args.export_downloads > 0
        ]
        autosave_check = run_autosave_check(check_target, env, log_path, work, args)
        # The smoke run proves the capacity machinery works (sessions made beforehand, the
        # cheaper client, a step's saves all found); its times on a loaded machine mean nothing.
        capacity = (
            capacity_steps(
                check_target,
                env,
                log_path,
                work,
                steps=SMOKE_CAPACITY_STEPS,
                seconds=SMOKE_CAPACITY_SECONDS,
                pause=SMOKE_CAPACITY_PAUSE,
                limit_ms=args.capacity_limit_ms,
                server_cpu=server_cpu_meter(server, env),
            )
            if args.smoke
            else None
        )
        lighthouse = {} if args.no_lighthouse else run_lighthouse(HOST, targets, work)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    add_ratios(results)
    budgets = check_budgets(results, exports, None if args.no_lighthouse else lighthouse)
    load_after = load_average()
    report = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "scale": args.scale,
        "seconds_per_page": None if args.requests else args.seconds,
        "concurrency": args.users,
        "gunicorn_workers": args.workers,
        "machine": machine(),
        "load_average_before": load_before,
        "load_average_after": load_after,
        "requests_per_page": args.requests,
        "pages": results,
        "exports": exports,
        "autosave_check": autosave_check,
        "two_servers": two_servers,
        "capacity_smoke": capacity,
        "block_history_before_the_run": block_history,
        "budgets_passed": all_passed(budgets),
        "budgets": budgets,
        "worker_memory_mb": memory,
        "lighthouse": lighthouse,
    }
    print_table(results)
    print_exports(exports)
    print(f"gunicorn worker memory after the run (MB): {memory}")
    print(summary_line(autosave_check))
    print(
        f"block history: {block_history['rows']:,} rows, {block_history['total_mb']} MB "
        f"(pg_total_relation_size) for {block_history['versions']:,} versions"
    )
    for name, scores in lighthouse.items():
        print(f"lighthouse {name}: {scores}")
    print_budgets(budgets)
    print(f"load average (1, 5, 15 min): {load_before} before, {load_after} after the run")
    name = "smoke" if args.smoke else datetime.datetime.now(datetime.UTC).date().isoformat()
    path = args.out / f"{name}.json"
    if path.exists() and not args.smoke:  # a second run the same day keeps the first one's file
        path = args.out / f"{datetime.datetime.now(datetime.UTC):%Y-%m-%dT%H%M}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    shutil.rmtree(work, ignore_errors=True)
    verdict = "PASS" if report["budgets_passed"] else "FAIL"
    print(f"written {path}; budgets {verdict}; two servers {pass_fail(two_servers['passed'])}")
    return report


def pass_fail(passed: bool) -> str:
    return "PASS" if passed else "FAIL"


def machine() -> dict:
    return {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
    }


def postmaster_pid(env) -> int | None:
    """The PostgreSQL server's main process, when it runs on this machine (else None)."""
    import psutil
    import psycopg2

    from cbmc_portal.env import parse_database_url

    settings = parse_database_url(env["DATABASE_URL"])
    connection = psycopg2.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        password=settings["PASSWORD"],
        host=settings["HOST"],
        port=settings["PORT"] or None,
    )
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            backend = cursor.fetchone()[0]
        parent = psutil.Process(backend).parent()
    except psutil.Error:
        return None  # another machine's server, or not ours to read
    finally:
        connection.close()
    return parent.pid if parent and "postgres" in parent.name() else None


def server_cpu_meter(server, env):
    """CPU seconds used so far by gunicorn (master and workers) and PostgreSQL."""
    postgres = postmaster_pid(env)
    pids = [server.pid] + ([postgres] if postgres else [])
    return lambda: process_tree_cpu_seconds(pids)


def capacity_steps(
    check_target,
    env,
    log_path,
    work,
    *,
    steps,
    seconds,
    pause,
    limit_ms,
    keep_going=False,
    server_cpu=None,
):
    """bench/capacity.py's steps against the running server, timed from its access log."""
    start = {"at": 0}

    def read_step_log(csv_prefix, paths):
        sent = locust_count(csv_prefix, "autosave (leaders)")
        return read_log_when_written(log_path, start["at"], paths, "POST", sent)

    def run_locust_from_here(*run_args):
        start["at"] = log_path.stat().st_size
        return run_locust(*run_args)

    return run_capacity(
        check_target,
        env,
        steps=steps,
        seconds=seconds,
        pause=pause,
        limit_ms=limit_ms,
        run_locust=run_locust_from_here,
        read_log=read_step_log,
        out_dir=work,
        presign=presigner(env, work),
        log=lambda line: print(f"capacity {line}", flush=True),
        keep_going=keep_going,
        server_cpu=server_cpu,
    )


def capacity_main(args, steps, env, server, log_path, work, check_target, two_servers) -> dict:
    """The capacity run (bench/capacity.py) on the server already started."""
    load_before = load_average()
    capacity = capacity_steps(
        check_target,
        env,
        log_path,
        work,
        steps=steps,
        seconds=args.capacity_seconds,
        pause=args.leader_pause,
        limit_ms=args.capacity_limit_ms,
        keep_going=args.capacity_keep_going,
        server_cpu=server_cpu_meter(server, env),
    )
    report = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "scale": args.scale,
        "gunicorn_workers": args.workers,
        "machine": machine(),
        "load_average_before": load_before,
        "load_average_after": load_average(),
        "worker_memory_mb": worker_memory_mb(server),
        "capacity": capacity,
        "two_servers": two_servers,
    }
    print(
        f"capacity: {capacity['largest_passing_leaders']} leaders typing at once "
        f"(autosave every {args.leader_pause} s, client p95 ≤ {args.capacity_limit_ms:g} ms, "
        f"no error, none lost) with {args.workers} gunicorn workers on {os.cpu_count()} cores; "
        f"load average {load_before} before, {report['load_average_after']} after"
    )
    if "server_cpu_ms_per_save" in capacity:
        print(
            f"capacity: the server spent {capacity['server_cpu_ms_per_save']} ms of CPU a save "
            f"(gunicorn and PostgreSQL; the load generator shares the cores): a core given "
            f"wholly to the portal keeps up with at most "
            f"{capacity['leaders_per_dedicated_core_ceiling']} leaders, at 100% busy"
        )
    name = (
        "capacity-smoke"
        if args.smoke
        else (f"capacity-{datetime.datetime.now(datetime.UTC).date().isoformat()}-w{args.workers}")
    )
    path = args.out / f"{name}.json"
    if path.exists() and not args.smoke:
        path = args.out / f"{name}-{datetime.datetime.now(datetime.UTC):%H%M}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"written {path}")
    return report


if __name__ == "__main__":
    main()
