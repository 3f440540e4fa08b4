from django.db import migrations, models

# The same expression engagement/search.py queries with, so PostgreSQL can use the index.
GERMAN_SEARCH_INDEX = "opportunity_search_german"


def _german_search_index():
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    return GinIndex(SearchVector("search_document", config="german"), name=GERMAN_SEARCH_INDEX)


def add_german_search_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.add_index(apps.get_model("engagement", "Opportunity"), _german_search_index())


def remove_german_search_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.remove_index(
        apps.get_model("engagement", "Opportunity"), _german_search_index()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("engagement", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="opportunity",
            name="search_stems",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(add_german_search_index, remove_german_search_index),
    ]
