"""Keeping the dashboards' summary rows (GroupTally, MonthTally, DecisionTally) true.

A version its leaders withdrew before review is not counted as submitted.

The rows of a group are recomputed from its canvases, versions and events,
never incremented, so they cannot drift: `refresh_groups` is called by every
change of a canvas's state, inside that change's transaction, and a group has
few canvases, so it costs a few small indexed queries. `refresh_groups(None)`
recomputes every group at once (after a bulk load such as the benchmark's).

Two changes in one group at the same moment take turns: each first holds a
transaction-scoped advisory lock on the group, so the second reads what the
first committed before it writes.
"""

from django.db import connection

from canvases.models import CanvasStatus, EventKind

# The advisory-lock namespace of these rows (any constant unique to this purpose).
_LOCK_NAMESPACE = 0x7A11
BANGKOK = "Asia/Bangkok"

# The group's place, repeated on each of its rows (see canvases.models.PlacedTally).
_PLACE = """
JOIN communities_communitygroup g ON g.id = c.group_id
JOIN communities_tambon t ON t.code = g.tambon_id
JOIN communities_province p ON p.code = t.province_id
"""

_GROUP_TALLY = """
INSERT INTO canvases_grouptally
    (group_id, region_id, province_id, tambon_id,
     draft, submitted, changes_requested, approved, waiting_since)
SELECT c.group_id, p.region_id, t.province_id, g.tambon_id,
       COUNT(*) FILTER (WHERE c.status = %(draft)s),
       COUNT(*) FILTER (WHERE c.status = %(submitted)s),
       COUNT(*) FILTER (WHERE c.status = %(changes_requested)s),
       COUNT(*) FILTER (WHERE c.status = %(approved)s),
       MIN(v.submitted_at) FILTER (WHERE c.status = %(submitted)s)
FROM canvases_canvas c
{place}
LEFT JOIN canvases_canvasversion v ON v.canvas_id = c.id AND v.number = c.version_count
WHERE {groups}
GROUP BY c.group_id, p.region_id, t.province_id, g.tambon_id
"""

_MONTH_TALLY = """
INSERT INTO canvases_monthtally
    (group_id, region_id, province_id, tambon_id, month, submitted, approved)
SELECT counted.group_id, p.region_id, t.province_id, g.tambon_id,
       month, SUM(submitted), SUM(approved)
FROM (
    SELECT c.group_id, DATE_TRUNC('month', v.submitted_at AT TIME ZONE %(tz)s)::date AS month,
           1 AS submitted, 0 AS approved
    FROM canvases_canvasversion v JOIN canvases_canvas c ON c.id = v.canvas_id
    WHERE v.withdrawn_at IS NULL AND {groups}
    UNION ALL
    SELECT c.group_id, DATE_TRUNC('month', e.at AT TIME ZONE %(tz)s)::date, 0, 1
    FROM canvases_canvasevent e JOIN canvases_canvas c ON c.id = e.canvas_id
    WHERE e.kind = %(approved_event)s AND {groups}
) AS counted
JOIN communities_communitygroup g ON g.id = counted.group_id
JOIN communities_tambon t ON t.code = g.tambon_id
JOIN communities_province p ON p.code = t.province_id
GROUP BY counted.group_id, p.region_id, t.province_id, g.tambon_id, month
"""

_DECISION_TALLY = """
INSERT INTO canvases_decisiontally
    (event_id, group_id, region_id, province_id, tambon_id, decided_at, approved, waited_days)
SELECT e.id, c.group_id, p.region_id, t.province_id, g.tambon_id, e.at,
       e.kind = %(approved_event)s, EXTRACT(EPOCH FROM e.at - v.submitted_at) / 86400.0
FROM canvases_canvasevent e
JOIN canvases_canvas c ON c.id = e.canvas_id
{place}JOIN canvases_canvasversion v ON v.id = e.version_id
WHERE e.kind IN (%(approved_event)s, %(changes_requested_event)s) AND {groups}
"""

_TABLES = ("canvases_grouptally", "canvases_monthtally", "canvases_decisiontally")


def refresh_groups(group_ids) -> None:
    """Recompute the summary rows of these groups (None: of every group) from their canvases."""
    params = {
        "draft": CanvasStatus.DRAFT,
        "submitted": CanvasStatus.SUBMITTED,
        "changes_requested": CanvasStatus.CHANGES_REQUESTED,
        "approved": CanvasStatus.APPROVED,
        "approved_event": EventKind.APPROVED,
        "changes_requested_event": EventKind.CHANGES_REQUESTED,
        "tz": BANGKOK,
    }
    with connection.cursor() as cursor:
        if group_ids is None:
            # DELETE, not TRUNCATE: it also runs in a transaction with checks pending.
            for table in _TABLES:
                cursor.execute(f"DELETE FROM {table}")
            groups = "TRUE"
        else:
            params["groups"] = sorted(set(group_ids))
            # In one order, so two changes over several groups never wait on each other.
            cursor.execute(
                "SELECT pg_advisory_xact_lock(%(namespace)s, g)"
                " FROM unnest(%(groups)s::int[]) AS g ORDER BY g",
                {**params, "namespace": _LOCK_NAMESPACE},
            )
            for table in _TABLES:
                cursor.execute(f"DELETE FROM {table} WHERE group_id = ANY(%(groups)s)", params)
            groups = "c.group_id = ANY(%(groups)s)"
        for statement in (_GROUP_TALLY, _MONTH_TALLY, _DECISION_TALLY):
            cursor.execute(statement.format(groups=groups, place=_PLACE), params)


def refresh_group(group_id: int) -> None:
    refresh_groups([group_id])


def refresh_moved_groups(sender, *, group_ids, **kwargs) -> None:
    """`communities.signals.groups_moved`: the groups' rows carry their old place."""
    refresh_groups(group_ids)
