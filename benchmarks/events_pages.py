"""Time the events pages (calendar, event and date pages, calendar files, organisers' pages)
and print median and 95th percentile per page. Run on demand (never part of the test
suite), against the database that DATABASE_URL or GEMEINWERK_VAR_DIR points to; for a
large data set fill it first:

    export GEMEINWERK_VAR_DIR=/tmp/events-scale-sqlite
    DEBUG=1 .venv/bin/python manage.py migrate
    DEBUG=1 .venv/bin/python manage.py load_demo_region
    DEBUG=1 .venv/bin/python manage.py generate_scale_data --opportunities 0 \\
        --municipalities 1000 --volunteers 0
    DEBUG=1 .venv/bin/python manage.py generate_event_scale_data
    .venv/bin/python benchmarks/events_pages.py

Like benchmarks/engagement_pages.py it uses Django's test client in-process with DEBUG
off, so a figure is server time (routing, middleware, queries, templates). `--slowest N`
prints the N slowest SQL statements of each page (`--explain` adds PostgreSQL's EXPLAIN
ANALYZE of each), `--profile` the functions that took longest (cProfile) of one request
per page, `--only WORD` times only the pages whose name contains WORD. The organisers'
pages are requested as `benchmark-organiser-<organisation id>@example.org`, created with
an editor role in the organisation if needed.
"""

import os
import sys
from datetime import date
from pathlib import Path

from page_timing import ROUNDS, explain, measure, parse_arguments

arguments = parse_arguments(__doc__)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gemeinwerk.settings")
# DEBUG off as in production; the testing flag spares collectstatic and the HTTPS redirect.
os.environ.setdefault("GEMEINWERK_TESTING", "1")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count, F  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from directory.models import (  # noqa: E402
    Municipality,
    Organisation,
    OrganisationRole,
    OrganisationRoleKind,
)
from events import feeds, selectors  # noqa: E402
from events.models import Event, Occurrence, Registration  # noqa: E402

SEARCH_TEXT = "Bürgerforum"
RADIUS_KM = 25
# The full date whose registrations are listed: the one with the most people up to this.
FULL_DATE_PEOPLE = 100


def upcoming_public():
    return selectors.occurrences_public().upcoming()


def busiest_postcode() -> str:
    row = (
        upcoming_public()
        .exclude(event__place__isnull=True)
        .values("event__place__postcode")
        .annotate(count=Count("pk"))
        .order_by("-count", "event__place__postcode")
        .first()
    )
    if row is None:
        raise SystemExit(
            "No upcoming public dates: run `manage.py load_demo_region` and "
            "`manage.py generate_event_scale_data` on this database first."
        )
    return row["event__place__postcode"]


def event_with_most_dates() -> Event:
    row = (
        upcoming_public()
        .values("event")
        .annotate(count=Count("pk"))
        .order_by("-count", "event")
        .first()
    )
    return Event.objects.get(pk=row["event"])


def busiest_feed(field: str, model):
    """The organisation or municipality whose calendar feed holds the most dates."""
    row = (
        feeds.feed_occurrences()
        .values(field)
        .annotate(count=Count("pk"))
        .exclude(**{field: None})
        .order_by("-count", field)
        .first()
    )
    return model.objects.get(pk=row[field]), row["count"]


def full_date() -> Occurrence:
    """A booked-out, upcoming date with as many people as possible up to FULL_DATE_PEOPLE."""
    full = (
        upcoming_public()
        .filter(event__registration_required=True)
        .with_counts()
        .filter(confirmed_people__gte=F("event__capacity"))
    )
    occurrence = (
        full.filter(confirmed_people__lte=FULL_DATE_PEOPLE)
        .order_by("-confirmed_people", "pk")
        .first()
        or full.order_by("confirmed_people", "pk").first()
    )
    if occurrence is None:
        raise SystemExit("No full date in this database: run generate_event_scale_data.")
    return Occurrence.objects.select_related("event").get(pk=occurrence.pk)


def organiser_of(organisation: Organisation):
    user, _created = get_user_model().objects.get_or_create(
        email=f"benchmark-organiser-{organisation.pk}@example.org",
        defaults={"display_name": "Benchmark organiser"},
    )
    OrganisationRole.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": OrganisationRoleKind.EDITOR}
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return client, user


def main():
    postcode = busiest_postcode()
    many_dates = event_with_most_dates()
    next_date = upcoming_public().filter(event=many_dates).order_by("starts_at").first()
    organisation, organisation_dates = busiest_feed("event__organisers", Organisation)
    municipality, municipality_dates = busiest_feed("event__municipality", Municipality)
    booked_out = full_date()
    booked_out_organisation = booked_out.event.organisers.order_by("pk").first()
    people = Registration.objects.filter(occurrence=booked_out).active().count()
    first_name = (
        Registration.objects.filter(occurrence=booked_out, status="confirmed")
        .order_by("pk")
        .values_list("name", flat=True)
        .first()
        .split()[0]
    )
    anonymous = Client(HTTP_HOST="127.0.0.1")
    as_organiser, organiser = organiser_of(organisation)
    as_full_date_organiser, _user = organiser_of(booked_out_organisation)
    today = timezone.localdate()
    calendar = reverse("events:calendar")
    attendance = f"{booked_out.event.slug}/{booked_out.pk}"
    year = f"date_from={date(today.year, 1, 1)}&date_to={date(today.year, 12, 31)}"
    pages = [
        ("calendar, page 1", anonymous, calendar),
        ("calendar, text search", anonymous, f"{calendar}?q={SEARCH_TEXT}"),
        (
            f"calendar, postcode + {RADIUS_KM} km",
            anonymous,
            f"{calendar}?postcode={postcode}&radius_km={RADIUS_KM}",
        ),
        ("calendar, free places", anonymous, f"{calendar}?free_places=on"),
        (
            "month view",
            anonymous,
            reverse("events:month", kwargs={"year": today.year, "month": f"{today:%m}"}),
        ),
        ("event with many dates", anonymous, many_dates.get_absolute_url()),
        ("date page", anonymous, next_date.get_absolute_url()),
        (
            "iCal, organisation feed",
            anonymous,
            reverse("events:organisation_ical", kwargs={"slug": organisation.slug}),
        ),
        (
            "iCal, municipality feed",
            anonymous,
            reverse("events:municipality_ical", kwargs={"slug": municipality.slug}),
        ),
        ("organiser's event list", as_organiser, reverse("events:manage_list")),
        (
            "registrations of a full date",
            as_full_date_organiser,
            f"/veranstaltungen/verwalten/{attendance}/teilnehmende/",
        ),
        (
            "check-in search",
            as_full_date_organiser,
            f"/veranstaltungen/verwalten/{attendance}/einlass/?q={first_name.lower()}",
        ),
        (
            "attendance figures, a year",
            as_organiser,
            f"/veranstaltungen/verwalten/zahlen/?organisation={organisation.slug}&{year}",
        ),
    ]
    managed = selectors.events_managed_by(organiser).count()
    many_dates_upcoming = upcoming_public().filter(event=many_dates).count()
    print(
        f"{Event.objects.count()} events, {Occurrence.objects.count()} dates "
        f"({upcoming_public().count()} upcoming public), {Registration.objects.count()} "
        f"registrations, database {connection.vendor}, {ROUNDS} rounds"
    )
    print(
        f"postcode {postcode}; event #{many_dates.pk} ({many_dates_upcoming} "
        f"upcoming dates); organisation #{organisation.pk} ({organisation_dates} feed dates, "
        f"{managed} events); municipality #{municipality.pk} ({municipality_dates} feed dates); "
        f"full date #{booked_out.pk} ({people} active registrations, capacity "
        f"{booked_out.event.capacity}); check-in search {first_name.lower()!r}"
    )
    print(f"{'page':32} {'median ms':>10} {'p95 ms':>10} {'queries':>8}")
    for name, client, url in pages:
        if arguments.only and arguments.only not in name:
            continue
        median, p95, queries, status = measure(client, url)
        if status != 200:
            hint = " (page not there yet)" if status == 404 else ""
            print(f"{name:32} answered {status}{hint}: {url}")
            continue
        print(f"{name:32} {median:10.1f} {p95:10.1f} {len(queries):8d}")
        explain(client, url, queries, arguments)


if __name__ == "__main__":
    main()
