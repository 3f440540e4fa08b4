"""iCalendar files and feeds, read back with vobject (an independent RFC 5545 parser, with
its validation on) rather than with the icalendar library that writes them."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import vobject
from django.utils import timezone

from directory.models import MembershipStatus, OrganisationStatus
from directory.tests.factories import (
    MunicipalityFactory,
    NetworkMembershipFactory,
    OrganisationFactory,
    PlaceFactory,
    TopicFactory,
)
from events.models import EventStatus
from events.tests.factories import EventFactory, WorkingMeetingSeriesFactory

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def in_days(days, hour=15):
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


def event_at(**kwargs):
    kwargs.setdefault("starts_at", in_days(7))
    kwargs.setdefault("ends_at", kwargs["starts_at"] + timedelta(hours=2))
    return EventFactory(**kwargs)


def parsed(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    # vobject keeps the first VTIMEZONE it read for a TZID for the rest of the process;
    # each file must be read with its own.
    vars(vobject.icalendar)["__tzidMap"].pop("Europe/Berlin", None)
    calendar = vobject.readOne(response.content.decode("utf-8"), validate=True)
    assert calendar.version.value == "2.0"
    assert calendar.prodid.value
    return calendar


def vevents(calendar) -> list:
    return list(getattr(calendar, "vevent_list", []))


def utc(moment: datetime) -> datetime:
    """Python never calls two moments in different zones equal when one zone's offset
    depends on `fold` (as the parser's zones do), so compare in UTC."""
    return moment.astimezone(UTC)


def uids(calendar) -> set[str]:
    return {entry.uid.value for entry in vevents(calendar)}


def end_of_summer_time(year: int) -> datetime:
    """The last Sunday of October, when Germany goes back to standard time."""
    day = datetime(year, 10, 31, tzinfo=BERLIN)
    return day - timedelta(days=(day.weekday() + 1) % 7)


def test_single_event_file(client):
    place = PlaceFactory(name="Stadtteiltreff", street="Markt 1", postcode="09111")
    event = event_at(
        title="Bürgerforum, Park; Zukunft",
        summary="Wir reden über den Park.",
        place=place,
        registration_required=True,
    )
    occurrence = event.occurrences.get()

    response = client.get(f"/veranstaltungen/{event.slug}.ics")
    calendar = parsed(response)

    (entry,) = vevents(calendar)
    assert entry.uid.value == f"occurrence-{occurrence.pk}@testserver"
    assert entry.summary.value == "Bürgerforum, Park; Zukunft"
    assert utc(entry.dtstart.value) == occurrence.starts_at
    assert utc(entry.dtend.value) == occurrence.ends_at
    assert b"\r\nDTSTART;TZID=Europe/Berlin:" in response.content
    assert b"\r\nRDATE:" in response.content
    assert not re.search(rb"\r\nRDATE:[^\r\n]*,", response.content)
    assert entry.dtstart.value.utcoffset() == timezone.localtime(occurrence.starts_at).utcoffset()
    assert entry.dtstamp.value.tzinfo is not None
    assert entry.status.value == "CONFIRMED"
    assert "Stadtteiltreff" in entry.location.value
    assert "09111" in entry.location.value
    assert "Wir reden über den Park." in entry.description.value
    assert entry.url.value == f"http://testserver{occurrence.get_absolute_url()}"
    assert calendar.vtimezone.tzid.value == "Europe/Berlin"


def test_recurring_event_keeps_its_local_time_across_the_change_of_time(client):
    change = end_of_summer_time(timezone.localdate().year + 1)
    first = (change - timedelta(days=13)).replace(hour=15)
    left_out = (change + timedelta(days=8)).date()
    event = event_at(
        starts_at=first,
        ends_at=first + timedelta(hours=3),
        recurrence_rule="FREQ=WEEKLY;COUNT=5",
        recurrence_exceptions=[left_out.isoformat()],
    )
    cancelled = event.occurrences.get(starts_at=first + timedelta(days=14))
    cancelled.is_cancelled = True
    cancelled.save()

    calendar = parsed(client.get(f"/veranstaltungen/{event.slug}.ics"))

    entries = sorted(vevents(calendar), key=lambda entry: entry.dtstart.value)
    expected = [
        datetime.combine((first + timedelta(days=7 * week)).date(), first.time(), BERLIN)
        for week in range(5)
        if (first + timedelta(days=7 * week)).date() != left_out
    ]
    assert [utc(entry.dtstart.value) for entry in entries] == [utc(start) for start in expected]
    assert [entry.dtstart.value.utcoffset() for entry in entries] == [
        timedelta(hours=2),
        timedelta(hours=2),
        timedelta(hours=1),
        timedelta(hours=1),
    ]
    assert all(
        entry.dtstart.value.astimezone(BERLIN).hour == 15
        and entry.dtend.value.astimezone(BERLIN).hour == 18
        for entry in entries
    )
    statuses = {utc(entry.dtstart.value): entry.status.value for entry in entries}
    assert statuses.pop(cancelled.starts_at) == "CANCELLED"
    assert set(statuses.values()) == {"CONFIRMED"}
    assert uids(calendar) == {
        f"occurrence-{pk}@testserver" for pk in event.occurrences.values_list("pk", flat=True)
    }


def test_cancelled_event_file_marks_every_date_cancelled(client):
    event = event_at(status=EventStatus.CANCELLED)

    calendar = parsed(client.get(f"/veranstaltungen/{event.slug}.ics"))

    assert [entry.status.value for entry in vevents(calendar)] == ["CANCELLED"]


def test_event_file_of_draft_or_unknown_event_is_404(client):
    draft = event_at(status=EventStatus.DRAFT)

    assert client.get(f"/veranstaltungen/{draft.slug}.ics").status_code == 404
    assert client.get("/veranstaltungen/gibt-es-nicht.ics").status_code == 404


def test_organisation_feed_holds_recent_and_upcoming_public_dates(client):
    organisation = OrganisationFactory()
    upcoming = event_at(organisers=[organisation])
    recent = event_at(organisers=[organisation], starts_at=in_days(-10))
    long_ago = event_at(organisers=[organisation], starts_at=in_days(-60))
    draft = event_at(organisers=[organisation], status=EventStatus.DRAFT)
    cancelled = event_at(organisers=[organisation], starts_at=in_days(3))
    cancelled.occurrences.update(is_cancelled=True)
    someone_else = event_at()

    calendar = parsed(client.get(f"/veranstaltungen/feeds/organisation/{organisation.slug}.ics"))

    def uid(event):
        return f"occurrence-{event.occurrences.get().pk}@testserver"

    assert uids(calendar) == {uid(upcoming), uid(recent), uid(cancelled)}
    for left_out in (long_ago, draft, someone_else):
        assert uid(left_out) not in uids(calendar)
    statuses = {entry.uid.value: entry.status.value for entry in vevents(calendar)}
    assert statuses[uid(cancelled)] == "CANCELLED"
    assert calendar.contents["x-wr-calname"][0].value == organisation.name


def test_network_feed_holds_members_events_and_series_meetings(client):
    membership = NetworkMembershipFactory()
    network = membership.network
    ended = NetworkMembershipFactory(network=network, status=MembershipStatus.ENDED)
    member_event = event_at(organisers=[membership.organisation])
    meeting = event_at(series=WorkingMeetingSeriesFactory(network=network))
    former_member_event = event_at(organisers=[ended.organisation])
    event_at()

    calendar = parsed(client.get(f"/veranstaltungen/feeds/netzwerk/{network.slug}.ics"))

    assert {entry.summary.value for entry in vevents(calendar)} == {
        member_event.title,
        meeting.title,
    }
    assert former_member_event.title not in calendar.serialize()


def test_municipality_and_topic_feeds(client):
    municipality = MunicipalityFactory()
    topic = TopicFactory()
    local = event_at(municipality=municipality)
    on_topic = event_at()
    on_topic.topics.add(topic)
    event_at()

    by_place = parsed(client.get(f"/veranstaltungen/feeds/gemeinde/{municipality.slug}.ics"))
    by_topic = parsed(client.get(f"/veranstaltungen/feeds/thema/{topic.slug}.ics"))

    assert [entry.summary.value for entry in vevents(by_place)] == [local.title]
    assert [entry.summary.value for entry in vevents(by_topic)] == [on_topic.title]


def test_empty_feed_is_still_a_valid_calendar(client):
    calendar = parsed(client.get(f"/veranstaltungen/feeds/thema/{TopicFactory().slug}.ics"))

    assert vevents(calendar) == []


@pytest.mark.parametrize("kind", ["organisation", "netzwerk", "gemeinde", "thema"])
def test_feed_of_unknown_slug_is_404(client, kind):
    assert client.get(f"/veranstaltungen/feeds/{kind}/gibt-es-nicht.ics").status_code == 404


def test_feed_of_unpublished_organisation_is_404(client):
    pending = OrganisationFactory(status=OrganisationStatus.PENDING)
    event_at(organisers=[pending])

    response = client.get(f"/veranstaltungen/feeds/organisation/{pending.slug}.ics")

    assert response.status_code == 404
