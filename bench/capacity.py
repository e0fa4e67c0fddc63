"""How many leaders can type at once on one server: the capacity run of `bench/run.py --capacity`.

Steps up the number of simulated leaders (locust's FastLeaderUser, each
autosaving every 2.5 s into a canvas of their own, one in five beside a
co-leader) until the autosave answer's p95, measured at the client (waiting
for a free worker included), passes the limit, or any save errs or is lost.
The largest step that passed is the server's capacity. Every step starts from
the canvases' current revisions (`refresh_target`), and every acknowledged
save is looked up in the database as in the autosave check.
"""

from bench.autosave_check import refresh_target, run_check

DEFAULT_STEPS = (100, 200, 400, 800, 1200, 1600, 2000)
P95_LIMIT_MS = 100.0


def step_passed(report: dict, limit_ms: float) -> bool:
    return (
        report["client_p95_ms"] is not None
        and report["client_p95_ms"] <= limit_ms
        and report["errors"] == 0
        and report["http_errors"] == 0
        and report["lost"] == 0
        and report["conflicts"] == 0
    )


def run_capacity(
    target,
    env,
    *,
    steps,
    seconds,
    pause,
    limit_ms,
    run_locust,
    read_log,
    out_dir,
    presign,
    log,
    keep_going=False,
) -> dict:
    """Steps until one fails; with `keep_going`, past a slow p95 until a save errs or is lost
    (how the answer time grows beyond the capacity, and where the server breaks outright)."""
    rows = []
    for leaders in steps:
        target = refresh_target(target, env, out_dir)
        report = run_check(
            target,
            env,
            leaders=leaders,
            saves_per_leader=None,
            seconds=seconds,
            pause=pause,
            run_locust=run_locust,
            read_log=read_log,
            out_dir=out_dir,
            user_class="FastLeaderUser",
            stagger=True,
            presign=presign,
            label=f"capacity-{leaders}",
        )
        report.pop("lost_examples", None)
        report["saves_per_second"] = round(report["requests"] / seconds, 1)
        report["passed"] = step_passed(report, limit_ms)
        rows.append(report)
        log(capacity_line(report))
        broken = report["errors"] or report["http_errors"] or report["lost"]
        if not report["passed"] and (broken or not keep_going):
            break
    passing = []
    for row in rows:  # the capacity is the last step of an unbroken run of passes
        if not row["passed"]:
            break
        passing.append(row["leaders"])
    return {
        "p95_limit_ms": limit_ms,
        "pause_s": pause,
        "seconds_per_step": seconds,
        "largest_passing_leaders": max(passing) if passing else 0,
        "steps": rows,
    }


def capacity_line(row: dict) -> str:
    return (
        f"{'PASS' if row['passed'] else 'FAIL'}  {row['leaders']:>5} leaders: "
        f"{row['requests']} saves ({row['saves_per_second']}/s), p50/p95 client "
        f"{row['client_p50_ms']}/{row['client_p95_ms']} ms, server "
        f"{row['server_p50_ms']}/{row['server_p95_ms']} ms; errors {row['errors']}, "
        f"HTTP errors {row['http_errors']}, lost {row['lost']}, conflicts {row['conflicts']}"
    )
