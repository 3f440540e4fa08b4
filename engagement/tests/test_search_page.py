"""The public search page /mitmachen/: what it shows, its filters, facets, sorting, pages,
htmx updates, the opt-in map, its query budget and hostile query strings."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from directory.models import OrganisationStatus
from directory.tests.factories import (
    MunicipalityFactory,
    OrganisationFactory,
    PlaceFactory,
    UserFactory,
)
from engagement.availability import slots_from_pairs
from engagement.models import OpportunityStatus, Regularity
from engagement.tests.factories import (
    ActivityFactory,
    FieldFactory,
    GuestPlacementFactory,
    LanguageFactory,
    OpportunityFactory,
    TargetGroupFactory,
    days_ago,
)

pytestmark = pytest.mark.django_db

SEARCH_URL = "/mitmachen/"


def listed(response) -> list[str]:
    return re.findall(r'data-opportunity="([^"]+)"', response.content.decode())


def get(client, **query):
    return client.get(SEARCH_URL, query)


# --- visibility -------------------------------------------------------------------------


def hidden_opportunities():
    pending = OrganisationFactory(status=OrganisationStatus.PENDING)
    return [
        OpportunityFactory(slug="draft", status=OpportunityStatus.DRAFT),
        OpportunityFactory(slug="paused", status=OpportunityStatus.PAUSED),
        OpportunityFactory(slug="filled", status=OpportunityStatus.FILLED),
        OpportunityFactory(slug="archived", status=OpportunityStatus.ARCHIVED),
        OpportunityFactory(slug="unconfirmed", confirmed_at=days_ago(91)),
        OpportunityFactory(slug="never-confirmed", confirmed_at=None),
        OpportunityFactory(slug="ended", ends_on=timezone.localdate() - timedelta(days=1)),
        OpportunityFactory(slug="pending-organisation", organisation=pending),
    ]


def test_only_public_opportunities_are_listed(client):
    OpportunityFactory(slug="public", confirmed_at=days_ago(89))
    hidden = hidden_opportunities()

    response = get(client)

    assert response.status_code == 200
    assert listed(response) == ["public"]
    assert response.context["page"].paginator.count == 1
    content = response.content.decode()
    for opportunity in hidden:
        assert opportunity.get_absolute_url() not in content
    # Neither does a text search or a facet count reveal them.
    response = get(client, q="Lesepate")
    assert listed(response) == ["public"]
    [field_group] = [g for g in response.context["catalogue_facets"] if g.name == "field"]
    assert field_group.options[0].count == 1


# --- text search and filters -------------------------------------------------------------


def test_text_search_uses_stemming(client):
    OpportunityFactory(slug="reading", title="Lesepatenschaft", description="Kindern vorlesen")
    OpportunityFactory(
        slug="garden",
        title="Gartenhilfe",
        summary="",
        description="Beete pflegen",
        fields=[FieldFactory(name="Umwelt", slug="umwelt")],
    )
    assert listed(get(client, q="Kinder")) == ["reading"]
    assert listed(get(client, q="lesen")) == ["reading"]
    assert listed(get(client, q="Gärten")) == ["garden"]


def test_catalogue_filters_combine_or_within_and_across(client):
    children, seniors = FieldFactory(slug="kinder"), FieldFactory(slug="senioren")
    reading_aloud = ActivityFactory(slug="vorlesen")
    pupils = TargetGroupFactory(slug="schueler")
    a = OpportunityFactory(slug="a", fields=[children])
    a.activities.add(reading_aloud)
    a.target_groups.add(pupils)
    b = OpportunityFactory(slug="b", fields=[seniors])
    b.activities.add(reading_aloud)
    OpportunityFactory(slug="c", fields=[children, seniors])

    assert sorted(listed(get(client, field="kinder"))) == ["a", "c"]
    assert sorted(listed(get(client, field=["kinder", "senioren"]))) == ["a", "b", "c"]
    assert sorted(listed(get(client, field=["kinder", "senioren"], activity="vorlesen"))) == [
        "a",
        "b",
    ]
    assert listed(get(client, target_group="schueler")) == ["a"]


def test_yes_no_filters(client):
    OpportunityFactory(
        slug="all-yes",
        suitable_for_young_people=True,
        suitable_for_seniors=True,
        suitable_for_families=True,
        little_german_needed=True,
        step_free=True,
        offers_expenses=True,
        offers_insurance=True,
        offers_training=True,
        offers_certificate=True,
    )
    OpportunityFactory(slug="all-no", requires_police_certificate=True)
    for value in ["young_people", "seniors", "families", "little_german", "step_free"]:
        assert listed(get(client, suitable=value)) == ["all-yes"], value
    for value in ["expenses", "insurance", "training", "certificate"]:
        assert listed(get(client, offers=value)) == ["all-yes"], value
    assert listed(get(client, no_police_certificate="on")) == ["all-yes"]
    assert listed(get(client, suitable=["seniors", "step_free"], offers="training")) == ["all-yes"]


def test_regularity_language_and_municipality(client):
    german, english = (
        LanguageFactory(code="de", name="Deutsch"),
        LanguageFactory(code="en", name="Englisch"),
    )
    town = MunicipalityFactory(slug="stollberg", name="Stollberg/Erzgeb.")
    one_off = OpportunityFactory(slug="one-off", regularity=Regularity.ONE_OFF)
    one_off.languages.add(english)
    regular = OpportunityFactory(slug="regular", municipality=town)
    regular.languages.add(german)

    assert listed(get(client, regularity="one_off")) == ["one-off"]
    assert listed(get(client, regularity="regular")) == ["regular"]
    assert listed(get(client, language="en")) == ["one-off"]
    assert listed(get(client, municipality="stollberg")) == ["regular"]
    assert listed(get(client, municipality="stollberg/erzgeb.")) == ["regular"]
    unknown = get(client, municipality="Atlantis")
    assert "municipality" in unknown.context["form"].errors


def test_weekday_and_time_of_day(client):
    # The factory's default: Tuesday and Thursday afternoons.
    OpportunityFactory(slug="tue-thu-afternoons")
    OpportunityFactory(slug="saturday-morning", time_slots=slots_from_pairs([(5, 0)]))
    OpportunityFactory(slug="by-arrangement", time_slots=0)

    assert sorted(listed(get(client, weekday=1))) == ["by-arrangement", "tue-thu-afternoons"]
    assert sorted(listed(get(client, weekday=5))) == ["by-arrangement", "saturday-morning"]
    assert sorted(listed(get(client, time_of_day=0))) == ["by-arrangement", "saturday-morning"]
    assert listed(get(client, weekday=5, time_of_day=1)) == ["by-arrangement"]
    assert sorted(listed(get(client, weekday=3, time_of_day=1))) == [
        "by-arrangement",
        "tue-thu-afternoons",
    ]


def located(slug, latitude, longitude, **kwargs):
    organisation = OrganisationFactory()
    place = PlaceFactory(organisation=organisation, latitude=latitude, longitude=longitude)
    return OpportunityFactory(slug=slug, organisation=organisation, place=place, **kwargs)


def test_postcode_and_radius_nearest_first_remote_on_request(client):
    located("chemnitz", 50.8065, 12.9185)  # about 3 km from 09112
    located("annaberg", 50.5799, 13.0024)  # about 28 km
    located("leipzig", 51.3397, 12.3731)  # about 70 km
    OpportunityFactory(
        slug="online",
        is_remote=True,
        place=None,
        municipality=None,
        latitude=None,
        longitude=None,
        postcode="",
    )

    response = get(client, postcode="09112", radius_km=5)
    assert listed(response) == ["chemnitz"]
    assert response.context["page"].object_list[0].distance_km == pytest.approx(2.6, abs=0.5)
    assert listed(get(client, postcode="09112", radius_km=50)) == ["chemnitz", "annaberg"]
    assert listed(get(client, postcode="09112", radius_km=100)) == [
        "chemnitz",
        "annaberg",
        "leipzig",
    ]
    assert listed(get(client, postcode="09112", radius_km=5, remote="on")) == [
        "chemnitz",
        "online",
    ]
    assert listed(get(client, remote="on")) == ["online"]
    # Without a radius the default of 25 km applies.
    assert listed(get(client, postcode="09112")) == ["chemnitz"]


def test_unknown_postcode_is_reported_and_left_out(client):
    OpportunityFactory(slug="a")
    response = get(client, postcode="00000", q="")
    assert response.status_code == 200
    assert "postcode" in response.context["form"].errors
    assert listed(response) == ["a"]
    assert 'id="filter-errors"' in response.content.decode()


# --- sorting ----------------------------------------------------------------------------


def test_newest_first_by_default_relevance_with_text_distance_with_postcode(client):
    located("old-near-title", 50.8065, 12.9185, published_at=days_ago(30), title="Vorlesen")
    located(
        "new-far-text",
        50.5799,
        13.0024,
        published_at=days_ago(1),
        title="Hausaufgaben",
        description="Auch vorlesen gehört dazu.",
    )

    assert listed(get(client)) == ["new-far-text", "old-near-title"]
    assert listed(get(client, q="vorlesen")) == ["old-near-title", "new-far-text"]
    assert listed(get(client, q="vorlesen", sort="newest")) == ["new-far-text", "old-near-title"]
    near_first = get(client, postcode="09112", radius_km=50)
    assert listed(near_first) == ["old-near-title", "new-far-text"]
    assert listed(get(client, postcode="09112", radius_km=50, sort="newest")) == [
        "new-far-text",
        "old-near-title",
    ]
    # Relevance without a text falls back to the default order.
    assert listed(get(client, sort="relevance")) == ["new-far-text", "old-near-title"]


# --- facets -----------------------------------------------------------------------------


def facet(response, name) -> dict[str, int]:
    groups = response.context["catalogue_facets"] + response.context["flag_facets"]
    [group] = [group for group in groups if group.name == name]
    return {option.value: option.count for option in group.options}


def test_facet_counts_keep_the_other_filters(client):
    children, seniors = FieldFactory(slug="kinder"), FieldFactory(slug="senioren")
    driving = ActivityFactory(slug="fahren")
    a = OpportunityFactory(slug="a", fields=[children], step_free=True)
    a.activities.add(driving)
    OpportunityFactory(slug="b", fields=[children, seniors])
    c = OpportunityFactory(slug="c", fields=[seniors], offers_expenses=True)
    c.activities.add(driving)

    response = get(client)
    assert facet(response, "field") == {"kinder": 2, "senioren": 2}
    assert facet(response, "activity") == {"fahren": 2}
    assert facet(response, "suitable")["step_free"] == 1
    assert facet(response, "no_police_certificate") == {"on": 3}

    # Choosing a field does not shrink the counts of the other fields (they add to it) …
    response = get(client, field="kinder")
    assert facet(response, "field") == {"kinder": 2, "senioren": 2}
    # … but narrows every other facet.
    assert facet(response, "activity") == {"fahren": 1}
    assert facet(response, "offers")["expenses"] == 0

    response = get(client, activity="fahren", q="Lesepate")
    assert facet(response, "field") == {"kinder": 1, "senioren": 1}
    assert facet(response, "suitable")["step_free"] == 1
    assert 'id="facet-field-kinder-count">(1)' in response.content.decode()


def test_facet_counts_and_total_are_the_same_beyond_the_id_limit(client, monkeypatch):
    """Large result sets count their facets with subqueries instead of an id list."""
    children, seniors = FieldFactory(slug="kinder"), FieldFactory(slug="senioren")
    OpportunityFactory(slug="a", fields=[children], step_free=True)
    OpportunityFactory(slug="b", fields=[children, seniors])
    OpportunityFactory(slug="c", fields=[seniors])
    small = get(client)
    monkeypatch.setattr("engagement.search.FACET_IDS_LIMIT", 1)
    large = get(client)
    assert facet(large, "field") == facet(small, "field") == {"kinder": 2, "senioren": 2}
    assert facet(large, "suitable") == facet(small, "suitable")
    assert large.context["page"].paginator.count == small.context["page"].paginator.count == 3


# --- pages, htmx, map ---------------------------------------------------------------------


def test_twenty_per_page_and_links_keep_the_query(client):
    for number in range(25):
        OpportunityFactory(slug=f"o-{number:02}", published_at=days_ago(number))

    first = get(client, q="Lesepate")
    assert len(listed(first)) == 20
    assert "?q=Lesepate&amp;page=2" in first.content.decode()
    second = client.get(SEARCH_URL, {"q": "Lesepate", "page": 2})
    assert listed(second) == [f"o-{number:02}" for number in range(20, 25)]
    assert client.get(SEARCH_URL, {"page": "abc"}).status_code == 200


def test_htmx_gets_only_the_results_with_counts_out_of_band(client):
    OpportunityFactory(slug="a", fields=[FieldFactory(slug="kinder")])
    response = client.get(SEARCH_URL, {"q": "Lesepate"}, headers={"HX-Request": "true"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content
    assert 'id="results-status"' in content and 'hx-swap-oob="true"' in content
    assert 'id="facet-field-kinder-count" hx-swap-oob="true"' in content
    assert listed(response) == ["a"]
    assert "HX-Request" in response.headers["Vary"]

    full = client.get(SEARCH_URL, {"q": "Lesepate"})
    assert "<html" in full.content.decode()
    assert 'hx-get="/mitmachen/"' in full.content.decode()


def test_the_page_works_without_javascript(client):
    OpportunityFactory(slug="a", fields=[FieldFactory(slug="kinder")])
    content = get(client).content.decode()
    assert 'method="get" action="/mitmachen/"' in content
    assert 'name="field" value="kinder"' in content
    assert 'type="submit"' in content


def test_map_view_is_opt_in_and_lists_markers(client, settings):
    settings.GEMEINWERK_MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    opportunity = OpportunityFactory(slug="a", title="Vorlesen im Treff")
    OpportunityFactory(
        slug="online",
        is_remote=True,
        place=None,
        municipality=None,
        latitude=None,
        longitude=None,
        postcode="",
    )

    list_view = get(client).content.decode()
    assert "data-map" not in list_view
    assert "leaflet.js" not in list_view

    response = get(client, view="map")
    content = response.content.decode()
    assert "data-map-show" in content
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in content
    assert "tiles.example.org" in content.split("data-map-ask")[1]  # the host is named
    assert "<img" not in content
    markers = json.loads(
        re.search(r'id="results-map-markers"[^>]*>(.*?)</script>', content, re.S).group(1)
    )
    assert [marker["url"] for marker in markers] == [opportunity.get_absolute_url()]
    assert sorted(listed(response)) == ["a", "online"]  # the list stays for people without JS
    assert 'name="view" value="map"' in content  # filtering keeps the map view


def test_contact_data_of_volunteers_and_coordinators_is_never_shown(client):
    coordinator = UserFactory(email="coordinator-secret@example.org", display_name="Kim")
    opportunity = OpportunityFactory(slug="a", coordinator=coordinator)
    GuestPlacementFactory(
        opportunity=opportunity,
        contact_name="Verena Vertraulich",
        contact_email="verena@example.org",
        contact_phone="0371 999 888",
    )
    for url in [SEARCH_URL, f"{SEARCH_URL}?view=map", opportunity.get_absolute_url()]:
        content = client.get(url).content.decode()
        for secret in ["coordinator-secret", "Verena", "verena@", "999 888"]:
            assert secret not in content, (url, secret)


# --- query budget and hostile input -------------------------------------------------------

# The list view runs exactly these queries, however many opportunities it shows:
# 1.-3. the fields, activities and target groups offered as filters (and facet labels)
# 4. the languages offered
# 5. the ids of all results: their number for the paginator, the base of the facet counts
# 6.-8. the facet counts of fields, activities and target groups (one GROUP BY each)
# 9. the counts of the yes/no filters (one query with conditional COUNTs)
# 10. the opportunities of the page, joined with organisation and municipality
# 11. their fields (prefetch)
# A municipality typed into the filter adds one query that looks it up by name.
SEARCH_QUERIES = 11


@pytest.mark.parametrize("count", [5, 50])
def test_search_runs_a_constant_number_of_queries(client, django_assert_num_queries, count):
    """Queries: see SEARCH_QUERIES above; filters, text and radius are parts of them. The
    map view adds one: the located results for the markers."""
    children = FieldFactory(slug="kinder")
    organisation = OrganisationFactory()
    place = PlaceFactory(organisation=organisation)
    for number in range(count):
        opportunity = OpportunityFactory(
            slug=f"o-{number}",
            organisation=organisation,
            place=place,
            fields=[children],
            suitable_for_seniors=True,
        )
        opportunity.activities.add(ActivityFactory(slug="fahren"))
    query = {
        "q": "Lesepate Kinder",
        "field": "kinder",
        "activity": "fahren",
        "weekday": "1",
        "suitable": "seniors",
        "postcode": "09122",
        "radius_km": "25",
    }
    with django_assert_num_queries(SEARCH_QUERIES):
        response = get(client)
    assert len(listed(response)) == min(count, 20)
    with django_assert_num_queries(SEARCH_QUERIES):
        response = get(client, **query)
    assert len(listed(response)) == min(count, 20)
    with django_assert_num_queries(SEARCH_QUERIES + 1):
        response = get(client, view="map")
    assert len(listed(response)) == min(count, 20)


@pytest.mark.parametrize(
    "query_string",
    [
        "q=%00",
        "q=" + "x" * 5000,
        "q=%ff%fe%fd",
        "q=' OR 1=1 --",
        "q=%25%5F%25",
        "q=kinder:* %26 !(a|b)",
        "q=" + "ä" * 300,
        "page=abc",
        "page=0",
        "page=-1",
        "page=99999999999999999999999999999",
        "page=1e9",
        "radius_km=-1",
        "radius_km=1e309",
        "radius_km=999999999999999999999",
        "postcode=99999&radius_km=5",
        "postcode=%00",
        "postcode=" + "9" * 500,
        "field=nonsense&field=%00",
        "field[]=kinder",
        "activity=' OR 1=1 --",
        "target_group=../../etc/passwd",
        "weekday=7",
        "weekday=-1&time_of_day=99",
        "weekday=1e400",
        "time_of_day=%00",
        "suitable=everyone&offers=money",
        "regularity=sometimes",
        "language=xx&municipality=%00",
        "remote=maybe&no_police_certificate=[]",
        "sort=price&view=globe",
        "sort=distance",
        "view=map&postcode=09122&remote=on&q=treff",
        "%00=%00",
        "&&&===",
    ],
)
def test_no_query_string_causes_a_server_error(client, query_string):
    OpportunityFactory(slug="a")
    response = client.get(f"{SEARCH_URL}?{query_string}")
    assert 200 <= response.status_code < 500
    htmx_response = client.get(f"{SEARCH_URL}?{query_string}", headers={"HX-Request": "true"})
    assert 200 <= htmx_response.status_code < 500
