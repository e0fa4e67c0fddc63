"""pg_dump and pg_restore for the database the portal uses, whatever its version.

The embedded server (pgserver) is PostgreSQL 16 and ships its own client
programs; a configured server may be another version (Debian's PostgreSQL 15
in CI). A dump is taken and restored with the programs of the server's own
major version, so the archive suits it; a newer client is the fallback, as
PostgreSQL supports dumping an older server with a newer pg_dump.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


def candidate_bin_dirs() -> list[Path]:
    """Where client programs may be: PG_BIN_DIR, pgserver's, Debian's, then PATH."""
    dirs = []
    if os.environ.get("PG_BIN_DIR"):
        dirs.append(Path(os.environ["PG_BIN_DIR"]))
    try:
        import pgserver

        dirs.append(Path(pgserver.__file__).parent / "pginstall" / "bin")
    except ImportError:  # pragma: no cover - pgserver is a dependency
        pass
    dirs.extend(sorted(Path("/usr/lib/postgresql").glob("*/bin")))
    on_path = shutil.which("pg_dump")
    if on_path:
        dirs.append(Path(on_path).resolve().parent)
    return dirs


def program_major(path: Path) -> int | None:
    """The PostgreSQL major version a client program belongs to, or None if it does not run."""
    try:
        result = subprocess.run(
            [str(path), "--version"], capture_output=True, text=True, timeout=30, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r"\(PostgreSQL\) (\d+)", result.stdout)
    return int(match.group(1)) if match else None


def find_program(name: str, server_major: int) -> Path:
    """`pg_dump` or `pg_restore` of the server's major version, else the nearest newer one."""
    found: dict[int, Path] = {}
    for directory in candidate_bin_dirs():
        path = directory / name
        if path.is_file():
            major = program_major(path)
            if major is not None:
                found.setdefault(major, path)
    if server_major in found:
        return found[server_major]
    newer = sorted(major for major in found if major > server_major)
    if newer:
        return found[newer[0]]
    raise ImproperlyConfigured(
        f"No {name} for PostgreSQL {server_major} (found: {sorted(found) or 'none'}). "
        f"Install the PostgreSQL {server_major} client programs or set PG_BIN_DIR."
    )


def server_major(connection) -> int:
    connection.ensure_connection()
    return connection.pg_version // 10000


def client_environment(settings_dict: dict) -> dict[str, str]:
    """libpq's variables for the database Django connects to (no password on a command line)."""
    environment = dict(os.environ)
    values = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": str(settings_dict.get("PORT") or ""),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict.get("NAME"),
    }
    for key, value in values.items():
        environment.pop(key, None)
        if value:
            environment[key] = value
    return environment
