"""The search backend: the search document, German stemming on both databases, relevance,
and filters that never break on odd input."""

import pytest
from django.db import connection

from directory.tests.factories import OrganisationFactory
from engagement import search
from engagement.models import Opportunity
from engagement.search import (
    OpportunitySearch,
    SortOrder,
    query_words,
    search_opportunities,
    stems,
    time_slot_mask,
)
from engagement.tests.factories import (
    ActivityFactory,
    FieldFactory,
    OpportunityFactory,
    TargetGroupFactory,
)

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's german text search"
)


def found(text, path=search_opportunities):
    return set(path(Opportunity.objects.all(), text).values_list("slug", flat=True))


def search_stems_path(queryset, text):
    """The SQLite path, which only needs LIKE and so runs on every database."""
    return search._search_stems(queryset, search.query_words(text))


@pytest.fixture
def reading():
    return OpportunityFactory(
        slug="reading",
        title="Lesepatenschaft in der Grundschule",
        summary="",
        description="Sie helfen Kindern beim Lesen.",
    )


@pytest.fixture
def garden():
    return OpportunityFactory(
        slug="garden",
        title="Gemeinschaftsgarten",
        summary="",
        description="Wir pflegen die Gärten im Viertel und ernten Gemüse.",
        fields=[FieldFactory(name="Umwelt und Natur", slug="umwelt")],
    )


# --- the search document ----------------------------------------------------------------


def test_search_document_holds_texts_catalogue_names_organisation_and_municipality():
    organisation = OrganisationFactory(name="Bürgerverein Kaßberg")
    opportunity = OpportunityFactory(
        organisation=organisation,
        plain_language_summary="Sie lesen vor.",
        fields=[FieldFactory(name="Bildung", slug="bildung")],
    )
    opportunity.activities.add(ActivityFactory(name="Vorlesen", slug="vorlesen"))
    opportunity.target_groups.add(TargetGroupFactory(name="Grundschulkinder", slug="gs"))

    opportunity.refresh_from_db()
    document = opportunity.search_document
    for text in [
        opportunity.title,
        opportunity.summary,
        opportunity.description,
        "Sie lesen vor.",
        "Bildung",
        "Vorlesen",
        "Grundschulkinder",
        "Bürgerverein Kaßberg",
        opportunity.municipality.name,
    ]:
        assert text in document
    assert " vorles" in opportunity.search_stems
    assert f" {search.TITLE_MARK}lesepat" in opportunity.search_stems


def test_search_document_follows_renames_and_catalogue_changes(reading):
    field = FieldFactory(name="Lernhilfe", slug="lernhilfe")
    reading.fields.add(field)
    assert "Lernhilfe" in Opportunity.objects.get(pk=reading.pk).search_document

    field.name = "Hausaufgabenhilfe"
    field.save()
    assert "Hausaufgabenhilfe" in Opportunity.objects.get(pk=reading.pk).search_document

    field.opportunities.clear()
    assert "Hausaufgabenhilfe" not in Opportunity.objects.get(pk=reading.pk).search_document

    organisation = reading.organisation
    organisation.name = "Leseclub Sonnenberg"
    organisation.save()
    assert "Leseclub Sonnenberg" in Opportunity.objects.get(pk=reading.pk).search_document

    reading.title = "Vorlesen im Hort"
    reading.save()
    assert " ~hort" in Opportunity.objects.get(pk=reading.pk).search_stems


# --- German stemming, on the database in use and on the SQLite path everywhere ----------


@pytest.mark.parametrize("path", [search_opportunities, search_stems_path])
def test_inflected_forms_find_each_other(reading, garden, path):
    assert found("Kinder", path) == {"reading"}
    assert found("Lesen", path) == {"reading"}
    assert found("Garten", path) == {"garden"}  # "Gärten" in the description
    assert found("gemeinschaftsgärten", path) == {"garden"}


@pytest.mark.parametrize("path", [search_opportunities, search_stems_path])
def test_a_word_finds_compounds_it_begins(reading, garden, path):
    assert found("Lese", path) == {"reading"}  # Lesepatenschaft
    assert found("Gemeinschaft", path) == {"garden"}  # Gemeinschaftsgarten


@pytest.mark.parametrize("path", [search_opportunities, search_stems_path])
def test_every_word_must_match_and_stop_words_are_ignored(reading, garden, path):
    assert found("Kinder Lesen", path) == {"reading"}
    assert found("Kinder Gemüse", path) == set()
    assert found("die Gärten im Viertel", path) == {"garden"}


def test_the_sqlite_path_matches_the_start_of_words_only(reading):
    assert found("atenschaft", search_stems_path) == set()
    assert found("schule", search_stems_path) == set()  # inside "Grundschule"


@pytest.mark.parametrize("path", [search_opportunities, search_stems_path])
def test_matches_in_the_title_rank_higher(path):
    OpportunityFactory(slug="in-title", title="Vorlesen für Kinder", description="Jeden Montag.")
    OpportunityFactory(
        slug="in-text", title="Hausaufgaben", description="Wir lesen auch mit Kindern vor."
    )
    ranked = path(Opportunity.objects.all(), "Kinder").order_by("-relevance")
    assert [opportunity.slug for opportunity in ranked] == ["in-title", "in-text"]
    assert ranked[0].relevance > ranked[1].relevance


def test_a_query_without_searchable_words_changes_nothing(reading, garden):
    assert found("") == {"reading", "garden"}
    assert found("die und der") == {"reading", "garden"}
    assert query_words("die und der") == []


def test_long_queries_are_cut():
    assert len(query_words(" ".join(f"wort{n}" for n in range(50)))) == search.MAX_QUERY_WORDS


@pytest.mark.parametrize(
    "text",
    [
        "' OR 1=1 --",
        "%_%",
        "\\",
        "a:* & b | !c <-> (d)",
        "'\"",
        "\x00",
        "²³ ½",
        "日本語 ελληνικά",
        "x" * 500,
        "kinder:*",
        "-kinder",
        "e-mail",
    ],
)
@pytest.mark.parametrize("path", [search_opportunities, search_stems_path])
def test_hostile_text_never_fails(reading, text, path):
    assert found(text, path) <= {"reading"}
    assert found("zz%", path) == set()  # no wildcard reaches LIKE


def test_stems_fold_umlauts_and_case():
    assert stems("Gärten GARTEN") == ["gart", "gart"]
    assert stems("Kindern Kinder") == ["kind", "kind"]


@on_postgresql
def test_postgresql_uses_the_german_configuration_and_the_gin_index(reading):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'opportunity_search_german'"
        )
        [(definition,)] = cursor.fetchall()
    assert "gin" in definition.lower()
    assert "german" in definition

    queryset = search_opportunities(Opportunity.objects.all(), "Kinder")
    assert "to_tsquery" in str(queryset.query)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
    assert "opportunity_search_german" in plan


# --- filters ----------------------------------------------------------------------------


def test_time_slot_mask_covers_a_day_a_time_or_both():
    assert time_slot_mask(None, None) == 0
    assert time_slot_mask(1, 1).bit_count() == 1
    assert time_slot_mask(1, None).bit_count() == 3
    assert time_slot_mask(None, 2).bit_count() == 7


def test_sort_order_falls_back_to_what_applies():
    assert OpportunitySearch().sort_order == SortOrder.NEWEST
    assert OpportunitySearch(text="Kinder").sort_order == SortOrder.RELEVANCE
    assert OpportunitySearch(text="die").sort_order == SortOrder.NEWEST
    assert OpportunitySearch(sort="distance").sort_order == SortOrder.NEWEST
    assert OpportunitySearch(text="Kinder", sort="newest").sort_order == SortOrder.NEWEST
