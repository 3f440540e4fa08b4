from django.db import migrations

from core.text import search_normalise


def fill_search_text(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    for event in Event.objects.all():
        event.search_text = search_normalise(
            " ".join([event.title, event.summary, event.description, event.location_note])
        )
        event.save(update_fields=["search_text"])


class Migration(migrations.Migration):
    dependencies = [("events", "0003_agenda_items")]

    operations = [migrations.RunPython(fill_search_text, migrations.RunPython.noop)]
