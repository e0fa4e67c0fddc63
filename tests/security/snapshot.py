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
    "programme.GroupStage",
    "programme.StageMove",
    "programme.Result",
    "programme.PlanItem",
    # Stories and photos
    "programme.Story",
    "programme.StoryPhoto",
    "programme.PaperCanvasPhoto",
    # Learning forums and networks.
    "programme.Forum",
    "communities.GroupLink",
    "communities.CapitalItem",
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


def side_fingerprint(ids: dict) -> list:
    """A digest of every row of one side's group, its people, canvases, reviews and mentoring.

    Compared before and after a request made with the other side's objects:
    nothing of this side may change.
    """
    from django.contrib.auth import get_user_model

    from accounts.models import Notification
    from canvases.models import Canvas, CanvasVersion, Comment, CommentThread
    from communities.models import CapitalItem, CommunityGroup, Membership
    from mentors.models import Assignment, Cohort, FollowUp, Mentor

    group = ids["group"]
    people = get_user_model().objects.filter(memberships__group=group)
    querysets = [
        CommunityGroup.objects.filter(pk=group),
        Membership.objects.filter(group=group),
        get_user_model().objects.filter(pk__in=people.values("pk")),
        Canvas.objects.filter(group=group),
        CanvasVersion.objects.filter(canvas__group=group),
        CommentThread.objects.filter(canvas__group=group),
        Comment.objects.filter(thread__canvas__group=group),
        Mentor.objects.filter(pk=ids["mentor"]),
        Assignment.objects.filter(group=group),
        FollowUp.objects.filter(group=group),
        Cohort.objects.filter(pk=ids["cohort"]),
        Cohort.groups.through.objects.filter(cohort=ids["cohort"]),
        Cohort.mentors.through.objects.filter(cohort=ids["cohort"]),
        Notification.objects.filter(recipient__in=people.values("pk")),
        CapitalItem.objects.filter(tambon__groups=group),
    ]
    parts, params = [], []
    for index, qs in enumerate(querysets):
        meta = qs.model._meta
        inner, inner_params = qs.values("pk").query.sql_with_params()
        table, pk = (
            connection.ops.quote_name(meta.db_table),
            connection.ops.quote_name(meta.pk.column),
        )
        parts.append(
            f"SELECT {index}, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
            f"FROM {table} t WHERE t.{pk} IN ({inner})"
        )
        params.extend(inner_params)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(f"({part})" for part in parts), params)
        return [digest for _, digest in sorted(cursor.fetchall())]
