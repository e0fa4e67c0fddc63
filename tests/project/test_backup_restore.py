"""`manage.py backup` and `restore`: what goes out comes back, into an empty database only."""

import os
import subprocess
import sys

import psycopg2
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from psycopg2 import sql

from cbmc_portal import pgtools
from tests import factories
from tests.project.test_production import ROOT

# The data must be committed for pg_dump, which reads through its own connection.
pytestmark = pytest.mark.django_db(transaction=True)


def _url(settings_dict, name):
    user = settings_dict["USER"] or ""
    password = f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else ""
    if settings_dict["HOST"].startswith("/"):
        return f"postgresql://{user}{password}@/{name}?host={settings_dict['HOST']}"
    port = f":{settings_dict['PORT']}" if settings_dict["PORT"] else ""
    return f"postgresql://{user}{password}@{settings_dict['HOST']}{port}/{name}"


def _connect(name):
    db = connection.settings_dict
    return psycopg2.connect(
        dbname=name,
        user=db["USER"] or None,
        password=db["PASSWORD"] or None,
        host=db["HOST"] or None,
        port=db["PORT"] or None,
    )


def _counts(name, tables):
    with _connect(name) as conn, conn.cursor() as cursor:
        counts = {}
        for table in tables:
            cursor.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
            counts[table] = cursor.fetchone()[0]
    conn.close()
    return counts


def _restore(path, database_name):
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment["DEBUG"] = "1"
    environment["DATABASE_URL"] = _url(connection.settings_dict, database_name)
    return subprocess.run(
        [sys.executable, "manage.py", "restore", str(path)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def fresh_database():
    """An empty database beside the test database, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restored"
    statement = "DROP DATABASE IF EXISTS {}"
    with connection.cursor() as cursor:
        cursor.execute(sql.SQL(statement).format(sql.Identifier(name)))
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield name
    with connection.cursor() as cursor:
        cursor.execute(sql.SQL(statement + " WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture
def some_portal():
    group = factories.CommunityGroupFactory(name="กลุ่มแปรรูปมะละกอบ้านนาเหนือ")
    leader = factories.UserFactory(username="leader-backup", display_name="ป้าศรี ใจดี")
    factories.MembershipFactory(group=group, user=leader)
    canvas = factories.CanvasFactory(group=group, title="มะละกอกรอบ", filled=True)
    factories.CanvasVersionFactory(canvas=canvas)
    factories.NotificationFactory(recipient=leader)
    return canvas


def test_a_backup_restores_into_a_fresh_database(tmp_path, some_portal, fresh_database):
    backup = tmp_path / "portal.dump"
    call_command("backup", str(backup))
    assert backup.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    assert backup.stat().st_mode & 0o777 == 0o600  # personal data: its owner only

    result = _restore(backup, fresh_database)
    assert result.returncode == 0, result.stderr

    tables = connection.introspection.table_names()
    source = _counts(connection.settings_dict["NAME"], tables)
    restored = _counts(fresh_database, tables)
    assert restored == source
    assert source["canvases_canvas"] == 1 and source["accounts_user"] >= 1

    with _connect(fresh_database) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT title, blocks FROM canvases_canvas WHERE id = %s", [some_portal.pk])
        title, blocks = cursor.fetchone()
        cursor.execute("SELECT display_name FROM accounts_user WHERE username = 'leader-backup'")
        (display_name,) = cursor.fetchone()
        cursor.execute("SELECT max(id) FROM django_migrations")
        (last_migration,) = cursor.fetchone()
    conn.close()
    assert title == "มะละกอกรอบ"
    assert blocks == some_portal.blocks
    assert display_name == "ป้าศรี ใจดี"
    assert last_migration is not None


def test_restore_refuses_a_database_that_is_not_empty(tmp_path, some_portal, fresh_database):
    backup = tmp_path / "portal.dump"
    call_command("backup", str(backup))
    assert _restore(backup, fresh_database).returncode == 0
    before = _counts(fresh_database, ["canvases_canvas", "accounts_user"])

    again = _restore(backup, fresh_database)
    assert again.returncode != 0
    assert "is not empty" in again.stderr
    assert _counts(fresh_database, ["canvases_canvas", "accounts_user"]) == before


def test_restore_refuses_the_portal_database_in_use(tmp_path):
    backup = tmp_path / "portal.dump"
    backup.write_bytes(b"PGDMP")
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(backup))


def test_restore_needs_an_existing_file(tmp_path):
    with pytest.raises(CommandError, match="No backup file"):
        call_command("restore", str(tmp_path / "missing.dump"))


def test_the_client_programs_match_the_server_version():
    major = pgtools.server_major(connection)
    assert pgtools.program_major(pgtools.find_program("pg_dump", major)) == major
    assert pgtools.program_major(pgtools.find_program("pg_restore", major)) == major
