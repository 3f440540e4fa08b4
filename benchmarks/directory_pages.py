"""Time the public directory pages and print median and 95th percentile per page.
Run on demand (never part of the test suite):

    make benchmark                                    # the demo region in var/
    .venv/bin/python benchmarks/directory_pages.py --organisations 2000
                                                      # a scratch database: demo + synthetic

It uses Django's test client in-process, so the figures are server time (URL routing,
queries, template rendering) without network or browser.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument(
    "--organisations",
    type=int,
    default=0,
    help="build a scratch SQLite database with the demo region plus synthetic organisations "
    "up to this many",
)
arguments = parser.parse_args()
if arguments.organisations:
    os.environ["GEMEINWERK_VAR_DIR"] = tempfile.mkdtemp(prefix="gemeinwerk-benchmark-")
    os.environ.pop("DATABASE_URL", None)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gemeinwerk.settings")
# DEBUG off as in production; the testing flag spares collectstatic and the HTTPS redirect.
os.environ.setdefault("GEMEINWERK_TESTING", "1")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from directory.models import Organisation, Place  # noqa: E402

ROUNDS = int(os.environ.get("BENCHMARK_ROUNDS", "50"))


def measure(client, url, headers=None):
    client.get(url, headers=headers or {})  # warm-up
    timings = []
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers or {})
    query_count = len(queries)
    for _ in range(ROUNDS):
        started = time.perf_counter()
        response = client.get(url, headers=headers or {})
        timings.append((time.perf_counter() - started) * 1000)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    timings.sort()
    p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
    return statistics.median(timings), p95, query_count


def build_scratch_region(total: int) -> None:
    """The demo region plus synthetic organisations, each with a place and office hours."""
    from datetime import time as clock

    from directory.models import OfficeHourRule, Topic
    from directory.search import refresh_search_text

    call_command("migrate", verbosity=0)
    call_command("load_demo_region", verbosity=0)
    topics = list(Topic.objects.all())
    existing = Organisation.objects.count()
    for number in range(existing, total):
        organisation = Organisation.objects.create(
            name=f"Nachbarschaftsverein {number}",
            slug=f"nachbarschaftsverein-{number}",
            summary="Beratung, Begegnung und Engagement im Quartier.",
            status="published",
        )
        organisation.topics.add(topics[number % len(topics)])
        place = Place.objects.create(
            organisation=organisation,
            name="Treffpunkt",
            postcode="09122",
            city="Chemnitz",
            latitude=50.5 + (number % 100) * 0.01,
            longitude=12.5 + (number // 100) * 0.01,
            step_free=number % 2 == 0,
        )
        OfficeHourRule.objects.bulk_create(
            OfficeHourRule(place=place, weekday=day, opens=clock(9), closes=clock(17))
            for day in range(number % 5, 5)
        )
        refresh_search_text(organisation.pk)


def main():
    if arguments.organisations:
        build_scratch_region(arguments.organisations)
    organisation = Organisation.objects.published().order_by("name").first()
    place = Place.objects.public().order_by("pk").first()
    if organisation is None or place is None:
        raise SystemExit("No demo data: run `make demo` first.")
    pages = [
        ("list, page 1", "/verzeichnis/", None),
        ("list, htmx fragment", "/verzeichnis/?q=beratung", {"HX-Request": "true"}),
        ("search 'beratung'", "/verzeichnis/?q=beratung", None),
        ("filter open now + step-free", "/verzeichnis/?open_now=1&step_free=1", None),
        ("postcode 09122 + 25 km", "/verzeichnis/?postcode=09122&radius_km=25", None),
        ("organisation detail", organisation.get_absolute_url(), None),
        ("place detail", place.get_absolute_url(), None),
    ]
    client = Client(HTTP_HOST="127.0.0.1")
    print(
        f"{Organisation.objects.published().count()} published organisations, "
        f"{Place.objects.count()} places, database {connection.vendor}, {ROUNDS} rounds"
    )
    print(f"{'page':32} {'median ms':>10} {'p95 ms':>10} {'queries':>8}")
    for name, url, headers in pages:
        median, p95, queries = measure(client, url, headers)
        print(f"{name:32} {median:10.1f} {p95:10.1f} {queries:8d}")


if __name__ == "__main__":
    main()
