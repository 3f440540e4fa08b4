import json
import re
from datetime import datetime, time
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from directory.models import MembershipStatus, OrganisationStatus, Weekday
from directory.opening import OpeningStatus
from directory.views import combined_status

from .factories import (
    ContactPersonFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OfficeHourRuleFactory,
    OrganisationFactory,
    OrganisationRoleFactory,
    PlaceFactory,
    ServiceFactory,
    TopicFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
LIST_URL = reverse("directory:list")
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def listed_slugs(response):
    return [organisation.slug for organisation in response.context["page"].object_list]


def full_organisation(**kwargs):
    organisation = OrganisationFactory(**kwargs)
    organisation.topics.add(TopicFactory())
    organisation.services.add(ServiceFactory())
    for _ in range(2):
        place = PlaceFactory(organisation=organisation)
        OfficeHourRuleFactory(place=place, weekday=Weekday.TUESDAY)
        OfficeHourRuleFactory(place=place, weekday=Weekday.THURSDAY, opens=time(9))
    return organisation


# --- list, search, filters -------------------------------------------------------------


def test_list_shows_published_organisations_only(client):
    published = OrganisationFactory(name="Offener Treff")
    pending = OrganisationFactory(name="Wartet noch", status=OrganisationStatus.PENDING)
    rejected = OrganisationFactory(name="Abgelehnt", status=OrganisationStatus.REJECTED)

    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert listed_slugs(response) == [published.slug]
    assert published.get_absolute_url().encode() in response.content
    assert pending.get_absolute_url().encode() not in response.content
    assert rejected.get_absolute_url().encode() not in response.content


def test_search_and_filters_through_the_query_string(client):
    topic = TopicFactory(slug="nachbarschaft")
    wanted = OrganisationFactory(name="Stadtteiltreff Sonnenberg")
    wanted.topics.add(topic)
    OrganisationFactory(name="Sportverein Sonnenberg")

    response = client.get(LIST_URL, {"q": "sonnenberg", "topic": "nachbarschaft"})

    assert listed_slugs(response) == [wanted.slug]
    assert response.context["page"].paginator.count == 1


def test_radius_search_sorts_by_distance_and_shows_it(client):
    near = OrganisationFactory(name="Z nah")
    PlaceFactory(organisation=near, latitude=50.8205, longitude=12.9334)
    further = OrganisationFactory(name="A weiter")
    PlaceFactory(organisation=further, latitude=50.8380, longitude=12.9400)
    far = OrganisationFactory(name="Zwickau")
    PlaceFactory(organisation=far, latitude=50.7189, longitude=12.4922)

    response = client.get(LIST_URL, {"postcode": "09126", "radius_km": "10"})

    assert listed_slugs(response) == [near.slug, further.slug]
    shown = response.context["page"].object_list
    assert 0.3 < shown[0].distance_km < 1.0
    assert 2.0 < shown[1].distance_km < 2.7
    assert b"0,6 km" in response.content  # German decimal comma


def test_unknown_postcode_gives_a_field_error_and_keeps_the_results(client):
    organisation = OrganisationFactory()
    PlaceFactory(organisation=organisation)

    response = client.get(LIST_URL, {"postcode": "99999"})

    assert response.status_code == 200
    assert "postcode" in response.context["form"].errors
    assert listed_slugs(response) == [organisation.slug]
    assert b'id="filter-errors"' in response.content


def test_pagination_twenty_per_page_and_forgiving_page_numbers(client):
    OrganisationFactory.create_batch(45)

    assert len(listed_slugs(client.get(LIST_URL))) == 20
    assert len(listed_slugs(client.get(LIST_URL, {"page": "3"}))) == 5
    assert client.get(LIST_URL, {"page": "999"}).context["page"].number == 3
    assert client.get(LIST_URL, {"page": "abc"}).context["page"].number == 1
    assert client.get(LIST_URL, {"page": "-4"}).context["page"].number == 3


def test_pagination_links_keep_the_filters(client):
    OrganisationFactory.create_batch(25, kind="parish")
    response = client.get(LIST_URL, {"kind": "parish", "page": "1"})
    assert b"?kind=parish&amp;page=2" in response.content


def test_htmx_request_gets_only_the_results_partial(client):
    OrganisationFactory(name="Treffpunkt")

    response = client.get(LIST_URL, {"q": "treffpunkt"}, HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "directory/_results.html"
    assert b"<html" not in response.content
    assert b'id="results-heading"' in response.content
    assert "HX-Request" in response["Vary"]


def test_htmx_history_restore_gets_the_full_page(client):
    response = client.get(LIST_URL, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert b"<html" in response.content


def test_full_page_has_a_get_form_with_htmx_and_a_status_region(client):
    content = client.get(LIST_URL).content.decode()
    assert 'method="get"' in content
    assert 'hx-get="/verzeichnis/"' in content
    assert 'hx-target="#results"' in content
    assert 'hx-push-url="true"' in content
    assert re.search(r'<p id="results-status"[^>]*role="status"', content)


def test_htmx_update_announces_the_new_count_out_of_band(client):
    OrganisationFactory.create_batch(3)
    content = client.get(LIST_URL, HTTP_HX_REQUEST="true").content.decode()
    status = re.search(r'<p id="results-status"[^>]*hx-swap-oob="true">([^<]*)</p>', content)
    assert status and "3" in status.group(1)
    assert not client.get(LIST_URL).content.decode().count('hx-swap-oob="true"')


def test_result_card_shows_step_free_marker_and_opening_fields(client):
    organisation = OrganisationFactory()
    PlaceFactory(organisation=organisation, step_free=True)
    OfficeHourRuleFactory(place=PlaceFactory(organisation=organisation))

    shown = client.get(LIST_URL).context["page"].object_list[0]

    assert shown.has_step_free_place
    assert shown.opening.is_open or shown.opening.next_opens_at is not None


def render_card(opening):
    organisation = OrganisationFactory.build(name="Treff", slug="treff")
    organisation.opening = opening
    organisation.distance_km = None
    organisation.has_step_free_place = False
    with (
        mock.patch.object(type(organisation), "places", mock.MagicMock()),
        mock.patch.object(type(organisation), "topics", mock.MagicMock()),
    ):
        return render_to_string("directory/_organisation_card.html", {"organisation": organisation})


def test_card_badge_says_open_in_words():
    html = render_card(OpeningStatus(True, datetime(2026, 11, 24, 17, 0, tzinfo=BERLIN), None))
    assert "badge--open" in html
    assert "17 Uhr" in html


def test_card_says_when_a_closed_organisation_opens_next():
    next_opening = datetime(2030, 11, 26, 15, 0, tzinfo=BERLIN)  # far from "today"/"tomorrow"
    html = render_card(OpeningStatus(False, None, next_opening))
    assert "badge--closed" in html
    assert "Dienstag, 26. November, 15 Uhr" in html  # Django's own German date names


def test_organisations_are_open_when_any_place_is():
    later = datetime(2026, 11, 24, 15, 0, tzinfo=BERLIN)
    sooner = datetime(2026, 11, 23, 9, 0, tzinfo=BERLIN)
    closes = datetime(2026, 11, 20, 18, 0, tzinfo=BERLIN)
    assert combined_status([]) is None
    assert (
        combined_status(
            [OpeningStatus(False, None, later), OpeningStatus(False, None, sooner)]
        ).next_opens_at
        == sooner
    )
    assert combined_status([OpeningStatus(False, None, later), OpeningStatus(True, closes, None)])


# The default list page runs exactly these queries, however many organisations it shows:
# 1. COUNT of the matching organisations (paginator)
# 2. the organisations of the page, joined with their municipality
# 3. their topics (prefetch)
# 4. their places (prefetch)
# 5. the office hours of these places (prefetch)
# 6. their closures (prefetch)
# 7. their extra dates (prefetch)
# 8. the places of all results for the map, joined with their organisation
# 9.-11. the municipalities, topics and services offered in the filter form
LIST_QUERIES = 11


@pytest.mark.parametrize("count", [5, 50])
def test_list_runs_a_constant_number_of_queries(client, django_assert_num_queries, count):
    """Queries: see LIST_QUERIES above (11 whether 5 or 50 organisations)."""
    for _ in range(count):
        full_organisation()
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(LIST_URL)
    assert len(listed_slugs(response)) == min(count, 20)


@pytest.mark.parametrize("count", [5, 50])
def test_filtered_list_runs_a_constant_number_of_queries(client, django_assert_num_queries, count):
    """Besides the 11 queries of the default list: one lookup each for the topic, service
    and municipality slugs. Step-free and the radius are subqueries of queries 1, 2 and 8."""
    topic, service = TopicFactory(slug="t"), ServiceFactory(slug="s")
    municipality = OrganisationFactory().municipality
    for _ in range(count):
        organisation = full_organisation(municipality=municipality)
        organisation.topics.add(topic)
        organisation.services.add(service)
        organisation.places.update(step_free=True)
    query = {
        "topic": "t",
        "service": "s",
        "municipality": municipality.slug,
        "step_free": "on",
        "postcode": "09122",
        "radius_km": "5",
    }
    with django_assert_num_queries(LIST_QUERIES + 3):
        response = client.get(LIST_URL, query)
    assert len(listed_slugs(response)) == min(count, 20)


@pytest.mark.parametrize(
    "query_string",
    [
        "q=%00",
        "q=" + "x" * 5000,
        "q=%ff%fe%fd",
        "q=' OR 1=1 --",
        "q=%25%5F%25",
        "page=abc",
        "page=0",
        "page=-1",
        "page=99999999999999999999999999999",
        "page=1e9",
        "page=%00",
        "radius_km=-1",
        "radius_km=1e309",
        "radius_km=999999999999999999999",
        "postcode=99999&radius_km=5",
        "postcode=%00",
        "postcode=0912%00",
        "postcode=" + "9" * 500,
        "kind=nonsense",
        "kind=parish&kind=association",
        "kind[]=parish",
        "municipality=no-such-place",
        "municipality=%00",
        "topic=' OR 1=1 --",
        "topic=a&topic=b&topic=c",
        "service=../../etc/passwd",
        "open_now=maybe&step_free=%00",
        "open_now=on&postcode=09126&radius_km=100&q=treff",
        "%00=%00",
        "&&&===",
    ],
)
def test_no_query_string_causes_a_server_error(client, query_string):
    full_organisation()
    response = client.get(f"{LIST_URL}?{query_string}")
    assert 200 <= response.status_code < 500
    htmx_response = client.get(f"{LIST_URL}?{query_string}", HTTP_HX_REQUEST="true")
    assert 200 <= htmx_response.status_code < 500


# --- organisation detail --------------------------------------------------------------


def test_organisation_detail_shows_profile_places_and_relations(client):
    parent = OrganisationFactory(name="Trägerverein")
    organisation = OrganisationFactory(parent=parent, website="https://example.org/")
    project = OrganisationFactory(parent=organisation, name="Projekt Nachbarschaft")
    hidden_project = OrganisationFactory(
        parent=organisation, status=OrganisationStatus.PENDING, slug="hidden-project"
    )
    place = PlaceFactory(organisation=organisation, by_appointment=True)
    OfficeHourRuleFactory(place=place, weekday=Weekday.TUESDAY)
    network = NetworkFactory()
    NetworkMembershipFactory(network=network, organisation=organisation)
    ended = NetworkFactory()
    NetworkMembershipFactory(
        network=ended, organisation=organisation, status=MembershipStatus.ENDED
    )

    response = client.get(organisation.get_absolute_url())

    assert response.status_code == 200
    content = response.content.decode()
    assert parent.get_absolute_url() in content
    assert project.get_absolute_url() in content
    assert hidden_project.get_absolute_url() not in content
    assert network.get_absolute_url() in content
    assert ended.get_absolute_url() not in content
    assert place.get_absolute_url() in content
    assert "Di 15–18 Uhr" in content  # from OfficeHours.weekly_summary
    [(_, schedule)] = response.context["schedules"]
    assert schedule.weekly == ["Di 15–18 Uhr"]


def test_organisation_detail_json_ld(client):
    organisation = OrganisationFactory(name="Verein </script><script>alert(1)</script>")
    place = PlaceFactory(organisation=organisation)
    OfficeHourRuleFactory(place=place, weekday=Weekday.WEDNESDAY)

    content = client.get(organisation.get_absolute_url()).content.decode()

    assert "<script>alert(1)" not in content
    [payload] = JSON_LD.findall(content)
    data = json.loads(payload)
    assert data["@type"] == "Organization"
    assert data["name"] == organisation.name
    assert data["address"]["postalCode"] == place.postcode
    [location] = data["location"]
    assert location["@type"] == "Place"
    assert location["openingHoursSpecification"][0]["dayOfWeek"] == ("https://schema.org/Wednesday")


def test_unknown_organisation_is_404(client):
    assert client.get(reverse("directory:organisation", args=["gibt-es-nicht"])).status_code == 404


@pytest.mark.parametrize("status", [OrganisationStatus.PENDING, OrganisationStatus.REJECTED])
def test_unpublished_organisation_is_404_for_anonymous_and_outsiders(client, status):
    organisation = OrganisationFactory(status=status)
    assert client.get(organisation.get_absolute_url()).status_code == 404
    client.force_login(UserFactory())
    assert client.get(organisation.get_absolute_url()).status_code == 404


def test_unpublished_organisation_is_visible_to_its_members(client):
    organisation = OrganisationFactory(status=OrganisationStatus.PENDING)
    role = OrganisationRoleFactory(organisation=organisation)
    client.force_login(role.user)
    assert client.get(organisation.get_absolute_url()).status_code == 200


def test_contacts_without_consent_never_appear_publicly(client):
    organisation = OrganisationFactory()
    place = PlaceFactory(organisation=organisation)
    shown = ContactPersonFactory(organisation=organisation, place=place, name="Anna Offen")
    hidden = ContactPersonFactory(
        organisation=organisation,
        place=place,
        name="Bert Verborgen",
        email="bert.verborgen@example.org",
        phone="0371 999999",
        public_consent=False,
    )

    pages = [
        client.get(organisation.get_absolute_url()),
        client.get(place.get_absolute_url()),
        client.get(LIST_URL),
        client.get(LIST_URL, {"q": "verborgen"}),
    ]

    for response in pages:
        content = response.content.decode()
        assert hidden.name not in content
        assert hidden.email not in content
        assert hidden.phone not in content
        assert reverse("directory:contact_vcard", args=[hidden.pk]) not in content
    assert shown.name in pages[0].content.decode()
    assert reverse("directory:contact_vcard", args=[shown.pk]) in pages[0].content.decode()
    assert client.get(reverse("directory:contact_vcard", args=[hidden.pk])).status_code == 404


# --- place, network -------------------------------------------------------------------


def test_place_detail_with_hours_accessibility_json_ld_and_map(client, settings):
    settings.GEMEINWERK_MAP_TILE_URL = "https://tiles.example.net/{z}/{x}/{y}.png"
    place = PlaceFactory(step_free=True, hearing_loop=True, accessibility_notes="Rampe hinten")
    OfficeHourRuleFactory(place=place, weekday=Weekday.MONDAY, opens=time(9), closes=time(12))

    response = client.get(place.get_absolute_url())

    assert response.status_code == 200
    content = response.content.decode()
    assert "Mo 9–12 Uhr" in content
    assert "Rampe hinten" in content
    data = json.loads(JSON_LD.findall(content)[0])
    assert data["@type"] == "Place"
    assert data["openingHoursSpecification"][0]["opens"] == "09:00"
    assert 'data-tile-url="https://tiles.example.net/{z}/{x}/{y}.png"' in content
    assert "tiles.example.net" in content
    assert not re.search(r'src="[^"]*tiles\.example\.net', content)
    assert re.search(r'role="region"[^>]*aria-label="[^"]+"', content)


def test_place_of_unpublished_organisation_is_404(client):
    place = PlaceFactory(organisation=OrganisationFactory(status=OrganisationStatus.PENDING))
    assert client.get(place.get_absolute_url()).status_code == 404
    assert client.get(reverse("directory:place", args=[987654])).status_code == 404


def test_list_map_data_covers_the_result_set(client):
    for _ in range(25):
        PlaceFactory()
    response = client.get(LIST_URL)
    markers = response.context["map_markers"]
    assert len(markers) == 25
    assert {"latitude", "longitude", "url", "name"} <= set(markers[0])
    assert b'id="results-map-markers" type="application/json"' in response.content


def test_network_pages_list_active_published_members_only(client):
    network = NetworkFactory()
    active = NetworkMembershipFactory(network=network).organisation
    requested = NetworkMembershipFactory(
        network=network, status=MembershipStatus.REQUESTED
    ).organisation
    ended = NetworkMembershipFactory(network=network, status=MembershipStatus.ENDED).organisation
    unpublished = NetworkMembershipFactory(
        network=network,
        organisation=OrganisationFactory(status=OrganisationStatus.PENDING),
    ).organisation

    networks = client.get(reverse("directory:networks"))
    detail = client.get(network.get_absolute_url())

    assert network.get_absolute_url().encode() in networks.content
    assert list(detail.context["members"]) == [active]
    for hidden in (requested, ended, unpublished):
        assert hidden.get_absolute_url().encode() not in detail.content
    assert client.get(reverse("directory:network", args=["nope"])).status_code == 404


# --- vCard ----------------------------------------------------------------------------


def vcard_lines(response):
    return response.content.decode().split("\r\n")


def test_vcard_of_a_public_contact(client):
    contact = ContactPersonFactory(
        name="Kim Beispiel",
        role="Koordination, Beratung; Leitung",
        organisation=OrganisationFactory(name="Verein Süd"),
    )

    response = client.get(reverse("directory:contact_vcard", args=[contact.pk]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/vcard")
    lines = vcard_lines(response)
    assert lines[:2] == ["BEGIN:VCARD", "VERSION:3.0"]
    assert "FN:Kim Beispiel" in lines
    assert "N:Beispiel;Kim;;;" in lines
    assert "ORG:Verein Süd" in lines
    assert "TITLE:Koordination\\, Beratung\\; Leitung" in lines
    assert f"EMAIL;TYPE=INTERNET:{contact.email}" in lines
    assert "END:VCARD" in lines


def test_vcard_header_injection_cannot_add_lines(client):
    contact = ContactPersonFactory(
        name="Eve\r\nEMAIL:attacker@example.org\nTEL:666",
        role="x\rURL:https://evil.example",
        email="",
        phone="",
    )

    lines = vcard_lines(client.get(reverse("directory:contact_vcard", args=[contact.pk])))

    assert not any(line.startswith(("EMAIL", "TEL", "URL")) for line in lines)
    assert "FN:Eve\\nEMAIL:attacker@example.org\\nTEL:666" in lines
    assert all("\n" not in line and "\r" not in line for line in lines)


@pytest.mark.parametrize("public_consent", [False, True])
def test_vcard_404_without_consent_or_for_unpublished_organisation(client, public_consent):
    organisation = OrganisationFactory(
        status=OrganisationStatus.PUBLISHED if not public_consent else OrganisationStatus.PENDING
    )
    contact = ContactPersonFactory(organisation=organisation, public_consent=public_consent)
    assert client.get(reverse("directory:contact_vcard", args=[contact.pk])).status_code == 404


@pytest.mark.parametrize("places", [1, 6])
def test_organisation_page_runs_a_constant_number_of_queries(
    client, django_assert_num_queries, places
):
    """1 the organisation, 2 its projects, 3 its places, 4-6 their office hours, closures
    and extra dates, 7 topics, 8 services, 9 funders, 10 network memberships with their
    networks, 11 public contacts with their places (no provider to load here). The map
    markers reuse the organisation already loaded."""
    organisation = OrganisationFactory()
    for _number in range(places):
        OfficeHourRuleFactory(place=PlaceFactory(organisation=organisation))
        ContactPersonFactory(organisation=organisation)
    with django_assert_num_queries(11):
        response = client.get(organisation.get_absolute_url())
    assert response.status_code == 200
