"""How much room the block history takes on the national data set, and what pruning keeps.

    python -m bench.history_size [--database cbmc_bench]

Reads the size of `canvases_blockchange` (`pg_total_relation_size`: rows,
TOAST and indexes) in the benchmark database, then copies that database
(`CREATE DATABASE … TEMPLATE`), prunes the copy by the rule of
`manage.py prune_block_history` (PRUNE_SQL below says why not the command
itself), rewrites the table there (`VACUUM FULL`) and reads its size again; the
copy is dropped afterwards, so the benchmark's data set stays whole. Run it
after `make bench` has seeded the database, with no server on it.
"""

import argparse
import datetime
import json
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TABLE = "canvases_blockchange"


def _connect(url: str):
    import psycopg2

    connection = psycopg2.connect(url)
    connection.autocommit = True
    return connection


def _with_name(url: str, name: str) -> str:
    return urlsplit(url)._replace(path=f"/{name}").geturl()


def table_figures(url: str, vacuum: bool = False) -> dict:
    """Rows, sizes and the age spread of the block history in the database at `url`."""
    connection = _connect(url)
    try:
        with connection.cursor() as cursor:
            if vacuum:
                cursor.execute(f'VACUUM FULL ANALYZE "{TABLE}"')
            cursor.execute(
                f"""SELECT count(*), pg_total_relation_size('{TABLE}'),
                           pg_relation_size('{TABLE}'), pg_indexes_size('{TABLE}'),
                           coalesce(avg(octet_length(text)), 0),
                           count(*) FILTER (WHERE at >= now() - interval '90 days'),
                           min(at), max(at)
                    FROM "{TABLE}" """
            )
            rows, total, heap, indexes, text_bytes, recent, oldest, newest = cursor.fetchone()
            cursor.execute("SELECT count(*) FROM canvases_canvasversion")
            versions = cursor.fetchone()[0]
    finally:
        connection.close()
    return {
        "rows": rows,
        "total_bytes": total,
        "total_mb": round(total / 2**20, 1),
        "heap_mb": round(heap / 2**20, 1),
        "indexes_mb": round(indexes / 2**20, 1),
        "toast_and_other_mb": round((total - heap - indexes) / 2**20, 1),
        "bytes_per_row": round(total / rows, 1) if rows else None,
        "average_text_bytes": round(float(text_bytes), 1),
        "rows_last_90_days": recent,
        "oldest": oldest.isoformat() if oldest else None,
        "newest": newest.isoformat() if newest else None,
        "versions": versions,
    }


# The rule of `prune_block_history` (canvases.services.block_history_prune):
# drop texts older than BLOCK_HISTORY_DAYS when the block has a newer text.
# Written as EXISTS (a newer text) on the (canvas, block, revision) index: the
# command's NOT IN (DISTINCT ON …) is planned as an unhashed subplan at this
# size (EXPLAIN cost 7e11 with work_mem 4MB); it was stopped after nine minutes.
PRUNE_SQL = f"""
    DELETE FROM "{TABLE}" AS old
    WHERE old.at < now() - make_interval(days => %s)
      AND EXISTS (
          SELECT 1 FROM "{TABLE}" AS newer
          WHERE newer.canvas_id = old.canvas_id
            AND newer.block_key = old.block_key
            AND newer.revision > old.revision
      )
"""


def prune_copy(url: str) -> str:
    from canvases.models import BLOCK_HISTORY_DAYS

    connection = _connect(url)
    try:
        with connection.cursor() as cursor:
            cursor.execute(PRUNE_SQL, [BLOCK_HISTORY_DAYS])
            return f"{cursor.rowcount} block texts older than {BLOCK_HISTORY_DAYS} days pruned"
    finally:
        connection.close()


def measure(database: str) -> dict:
    from bench.run import database_url

    url = database_url(database)
    before = table_figures(url)
    copy = f"{database}_prune"
    admin = _connect(_with_name(url, "postgres"))
    try:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{copy}"')
            cursor.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{database}"')
        pruned = prune_copy(_with_name(url, copy))
        after = table_figures(_with_name(url, copy), vacuum=True)
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{copy}"')
        admin.close()
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": database,
        "before": before,
        "pruned": pruned,
        "after_prune_and_vacuum_full": after,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="cbmc_bench")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cbmc_portal.settings")
    import django

    django.setup()
    report = measure(args.database)
    for label in ("before", "after_prune_and_vacuum_full"):
        figures = report[label]
        print(
            f"{label}: {figures['rows']:,} rows, {figures['total_mb']} MB "
            f"(heap {figures['heap_mb']}, indexes {figures['indexes_mb']}, "
            f"TOAST/other {figures['toast_and_other_mb']}), {figures['bytes_per_row']} B a row"
        )
    print(f"pruned: {report['pruned']}")
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"block-history-{report['date'][:10]}.json"
    path.write_text(json.dumps(report, indent=2))
    print(f"written {path}")
    return report


if __name__ == "__main__":
    main()
