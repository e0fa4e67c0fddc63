import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from cbmc_portal import pgtools


class Command(BaseCommand):
    help = (
        "Restore a backup written by `manage.py backup` into an EMPTY database "
        "(the embedded one or DATABASE_URL). A database with tables is refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a file written by `manage.py backup`")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, file, database=DEFAULT_DB_ALIAS, **options):
        source = Path(file)
        if not source.is_file():
            raise CommandError(f"No backup file at {source}")
        connection = connections[database]
        name = connection.settings_dict["NAME"]
        tables = connection.introspection.table_names()
        if tables:
            raise CommandError(
                f"Database {name} is not empty ({len(tables)} tables): restore only into an "
                "empty database, so nothing in it is overwritten or mixed with the backup. "
                "Create a new database, point DATABASE_URL at it and run restore again."
            )
        pg_restore = pgtools.find_program("pg_restore", pgtools.server_major(connection))
        connection.close()
        result = subprocess.run(
            [
                str(pg_restore),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                # All or nothing: a failed restore leaves the database empty again.
                "--single-transaction",
                f"--dbname={name}",
                str(source),
            ],
            env=pgtools.client_environment(connection.settings_dict),
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise CommandError(f"pg_restore failed: {result.stderr.strip()}")
        self.stdout.write(f"Restored {source} into database {name} ({pg_restore})")
