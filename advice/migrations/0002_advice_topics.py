"""The advice topics every installation starts with; operators edit them in the admin."""

from django.db import migrations

TOPICS = [
    ("alltagsfragen", "Alltagsfragen"),
    ("formulare-antraege", "Formulare und Anträge"),
    ("wohnen", "Wohnen"),
    ("arbeit-jobcenter", "Arbeit und Jobcenter"),
    ("schulden", "Schulden"),
    ("gesundheit", "Gesundheit"),
    ("nachbarschaftskonflikt", "Nachbarschaftskonflikt"),
    ("familie", "Familie und Erziehung"),
    ("migration", "Migration und Aufenthalt"),
    ("engagement", "Engagement und Ehrenamt"),
    ("sonstiges", "Sonstiges"),
]


def add_topics(apps, schema_editor):
    AdviceTopic = apps.get_model("advice", "AdviceTopic")
    for position, (slug, name) in enumerate(TOPICS):
        AdviceTopic.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})


class Migration(migrations.Migration):
    dependencies = [("advice", "0001_initial")]

    operations = [migrations.RunPython(add_topics, migrations.RunPython.noop)]
