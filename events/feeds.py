"""Calendar files (RFC 5545) for one event and for subscribable feeds, and the Atom feed of
new events. Every date is its own VEVENT with a UID that stays the same for the date, so
calendar programs update a date in place, and a cancelled date stays in the file marked
STATUS:CANCELLED so that subscribed calendars learn of it."""

from datetime import UTC, date, timedelta

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext, gettext_lazy
from icalendar import Calendar
from icalendar import Event as CalendarEvent
from icalendar.prop import vDDDLists

from . import selectors
from .models import EventStatus

PRODID = "-//Gemeinwerk//Veranstaltungen//DE"
FEED_PAST_DAYS = 30
MAX_FEED_DATES = 2000
NEW_EVENTS_IN_FEED = 30


def feed_occurrences(now=None):
    """Dates for a subscribable feed: announced events' dates from 30 days back on."""
    since = (now or timezone.now()) - timedelta(days=FEED_PAST_DAYS)
    return selectors.occurrences_announced().filter(ends_at__gte=since)


def _location(event) -> str:
    parts = []
    if event.place_id:
        parts.append(event.place.name)
        if event.place.address_line:
            parts.append(event.place.address_line)
    if event.online_url:
        parts.append(event.online_url)
    if event.location_note:
        parts.append(event.location_note)
    return ", ".join(parts)


def _description(event, url: str) -> str:
    parts = [event.summary, event.description, url]
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def _calendar_event(occurrence, *, host: str, url: str, stamp) -> CalendarEvent:
    event = occurrence.event
    entry = CalendarEvent()
    entry.add("uid", f"occurrence-{occurrence.pk}@{host}")
    entry.add("dtstamp", stamp)
    entry.add("last-modified", event.updated_at.astimezone(UTC))
    entry.add("dtstart", timezone.localtime(occurrence.starts_at))
    entry.add("dtend", timezone.localtime(occurrence.ends_at))
    entry.add("summary", event.title)
    entry.add("description", _description(event, url))
    location = _location(event)
    if location:
        entry.add("location", location)
    if event.place_id:
        entry.add("geo", (event.place.latitude, event.place.longitude))
    entry.add("url", url)
    cancelled = occurrence.is_cancelled or event.status == EventStatus.CANCELLED
    entry.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    entry.add("transp", "OPAQUE")
    return entry


def _one_rdate_per_line(calendar: Calendar) -> None:
    """icalendar writes a time zone's transitions as one comma-separated RDATE; some
    readers (vobject among them) keep only the first of such a list and so get summer
    time wrong from the second year on. One RDATE property per transition reads alike
    everywhere."""
    for zone in calendar.walk("VTIMEZONE"):
        for rule in zone.subcomponents:
            rdates = rule.pop("RDATE", None)
            if rdates is None:
                continue
            lists = rdates if isinstance(rdates, list) else [rdates]
            rule["RDATE"] = [vDDDLists([moment.dt]) for dates in lists for moment in dates.dts]


def calendar_bytes(occurrences, *, request, name: str) -> bytes:
    """An iCalendar file with one VEVENT per date in `occurrences` (whose event and place
    should be loaded with select_related), times in the platform's time zone."""
    host = request.get_host().split(":")[0]
    stamp = timezone.now().astimezone(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    dates = list(
        occurrences.select_related("event", "event__place").order_by("starts_at", "pk")[
            :MAX_FEED_DATES
        ]
    )
    for occurrence in dates:
        url = request.build_absolute_uri(occurrence.get_absolute_url())
        calendar.add_component(_calendar_event(occurrence, host=host, url=url, stamp=stamp))
    if dates:
        # The time zone's rules only for the years the dates span keep the file small.
        calendar.add_missing_timezones(
            first_date=date(dates[0].starts_at.year - 1, 1, 1),
            last_date=date(dates[-1].ends_at.year + 2, 1, 1),
        )
        _one_rdate_per_line(calendar)
    return calendar.to_ical()


class NewEventsFeed(Feed):
    """Atom feed of the most recently published events."""

    feed_type = Atom1Feed
    link = reverse_lazy("events:calendar")
    subtitle = gettext_lazy("Newly announced events")

    def title(self):
        return f"{settings.GEMEINWERK_NAME}: {gettext('Events')}"

    def items(self):
        return selectors.events_public().order_by("-created_at", "-pk")[:NEW_EVENTS_IN_FEED]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.plain_language_summary

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at
