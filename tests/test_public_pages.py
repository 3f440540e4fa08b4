"""Every public page answers any query string with a 200 or a 4xx, never a 500."""

import pytest

from directory.tests.factories import (
    ContactPersonFactory,
    NetworkMembershipFactory,
    OfficeHourRuleFactory,
)
from engagement.tests.factories import HelpRequestFactory, OpportunityFactory

pytestmark = pytest.mark.django_db

HOSTILE_QUERIES = [
    "",
    "page=abc",
    "page=-1&page=99999999999999999999",
    "q=%00&postcode=%00",
    "q=' OR 1=1 --&kind[]=x",
    "radius_km=1e308&postcode=09122",
    "municipality=../../etc/passwd&topic=%ff%fe",
    "q=" + "ä" * 5000,
    "next=https://evil.example/&lang=xx",
    "open_now=maybe&step_free=[]",
]


@pytest.fixture
def public_urls():
    rule = OfficeHourRuleFactory()
    place = rule.place
    organisation = place.organisation
    membership = NetworkMembershipFactory(organisation=organisation)
    contact = ContactPersonFactory(organisation=organisation)
    opportunity = OpportunityFactory(organisation=organisation, place=place)
    help_request = HelpRequestFactory(organisation=organisation)
    # events: calendar
    from events.tests.factories import EventFactory

    event = EventFactory(organisers=[organisation], place=place)
    occurrence = event.occurrences.get()
    event_urls = [
        "/veranstaltungen/",
        "/veranstaltungen/monat/2026-11/",
        event.get_absolute_url(),
        occurrence.get_absolute_url(),
        f"/veranstaltungen/{event.slug}.ics",
        f"/veranstaltungen/feeds/organisation/{organisation.slug}.ics",
        f"/veranstaltungen/feeds/netzwerk/{membership.network.slug}.ics",
        f"/veranstaltungen/feeds/gemeinde/{organisation.municipality.slug}.ics",
        "/veranstaltungen/feed.atom",
    ]
    # end events: calendar
    return event_urls + [
        "/",
        "/verzeichnis/",
        organisation.get_absolute_url(),
        place.get_absolute_url(),
        "/verzeichnis/netzwerke/",
        membership.network.get_absolute_url(),
        f"/verzeichnis/kontakte/{contact.pk}.vcf",
        "/impressum/",
        "/datenschutz/",
        "/barrierefreiheit/",
        "/health/",
        "/mitmachen/",
        "/mitmachen/?view=map",
        opportunity.get_absolute_url(),
        f"{opportunity.get_absolute_url()}interesse/",
        "/nachbarschaftshilfe/",
        help_request.get_absolute_url(),
        "/nachbarschaftshilfe/neu/",
        "/nachweis/",
        "/nachweis/UNBEKANNT00/",
        "/konto/login/",
        "/konto/signup/",
        "/konto/password/reset/",
        # advice: intake
        "/beratung/",
        "/beratung/anliegen/",
        f"/beratung/anliegen/?organisation={organisation.slug}",
        "/beratung/anliegen/danke/",
        # end advice: intake
        # advice: appointments (the booking page itself: advice/tests/test_appointments_booking.py)
        "/beratung/termine/link/UNBEKANNT/",
        "/beratung/termine/999999/",
        # end advice: appointments
    ]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_public_pages_never_fail_on_odd_query_strings(client, public_urls, query):
    for url in public_urls:
        for headers in ({}, {"HX-Request": "true"}):
            response = client.get(f"{url}?{query}", headers=headers)
            assert response.status_code < 500, (url, query, response.status_code)
