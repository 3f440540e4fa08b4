"""The kinds of event every installation starts with; operators edit them in the admin."""

from django.db import migrations

KINDS = [
    ("arbeitstreffen", "Arbeitstreffen"),
    ("buergerforum", "Bürgerforum"),
    ("zukunftswerkstatt", "Zukunftswerkstatt"),
    ("workshop-fortbildung", "Workshop / Fortbildung"),
    ("dialogtag", "Dialogtag / Offener Bürotag"),
    ("fest", "Fest"),
    ("sonstiges", "Sonstiges"),
]


def add_kinds(apps, schema_editor):
    EventKind = apps.get_model("events", "EventKind")
    for position, (slug, name) in enumerate(KINDS):
        EventKind.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = [migrations.RunPython(add_kinds, migrations.RunPython.noop)]
