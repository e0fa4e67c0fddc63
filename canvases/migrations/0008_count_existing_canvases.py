"""Fill the dashboards' summary rows from the canvases already stored.

The statements of canvases.tallies as they stand at this migration, for every
group at once (a migration must not change when that module does).
"""

from django.db import migrations

COUNT = """
INSERT INTO canvases_grouptally
    (group_id, draft, submitted, changes_requested, approved, waiting_since)
SELECT c.group_id,
       COUNT(*) FILTER (WHERE c.status = 'draft'),
       COUNT(*) FILTER (WHERE c.status = 'submitted'),
       COUNT(*) FILTER (WHERE c.status = 'changes_requested'),
       COUNT(*) FILTER (WHERE c.status = 'approved'),
       MIN(v.submitted_at) FILTER (WHERE c.status = 'submitted')
FROM canvases_canvas c
LEFT JOIN canvases_canvasversion v ON v.canvas_id = c.id AND v.number = c.version_count
GROUP BY c.group_id;

INSERT INTO canvases_monthtally (group_id, month, submitted, approved)
SELECT group_id, month, SUM(submitted), SUM(approved)
FROM (
    SELECT c.group_id, DATE_TRUNC('month', v.submitted_at AT TIME ZONE 'Asia/Bangkok')::date
           AS month, 1 AS submitted, 0 AS approved
    FROM canvases_canvasversion v JOIN canvases_canvas c ON c.id = v.canvas_id
    WHERE v.withdrawn_at IS NULL
    UNION ALL
    SELECT c.group_id, DATE_TRUNC('month', e.at AT TIME ZONE 'Asia/Bangkok')::date, 0, 1
    FROM canvases_canvasevent e JOIN canvases_canvas c ON c.id = e.canvas_id
    WHERE e.kind = 'approved'
) AS counted
GROUP BY group_id, month;

INSERT INTO canvases_decisiontally (event_id, group_id, decided_at, approved, waited_days)
SELECT e.id, c.group_id, e.at, e.kind = 'approved',
       EXTRACT(EPOCH FROM e.at - v.submitted_at) / 86400.0
FROM canvases_canvasevent e
JOIN canvases_canvas c ON c.id = e.canvas_id
JOIN canvases_canvasversion v ON v.id = e.version_id
WHERE e.kind IN ('approved', 'changes_requested');
"""

FORGET = "DELETE FROM canvases_grouptally; DELETE FROM canvases_monthtally; DELETE FROM canvases_decisiontally;"


class Migration(migrations.Migration):
    dependencies = [("canvases", "0007_version_opening_and_withdrawal")]

    operations = [migrations.RunSQL(COUNT, FORGET)]
