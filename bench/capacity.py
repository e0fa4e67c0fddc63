"""How many leaders can type at once on one server: the capacity run of `bench/run.py --capacity`.

Steps up the number of simulated leaders (locust's FastLeaderUser, each
autosaving every 2.5 s into a canvas of their own, one in five beside a
co-leader) until the autosave answer's p95, measured at the client (waiting
for a free worker included), passes the limit, or any save errs or is lost.
The largest step that passed is the server's capacity. Every step starts from
the canvases' current revisions (`refresh_target`), and every acknowledged
save is looked up in the database as in the autosave check.

The load generator runs on the same cores as the server, so each step also
records the CPU time the server itself spent (gunicorn and PostgreSQL, with
`server_cpu`): what one save costs a server given wholly to the portal.
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
    server_cpu=None,
) -> dict:
    """Steps until one fails; with `keep_going`, past a slow p95 until a save errs or is lost
    (how the answer time grows beyond the capacity, and where the server breaks outright).

    `server_cpu()`: the CPU seconds the server's processes have used so far (None: not
    measured)."""
    rows = []
    for leaders in steps:
        target = refresh_target(target, env, out_dir)
        cpu_before = server_cpu() if server_cpu else None
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
        if cpu_before is not None and report["requests"]:
            # Signing the leaders in and checking their saves are counted too: a little
            # more than the saves alone cost.
            spent = server_cpu() - cpu_before
            report["server_cpu_s"] = round(spent, 2)
            report["server_cpu_ms_per_save"] = round(spent * 1000 / report["requests"], 2)
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
    result = {
        "p95_limit_ms": limit_ms,
        "pause_s": pause,
        "seconds_per_step": seconds,
        "largest_passing_leaders": max(passing) if passing else 0,
        "steps": rows,
    }
    costs = sorted(row["server_cpu_ms_per_save"] for row in rows if "server_cpu_ms_per_save" in row)
    if costs:
        cost = costs[len(costs) // 2]  # the median step: startup weighs on the smallest
        result["server_cpu_ms_per_save"] = cost
        result["leaders_per_dedicated_core_ceiling"] = leaders_per_core(cost, pause)
    return result


def capacity_line(row: dict) -> str:
    cpu = (
        f", server CPU {row['server_cpu_ms_per_save']} ms a save"
        if "server_cpu_ms_per_save" in row
        else ""
    )
    return (
        f"{'PASS' if row['passed'] else 'FAIL'}  {row['leaders']:>5} leaders: "
        f"{row['requests']} saves ({row['saves_per_second']}/s), p50/p95 client "
        f"{row['client_p50_ms']}/{row['client_p95_ms']} ms, server "
        f"{row['server_p50_ms']}/{row['server_p95_ms']} ms{cpu}; errors {row['errors']}, "
        f"HTTP errors {row['http_errors']}, lost {row['lost']}, conflicts {row['conflicts']}"
    )


def leaders_per_core(cpu_ms_per_save: float, pause_s: float) -> int:
    """Leaders one core keeps up with when it does nothing else: each saves every `pause_s`.

    A ceiling, at 100% busy: the answer times of a core that busy grow without bound, so
    plan on the measured capacity and read this as how far a dedicated server could go."""
    return int(pause_s * 1000 / cpu_ms_per_save)


def process_tree_cpu_seconds(pids) -> float:
    """CPU seconds used by these processes, their live children and their ended children
    (a child's time is added to its parent's when the parent reaps it: PostgreSQL's
    backends, gunicorn's restarted workers)."""
    import psutil

    total = 0.0
    for pid in pids:
        try:
            root = psutil.Process(pid)
            times = root.cpu_times()
            children = root.children(recursive=True)
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system + times.children_user + times.children_system
        for child in children:
            try:
                child_times = child.cpu_times()
            except psutil.NoSuchProcess:
                continue  # ended since it was listed: its time reaches its parent's
            total += child_times.user + child_times.system
    return total
