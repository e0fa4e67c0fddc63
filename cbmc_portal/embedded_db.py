"""The embedded PostgreSQL used when DATABASE_URL is not set.

`pgserver` ships a real PostgreSQL server in a pip package. It listens on a
Unix socket only, inside the data folder; the folder's path must stay short
because socket paths are limited to about 100 characters.
"""

import logging
import warnings
from pathlib import Path


def embedded_database_url(data_dir: Path, name: str = "cbmc") -> str:
    """Start (or reuse) the embedded server in `data_dir`; the URL of database `name` on it."""
    warnings.filterwarnings("ignore", module="platformdirs")
    logging.getLogger("pgserver").setLevel(logging.WARNING)
    import pgserver

    data_dir.parent.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None leaves the server running between commands, so a
    # second `make run` starts at once and keeps its data.
    server = pgserver.get_server(data_dir, cleanup_mode=None)
    url = server.get_uri(name)
    ensure_database(url)
    return url


def _on_maintenance_database(url: str, statement) -> None:
    """Run `statement(cursor, name)` on the server's `postgres` database, outside a transaction."""
    from urllib.parse import urlsplit

    import psycopg2

    parts = urlsplit(url)
    connection = psycopg2.connect(parts._replace(path="/postgres").geturl())
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            statement(cursor, parts.path.lstrip("/"))
    finally:
        connection.close()


def ensure_database(url: str) -> None:
    """Create the database named in `url` if the server does not have it yet."""
    from psycopg2 import sql

    def create(cursor, name):
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))

    _on_maintenance_database(url, create)


def drop_database(url: str) -> None:
    """Drop the database named in `url`, closing its connections."""
    from psycopg2 import sql

    def drop(cursor, name):
        cursor.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )

    _on_maintenance_database(url, drop)


if __name__ == "__main__":
    # `python -m cbmc_portal.embedded_db`: start the embedded server, or make
    # sure the database DATABASE_URL names exists on its server.
    import os

    base_dir = Path(__file__).resolve().parent.parent
    if os.environ.get("DATABASE_URL"):
        ensure_database(os.environ["DATABASE_URL"])
    else:
        data_dir = Path(os.environ.get("EMBEDDED_DB_DIR") or base_dir / ".local" / "pg")
        embedded_database_url(data_dir)
