"""Bulk loading with PostgreSQL's COPY: hundreds of thousands of rows a second."""

import contextlib
import csv
import io

from django.db import connection

CHUNK_ROWS = 20_000


def next_id(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT COALESCE(MAX(id), 0) + 1 FROM "{table}"')
        return cursor.fetchone()[0]


def copy_rows(table: str, columns: list[str], rows) -> int:
    """Stream `rows` (tuples; None for NULL) into `table` in CSV chunks."""
    count = 0
    column_list = ", ".join(f'"{c}"' for c in columns)
    sql = f"COPY \"{table}\" ({column_list}) FROM STDIN WITH (FORMAT csv, NULL '\\N')"
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    with connection.cursor() as cursor:
        raw = cursor.cursor
        for row in rows:
            writer.writerow(["\\N" if value is None else value for value in row])
            count += 1
            if count % CHUNK_ROWS == 0:
                buffer.seek(0)
                raw.copy_expert(sql, buffer)
                buffer.seek(0)
                buffer.truncate()
        if buffer.tell():
            buffer.seek(0)
            raw.copy_expert(sql, buffer)
    return count


def reset_sequence(table: str):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
            f'COALESCE((SELECT MAX(id) FROM "{table}"), 1))'
        )


@contextlib.contextmanager
def foreign_keys_checked_once(table: str):
    """Drop `table`'s foreign keys for a bulk load and add them back after.

    A deferred foreign key checks every loaded row one by one at COMMIT (for
    millions of rows, many minutes); added back, it checks them all in one
    join. The constraints come back with their own names and definitions.
    Checks still pending in the transaction run first: PostgreSQL will not
    alter a table that has any.
    """
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype = 'f'",
            [table],
        )
        keys = cursor.fetchall()
        for name, _definition in keys:
            cursor.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
    yield
    with connection.cursor() as cursor:
        for name, definition in keys:
            cursor.execute(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
