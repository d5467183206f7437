"""Timeline events carry a sensitive class instead of a yes/no flag (privacy issue §2)."""

from django.db import migrations, models


def flag_to_class(apps, schema_editor):
    # Until now only status-of-stay events were flagged sensitive; income is ordinary data.
    event = apps.get_model("residents", "TimelineEvent")
    event.objects.filter(sensitive=True, kind="visa.recorded").update(field_class="immigration")


def class_to_flag(apps, schema_editor):
    event = apps.get_model("residents", "TimelineEvent")
    event.objects.exclude(field_class="").update(sensitive=True)


class Migration(migrations.Migration):
    dependencies = [("residents", "0003_name_token_byte_order")]

    operations = [
        migrations.AddField(
            model_name="timelineevent",
            name="field_class",
            field=models.CharField(blank=True, default="", max_length=12),
        ),
        migrations.RunPython(flag_to_class, class_to_flag),
        migrations.RemoveField(model_name="timelineevent", name="sensitive"),
    ]
