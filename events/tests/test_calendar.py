"""The public calendar: list and month view, filters, event and date pages, JSON-LD."""

import json
import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from directory.models import OrganisationStatus
from directory.tests.factories import (
    OrganisationFactory,
    OrganisationRoleFactory,
    PlaceFactory,
    TopicFactory,
)
from events.models import AgendaItem, DocumentVisibility, EventDocument, EventStatus
from events.tests.factories import (
    EventFactory,
    EventKindFactory,
    RegistrationFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db

CHEMNITZ = {"postcode": "09111", "city": "Chemnitz", "latitude": 50.8357, "longitude": 12.9292}
AUE = {"postcode": "08280", "city": "Aue", "latitude": 50.5877, "longitude": 12.7006}


def in_days(days, hour=15):
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


def event_at(town=None, **kwargs):
    """A published event; with `town` at a place there, coordinates copied as the manage
    area does on save."""
    if town is not None:
        place = PlaceFactory(**town)
        kwargs.update(
            place=place,
            municipality=place.municipality,
            latitude=place.latitude,
            longitude=place.longitude,
        )
    kwargs.setdefault("starts_at", in_days(7))
    kwargs.setdefault("ends_at", kwargs["starts_at"] + timedelta(hours=3))
    return EventFactory(**kwargs)


def listed_event_ids(response) -> list[int]:
    return [occurrence.event_id for occurrence in response.context["page"].object_list]


def json_ld_of(response):
    match = re.search(
        rb'<script type="application/ld\+json">(.*?)</script>', response.content, re.S
    )
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


# The list ------------------------------------------------------------------------------


def test_list_shows_upcoming_public_dates_only(client):
    shown = event_at(CHEMNITZ)
    draft = event_at(status=EventStatus.DRAFT)
    cancelled_event = event_at(status=EventStatus.CANCELLED)
    past = event_at(starts_at=in_days(-3))
    cancelled_date = event_at()
    cancelled_date.occurrences.update(is_cancelled=True)

    response = client.get("/veranstaltungen/")

    assert response.status_code == 200
    ids = listed_event_ids(response)
    assert ids == [shown.pk]
    for hidden in (draft, cancelled_event, past, cancelled_date):
        assert hidden.get_absolute_url().encode() not in response.content
    assert b'rel="alternate" type="application/atom+xml"' in response.content


def test_list_orders_by_date_and_lists_each_date_of_a_recurring_event(client):
    later = event_at(starts_at=in_days(20))
    weekly = event_at(starts_at=in_days(2), recurrence_rule="FREQ=WEEKLY;COUNT=3")

    ids = listed_event_ids(client.get("/veranstaltungen/"))

    assert ids == [weekly.pk, weekly.pk, weekly.pk, later.pk]


def test_text_search_looks_at_title_summary_and_description(client):
    by_title = event_at(title="Zukunftswerkstatt Innenstadt")
    by_summary = event_at(summary="Eine Zukunftswerkstatt für alle")
    by_description = event_at(description="Wir laden zur ZUKUNFTSWERKSTATT ein.")
    event_at(title="Bürgerforum")

    ids = listed_event_ids(client.get("/veranstaltungen/", {"q": "zukunftswerkstatt"}))

    assert sorted(ids) == sorted([by_title.pk, by_summary.pk, by_description.pk])
    both_words = listed_event_ids(client.get("/veranstaltungen/", {"q": "zukunftswerkstatt laden"}))
    assert both_words == [by_description.pk]


def test_text_search_folds_umlauts_and_case(client):
    forum = event_at(title="Bürgerforum Südvorstadt")
    event_at(title="Sommerfest")

    for query in ["bürgerforum", "BUERGERFORUM", "Burgerforum südvorstadt"]:
        assert listed_event_ids(client.get("/veranstaltungen/", {"q": query})) == [forum.pk]


def test_kind_organiser_municipality_and_topic_filters_narrow(client):
    forum = EventKindFactory(slug="buergerforum", name="Bürgerforum")
    organiser = OrganisationFactory()
    topic = TopicFactory()
    target = event_at(CHEMNITZ, kind=forum, organisers=[organiser])
    target.topics.add(topic)
    other = event_at(AUE)

    def ids(**query):
        return listed_event_ids(client.get("/veranstaltungen/", query))

    assert sorted(ids()) == sorted([target.pk, other.pk])
    assert ids(kind="buergerforum") == [target.pk]
    assert ids(organiser=organiser.slug) == [target.pk]
    assert ids(municipality=target.municipality.slug) == [target.pk]
    assert ids(municipality=other.municipality.slug) == [other.pk]
    assert ids(topic=topic.slug) == [target.pk]


def test_organiser_with_two_events_and_several_organisers_lists_each_date_once(client):
    organiser = OrganisationFactory()
    shared = event_at(organisers=[organiser, OrganisationFactory()])
    shared.topics.add(TopicFactory(), TopicFactory())

    ids = listed_event_ids(client.get("/veranstaltungen/"))

    assert ids == [shared.pk]


def test_date_range_narrows(client):
    soon = event_at(starts_at=in_days(3))
    later = event_at(starts_at=in_days(30))
    day_of_soon = timezone.localtime(soon.starts_at).date()

    def ids(**query):
        return listed_event_ids(client.get("/veranstaltungen/", query))

    assert ids(date_from=day_of_soon.isoformat(), date_to=day_of_soon.isoformat()) == [soon.pk]
    assert ids(date_from=(day_of_soon + timedelta(days=1)).isoformat()) == [later.pk]
    assert ids(date_to=(day_of_soon + timedelta(days=1)).isoformat()) == [soon.pk]


def test_end_of_period_before_its_start_is_an_error_and_is_left_out(client):
    event = event_at()
    response = client.get("/veranstaltungen/", {"date_from": "2030-01-10", "date_to": "2030-01-01"})

    assert response.status_code == 200
    assert "date_to" in response.context["form"].errors
    assert b'id="filter-errors"' in response.content
    assert event.pk not in listed_event_ids(response)  # the valid "from" still applies


def test_free_places_filter_leaves_out_full_dates(client):
    full = event_at(registration_required=True, capacity=2)
    RegistrationFactory(occurrence=full.occurrences.get(), party_size=2)
    open_places = event_at(registration_required=True, capacity=2)
    RegistrationFactory(occurrence=open_places.occurrences.get(), party_size=1)
    unlimited = event_at()

    response = client.get("/veranstaltungen/", {"free_places": "on"})

    assert sorted(listed_event_ids(response)) == sorted([open_places.pk, unlimited.pk])
    everything = client.get("/veranstaltungen/")
    assert b'data-availability="waiting"' in everything.content
    assert b'data-availability="free"' in everything.content
    assert b'data-availability="open"' in everything.content


def test_step_free_filter(client):
    step_free = event_at(step_free=True)
    event_at(step_free=False)

    assert listed_event_ids(client.get("/veranstaltungen/", {"step_free": "on"})) == [step_free.pk]


def test_postcode_and_radius_find_events_nearby_and_leave_out_online_ones(client):
    chemnitz = event_at(CHEMNITZ)
    aue = event_at(AUE)
    event_at(online_url="https://meet.example.org/raum")

    near = client.get("/veranstaltungen/", {"postcode": "09111", "radius_km": "10"})
    wider = client.get("/veranstaltungen/", {"postcode": "09111", "radius_km": "50"})
    from_aue = client.get("/veranstaltungen/", {"postcode": "08280", "radius_km": "5"})

    assert listed_event_ids(near) == [chemnitz.pk]
    assert sorted(listed_event_ids(wider)) == sorted([chemnitz.pk, aue.pk])
    assert listed_event_ids(from_aue) == [aue.pk]
    assert near.context["page"].object_list[0].distance_km < 10
    assert wider.context["criteria"].centre is not None


def test_unknown_postcode_is_an_error_not_a_filter(client):
    event = event_at(CHEMNITZ)

    response = client.get("/veranstaltungen/", {"postcode": "00000"})

    assert response.status_code == 200
    assert "postcode" in response.context["form"].errors
    assert listed_event_ids(response) == [event.pk]


def test_htmx_request_gets_only_the_results(client):
    event_at()

    response = client.get("/veranstaltungen/", {"q": "x"}, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b'id="results-heading"' in response.content
    assert "HX-Request" in response["Vary"]


def test_filter_of_one_organiser_offers_its_ical_feed(client):
    organiser = OrganisationFactory()
    event_at(organisers=[organiser])

    response = client.get("/veranstaltungen/", {"organiser": organiser.slug})

    assert f"/veranstaltungen/feeds/organisation/{organiser.slug}.ics".encode() in (
        response.content
    )


@pytest.mark.parametrize("count", [5, 30])
def test_list_queries_do_not_grow_with_the_number_of_events(
    client, django_assert_num_queries, count
):
    """1 the number of matching dates (paginator), 2 the page of dates with event, kind
    and place and the summed registrations, 3 the organisers of those events (prefetch),
    then the filter form's choices: 4 kinds, 5 organisers, 6 municipalities, 7 topics."""
    for _ in range(count):
        event = event_at(CHEMNITZ, registration_required=True, capacity=10)
        event.topics.add(TopicFactory())
        RegistrationFactory(occurrence=event.occurrences.get())

    with django_assert_num_queries(7):
        response = client.get("/veranstaltungen/")

    assert len(response.context["page"].object_list) == min(count, 20)


# The month view ------------------------------------------------------------------------


def test_month_view_puts_dates_on_their_days(client):
    starts = in_days(40)
    event = event_at(starts_at=starts, title="Monatscafé")
    other_month = event_at(starts_at=starts + timedelta(days=70))

    response = client.get(f"/veranstaltungen/monat/{starts.year}-{starts.month:02d}/")

    assert response.status_code == 200
    days = [day for week in response.context["weeks"] for day in week]
    with_events = [day for day in days if day["occurrences"]]
    assert [day["date"] for day in with_events] == [starts.date()]
    assert with_events[0]["occurrences"][0].event_id == event.pk
    assert other_month.get_absolute_url().encode() not in response.content
    assert b'<th scope="col">' in response.content
    assert b'id="previous-month"' in response.content
    assert b'id="next-month"' in response.content


def test_month_view_applies_filters(client):
    starts = in_days(10)
    wanted = event_at(starts_at=starts, step_free=True)
    event_at(starts_at=starts, step_free=False)

    response = client.get(
        f"/veranstaltungen/monat/{starts.year}-{starts.month}/", {"step_free": "on"}
    )

    listed = [
        o.event_id for week in response.context["weeks"] for d in week for o in d["occurrences"]
    ]
    assert listed == [wanted.pk]


def test_month_view_htmx_gets_the_grid_only(client):
    response = client.get("/veranstaltungen/monat/2026-11/", headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b"<table" in response.content


@pytest.mark.parametrize(
    "path", ["2026-13", "2026-0", "0-1", "99999-1", "9999-12", "2026-999999999999999999999"]
)
def test_month_view_bad_month_is_404(client, path):
    assert client.get(f"/veranstaltungen/monat/{path}/").status_code == 404


# Event and date pages ------------------------------------------------------------------


def test_event_page_shows_the_event_with_links(client):
    organiser = OrganisationFactory()
    hidden_organiser = OrganisationFactory(status=OrganisationStatus.PENDING)
    event = event_at(
        CHEMNITZ,
        organisers=[organiser, hidden_organiser],
        plain_language_summary="Wir reden über den Park.",
        registration_required=True,
        capacity=5,
        hearing_loop=True,
    )
    item = AgendaItem.objects.create(event=event, starts_at="15:00", title="Begrüßung")
    agreed, refused = SpeakerFactory(name="Dr. Ja"), SpeakerFactory(name="Herr Nein")
    refused.public_consent = False
    refused.save()
    item.speakers.add(agreed, refused)

    response = client.get(event.get_absolute_url())

    assert response.status_code == 200
    content = response.content.decode()
    assert organiser.get_absolute_url() in content
    assert hidden_organiser.get_absolute_url() not in content
    assert f"/verzeichnis/orte/{event.place.pk}/" in content
    assert 'id="plain-language"' in content
    assert 'id="agenda"' in content
    assert "Dr. Ja" in content
    assert "Herr Nein" not in content
    assert f"/veranstaltungen/{event.slug}.ics" in content
    occurrence = event.occurrences.get()
    assert occurrence.get_absolute_url() in content
    assert f"{occurrence.get_absolute_url()}anmelden/" in content


def test_occurrence_page_lists_public_documents_only(client):
    event = event_at()
    occurrence = event.occurrences.get()
    public, private = (
        EventDocument.objects.create(
            occurrence=occurrence,
            title=title,
            file=SimpleUploadedFile(f"{title}.pdf", b"%PDF-1.4"),
            content_type="application/pdf",
            size=8,
            visibility=visibility,
        )
        for title, visibility in [
            ("Protokoll", DocumentVisibility.PUBLIC),
            ("Teilnehmerliste", DocumentVisibility.PARTICIPANTS),
        ]
    )

    response = client.get(occurrence.get_absolute_url())

    assert list(response.context["documents"]) == [public]
    assert f"/veranstaltungen/verwalten/dokumente/{public.pk}/".encode() in response.content
    assert f"/dokumente/{private.pk}/".encode() not in response.content


def test_recurring_event_page_lists_its_upcoming_dates(client):
    event = event_at(starts_at=in_days(1), recurrence_rule="FREQ=WEEKLY;COUNT=4")
    first = event.occurrences.first()
    first.is_cancelled = True
    first.save()

    response = client.get(event.get_absolute_url())

    assert len(response.context["dates"]) == 4
    assert b'data-availability="cancelled"' in response.content
    assert len(json_ld_of(response)) == 3  # the cancelled date is not announced


def test_draft_is_hidden_from_the_public_and_other_organisations(client):
    organiser = OrganisationFactory()
    draft = event_at(status=EventStatus.DRAFT, organisers=[organiser])
    occurrence = draft.occurrences.get()
    stranger = OrganisationRoleFactory().user

    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(occurrence.get_absolute_url()).status_code == 404
    assert client.get(f"/veranstaltungen/{draft.slug}.ics").status_code == 404

    client.force_login(stranger)
    assert client.get(draft.get_absolute_url()).status_code == 404

    client.force_login(OrganisationRoleFactory(organisation=organiser).user)
    preview = client.get(draft.get_absolute_url())
    assert preview.status_code == 200
    assert b'id="preview-notice"' in preview.content
    assert client.get(occurrence.get_absolute_url()).status_code == 200


def test_cancelled_event_keeps_its_page_with_a_notice(client):
    event = event_at(status=EventStatus.CANCELLED)

    response = client.get(event.occurrences.get().get_absolute_url())

    assert response.status_code == 200
    assert b'id="event-cancelled"' in response.content
    assert json_ld_of(response)["eventStatus"] == "https://schema.org/EventCancelled"


def test_occurrence_page_of_another_event_or_unknown_is_404(client):
    event, other = event_at(), event_at()
    foreign = other.occurrences.get()

    assert client.get(f"{event.get_absolute_url()}{foreign.pk}/").status_code == 404
    assert client.get(f"{event.get_absolute_url()}99999999/").status_code == 404
    huge = "9" * 30
    assert client.get(f"{event.get_absolute_url()}{huge}/").status_code == 404
    assert client.get("/veranstaltungen/gibt-es-nicht/").status_code == 404


def test_occurrence_page_json_ld_carries_the_fields(client):
    organiser = OrganisationFactory(name="Nachbarschaftshilfe e. V.")
    event = event_at(
        CHEMNITZ,
        title='Forum </script><script>alert("x")</script>',
        organisers=[organiser],
        registration_required=True,
        capacity=1,
    )
    occurrence = event.occurrences.get()
    RegistrationFactory(occurrence=occurrence)

    response = client.get(occurrence.get_absolute_url())

    assert response.status_code == 200
    assert b'<script>alert("x")' not in response.content
    data = json_ld_of(response)
    assert data["@type"] == "Event"
    assert data["name"] == event.title
    assert data["startDate"] == timezone.localtime(occurrence.starts_at).isoformat()
    assert data["endDate"] == timezone.localtime(occurrence.ends_at).isoformat()
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["@type"] == "PostalAddress"
    assert data["location"]["address"]["postalCode"] == "09111"
    assert data["organizer"] == [
        {
            "@type": "Organization",
            "name": "Nachbarschaftshilfe e. V.",
            "url": f"http://testserver{organiser.get_absolute_url()}",
        }
    ]
    assert data["offers"]["availability"] == "https://schema.org/SoldOut"
    assert data["isAccessibleForFree"] is True


def test_online_event_json_ld_has_a_virtual_location_and_no_offer(client):
    event = event_at(online_url="https://meet.example.org/raum")

    data = json_ld_of(client.get(event.get_absolute_url()))

    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.org/raum"}
    assert "offers" not in data


def test_cancelled_date_json_ld_says_so(client):
    event = event_at()
    occurrence = event.occurrences.get()
    occurrence.is_cancelled = True
    occurrence.save()

    response = client.get(occurrence.get_absolute_url())

    assert b'id="date-cancelled"' in response.content
    assert json_ld_of(response)["eventStatus"] == "https://schema.org/EventCancelled"


def test_atom_feed_lists_published_events(client):
    published = event_at(title="Neues Bürgerforum")
    draft = event_at(status=EventStatus.DRAFT)

    response = client.get("/veranstaltungen/feed.atom")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert published.get_absolute_url().encode() in response.content
    assert draft.get_absolute_url().encode() not in response.content


@pytest.mark.parametrize(
    "query",
    [
        "date_from=99999-01-01&date_to=0001-01-01",
        "date_from=9999-12-31&date_to=9999-12-31",
        "date_from=0001-01-01",
        "date_from=2026-02-30&date_to=gestern",
        "radius_km=abc&postcode=09111",
        "radius_km=-5&postcode=0911",
        "kind=%00&organiser=%00&topic=..%2F&municipality=%ff",
        "q=%00%00&free_places=maybe&step_free=[]",
        "page=99999999999999999999999",
        "q=" + "a " * 500,
    ],
)
def test_hostile_filters_never_fail(client, query):
    event_at(CHEMNITZ)
    for url in ("/veranstaltungen/", "/veranstaltungen/monat/2026-11/"):
        for headers in ({}, {"HX-Request": "true"}):
            response = client.get(f"{url}?{query}", headers=headers)
            assert response.status_code == 200, (url, query)


def test_a_past_date_says_it_is_over_and_offers_no_registration(client):
    event = event_at(starts_at=in_days(-3), registration_required=True)
    occurrence = event.occurrences.get()
    response = client.get(occurrence.get_absolute_url())
    assert b'id="date-past"' in response.content
    assert b'id="register-link"' not in response.content
