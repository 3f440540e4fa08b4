"""Time the engagement search and matching pages and print median and 95th percentile per
page. Run on demand (never part of the test suite), against the database that
DATABASE_URL or GEMEINWERK_VAR_DIR points to; for national scale fill it first:

    GEMEINWERK_VAR_DIR=/tmp/scale-sqlite DEBUG=1 .venv/bin/python manage.py migrate
    GEMEINWERK_VAR_DIR=/tmp/scale-sqlite DEBUG=1 .venv/bin/python manage.py generate_scale_data
    GEMEINWERK_VAR_DIR=/tmp/scale-sqlite .venv/bin/python benchmarks/engagement_pages.py

Like benchmarks/directory_pages.py it uses Django's test client in-process with DEBUG
off, so a figure is server time (routing, middleware, queries, templates). `--slowest N`
prints the N slowest SQL statements of each page (`--explain` adds PostgreSQL's EXPLAIN
ANALYZE of each), `--profile` the functions that took longest (cProfile) of one request
per page. The guide account the suggestions page needs
is created with a coordinator role if the chosen organisation has none.
"""

import os
import sys
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
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from directory.models import OrganisationRole, OrganisationRoleKind  # noqa: E402
from engagement import selectors  # noqa: E402
from engagement.models import Activity, Field, VolunteerProfile  # noqa: E402
from engagement.rules import PLACEMENT_ROLES  # noqa: E402

GUIDE_EMAIL = "benchmark-guide@example.org"
# Text and three filters of the search page; the postcode is the busiest one in the data.
SEARCH_TEXT = "Besuch"
SEARCH_FIELD = "Senioren"
SEARCH_ACTIVITY = "Begleiten"
SEARCH_SUITABLE = "seniors"


def busiest_postcode() -> str:
    row = (
        selectors.opportunities_public()
        .exclude(postcode="")
        .values("postcode")
        .annotate(count=Count("pk"))
        .order_by("-count", "postcode")
        .first()
    )
    if row is None:
        raise SystemExit(
            "No public opportunities: run `manage.py load_demo_region` or "
            "`manage.py generate_scale_data` on this database first."
        )
    return row["postcode"]


def search_url(postcode: str) -> str:
    field = Field.objects.filter(name=SEARCH_FIELD).first()
    activity = Activity.objects.filter(name=SEARCH_ACTIVITY).first()
    if field is None or activity is None:
        raise SystemExit(f"The catalogues lack {SEARCH_FIELD!r} or {SEARCH_ACTIVITY!r}.")
    return (
        f"{reverse('engagement:search')}?q={SEARCH_TEXT}&field={field.slug}"
        f"&activity={activity.slug}&suitable={SEARCH_SUITABLE}&postcode={postcode}&radius_km=25"
    )


def volunteer_near(postcode: str) -> VolunteerProfile:
    volunteers = VolunteerProfile.objects.select_related("user").order_by("pk")
    volunteer = volunteers.filter(postcode=postcode).first() or volunteers.first()
    if volunteer is None:
        raise SystemExit("No volunteer profiles in this database.")
    return volunteer


def guide_and_opportunity(postcode: str):
    """A public opportunity at the busiest postcode and a guide of its organisation."""
    opportunity = selectors.opportunities_public().filter(postcode=postcode).order_by("pk").first()
    role = (
        OrganisationRole.objects.filter(
            organisation=opportunity.organisation_id, role__in=PLACEMENT_ROLES
        )
        .select_related("user")
        .first()
    )
    if role is None:
        user, _created = get_user_model().objects.get_or_create(
            email=GUIDE_EMAIL, defaults={"display_name": "Benchmark guide"}
        )
        role, _created = OrganisationRole.objects.update_or_create(
            user=user,
            organisation_id=opportunity.organisation_id,
            defaults={"role": OrganisationRoleKind.COORDINATOR},
        )
    return role.user, opportunity


def main():
    postcode = busiest_postcode()
    volunteer = volunteer_near(postcode)
    guide, opportunity = guide_and_opportunity(postcode)
    anonymous = Client(HTTP_HOST="127.0.0.1")
    as_volunteer = Client(HTTP_HOST="127.0.0.1")
    as_volunteer.force_login(volunteer.user)
    as_guide = Client(HTTP_HOST="127.0.0.1")
    as_guide.force_login(guide)
    pages = [
        ("search: text + 3 filters + 25 km", anonymous, search_url(postcode)),
        ("matches for one volunteer", as_volunteer, "/engagiert/vorschlaege/"),
        (
            "volunteers for one opportunity",
            as_guide,
            f"/engagiert/angebot/{opportunity.slug}/passende-engagierte/",
        ),
    ]
    print(
        f"{selectors.opportunities_public().count()} public opportunities, "
        f"{VolunteerProfile.objects.count()} volunteer profiles, database {connection.vendor}, "
        f"{ROUNDS} rounds; postcode {postcode}, volunteer #{volunteer.pk}, "
        f"opportunity #{opportunity.pk}"
    )
    print(f"{'page':36} {'median ms':>10} {'p95 ms':>10} {'queries':>8}")
    for name, client, url in pages:
        if arguments.only and arguments.only not in name:
            continue
        median, p95, queries, status = measure(client, url)
        if status != 200:
            hint = " (page not there yet)" if status == 404 else ""
            print(f"{name:36} answered {status}{hint}: {url}")
            continue
        print(f"{name:36} {median:10.1f} {p95:10.1f} {len(queries):8d}")
        explain(client, url, queries, arguments)


if __name__ == "__main__":
    main()
