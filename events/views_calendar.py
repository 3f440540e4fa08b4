"""Public discovery: the calendar (list and month), the event and date pages with their
schema.org JSON-LD, and the iCalendar files and feeds."""

import calendar as month_calendar
from collections import defaultdict
from datetime import MAXYEAR, MINYEAR, date, datetime, time

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.vary import vary_on_headers

from directory.models import Municipality, Network, Organisation, Topic

from . import feeds, selectors
from .formatting import date_range_text
from .forms_calendar import CalendarFilter, CalendarFilterForm, distance_km, filter_occurrences
from .models import Event, EventStatus, Occurrence, Speaker
from .rules import may

RESULTS_PER_PAGE = 20
MAX_MONTH_DATES = 500
MAX_LISTED_DATES = 60
MAX_JSON_LD_DATES = 10


def _annotate_dates(occurrences, event=None) -> None:
    for occurrence in occurrences:
        if event is not None:
            occurrence.event = event  # already loaded; spares a query per date
        occurrence.when = date_range_text(occurrence.starts_at, occurrence.ends_at)


def _calendar_queryset():
    return selectors.occurrences_public().select_related("event", "event__kind", "event__place")


def _list_context(request, form, criteria):
    query = request.GET.copy()
    query.pop("page", None)
    feed_url = ""
    if criteria.organiser:
        feed_url = reverse("events:organisation_ical", kwargs={"slug": criteria.organiser.slug})
    elif criteria.municipality:
        feed_url = reverse("events:municipality_ical", kwargs={"slug": criteria.municipality.slug})
    elif criteria.topic:
        feed_url = reverse("events:topic_ical", kwargs={"slug": criteria.topic.slug})
    return {"form": form, "criteria": criteria, "query": query.urlencode(), "feed_url": feed_url}


@vary_on_headers("HX-Request")
def calendar(request):
    form = CalendarFilterForm(request.GET)
    criteria = CalendarFilter.from_form(form)
    occurrences = filter_occurrences(_calendar_queryset().upcoming(), criteria).order_by(
        "starts_at", "pk"
    )
    page = Paginator(occurrences, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = list(
        page.object_list.prefetch_related(
            Prefetch("event__organisers", queryset=Organisation.objects.published())
        )
    )
    _annotate_dates(page.object_list)
    for occurrence in page.object_list:
        occurrence.distance_km = distance_km(occurrence)
    today = timezone.localdate()
    context = {
        **_list_context(request, form, criteria),
        "page": page,
        "month_url": reverse("events:month", kwargs={"year": today.year, "month": f"{today:%m}"}),
    }
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "events/calendar/_results.html", context)
    return render(request, "events/calendar/calendar.html", context)


def _month_or_404(year: int, month: int) -> date:
    # One year of margin on either side so that the previous and next month links exist.
    if not (MINYEAR < year < MAXYEAR and 1 <= month <= 12):
        raise Http404
    return date(year, month, 1)


def _neighbour_month(first: date, step: int) -> date:
    index = first.year * 12 + first.month - 1 + step
    return date(index // 12, index % 12 + 1, 1)


@vary_on_headers("HX-Request")
def month(request, year, month):
    first = _month_or_404(year, month)
    following = _neighbour_month(first, 1)
    form = CalendarFilterForm(request.GET)
    criteria = CalendarFilter.from_form(form)
    # The month is the period; a date range from the list view would only confuse.
    criteria = CalendarFilter(**{**criteria.__dict__, "date_from": None, "date_to": None})
    starts = timezone.make_aware(datetime.combine(first, time.min))
    ends = timezone.make_aware(datetime.combine(following, time.min))
    # Up to 500 dates that show only time and title: loading no more than that keeps the
    # month at a third of the time (docs/performance.md, "Events").
    month_dates = (
        selectors.occurrences_public()
        .filter(starts_at__gte=starts, starts_at__lt=ends)
        .select_related("event")
        .only("starts_at", "ends_at", "event__title", "event__slug")
    )
    occurrences = list(
        filter_occurrences(month_dates, criteria, counts=False).order_by("starts_at", "pk")[
            : MAX_MONTH_DATES + 1
        ]
    )
    truncated = len(occurrences) > MAX_MONTH_DATES
    occurrences = occurrences[:MAX_MONTH_DATES]
    by_day = defaultdict(list)
    for occurrence in occurrences:
        occurrence.starts_local = timezone.localtime(occurrence.starts_at)
        by_day[occurrence.starts_local.date()].append(occurrence)
    weeks = [
        [
            {"date": day, "in_month": day.month == first.month, "occurrences": by_day.get(day, [])}
            for day in week
        ]
        for week in month_calendar.Calendar(firstweekday=0).monthdatescalendar(
            first.year, first.month
        )
    ]
    context = {
        **_list_context(request, form, criteria),
        "first": first,
        "weeks": weeks,
        "weekdays": [date(2024, 1, day) for day in range(1, 8)],  # a Monday to Sunday
        "count": len(occurrences),
        "truncated": truncated,
        "previous": _neighbour_month(first, -1),
        "next": following,
        "today": timezone.localdate(),
    }
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "events/calendar/_month.html", context)
    return render(request, "events/calendar/month.html", context)


def _visible_event_or_404(request, slug) -> Event:
    """Announced events for everyone; drafts only as a preview for their organisers."""
    event = get_object_or_404(
        Event.objects.select_related(
            "kind", "place", "host", "municipality", "series", "series__network"
        ),
        slug=slug,
    )
    if event.status == EventStatus.DRAFT and not may(request.user, "events.change_event", event):
        raise Http404
    return event


def _postal_address(place) -> dict:
    return {
        "@type": "PostalAddress",
        "streetAddress": place.street,
        "postalCode": place.postcode,
        "addressLocality": place.city,
        "addressCountry": "DE",
    }


def _attendance_mode(event: Event) -> str:
    if event.place_id and event.online_url:
        return "https://schema.org/MixedEventAttendanceMode"
    if event.place_id:
        return "https://schema.org/OfflineEventAttendanceMode"
    return "https://schema.org/OnlineEventAttendanceMode"


def _locations(event: Event) -> list[dict]:
    locations = []
    if event.place_id:
        locations.append(
            {"@type": "Place", "name": event.place.name, "address": _postal_address(event.place)}
        )
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    return locations


def occurrence_json_ld(
    occurrence: Occurrence, organisers: list[Organisation], request, now=None
) -> dict:
    """schema.org Event for one date; `occurrence.event` should have its place loaded."""
    event = occurrence.event
    url = request.build_absolute_uri(occurrence.get_absolute_url())
    cancelled = occurrence.is_cancelled or event.status == EventStatus.CANCELLED
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": url,
        "startDate": timezone.localtime(occurrence.starts_at).isoformat(),
        "endDate": timezone.localtime(occurrence.ends_at).isoformat(),
        "eventStatus": "https://schema.org/EventCancelled"
        if cancelled
        else "https://schema.org/EventScheduled",
        "eventAttendanceMode": _attendance_mode(event),
        "isAccessibleForFree": True,
        "organizer": [
            {
                "@type": "Organization",
                "name": organisation.name,
                "url": request.build_absolute_uri(organisation.get_absolute_url()),
            }
            for organisation in organisers
        ],
    }
    description = event.summary or event.description
    if description:
        data["description"] = description
    locations = _locations(event)
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if event.registration_required:
        free = occurrence.free_places
        data["offers"] = {
            "@type": "Offer",
            "price": "0",
            "priceCurrency": "EUR",
            "url": url,
            "availability": "https://schema.org/SoldOut"
            if free == 0 or not occurrence.registration_open(now)
            else "https://schema.org/InStock",
            "validThrough": timezone.localtime(occurrence.registration_closes_at).isoformat(),
        }
    return data


def _public_organisers(event: Event) -> list[Organisation]:
    return list(event.organisers.published().order_by("name"))


def _event_facts(event: Event) -> dict:
    """What both the event page and the date page show about the event as a whole."""
    agenda = event.agenda_items.prefetch_related(
        Prefetch("speakers", queryset=Speaker.objects.public())
    )
    return {
        "event": event,
        "organisers": _public_organisers(event),
        "agenda": agenda,
        "topics": event.topics.all(),
        "target_groups": event.target_groups.all(),
        "is_preview": event.status == EventStatus.DRAFT,
        "ical_url": reverse("events:event_ical", kwargs={"slug": event.slug}),
    }


def event_detail(request, slug):
    event = _visible_event_or_404(request, slug)
    context = _event_facts(event)
    dates = list(event.occurrences.upcoming().with_counts()[:MAX_LISTED_DATES])
    if not dates:
        dates = list(event.occurrences.with_counts().order_by("-starts_at")[:1])
    _annotate_dates(dates, event)
    public_dates = [o for o in dates if not o.is_cancelled][:MAX_JSON_LD_DATES]
    json_ld = [occurrence_json_ld(o, context["organisers"], request) for o in public_dates]
    context.update(
        {
            "dates": dates,
            "json_ld": json_ld[0] if len(json_ld) == 1 else json_ld,
        }
    )
    return render(request, "events/calendar/event_detail.html", context)


def occurrence_detail(request, slug, occurrence):
    event = _visible_event_or_404(request, slug)
    occurrence = get_object_or_404(event.occurrences.with_counts(), pk=occurrence)
    _annotate_dates([occurrence], event)
    context = _event_facts(event)
    context.update(
        {
            "occurrence": occurrence,
            "is_past": occurrence.ends_at < timezone.now(),
            "documents": selectors.documents_visible_to(request.user, occurrence),
            "json_ld": occurrence_json_ld(occurrence, context["organisers"], request),
        }
    )
    return render(request, "events/calendar/occurrence_detail.html", context)


def _ical_response(occurrences, request, *, name: str, filename: str) -> HttpResponse:
    response = HttpResponse(
        feeds.calendar_bytes(occurrences, request=request, name=name),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response


def event_ical(request, slug):
    event = get_object_or_404(selectors.events_announced(), slug=slug)
    occurrences = event.occurrences.select_related("event", "event__place")
    return _ical_response(occurrences, request, name=event.title, filename=event.slug)


def organisation_ical(request, slug):
    organisation = get_object_or_404(Organisation.objects.published(), slug=slug)
    occurrences = feeds.feed_occurrences().filter(event__organisers=organisation)
    return _ical_response(occurrences, request, name=organisation.name, filename=slug)


def network_ical(request, slug):
    network = get_object_or_404(Network, slug=slug)
    occurrences = feeds.feed_occurrences().filter(
        pk__in=selectors.occurrences_of_network(network).values("pk")
    )
    return _ical_response(occurrences, request, name=network.name, filename=slug)


def municipality_ical(request, slug):
    municipality = get_object_or_404(Municipality, slug=slug)
    occurrences = feeds.feed_occurrences().filter(event__municipality=municipality)
    return _ical_response(occurrences, request, name=municipality.name, filename=slug)


def topic_ical(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    occurrences = feeds.feed_occurrences().filter(event__topics=topic)
    return _ical_response(occurrences, request, name=topic.name, filename=slug)
