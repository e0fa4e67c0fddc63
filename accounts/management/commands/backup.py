import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

from cbmc_portal import pgtools


class Command(BaseCommand):
    help = (
        "Write a pg_dump custom-format backup of the portal's database (embedded or "
        "DATABASE_URL); restore it with `manage.py restore FILE`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            nargs="?",
            help="where to write it (default: cbmc-backup-<date>-<time>.dump here)",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, file=None, database=DEFAULT_DB_ALIAS, **options):
        connection = connections[database]
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        target = Path(file or f"cbmc-backup-{stamp}.dump")
        pg_dump = pgtools.find_program("pg_dump", pgtools.server_major(connection))
        # The file holds everyone's personal data: readable by its owner only, from the start.
        target.touch(mode=0o600, exist_ok=True)
        target.chmod(0o600)
        result = subprocess.run(
            [
                str(pg_dump),
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--file={target}",
            ],
            env=pgtools.client_environment(connection.settings_dict),
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            target.unlink(missing_ok=True)
            raise CommandError(f"pg_dump failed: {result.stderr.strip()}")
        size = target.stat().st_size
        self.stdout.write(
            f"Backed up database {connection.settings_dict['NAME']} to {target} "
            f"({size:,} bytes, {pg_dump})"
        )
