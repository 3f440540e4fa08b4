"""Time the advice pages (triage queue, concern, cases, calendar, appointment, statistics,
audit log, the residents' landing and booking pages) and print median and 95th percentile
per page. Run on demand (never part of the test suite), against the database that
DATABASE_URL or GEMEINWERK_VAR_DIR points to; for a large data set fill it first:

    export GEMEINWERK_VAR_DIR=/tmp/advice-scale-sqlite
    DEBUG=1 .venv/bin/python manage.py migrate
    DEBUG=1 .venv/bin/python manage.py load_demo_region
    DEBUG=1 .venv/bin/python manage.py generate_advice_scale_data
    .venv/bin/python benchmarks/advice_pages.py

Like benchmarks/events_pages.py it uses Django's test client in-process with DEBUG off,
so a figure is server time (routing, middleware, queries, decrypting the encrypted
fields, templates). `--slowest N` prints the N slowest SQL statements of each page
(`--explain` adds PostgreSQL's EXPLAIN ANALYZE of each), `--profile` the functions that
took longest (cProfile) of one request per page, `--only WORD` times only the pages whose
name contains WORD. The staff pages are requested as the adviser with the most cases in
the organisation with the most concerns, and as that organisation's advice lead. Pages
that show a confidential record write an audit entry per request, as in real use.
"""

import os
import sys
from datetime import timedelta
from pathlib import Path

from page_timing import ROUNDS, explain, measure, parse_arguments

arguments = parse_arguments(__doc__)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gemeinwerk.settings")
# DEBUG off as in production; the testing flag spares collectstatic and the HTTPS redirect.
os.environ.setdefault("GEMEINWERK_TESTING", "1")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count, Q  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from advice import selectors  # noqa: E402
from advice.models import (  # noqa: E402
    AdviceCase,
    AdviceRole,
    AdviceRoleKind,
    Appointment,
    AppointmentSchedule,
    AppointmentStatus,
    AuditEntry,
    CaseNote,
    Concern,
    ConcernStatus,
)
from advice.slots import format_week, week_start  # noqa: E402
from directory.opening import local_zone  # noqa: E402

NOTES_ON_CASE = 20


def busiest_organisation_id() -> int:
    row = (
        Concern.objects.filter(organisation__in=AdviceRole.objects.values("organisation"))
        .values("organisation")
        .annotate(count=Count("pk"))
        .order_by("-count", "organisation")
        .first()
    )
    if row is None:
        raise SystemExit(
            "No concerns: run `manage.py load_demo_region` and "
            "`manage.py generate_advice_scale_data` on this database first."
        )
    return row["organisation"]


def team_member(organisation_id: int, role: str):
    """The member with that role who is assigned to the most cases."""
    role = (
        AdviceRole.objects.filter(organisation_id=organisation_id, role=role)
        .select_related("user")
        .annotate(cases=Count("user__advice_cases"))
        .order_by("-cases", "user")
        .first()
    )
    return role.user


def signed_in(user) -> Client:
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return client


def case_with_notes(adviser) -> AdviceCase | None:
    """Of the adviser's cases, the one with the fewest notes from NOTES_ON_CASE on, or
    (on the demo region) the one with the most."""
    cases = (
        selectors.cases_visible_to(adviser)
        .filter(advisers=adviser)
        .annotate(note_count=Count("notes", distinct=True))
    )
    return (
        cases.filter(note_count__gte=NOTES_ON_CASE).order_by("note_count", "pk").first()
        or cases.order_by("-note_count", "pk").first()
    )


def busiest_schedule() -> AppointmentSchedule:
    """The bookable schedule with the most booked appointments ahead."""
    return (
        selectors.schedules_public()
        .annotate(
            booked=Count(
                "appointments",
                filter=Q(
                    appointments__status=AppointmentStatus.BOOKED,
                    appointments__starts_at__gt=timezone.now(),
                ),
            )
        )
        .order_by("-booked", "pk")
        .first()
    )


def main():
    organisation_id = busiest_organisation_id()
    adviser = team_member(organisation_id, AdviceRoleKind.ADVISER)
    lead = team_member(organisation_id, AdviceRoleKind.LEAD)
    as_adviser, as_lead = signed_in(adviser), signed_in(lead)
    anonymous = Client(HTTP_HOST="127.0.0.1")
    now = timezone.now()
    concern = (
        Concern.objects.filter(organisation_id=organisation_id)
        .open()
        .order_by("-created_at", "-pk")
        .first()
    )
    case = case_with_notes(adviser)
    appointments = selectors.appointments_visible_to(adviser)
    appointment = (
        appointments.filter(adviser=adviser, status=AppointmentStatus.BOOKED, starts_at__gt=now)
        .order_by("starts_at", "pk")
        .first()
        or appointments.order_by("-starts_at", "pk").first()
    )
    schedule = busiest_schedule()
    monday = week_start(timezone.localdate(now, local_zone()))
    triage = reverse("advice:triage")
    # The free times appear once a topic is chosen (step 1 of the form).
    topic = schedule.topics.order_by("pk").first()
    booking = f"{reverse('advice:booking', kwargs={'pk': schedule.pk})}?thema={topic.pk}"
    pages = [
        ("triage queue", as_adviser, triage),
        ("triage queue, overdue", as_adviser, f"{triage}?overdue=on"),
        ("concern detail", as_adviser, reverse("advice:concern_detail", kwargs={"pk": concern.pk})),
        ("case list", as_adviser, reverse("advice:case_list")),
        (
            f"case detail, {NOTES_ON_CASE}+ notes",
            as_adviser,
            reverse("advice:case_detail", kwargs={"pk": case.pk}),
        ),
        ("adviser calendar, week", as_adviser, reverse("advice:adviser_calendar")),
        (
            "appointment detail",
            as_adviser,
            reverse("advice:appointment_detail", kwargs={"pk": appointment.pk}),
        ),
        ("statistics, a year (lead)", as_lead, reverse("advice:statistics")),
        ("audit log, page 1 (lead)", as_lead, reverse("advice:audit_log")),
        ("advice landing /beratung/", anonymous, reverse("advice:index")),
        ("booking page, first week", anonymous, booking),
        (
            "booking page, 4 weeks ahead",
            anonymous,
            f"{booking}&woche={format_week(monday + timedelta(weeks=4))}",
        ),
    ]
    visible_cases = selectors.cases_visible_to(adviser).count()
    open_concerns = Concern.objects.filter(organisation_id=organisation_id).open()
    print(
        f"{Concern.objects.count()} concerns, {AdviceCase.objects.count()} cases, "
        f"{CaseNote.objects.count()} notes, {Appointment.objects.count()} appointments, "
        f"{AuditEntry.objects.count()} audit entries, database {connection.vendor}, "
        f"{ROUNDS} rounds"
    )
    print(
        f"organisation #{organisation_id} ({open_concerns.count()} open concerns, "
        f"{open_concerns.filter(follow_up_on__lt=timezone.localdate()).count()} overdue, "
        f"{AuditEntry.objects.filter(organisation_id=organisation_id).count()} audit entries); "
        f"adviser #{adviser.pk} ({visible_cases} cases); case #{case.pk} "
        f"({case.note_count} notes); schedule #{schedule.pk} ({schedule.booked} booked ahead, "
        f"{schedule.advisers.count()} advisers); concern #{concern.pk} "
        f"({ConcernStatus(concern.status).label})"
    )
    print(f"{'page':32} {'median ms':>10} {'p95 ms':>10} {'queries':>8}")
    for name, client, url in pages:
        if arguments.only and arguments.only not in name:
            continue
        median, p95, queries, status = measure(client, url)
        if status != 200:
            print(f"{name:32} answered {status}: {url}")
            continue
        print(f"{name:32} {median:10.1f} {p95:10.1f} {len(queries):8d}")
        explain(client, url, queries, arguments)


if __name__ == "__main__":
    main()
