"""The autosave check: leaders autosaving at once, and every acknowledged save found afterwards.

`bench/run.py` calls `run_check` after the pages: N simulated leaders
(locust's LeaderUser in bench/locustfile.py) sign in and type Thai words
into their blocks, autosaving after each pause. One in five pairs up with a
co-leader of the same group on one canvas, the two typing into different
blocks (the case that must merge silently); the others type alone, each on
a canvas of their own. Every acknowledged save (canvas, block, text, save
id, revision) is written down by the client; afterwards the database is
asked (`python -m bench.autosave_check verify <acks>`, with the bench's
DATABASE_URL) whether each acknowledged text is in the canvas's current
blocks or in its block history (`canvases.BlockChange`) and each save id in
the save log (`canvases.CanvasSave`).
"""

import json
import os
import sys
from pathlib import Path

PAIR_SHARE = 5  # one leader in five types beside a co-leader on a shared canvas
SAVES_PER_BLOCK = 3  # a leader autosaves a block this many times before the next block


def plan_leaders(target: dict, leaders: int) -> list[dict]:
    """`leaders` simulated leaders: pairs on shared canvases (different blocks), the rest alone."""
    keys = target["block_keys"]
    pairs = min(leaders // PAIR_SHARE, len(target["shared"]), leaders // 2)
    alone = leaders - 2 * pairs
    if alone > len(target["solo"]):
        raise SystemExit(
            f"the data set has {len(target['solo'])} editable canvases for leaders typing alone; "
            f"{alone} were asked (seed a larger scale or ask for fewer leaders)"
        )
    plan = []

    def leader(canvas, login, blocks):
        return {
            "login": login,
            "password": target["password"],
            "canvas": canvas["canvas"],
            "path": canvas["path"],
            "revision": canvas["revision"],
            "texts": canvas["texts"],
            "blocks": blocks,
            "phrases": {key: target["phrases"][key] for key in blocks},
        }

    for canvas in target["shared"][:pairs]:
        first, second = canvas["logins"][:2]
        plan.append(leader(canvas, first, keys[0::2]))
        plan.append(leader(canvas, second, keys[1::2]))
    for canvas in target["solo"][:alone]:
        plan.append(leader(canvas, canvas["logins"][0], keys))
    return plan


def run_check(
    target,
    env,
    *,
    leaders,
    saves_per_leader,
    seconds,
    pause,
    run_locust,
    read_log,
    out_dir,
    user_class="LeaderUser",
    stagger=False,
    presign=None,
    label="check",
) -> dict:
    """Run the leaders, then verify every acknowledged save against the database.

    With `saves_per_leader` each leader makes exactly that many saves (the
    smoke version, no clock); otherwise each types for `seconds` after signing in.
    `presign(logins)` gives each leader cookies of a session made beforehand
    (bench/presigned.py) instead of the sign-in form; `stagger` spreads the
    leaders' first saves over the first pause (both for the capacity run).
    """
    plan = plan_leaders(target, leaders)
    if presign:
        cookies = presign(sorted({leader["login"] for leader in plan}))
        for leader in plan:
            leader["cookies"] = cookies[leader["login"]]
    acks = out_dir / f"autosave-acks-{label}.jsonl"
    acks.write_text("")
    check = {
        "leaders": plan,
        "saves_per_leader": saves_per_leader,
        "seconds": None if saves_per_leader else seconds,
        "pause": pause,
        "stagger": stagger,
        "saves_per_block": SAVES_PER_BLOCK,
        "max_chars": target["max_chars"],
        "acks": str(acks),
    }
    plan_file = out_dir / f"autosave-plan-{label}.json"
    plan_file.write_text(json.dumps(check, ensure_ascii=False), encoding="utf-8")
    ceiling = 600 + (0 if saves_per_leader else seconds)
    csv_prefix = run_locust(
        user_class,
        {**env, "BENCH_CHECK_FILE": str(plan_file)},
        len(plan),
        out_dir,
        label,
        ceiling,
    )
    paths = {leader["path"] for leader in plan}
    rows = read_log(csv_prefix, paths)
    report = verify_in_database(acks, env)
    client_ms = [row["ms"] for row in _acks(acks) if "ms" in row]
    server_ms = [row["ms"] for row in rows]
    report.update(
        leaders=len(plan),
        shared_canvases=sum(
            1 for i in range(1, len(plan)) if plan[i]["canvas"] == plan[i - 1]["canvas"]
        ),
        saves_per_leader=saves_per_leader,
        seconds=None if saves_per_leader else seconds,
        pause_s=pause,
        requests=len(rows),
        http_errors=sum(1 for row in rows if row["status"] >= 400),
        client_p50_ms=_percentile(client_ms, 0.50),
        client_p95_ms=_percentile(client_ms, 0.95),
        server_p50_ms=_percentile(server_ms, 0.50),
        server_p95_ms=_percentile(server_ms, 0.95),
    )
    return report


def summary_line(report: dict) -> str:
    return (
        f"autosave check: {report['leaders']} leaders "
        f"({report['shared_canvases']} shared canvases), "
        f"{report['acknowledged']} saves acknowledged, {report['found']} found, "
        f"{report['lost']} lost; {report['merged_answers']} answers merged a co-leader's text, "
        f"{report['conflicts']} conflicts, {report['errors']} errors; autosave answer "
        f"p50 {report['client_p50_ms']} ms / p95 {report['client_p95_ms']} ms at the client, "
        f"p50 {report['server_p50_ms']} ms / p95 {report['server_p95_ms']} ms in the server"
    )


def _percentile(values, share):
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))], 2)


def _acks(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _in_database(env, *args) -> str:
    import subprocess

    root = Path(__file__).resolve().parent.parent
    return subprocess.run(
        [sys.executable, "-m", "bench.autosave_check", *map(str, args)],
        cwd=root,
        env={**env, "DEBUG": "1"},
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def refresh_target(target: dict, env, work: Path) -> dict:
    """The check's canvases with their current revision and texts, for another round of
    typing in them (a leader starting from an old revision would meet their own past saves
    as someone else's)."""
    path = work / "autosave-target.json"
    path.write_text(json.dumps(target, ensure_ascii=False), encoding="utf-8")
    _in_database(env, "refresh", path)
    return json.loads(path.read_text(encoding="utf-8"))


def refresh(path: Path):
    """Rewrite the target file's canvases with their revision and texts now."""
    from canvases.models import Canvas

    target = json.loads(path.read_text(encoding="utf-8"))
    canvases = target["shared"] + target["solo"]
    current = Canvas.objects.in_bulk([c["canvas"] for c in canvases])
    for entry in canvases:
        canvas = current[entry["canvas"]]
        entry["revision"] = canvas.revision
        entry["texts"] = {key: canvas.text(key) for key in target["block_keys"]}
    path.write_text(json.dumps(target, ensure_ascii=False), encoding="utf-8")


def verify_in_database(acks: Path, env) -> dict:
    return json.loads(_in_database(env, "verify", acks).strip().splitlines()[-1])


def verify(acks: Path) -> dict:
    """Every acknowledged save, looked up in the database (Django set up by the caller)."""
    from canvases import models

    rows = _acks(acks)
    acked = [row for row in rows if row["state"] in ("saved", "already_saved")]
    canvas_ids = {row["canvas"] for row in acked}
    current = dict(models.Canvas.objects.filter(pk__in=canvas_ids).values_list("pk", "blocks"))
    history = set()
    block_change = getattr(models, "BlockChange", None)
    if block_change is not None:
        history = set(
            block_change.objects.filter(canvas_id__in=canvas_ids).values_list(
                "canvas_id", "block_key", "text"
            )
        )
    logged = {
        (canvas_id, save_id): revision
        for canvas_id, save_id, revision in models.CanvasSave.objects.filter(
            canvas_id__in=canvas_ids, save_id__in={row["save_id"] for row in acked}
        ).values_list("canvas_id", "save_id", "revision")
    }
    texts_missing = save_ids_missing = revision_mismatch = found = 0
    lost_examples = []
    for row in acked:
        canvas, key, text = row["canvas"], row["block"], row["text"]
        text_found = (current.get(canvas) or {}).get(key) == text or (canvas, key, text) in history
        save_found = (canvas, row["save_id"]) in logged
        texts_missing += not text_found
        save_ids_missing += not save_found
        revision_mismatch += save_found and logged[(canvas, row["save_id"])] != row["revision"]
        if text_found and save_found:
            found += 1
        elif len(lost_examples) < 5:
            lost_examples.append({k: row[k] for k in ("canvas", "block", "save_id", "revision")})
    return {
        "acknowledged": len(acked),
        "found": found,
        "lost": len(acked) - found,
        "texts_missing": texts_missing,
        "save_ids_missing": save_ids_missing,
        "revision_mismatch": revision_mismatch,
        "history_table": block_change is not None,
        "merged_answers": sum(1 for row in acked if row.get("merged")),
        "conflicts": sum(1 for row in rows if row["state"] == "conflict"),
        "errors": sum(1 for row in rows if row["state"] in ("error", "unanswered")),
        "lost_examples": lost_examples,
    }


if __name__ == "__main__":
    if sys.argv[1:2] not in (["verify"], ["refresh"]) or len(sys.argv) != 3:
        raise SystemExit(
            "usage: python -m bench.autosave_check verify <acknowledged saves .jsonl>\n"
            "       python -m bench.autosave_check refresh <check target .json>"
        )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cbmc_portal.settings")
    import django

    django.setup()
    if sys.argv[1] == "refresh":
        refresh(Path(sys.argv[2]))
    else:
        print(json.dumps(verify(Path(sys.argv[2]))))
