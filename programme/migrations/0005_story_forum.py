import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0004_dashboard_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="story",
            name="forum",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="stories",
                to="programme.forum",
                verbose_name="มาจากเวทีแลกเปลี่ยนเรียนรู้",
            ),
        ),
    ]
