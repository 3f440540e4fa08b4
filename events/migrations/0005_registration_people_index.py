"""An index to sum party sizes per date and status from the index alone: the calendar's
"free places" filter sums the confirmed people of every upcoming date (docs/performance.md,
"Events")."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("events", "0004_event_search_text")]

    operations = [
        migrations.AddIndex(
            model_name="registration",
            index=models.Index(
                fields=["occurrence", "status", "party_size"], name="registration_people_idx"
            ),
        ),
    ]
