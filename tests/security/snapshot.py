"""What "the data did not change" means: row counts and a digest of the main tables.

One query reads every table's count and an md5 of its rows in a stable order,
so a request's effect on the data can be compared before and after at the
cost of one round trip.
"""

from django.apps import apps
from django.db import connection

# The tables whose rows a request must not touch without the right. Sessions,
# the audit trail and sign-in throttling records are left out on purpose: a
# refused request may well write those.
WATCHED_MODELS = (
    "accounts.User",
    "accounts.Notification",
    "communities.Region",
    "communities.RegionStaff",
    "communities.CommunityGroup",
    "communities.Membership",
    "mentors.Mentor",
    "mentors.Cohort",
    "mentors.Assignment",
    "mentors.FollowUp",
    "canvases.Canvas",
    "canvases.CanvasVersion",
    "canvases.CanvasSave",
    "canvases.CanvasEvent",
    "canvases.CommentThread",
    "canvases.Comment",
)


def watched_tables() -> list[str]:
    tables = []
    for label in WATCHED_MODELS:
        model = apps.get_model(label)
        tables.append(model._meta.db_table)
        for m2m in model._meta.local_many_to_many:
            through = m2m.remote_field.through
            if through._meta.auto_created:
                tables.append(through._meta.db_table)
    return tables


def snapshot() -> dict[str, tuple[int, str]]:
    """{table: (row count, md5 of its rows)} for every watched table."""
    tables = watched_tables()
    parts = [
        f"SELECT %s, count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
        f"FROM {connection.ops.quote_name(table)} t"
        for table in tables
    ]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), tables)
        return {name: (count, digest) for name, count, digest in cursor.fetchall()}


def changed_tables(before: dict, after: dict) -> list[str]:
    return sorted(
        f"{table} ({before[table][0]} -> {after[table][0]} rows)"
        for table in before
        if before[table] != after[table]
    )
