"""An invented, large events data set for benchmarks, on top of a database that already
holds organisations with places (the demo region, `generate_scale_data`, or both): events
spread unevenly over the organisations (a few busy ones, many with one or two), a fifth of
them recurring weekly, dates from a year back to a year ahead, and registrations with full
dates and waiting lists, check-ins on past dates and some cancellations. Rows are written
in batches with bulk_create, so no per-row signals or save() run; the event's search text
is computed here the way Event.save computes it."""

import random
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from datetime import time as clock

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from core.text import search_normalise
from directory.models import Organisation, Place, Topic

from ...models import (
    MAX_PARTY_SIZE,
    Event,
    EventKind,
    EventStatus,
    Occurrence,
    Registration,
    RegistrationStatus,
    TargetGroup,
)
from ...recurrence import Frequency, build_rule, occurrence_starts

# Every slug of the data set starts with this, so a second run can tell it is there.
SLUG_PREFIX = "scale-event-"

KINDS = {
    "dialogtag": "Dialogtag / Offener Bürotag",
    "buergerforum": "Bürgerforum",
    "zukunftswerkstatt": "Zukunftswerkstatt",
    "workshop-fortbildung": "Workshop / Fortbildung",
    "fest": "Fest",
    "sonstiges": "Sonstiges",
}
TARGET_GROUPS = ["Bewohnerinnen und Bewohner", "Ehrenamtliche", "Familien"]


@dataclass(frozen=True)
class Template:
    title: str
    kind: str
    summary: str
    hour: int
    hours: float
    # Places per date; None: no registration.
    capacities: tuple[int, ...] | None = None
    weekly: bool = False
    online: bool = False


TEMPLATES = [
    Template(
        "Offener Dialogtag im Stadtteilbüro {town}",
        "dialogtag",
        "Ohne Termin vorbeikommen: Fragen, Ideen und Anliegen rund um das Quartier.",
        10,
        6,
        weekly=True,
    ),
    Template(
        "Nachbarschaftscafé {town}",
        "sonstiges",
        "Kaffee, Kuchen und Gespräche mit den Nachbarinnen und Nachbarn.",
        15,
        2,
        weekly=True,
    ),
    Template(
        "Repair-Café {town}",
        "sonstiges",
        "Gemeinsam reparieren statt wegwerfen: Elektrogeräte, Fahrräder, Kleidung.",
        14,
        3,
        weekly=True,
    ),
    Template(
        "Sprachcafé {town}",
        "sonstiges",
        "Deutsch sprechen in entspannter Runde, für alle Sprachniveaus.",
        17,
        1.5,
        capacities=(12, 15, 20),
        weekly=True,
    ),
    Template(
        "Seniorennachmittag in {town}",
        "sonstiges",
        "Spiele, Vorträge und Gespräche für ältere Menschen aus dem Stadtteil.",
        14,
        2.5,
        capacities=(20, 25, 30),
        weekly=True,
    ),
    Template(
        "Bewegungstreff im Park {town}",
        "sonstiges",
        "Gymnastik an der frischen Luft, für jedes Alter.",
        9,
        1,
        capacities=(15, 20),
        weekly=True,
    ),
    Template(
        "Bürgerforum: Wie wollen wir in {town} leben?",
        "buergerforum",
        "Verwaltung, Politik und Bewohnerschaft im Gespräch über die Zukunft des Ortes.",
        18,
        2.5,
        capacities=(60, 80, 100, 100),
    ),
    Template(
        "Zukunftswerkstatt {town} 2030",
        "zukunftswerkstatt",
        "Kritik, Fantasie, Umsetzung: drei Phasen, eine gemeinsame Vision für den Ort.",
        10,
        6,
        capacities=(20, 25, 30),
    ),
    Template(
        "Fortbildung: Fördermittel für Vereine in {town}",
        "workshop-fortbildung",
        "Welche Programme es gibt, wie ein Antrag gelingt und was bei der Abrechnung zählt.",
        17,
        3,
        capacities=(12, 15, 20, 25),
    ),
    Template(
        "Erste-Hilfe-Kurs für Ehrenamtliche in {town}",
        "workshop-fortbildung",
        "Auffrischung für alle, die sich in Vereinen und Initiativen engagieren.",
        9,
        8,
        capacities=(12, 16),
    ),
    Template(
        "Infoabend: Ehrenamt in {town}",
        "buergerforum",
        "Vereine und Initiativen stellen sich vor und suchen Mitstreiterinnen und Mitstreiter.",
        19,
        2,
        capacities=(30, 40, 50),
    ),
    Template(
        "Stadtteilfest {town}",
        "fest",
        "Musik, Essen und Mitmachangebote für die ganze Familie.",
        14,
        5,
    ),
    Template(
        "Online-Sprechstunde Engagementberatung",
        "sonstiges",
        "Beratung zu Vereinsgründung, Versicherung und Förderung per Video.",
        16,
        1,
        capacities=(8, 10),
        online=True,
    ),
]
WEEKLY_TEMPLATES = [template for template in TEMPLATES if template.weekly]
SINGLE_TEMPLATES = [template for template in TEMPLATES if not template.weekly]

FIRST_NAMES = [
    "Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hannah", "Ida", "Jakob",
    "Karl", "Lea", "Mia", "Noah", "Ole", "Paula", "Rosa", "Samuel", "Tilda", "Ute",
    "Vera", "Wilhelm", "Yusuf", "Zoe", "Ahmad", "Olena", "Marek", "Aylin", "Dmitri", "Fatma",
]  # fmt: skip
# Surnames that mark the people as invented.
SURNAMES = ["Beispiel", "Muster", "Mustermann", "Platzhalter", "Exempel", "Vorlage", "Probe"]
CONSENT_TEXT = (
    "Ich bin einverstanden, dass die Veranstalter meine Angaben zur Organisation dieser "
    "Veranstaltung speichern und mich dazu per E-Mail kontaktieren."
)
# Share of dates with registration that are booked out, with a waiting list.
FULL_SHARE = 0.12
CANCELLED_SHARE = 0.04
CHECKED_IN_SHARE = 0.85


@dataclass
class PlannedDate:
    occurrence: Occurrence
    capacity: int
    full: bool
    # Registrations wanted for a date that is not full (scaled to the total later).
    wanted: float = 0


class Command(BaseCommand):
    help = (
        "Generate invented events, dates and registrations for benchmarks on a database that "
        "already holds organisations with places (load_demo_region, generate_scale_data). "
        "Refuses to run twice on the same database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, default=5_000)
        parser.add_argument("--organisations", type=int, default=1_000)
        parser.add_argument("--registrations", type=int, default=200_000)
        parser.add_argument(
            "--recurring", type=float, default=0.2, help="share of events recurring weekly"
        )
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch-size", type=int, default=5_000)

    def handle(self, *args, **options):
        if Event.objects.filter(slug__startswith=SLUG_PREFIX).exists():
            raise CommandError("This database already holds an event scale data set.")
        if min(options["events"], options["organisations"], options["batch_size"]) < 1:
            raise CommandError("--events, --organisations and --batch-size must be positive.")
        if options["registrations"] < 0:
            raise CommandError("--registrations must not be negative.")
        if not 0 <= options["recurring"] <= 1:
            raise CommandError("--recurring is a share between 0 and 1.")
        self.random = random.Random(options["seed"])
        self.batch_size = options["batch_size"]
        self.now = timezone.now()
        self.started = time.perf_counter()
        places = self._places(options["organisations"])
        events = self._events(places, options["events"], options["recurring"])
        planned = self._occurrences(events)
        dates = Occurrence.objects.filter(event__slug__startswith=SLUG_PREFIX).count()
        self._progress(f"{dates} dates, {len(planned)} of them with registration")
        registrations = self._registrations(planned, options["registrations"])
        # Fresh statistics for the planners (SQLite in particular picks poor indexes
        # without them), and on PostgreSQL a visibility map, without which no index-only
        # scan happens until autovacuum has come by (see docs/performance.md). VACUUM
        # cannot run inside a transaction (as in tests).
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
        recurring = sum(1 for event in events if event.recurrence_rule)
        self._progress(
            f"Done: {len(events)} events ({recurring} weekly) of {len(places)} organisations, "
            f"{dates} dates, {registrations} registrations"
        )

    def _progress(self, message: str) -> None:
        self.stdout.write(f"[{time.perf_counter() - self.started:7.1f} s] {message}")
        self.stdout.flush()

    def _places(self, count: int) -> list[Place]:
        """One place per organisation: the first place of each of the first `count`
        published organisations that have one with coordinates."""
        places = {}
        candidates = (
            Place.objects.filter(
                organisation__in=Organisation.objects.published(), latitude__isnull=False
            )
            .select_related("organisation")
            .order_by("organisation_id", "pk")
        )
        for place in candidates.iterator(chunk_size=2_000):
            places.setdefault(place.organisation_id, place)
            if len(places) == count:
                break
        if not places:
            raise CommandError(
                "No published organisation with a place: run `manage.py load_demo_region` "
                "and/or `manage.py generate_scale_data` first."
            )
        if len(places) < count:
            self._progress(f"Only {len(places)} organisations with a place; using them all")
        return list(places.values())

    def _weighted_places(self, places: list[Place]) -> list[float]:
        """A few busy organisations and many with one or two events (Zipf-like), in a
        random order so that the busiest is not always the first."""
        ranks = list(range(1, len(places) + 1))
        self.random.shuffle(ranks)
        return [1 / rank**0.6 for rank in ranks]

    @transaction.atomic
    def _events(self, places: list[Place], count: int, recurring_share: float) -> list[Event]:
        kinds = {
            slug: EventKind.objects.get_or_create(slug=slug, defaults={"name": name})[0]
            for slug, name in KINDS.items()
        }
        topics = list(Topic.objects.all())
        target_groups = [
            TargetGroup.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]
            for name in TARGET_GROUPS
        ]
        weights = self._weighted_places(places)
        chosen = self.random.choices(places, weights=weights, k=count)
        events, organiser_pairs = [], []
        for number, place in enumerate(chosen):
            event = self._event(number, place, kinds, recurring_share)
            events.append(event)
            organiser_pairs.append((event, place.organisation_id))
            if self.random.random() < 0.1:
                partner = self.random.choice(places).organisation_id
                if partner != place.organisation_id:
                    organiser_pairs.append((event, partner))
        Event.objects.bulk_create(events, batch_size=self.batch_size)
        through = Event.organisers.through
        through.objects.bulk_create(
            [through(event_id=event.pk, organisation_id=pk) for event, pk in organiser_pairs],
            batch_size=self.batch_size,
        )
        topic_rows, group_rows = [], []
        for event in events:
            if topics:
                for topic in self.random.sample(
                    topics, min(len(topics), self.random.randint(1, 2))
                ):
                    topic_rows.append(Event.topics.through(event_id=event.pk, topic_id=topic.pk))
            for group in self.random.sample(target_groups, self.random.randint(0, 2)):
                group_rows.append(
                    Event.target_groups.through(event_id=event.pk, targetgroup_id=group.pk)
                )
        Event.topics.through.objects.bulk_create(topic_rows, batch_size=self.batch_size)
        Event.target_groups.through.objects.bulk_create(group_rows, batch_size=self.batch_size)
        self._progress(
            f"{count} events over {len({place.organisation_id for place in chosen})} "
            f"organisations, {len(organiser_pairs)} organiser links"
        )
        return events

    def _event(self, number: int, place: Place, kinds, recurring_share: float) -> Event:
        chance = self.random.random
        weekly = chance() < recurring_share
        template = self.random.choice(WEEKLY_TEMPLATES if weekly else SINGLE_TEMPLATES)
        if weekly:
            # Series that began up to ten months ago or begin within the next month.
            day = self.now.date() + timedelta(days=self.random.randint(-300, 30))
        else:
            day = self.now.date() + timedelta(days=self.random.randint(-365, 365))
        starts_at = timezone.make_aware(datetime.combine(day, clock(template.hour)))
        ends_at = starts_at + timedelta(hours=template.hours)
        rule = ""
        if weekly:
            until = None if chance() < 0.4 else day + timedelta(weeks=self.random.randint(8, 52))
            rule = build_rule(frequency=Frequency.WEEKLY, starts_at=starts_at, until=until)
        title = template.title.format(town=place.city)
        description = (
            f"{template.summary} Veranstaltet von {place.organisation.name}. "
            "Alle sind willkommen; die Räume sind gut mit Bus und Bahn zu erreichen."
        )
        online = template.online
        status = self.random.choices(
            [EventStatus.PUBLISHED, EventStatus.DRAFT, EventStatus.CANCELLED], [95, 3, 2]
        )[0]
        event = Event(
            title=title,
            slug=f"{SLUG_PREFIX}{slugify(title)[:150]}-{number}",
            kind=kinds[template.kind],
            summary=template.summary,
            description=description,
            place=None if online else place,
            online_url="https://meet.example.org/sprechstunde" if online else "",
            municipality_id=None if online else place.municipality_id,
            latitude=None if online else place.latitude,
            longitude=None if online else place.longitude,
            starts_at=starts_at,
            ends_at=ends_at,
            recurrence_rule=rule,
            step_free=not online and (place.step_free or chance() < 0.2),
            hearing_loop=chance() < 0.1,
            sign_language_on_request=chance() < 0.05,
            registration_required=template.capacities is not None,
            capacity=self.random.choice(template.capacities) if template.capacities else None,
            registration_deadline_hours=self.random.choice([0, 0, 0, 24]),
            status=status,
        )
        event.search_text = search_normalise(
            " ".join([event.title, event.summary, event.description, event.location_note])
        )
        return event

    def _occurrences(self, events: list[Event]) -> list[PlannedDate]:
        planned = []
        for start in range(0, len(events), self.batch_size):
            with transaction.atomic():
                new = []
                for event in events[start : start + self.batch_size]:
                    duration = event.ends_at - event.starts_at
                    for starts_at in occurrence_starts(
                        rule=event.recurrence_rule, starts_at=event.starts_at
                    ):
                        new.append(
                            Occurrence(
                                event=event,
                                starts_at=starts_at,
                                ends_at=starts_at + duration,
                                is_cancelled=self.random.random() < 0.01,
                            )
                        )
                Occurrence.objects.bulk_create(new, batch_size=self.batch_size)
            planned += [
                PlannedDate(
                    occurrence=occurrence,
                    capacity=occurrence.event.capacity,
                    full=self.random.random() < FULL_SHARE,
                )
                for occurrence in new
                if occurrence.event.registration_required
                and occurrence.event.status != EventStatus.DRAFT
            ]
        return planned

    def _party_size(self) -> int:
        return self.random.choices([1, 2, 3, 4], [85, 10, 3, 2])[0]

    def _plan(self, planned: list[PlannedDate], total: int) -> None:
        """Spread `total` registrations: a full date takes its capacity (and a waiting
        list), the others a random share of theirs, scaled so that the sum comes out near
        `total`."""
        full_total = sum(date.capacity * 0.85 + 8 for date in planned if date.full)
        for date in planned:
            if not date.full:
                date.wanted = date.capacity * self.random.uniform(0.05, 1.0)
        open_total = sum(date.wanted for date in planned if not date.full) or 1
        factor = max(0.0, (total - full_total) / open_total)
        for date in planned:
            if not date.full:
                date.wanted *= factor

    def _registrations(self, planned: list[PlannedDate], total: int) -> int:
        self._plan(planned, total)
        batch, written, number = [], 0, 0
        for date in planned:
            for registration in self._registrations_of(date):
                registration.email = f"{SLUG_PREFIX}teilnahme{number}@example.org"
                number += 1
                batch.append(registration)
            if len(batch) >= self.batch_size:
                written += self._write(batch, written)
                batch = []
        return written + self._write(batch, written)

    def _write(self, batch: list[Registration], written: int) -> int:
        with transaction.atomic():
            Registration.objects.bulk_create(batch, batch_size=self.batch_size)
        if (written + len(batch)) // 50_000 > written // 50_000:
            self._progress(f"{written + len(batch)} registrations")
        return len(batch)

    def _registrations_of(self, date: PlannedDate) -> list[Registration]:
        occurrence = date.occurrence
        past = occurrence.starts_at < self.now
        confirmed_people = 0
        # A full date: party sizes up to its capacity; otherwise up to the wanted number
        # of registrations, never reaching the capacity.
        limit = date.capacity if date.full else date.capacity - 1
        count = None if date.full else int(date.wanted) + (self.random.random() < date.wanted % 1)
        registrations = []
        while confirmed_people < limit and (count is None or len(registrations) < count):
            party_size = min(self._party_size(), limit - confirmed_people)
            confirmed_people += party_size
            registrations.append(
                self._registration(occurrence, party_size, past, RegistrationStatus.CONFIRMED)
            )
        if date.full:
            for _waiting in range(self.random.randint(1, 15)):
                registrations.append(
                    self._registration(
                        occurrence, self._party_size(), False, RegistrationStatus.WAITING
                    )
                )
        # Cancelled ones come on top, so that a full date stays full.
        for _confirmed in range(len(registrations)):
            if self.random.random() < CANCELLED_SHARE:
                cancelled = self._registration(occurrence, 1, False, RegistrationStatus.CANCELLED)
                cancelled.cancelled_at = cancelled.created_at + timedelta(hours=1)
                registrations.append(cancelled)
        return registrations

    def _registration(self, occurrence, party_size: int, past: bool, status) -> Registration:
        created_at = min(
            self.now - timedelta(minutes=1),
            occurrence.starts_at - timedelta(minutes=self.random.randint(60, 60 * 24 * 40)),
        )
        checked_in = (
            past
            and status == RegistrationStatus.CONFIRMED
            and self.random.random() < CHECKED_IN_SHARE
        )
        return Registration(
            occurrence=occurrence,
            name=f"{self.random.choice(FIRST_NAMES)} {self.random.choice(SURNAMES)}",
            party_size=max(1, min(party_size, MAX_PARTY_SIZE)),
            status=status,
            consent_text=CONSENT_TEXT,
            consent_at=created_at,
            created_at=created_at,
            checked_in_at=occurrence.starts_at + timedelta(minutes=self.random.randint(-15, 20))
            if checked_in
            else None,
        )
