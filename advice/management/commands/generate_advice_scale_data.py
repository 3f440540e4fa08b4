"""An invented, large advice data set for benchmarks, on top of a database with the demo
region (or any published organisations with places): advice teams for up to 50
organisations, two years of concerns, cases with notes, referrals, moderations, one
appointment schedule per organisation with appointments six months back and ahead, and
the audit log all of that would have written. Work is spread unevenly (a few busy
organisations, many quiet ones). Rows are written with bulk_create, so no service, signal
or save() runs; encrypted fields are still encrypted (EncryptedTextField.get_prep_value),
which is most of the run time. The team accounts get unusable passwords: hashing a
password per account would cost more than the rest."""

import random
import time
from collections import defaultdict
from datetime import datetime, timedelta
from datetime import time as clock

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from directory.models import Neighbourhood, OfficeHourRule, Organisation, Place, Weekday
from directory.opening import local_zone

from ...models import (
    AdviceCase,
    AdviceRole,
    AdviceRoleKind,
    AdviceTopic,
    Appointment,
    AppointmentSchedule,
    AppointmentStatus,
    AuditAction,
    AuditEntry,
    CaseNote,
    CaseStatus,
    Channel,
    Concern,
    ConcernKind,
    ConcernOutcome,
    ConcernStatus,
    ModerationCase,
    ModerationParty,
    ModerationSession,
    OutcomeKind,
    Referral,
    ReferralOutcome,
)

# Every team account's e-mail address starts with this, so a second run can tell.
EMAIL_PREFIX = "advice-scale-"
ADVISERS_PER_TEAM = 3
DAYS_OF_HISTORY = 730
OPEN_SHARE = 0.2
# Office hours given to a place that has none, so that its schedule offers times.
DEFAULT_OFFICE_HOURS = [
    (Weekday.TUESDAY, clock(9), clock(12)),
    (Weekday.THURSDAY, clock(14), clock(18)),
]
APPOINTMENT_MINUTES = 30
CONSENT_TEXT = "Ich bin einverstanden, dass meine Angaben für die Beratung gespeichert werden."

FIRST_NAMES = [
    "Anna", "Ben", "Clara", "Deniz", "Emil", "Fatma", "Greta", "Hannes", "Ilse", "Jonas",
    "Karin", "Leon", "Mia", "Nils", "Olga", "Paul", "Rosa", "Sami", "Tina", "Uwe",
]  # fmt: skip
SURNAMES = [
    "Bauer", "Fischer", "Hoffmann", "Klein", "Krüger", "Lange", "Meier", "Neumann",
    "Richter", "Schmidt", "Schulz", "Wagner", "Weber", "Wolf", "Yılmaz", "Zimmermann",
]  # fmt: skip
CONCERN_TEXTS = {
    ConcernKind.QUESTION: "Frage zum Wohngeld: Welche Unterlagen brauche ich, und wo gebe ich "
    "sie ab? Ich war schon zweimal beim Amt und verstehe den Bescheid nicht.",
    ConcernKind.FORMS: "Bitte Hilfe beim Ausfüllen des Antrags auf Bürgergeld, die Frist "
    "läuft Ende des Monats ab. Ich kann abends nach 17 Uhr.",
    ConcernKind.CONFLICT: "Seit Wochen Streit mit den Nachbarn über Lärm im Treppenhaus und "
    "den Müll im Hof. Wir reden nicht mehr miteinander, bitte um Vermittlung.",
    ConcernKind.NEED_HELP: "Ich bin nach einer Operation auf Hilfe beim Einkaufen angewiesen, "
    "zwei Wochen lang, und habe keine Angehörigen in der Nähe.",
    ConcernKind.OFFER_HELP: "Ich bin Rentnerin und möchte mich zwei Nachmittage pro Woche "
    "engagieren, am liebsten mit Kindern oder beim Vorlesen.",
    ConcernKind.IDEA: "Der Spielplatz an der Ecke verwahrlost. Man könnte mit den Familien "
    "aus dem Haus einen Aktionstag machen und Bänke streichen.",
}
NOTE_TEXTS = [
    "Telefonat: Unterlagen besprochen, Frau/Herr bringt den Bescheid zum nächsten Termin mit.",
    "Antrag gemeinsam ausgefüllt und abgeschickt. Nachfragen in drei Wochen.",
    "Rückruf vom Jobcenter: Bearbeitung dauert noch. Person informiert.",
    "Persönliches Gespräch, Lage hat sich entspannt. Schuldnerberatung empfohlen.",
    "Termin abgesagt, neuer Termin vereinbart. Unterlagen liegen vor.",
]


class Command(BaseCommand):
    help = (
        "Generate invented advice teams, concerns, cases, notes, referrals, moderations, "
        "appointments and audit entries for benchmarks on a database with the demo region. "
        "Refuses to run twice on the same database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organisations", type=int, default=50)
        parser.add_argument("--concerns", type=int, default=50_000)
        parser.add_argument("--cases", type=int, default=20_000)
        parser.add_argument("--notes", type=int, default=100_000)
        parser.add_argument("--referrals", type=int, default=5_000)
        parser.add_argument("--moderations", type=int, default=1_000)
        parser.add_argument("--appointments", type=int, default=30_000)
        parser.add_argument("--audit-entries", type=int, default=200_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch-size", type=int, default=5_000)

    def handle(self, *args, **options):
        if get_user_model().objects.filter(email__startswith=EMAIL_PREFIX).exists():
            raise CommandError("This database already holds an advice scale data set.")
        counts = [options[name] for name in ("organisations", "batch_size")]
        if min(counts) < 1:
            raise CommandError("--organisations and --batch-size must be positive.")
        amounts = ("concerns", "cases", "notes", "referrals", "moderations", "appointments")
        if min(options[name] for name in (*amounts, "audit_entries")) < 0:
            raise CommandError("The numbers of records must not be negative.")
        self.random = random.Random(options["seed"])
        self.batch_size = options["batch_size"]
        self.now = timezone.now()
        self.zone = local_zone()
        self.today = timezone.localdate(self.now, self.zone)
        self.started = time.perf_counter()
        self.topics = list(AdviceTopic.objects.all())
        if not self.topics:
            raise CommandError("No advice topics: run `manage.py migrate` first.")
        places = self._places(options["organisations"])
        self._teams(places)
        self.concerns = self._concerns(options["concerns"])
        self.cases = self._cases(options["cases"])
        notes = self._notes(options["notes"])
        referrals = self._referrals(options["referrals"])
        moderations = self._moderations(options["moderations"])
        appointments = self._appointments(places, options["appointments"])
        audit_entries = self._audit_entries(options["audit_entries"])
        # Fresh statistics for the planners, and on PostgreSQL a visibility map for
        # index-only scans (see docs/performance.md). VACUUM cannot run in a transaction.
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
        busiest = max(self.organisations, key=lambda pk: len(self.concerns_of[pk]))
        self._progress(
            f"Done: teams in {len(places)} organisations ({len(self.team_user_ids)} accounts), "
            f"{len(self.concerns)} concerns, {len(self.cases)} cases, {notes} notes, "
            f"{referrals} referrals, {moderations} moderations, {appointments} appointments, "
            f"{audit_entries} audit entries; busiest organisation #{busiest} "
            f"({len(self.concerns_of[busiest])} concerns)"
        )

    def _progress(self, message: str) -> None:
        self.stdout.write(f"[{time.perf_counter() - self.started:7.1f} s] {message}")
        self.stdout.flush()

    def _bulk(self, model, rows: list) -> list:
        with transaction.atomic():
            return model.objects.bulk_create(rows, batch_size=self.batch_size)

    # --- organisations and teams ----------------------------------------------------------

    def _places(self, count: int) -> list[Place]:
        """The first place of each of the first `count` published organisations that have
        no advice team yet (the demo's teams stay as they are)."""
        places = {}
        candidates = (
            Place.objects.filter(organisation__in=Organisation.objects.published())
            .exclude(organisation__advice_roles__isnull=False)
            .select_related("organisation")
            .order_by("organisation_id", "pk")
        )
        for place in candidates:
            places.setdefault(place.organisation_id, place)
            if len(places) == count:
                break
        if not places:
            raise CommandError(
                "No published organisation with a place and without an advice team: run "
                "`manage.py load_demo_region` first."
            )
        if len(places) < count:
            self._progress(f"Only {len(places)} organisations with a place; using them all")
        return list(places.values())

    def _teams(self, places: list[Place]) -> None:
        """A lead and advisers per organisation, and each organisation's weight: a few
        busy ones and many quiet ones (1/rank^0.6 in random order)."""
        self.organisations = [place.organisation_id for place in places]
        ranks = list(range(1, len(places) + 1))
        self.random.shuffle(ranks)
        self.weights = [1 / rank**0.6 for rank in ranks]
        unusable = make_password(None)
        users, roles = [], []
        for place in places:
            for number in range(ADVISERS_PER_TEAM + 1):
                role = AdviceRoleKind.LEAD if number == 0 else AdviceRoleKind.ADVISER
                users.append(
                    get_user_model()(
                        email=f"{EMAIL_PREFIX}{place.organisation_id}-{role}{number}@example.org",
                        display_name=f"{self._person()} ({role})",
                        password=unusable,
                    )
                )
                roles.append((place.organisation_id, role))
        users = self._bulk(get_user_model(), users)
        self.lead_of, self.advisers_of = {}, defaultdict(list)
        for user, (organisation_id, role) in zip(users, roles, strict=True):
            if role == AdviceRoleKind.LEAD:
                self.lead_of[organisation_id] = user.pk
            else:
                self.advisers_of[organisation_id].append(user.pk)
        self._bulk(
            AdviceRole,
            [
                AdviceRole(user=user, organisation_id=organisation_id, role=role)
                for user, (organisation_id, role) in zip(users, roles, strict=True)
            ],
        )
        self.team_user_ids = [user.pk for user in users]
        municipality_of = {place.organisation_id: place.municipality_id for place in places}
        by_municipality = defaultdict(list)
        for pk, municipality_id in Neighbourhood.objects.values_list("pk", "municipality_id"):
            by_municipality[municipality_id].append(pk)
        everywhere = [pk for pks in by_municipality.values() for pk in pks]
        self.neighbourhoods_of = {
            pk: by_municipality.get(municipality_of[pk]) or everywhere for pk in self.organisations
        }
        self._progress(f"Advice teams in {len(places)} organisations, {len(users)} accounts")

    def _organisation(self) -> int:
        return self.random.choices(self.organisations, weights=self.weights)[0]

    def _team_member(self, organisation_id: int) -> int:
        return self.random.choice(
            [*self.advisers_of[organisation_id], self.lead_of[organisation_id]]
        )

    def _person(self) -> str:
        return f"{self.random.choice(FIRST_NAMES)} {self.random.choice(SURNAMES)}"

    def _neighbourhood(self, organisation_id: int) -> int | None:
        choices = self.neighbourhoods_of[organisation_id]
        return self.random.choice(choices) if choices and self.random.random() < 0.7 else None

    def _moment(self, days_back: int) -> datetime:
        """A working-hours moment up to `days_back` days ago."""
        day = self.today - timedelta(days=self.random.randint(0, days_back))
        moment = datetime.combine(day, clock(self.random.randint(8, 17), self.random.randrange(60)))
        return min(moment.replace(tzinfo=self.zone), self.now - timedelta(minutes=5))

    # --- concerns -------------------------------------------------------------------------

    def _concerns(self, count: int) -> list[Concern]:
        kinds = list(ConcernKind.values)
        channels = list(Channel.values)
        concerns = []
        for _number in range(count):
            organisation_id = self._organisation()
            is_open = self.random.random() < OPEN_SHARE
            # Open concerns are recent ones; closed ones spread over two years.
            created_at = self._moment(120 if is_open else DAYS_OF_HISTORY)
            kind = self.random.choices(kinds, weights=[30, 25, 8, 15, 12, 10])[0]
            channel = self.random.choices(channels, weights=[30, 30, 25, 10, 5])[0]
            status, responsible, follow_up_on, closed_at = ConcernStatus.NEW, None, None, None
            if not is_open:
                status = ConcernStatus.DONE
                responsible = self._team_member(organisation_id)
                closed_at = min(created_at + timedelta(days=self.random.randint(0, 60)), self.now)
            elif self.random.random() < 0.6:
                status = ConcernStatus.IN_PROGRESS
                responsible = self._team_member(organisation_id)
                # Follow-ups from three weeks ago (overdue) to a month ahead.
                follow_up_on = self.today + timedelta(days=self.random.randint(-21, 30))
            concerns.append(
                Concern(
                    organisation_id=organisation_id,
                    kind=kind,
                    topic=self.random.choice(self.topics) if self.random.random() < 0.8 else None,
                    description=CONCERN_TEXTS[kind],
                    contact_name=self._person(),
                    contact_email=f"anliegen{_number}@example.org"
                    if self.random.random() < 0.5
                    else "",
                    contact_phone="0371 0000 " + str(self.random.randint(100, 999))
                    if self.random.random() < 0.5
                    else "",
                    channel=channel,
                    neighbourhood_id=self._neighbourhood(organisation_id),
                    is_first_contact=self.random.random() < 0.7,
                    consent_text=CONSENT_TEXT,
                    consent_at=created_at,
                    status=status,
                    responsible_id=responsible,
                    follow_up_on=follow_up_on,
                    recorded_by_id=None
                    if channel == Channel.ONLINE
                    else self._team_member(organisation_id),
                    created_at=created_at,
                    closed_at=closed_at,
                )
            )
        for start in range(0, len(concerns), self.batch_size):
            self._bulk(Concern, concerns[start : start + self.batch_size])
        self.concerns_of = defaultdict(list)
        for concern in concerns:
            self.concerns_of[concern.organisation_id].append(concern)
        overdue = sum(
            1 for concern in concerns if concern.follow_up_on and concern.follow_up_on < self.today
        )
        self._progress(
            f"{count} concerns ({sum(1 for c in concerns if c.status != ConcernStatus.DONE)} "
            f"open, {overdue} with an overdue follow-up)"
        )
        return concerns

    # --- cases and notes ------------------------------------------------------------------

    def _cases(self, count: int) -> list[AdviceCase]:
        cases, outcomes = [], []
        for _number in range(count):
            organisation_id = self._organisation()
            concern = None
            if self.concerns_of[organisation_id] and self.random.random() < 0.7:
                concern = self.random.choice(self.concerns_of[organisation_id])
                opened_at = min(
                    concern.created_at + timedelta(days=self.random.randint(0, 7)), self.now
                )
            else:
                opened_at = self._moment(DAYS_OF_HISTORY)
            recent = opened_at > self.now - timedelta(days=90)
            closed = self.random.random() < (0.3 if recent else 0.9)
            case = AdviceCase(
                organisation_id=organisation_id,
                concern=concern,
                person_name=self._person(),
                contact="Telefon 0371 0000 " + str(self.random.randint(100, 999)),
                next_steps="Unterlagen prüfen, Rückruf vereinbaren."
                if self.random.random() < 0.6
                else "",
                neighbourhood_id=self._neighbourhood(organisation_id),
                is_first_contact=concern is None and self.random.random() < 0.5,
                status=CaseStatus.CLOSED if closed else CaseStatus.OPEN,
                opened_at=opened_at,
                closed_at=min(opened_at + timedelta(days=self.random.randint(7, 120)), self.now)
                if closed
                else None,
            )
            cases.append(case)
        for start in range(0, len(cases), self.batch_size):
            self._bulk(AdviceCase, cases[start : start + self.batch_size])
        adviser_rows, topic_rows = [], []
        self.case_advisers = {}
        for case in cases:
            advisers = self.random.sample(
                self.advisers_of[case.organisation_id], self.random.choice([1, 1, 1, 2])
            )
            self.case_advisers[case.pk] = advisers
            adviser_rows += [
                AdviceCase.advisers.through(advicecase_id=case.pk, user_id=pk) for pk in advisers
            ]
            topic_rows += [
                AdviceCase.topics.through(advicecase_id=case.pk, advicetopic_id=topic.pk)
                for topic in self.random.sample(self.topics, self.random.randint(1, 2))
            ]
            if case.concern is not None:
                outcomes.append(
                    ConcernOutcome(
                        concern=case.concern,
                        kind=OutcomeKind.CASE,
                        case=case,
                        created_by_id=advisers[0],
                    )
                )
        self._bulk(AdviceCase.advisers.through, adviser_rows)
        self._bulk(AdviceCase.topics.through, topic_rows)
        self._bulk(ConcernOutcome, outcomes)
        self.cases_of = defaultdict(list)
        for case in cases:
            self.cases_of[case.organisation_id].append(case)
        self._progress(
            f"{count} cases ({sum(1 for c in cases if c.status == CaseStatus.OPEN)} open), "
            f"{len(outcomes)} from a concern"
        )
        return cases

    def _notes(self, total: int) -> int:
        """Most cases get a few notes; one in fifty gets 20 to 30 (a long case)."""
        if not self.cases:
            return 0
        long_cases = {case.pk for case in self.cases if self.random.random() < 0.02}
        long_total = 25 * len(long_cases)
        usual = max(0.0, (total - long_total) / max(1, len(self.cases) - len(long_cases)))
        batch, written = [], 0
        for case in self.cases:
            if case.pk in long_cases:
                count = self.random.randint(20, 30)
            else:
                count = self.random.randint(0, max(0, round(2 * usual)))
            until = case.closed_at or self.now
            span = max(0, (until - case.opened_at).days)
            for _number in range(count):
                batch.append(
                    CaseNote(
                        case=case,
                        author_id=self.random.choice(self.case_advisers[case.pk]),
                        contact_on=timezone.localdate(
                            case.opened_at + timedelta(days=self.random.randint(0, span)),
                            self.zone,
                        ),
                        text=self.random.choice(NOTE_TEXTS),
                    )
                )
            if len(batch) >= self.batch_size:
                written += len(self._bulk(CaseNote, batch))
                batch = []
        written += len(self._bulk(CaseNote, batch))
        self._progress(f"{written} case notes ({len(long_cases)} cases with 20–30)")
        return written

    # --- referrals and moderations --------------------------------------------------------

    def _referrals(self, count: int) -> int:
        services = (
            list(
                Organisation.objects.published()
                .exclude(pk__in=self.organisations)
                .values_list("pk", flat=True)
            )
            or self.organisations
        )
        referrals = []
        for _number in range(count if self.cases else 0):
            case = self.random.choice(self.cases)
            until = case.closed_at or self.now
            referred_at = case.opened_at + (until - case.opened_at) * self.random.random()
            ask_on = timezone.localdate(referred_at, self.zone) + timedelta(days=28)
            asked = ask_on < self.today and self.random.random() < 0.8
            referrals.append(
                Referral(
                    case=case,
                    service_organisation_id=self.random.choice(services),
                    topic=self.random.choice(self.topics),
                    consent_text=CONSENT_TEXT,
                    consent_at=referred_at,
                    referred_by_id=self.random.choice(self.case_advisers[case.pk]),
                    referred_at=referred_at,
                    ask_on=ask_on,
                    outcome=self.random.choice(ReferralOutcome.values[1:])
                    if asked
                    else ReferralOutcome.PENDING,
                    outcome_recorded_at=referred_at + timedelta(days=30) if asked else None,
                )
            )
        self._bulk(Referral, referrals)
        self._progress(f"{len(referrals)} referrals to {len(services)} services")
        return len(referrals)

    def _moderations(self, count: int) -> int:
        moderations = []
        for _number in range(count):
            organisation_id = self._organisation()
            conflicts = [
                concern
                for concern in self.concerns_of[organisation_id][:500]
                if concern.kind == ConcernKind.CONFLICT
            ]
            concern = self.random.choice(conflicts) if conflicts else None
            opened_at = concern.created_at if concern else self._moment(DAYS_OF_HISTORY)
            closed = self.random.random() < 0.7
            moderations.append(
                ModerationCase(
                    organisation_id=organisation_id,
                    concern=concern,
                    subject="Lärm und Müll im Treppenhaus, Streit zwischen zwei Parteien.",
                    neighbourhood_id=self._neighbourhood(organisation_id),
                    follow_up_on=None
                    if closed
                    else self.today + timedelta(days=self.random.randint(-14, 30)),
                    status=CaseStatus.CLOSED if closed else CaseStatus.OPEN,
                    opened_at=opened_at,
                    closed_at=min(opened_at + timedelta(days=60), self.now) if closed else None,
                )
            )
        self._bulk(ModerationCase, moderations)
        mediators, parties, sessions, outcomes = [], [], [], []
        for moderation in moderations:
            advisers = self.random.sample(
                self.advisers_of[moderation.organisation_id], self.random.randint(1, 2)
            )
            mediators += [
                ModerationCase.mediators.through(moderationcase_id=moderation.pk, user_id=pk)
                for pk in advisers
            ]
            parties += [
                ModerationParty(
                    moderation=moderation,
                    label=f"Haushalt {self.random.choice(SURNAMES)}, {floor}. OG",
                    contact="0371 0000 " + str(self.random.randint(100, 999)),
                )
                for floor in (1, 2)
            ]
            sessions += [
                ModerationSession(
                    moderation=moderation,
                    held_on=timezone.localdate(moderation.opened_at, self.zone)
                    + timedelta(days=14 * number + 7),
                    notes="Beide Parteien haben ihre Sicht geschildert.",
                )
                for number in range(self.random.randint(0, 2))
            ]
            if moderation.concern is not None:
                outcomes.append(
                    ConcernOutcome(
                        concern=moderation.concern,
                        kind=OutcomeKind.MODERATION,
                        moderation=moderation,
                        created_by_id=advisers[0],
                    )
                )
        self._bulk(ModerationCase.mediators.through, mediators)
        self._bulk(ModerationParty, parties)
        self._bulk(ModerationSession, sessions)
        self._bulk(ConcernOutcome, outcomes)
        self._progress(
            f"{len(moderations)} moderations, {len(parties)} parties, {len(sessions)} sessions"
        )
        return len(moderations)

    # --- appointments ---------------------------------------------------------------------

    def _schedules(self, places: list[Place]) -> dict[int, AppointmentSchedule]:
        with_hours = set(
            OfficeHourRule.objects.filter(place__in=places).values_list("place_id", flat=True)
        )
        added = [
            OfficeHourRule(place=place, weekday=weekday, opens=opens, closes=closes)
            for place in places
            if place.pk not in with_hours
            for weekday, opens, closes in DEFAULT_OFFICE_HOURS
        ]
        self._bulk(OfficeHourRule, added)
        schedules = self._bulk(
            AppointmentSchedule,
            [
                AppointmentSchedule(
                    organisation_id=place.organisation_id,
                    place=place,
                    title=f"Sozialberatung {place.city}"[:150],
                    length_minutes=APPOINTMENT_MINUTES,
                    # Eight weeks, so that the week four weeks ahead can be booked in full.
                    horizon_days=56,
                )
                for place in places
            ],
        )
        adviser_rows, topic_rows = [], []
        self.schedule_topics = {}
        for schedule in schedules:
            adviser_rows += [
                AppointmentSchedule.advisers.through(appointmentschedule_id=schedule.pk, user_id=pk)
                for pk in self.advisers_of[schedule.organisation_id]
            ]
            topics = self.random.sample(self.topics, min(len(self.topics), 4))
            self.schedule_topics[schedule.pk] = topics
            topic_rows += [
                AppointmentSchedule.topics.through(
                    appointmentschedule_id=schedule.pk, advicetopic_id=topic.pk
                )
                for topic in topics
            ]
        self._bulk(AppointmentSchedule.advisers.through, adviser_rows)
        self._bulk(AppointmentSchedule.topics.through, topic_rows)
        self._progress(
            f"{len(schedules)} schedules; office hours added to {len(added) // 2} places "
            f"(the others have their own)"
        )
        return {schedule.organisation_id: schedule for schedule in schedules}

    def _starts(self, place_id: int, rules) -> list[datetime]:
        """Every appointment start the place's weekly office hours allow, half a year
        back and ahead (holidays and closures are not left out: these are invented)."""
        length = timedelta(minutes=APPOINTMENT_MINUTES)
        starts = []
        for offset in range(-182, 183):
            day = self.today + timedelta(days=offset)
            for weekday, opens, closes in rules[place_id]:
                if weekday != day.weekday():
                    continue
                moment = datetime.combine(day, opens, self.zone)
                end = datetime.combine(day, closes, self.zone)
                while moment + length <= end:
                    starts.append(moment)
                    moment += length
        return starts

    def _appointments(self, places: list[Place], total: int) -> int:
        schedules = self._schedules(places)
        rules = defaultdict(list)
        for row in OfficeHourRule.objects.filter(place__in=places).values_list(
            "place_id", "weekday", "opens", "closes"
        ):
            rules[row[0]].append(row[1:])
        weight_sum = sum(self.weights)
        appointments, outcomes = [], []
        for place, weight in zip(places, self.weights, strict=True):
            schedule = schedules[place.organisation_id]
            advisers = self.advisers_of[place.organisation_id]
            free = [
                (starts, adviser)
                for starts in self._starts(place.pk, rules)
                for adviser in advisers
            ]
            # At most 85 % of the times taken, so that the booking page still offers some.
            wanted = min(round(total * weight / weight_sum), int(len(free) * 0.85))
            concerns = self.concerns_of[place.organisation_id]
            for starts, adviser in self.random.sample(free, wanted):
                if starts < self.now:
                    status = self.random.choices(
                        [AppointmentStatus.ATTENDED, AppointmentStatus.NO_SHOW,
                         AppointmentStatus.CANCELLED],
                        [80, 10, 10],
                    )[0]  # fmt: skip
                else:
                    status = self.random.choices(
                        [AppointmentStatus.BOOKED, AppointmentStatus.CANCELLED], [90, 10]
                    )[0]
                booked_at = starts - timedelta(days=self.random.randint(1, 30))
                appointment = Appointment(
                    schedule=schedule,
                    adviser_id=adviser,
                    topic=self.random.choice(self.schedule_topics[schedule.pk]),
                    starts_at=starts,
                    ends_at=starts + timedelta(minutes=APPOINTMENT_MINUTES),
                    name=self._person(),
                    email=f"termin{len(appointments)}@example.org"
                    if self.random.random() < 0.7
                    else "",
                    phone="0371 0000 " + str(self.random.randint(100, 999))
                    if self.random.random() < 0.5
                    else "",
                    status=status,
                    booked_by_id=adviser if self.random.random() < 0.3 else None,
                    concern=self.random.choice(concerns)
                    if concerns and self.random.random() < 0.2
                    else None,
                    consent_text=CONSENT_TEXT,
                    consent_at=min(booked_at, self.now),
                    reminded_at=starts - timedelta(days=1) if starts < self.now else None,
                )
                appointments.append(appointment)
        for start in range(0, len(appointments), self.batch_size):
            self._bulk(Appointment, appointments[start : start + self.batch_size])
        for appointment in appointments:
            if appointment.concern is not None:
                outcomes.append(
                    ConcernOutcome(
                        concern=appointment.concern,
                        kind=OutcomeKind.APPOINTMENT,
                        appointment=appointment,
                        created_by_id=appointment.adviser_id,
                    )
                )
        self._bulk(ConcernOutcome, outcomes)
        self.appointments_of = defaultdict(list)
        for appointment in appointments:
            self.appointments_of[appointment.schedule.organisation_id].append(appointment.pk)
        upcoming = sum(
            1
            for appointment in appointments
            if appointment.starts_at > self.now and appointment.status == AppointmentStatus.BOOKED
        )
        self._progress(f"{len(appointments)} appointments ({upcoming} booked ahead)")
        return len(appointments)

    # --- the audit log --------------------------------------------------------------------

    def _audit_entries(self, total: int) -> int:
        records = {
            organisation_id: [
                *(("concern", concern.pk) for concern in self.concerns_of[organisation_id]),
                *(("advicecase", case.pk) for case in self.cases_of[organisation_id]),
                *(("appointment", pk) for pk in self.appointments_of[organisation_id]),
            ]
            for organisation_id in self.organisations
        }
        actions = [
            AuditAction.READ,
            AuditAction.CREATE,
            AuditAction.CHANGE,
            AuditAction.DOWNLOAD,
            AuditAction.ANONYMISE,
        ]
        batch, written = [], 0
        for _number in range(total):
            organisation_id = self._organisation()
            if not records[organisation_id]:
                continue
            record_type, record_id = self.random.choice(records[organisation_id])
            batch.append(
                AuditEntry(
                    organisation_id=organisation_id,
                    user_id=self._team_member(organisation_id),
                    action=self.random.choices(actions, [70, 15, 12, 1, 2])[0],
                    record_type=record_type,
                    record_id=record_id,
                    at=self._moment(DAYS_OF_HISTORY),
                )
            )
            if len(batch) >= self.batch_size:
                written += len(self._bulk(AuditEntry, batch))
                batch = []
        written += len(self._bulk(AuditEntry, batch))
        self._progress(f"{written} audit entries")
        return written
