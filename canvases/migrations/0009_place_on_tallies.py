"""Repeat each counted group's place on the dashboards' summary rows.

The rows are filled from the groups as they stand (frozen SQL: a migration must
not change when canvases.tallies does), then the columns become required.
"""

import django.db.models.deletion
from django.db import migrations, models

TABLES = ("canvases_grouptally", "canvases_monthtally", "canvases_decisiontally")

FILL = """
UPDATE {table} AS row
SET region_id = p.region_id, province_id = t.province_id, tambon_id = g.tambon_id
FROM communities_communitygroup g
JOIN communities_tambon t ON t.code = g.tambon_id
JOIN communities_province p ON p.code = t.province_id
WHERE g.id = row.group_id;
"""


def place_fields(model_name, null):
    return [
        (
            model_name,
            name,
            models.ForeignKey(
                db_index=False,
                null=null,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to=to,
                verbose_name=label,
            ),
        )
        for name, to, label in (
            ("region", "communities.region", "ภาค"),
            ("province", "communities.province", "จังหวัด"),
            ("tambon", "communities.tambon", "ตำบล"),
        )
    ]


MODELS = ("grouptally", "monthtally", "decisiontally")


class Migration(migrations.Migration):
    dependencies = [
        ("canvases", "0008_count_existing_canvases"),
        ("communities", "0003_thai_admin_names"),
    ]

    operations = [
        *[
            migrations.AddField(model_name=model, name=name, field=field)
            for model in MODELS
            for model, name, field in place_fields(model, null=True)
        ],
        migrations.RunSQL(
            # The foreign keys are checked now, so the columns can be altered next.
            "".join(FILL.format(table=table) for table in TABLES)
            + "SET CONSTRAINTS ALL IMMEDIATE;",
            migrations.RunSQL.noop,
        ),
        *[
            migrations.AlterField(model_name=model, name=name, field=field)
            for model in MODELS
            for model, name, field in place_fields(model, null=False)
        ],
        migrations.AddIndex(
            model_name="grouptally",
            index=models.Index(fields=["region", "province"], name="group_tally_place"),
        ),
        migrations.AddIndex(
            model_name="monthtally",
            index=models.Index(
                fields=["region", "month"],
                include=["province", "submitted", "approved"],
                name="month_tally_region",
            ),
        ),
        migrations.AddIndex(
            model_name="decisiontally",
            index=models.Index(
                fields=["region", "decided_at"],
                include=["province", "tambon", "approved", "waited_days"],
                name="decision_tally_region",
            ),
        ),
        migrations.AddIndex(
            model_name="decisiontally",
            index=models.Index(
                fields=["province", "decided_at"],
                include=["tambon", "approved", "waited_days"],
                name="decision_tally_province",
            ),
        ),
    ]
