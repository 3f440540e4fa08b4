"""The events demo on top of the directory's demo region, loaded once: the LAG's working
meetings hosted in turn (two past with minutes, action items and check-ins, two ahead),
the KGE's weekly open dialogue day, a citizens' forum and a future workshop run by the
participation consultancy for Chemnitz, a GEMS training that is full with a waiting
list, the Chemnitz Süd neighbourhood festival, a monthly café in Berlin-Neukölln and an
online consultation hour.

Dates are counted from the day of loading, so the calendar always has upcoming events.
Every participant, speaker and account is invented (example.org addresses)."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from core.demo import DemoResult
from directory.demo import organisations as directory_organisations
from directory.demo.people import DEMO_PASSWORD
from directory.models import MembershipStatus, Network, NetworkRole, Organisation, Place, Topic

from .models import (
    ActionItem,
    AgendaItem,
    Event,
    EventKind,
    EventStatus,
    Occurrence,
    Registration,
    RegistrationStatus,
    Speaker,
    TargetGroup,
    WorkingMeetingSeries,
)
from .recurrence import Frequency, build_rule
from .services.occurrences import event_occurrences_sync
from .services.series import unique_event_slug, working_meeting_kind

LAG_NETWORK = "lag-sachsen"
LAG_SERIES_TITLE = "Arbeitstreffen der Landesarbeitsgemeinschaft"
LAG_ADMIN = ("netzwerk-lag@example.org", "Olaf Vorlage")

CONSENT_TEXT = (
    "Ich bin einverstanden, dass die Veranstalter meine Angaben zur Organisation dieser "
    "Veranstaltung speichern und mich dazu per E-Mail kontaktieren."
)

# Invented people who register for the demo events.
PARTICIPANTS = [
    "Anja Beispiel",
    "Bernd Muster",
    "Carola Exempel",
    "Dirk Vorlage",
    "Elif Platzhalter",
    "Fiona Muster",
    "Gregor Beispiel",
    "Hanna Exempel",
    "Ilka Vorlage",
    "Jonas Platzhalter",
    "Kerstin Muster",
    "Lars Beispiel",
    "Mira Exempel",
    "Nils Vorlage",
    "Oksana Platzhalter",
    "Paul Muster",
    "Rieke Beispiel",
    "Selin Exempel",
    "Till Vorlage",
    "Ute Platzhalter",
]

# (name, role, institution, biography, agrees to be named publicly)
SPEAKERS = [
    (
        "Dr. Helene Exempel",
        "Professorin für Soziale Arbeit",
        "Hochschule für angewandte Wissenschaften (Beispiel)",
        "Forscht zu Gemeinwesenarbeit in kleinen und mittleren Städten und begleitet "
        "Quartiersmanagements wissenschaftlich.",
        True,
    ),
    (
        "Matthias Vorlage",
        "Referatsleiter Städtebauförderung",
        "Landesministerium (Beispiel)",
        "Zuständig für die Förderprogramme der sozialen Stadtentwicklung.",
        True,
    ),
    (
        "Sören Platzhalter",
        "Sachgebietsleiter Stadtentwicklung",
        "Stadtverwaltung (Beispiel)",
        "",
        False,
    ),
    (
        "Yvonne Muster",
        "Referentin für Bürgerbeteiligung",
        "Landkreisverwaltung (Beispiel)",
        "",
        False,
    ),
]

# (host slug, days from today, topic, minutes or "", action items)
# An action item: (title, owner slug, owner name, due in days after the meeting, done)
LAG_MEETINGS = [
    (
        "quartiersbuero-dresden-prohlis",
        -150,
        "Soziale Stadtentwicklung nach dem Ende der Förderperiode",
        "TOP 1 Begrüßung durch das Quartiersbüro Prohlis, Vorstellungsrunde.\n"
        "TOP 2 Vortrag „Verstetigung von Quartiersarbeit“ mit anschließender Diskussion: "
        "Die Mitglieder berichten, dass drei von acht Quartiersmanagements zum Jahresende "
        "ohne Anschlussfinanzierung sind.\n"
        "TOP 3 Berichte aus den Quartieren.\n"
        "TOP 4 Verschiedenes: Das nächste Treffen richtet das Quartiersbüro Volkmarsdorf in "
        "Leipzig aus.",
        [
            (
                "Positionspapier zur Verstetigung der Quartiersarbeit überarbeiten",
                "gemeinwesenkoordination-chemnitz-sued",
                "Maren Beispiel",
                30,
                True,
            ),
            (
                "Übersicht der Förderprogramme für das kommende Jahr zusammenstellen",
                "kge-erzgebirge",
                "Ronja Beispiel",
                60,
                False,
            ),
        ],
    ),
    (
        "quartiersbuero-leipzig-volkmarsdorf",
        -60,
        "Beteiligung im Quartier: was funktioniert?",
        "TOP 1 Quartiersrundgang durch Volkmarsdorf.\n"
        "TOP 2 Vortrag „Beteiligung, die ankommt“ und Austausch in Kleingruppen.\n"
        "TOP 3 Stand des Positionspapiers: liegt überarbeitet vor und wird an die "
        "Mitglieder verschickt.\n"
        "TOP 4 Planung des nächsten Treffens in Zwickau-Neuplanitz.",
        [
            (
                "Fotos des Quartiersrundgangs mit den Mitgliedern teilen",
                "quartiersbuero-leipzig-volkmarsdorf",
                "Lea Vorlage",
                7,
                True,
            ),
            (
                "Referentin aus der Landkreisverwaltung für das nächste Treffen anfragen",
                "stadtteilbuero-zwickau-neuplanitz",
                "Nico Exempel",
                70,
                False,
            ),
        ],
    ),
    ("stadtteilbuero-zwickau-neuplanitz", 30, "Engagement in Großwohnsiedlungen", "", []),
    ("quartiersmanagement-aue-zelle", 120, "Gemeinwesenarbeit im ländlichen Raum", "", []),
]

TARGET_GROUPS = [
    "Fachkräfte der Gemeinwesenarbeit",
    "Ehrenamtliche",
    "Bewohnerinnen und Bewohner",
    "Familien",
    "Vereine und Initiativen",
]


@dataclass
class EventsDemoResult:
    loaded: bool
    counts: dict[str, int] = field(default_factory=dict)
    accounts: list[str] = field(default_factory=list)


def events_demo_is_loaded() -> bool:
    return Event.objects.exists()


@transaction.atomic
def events_demo_load(*, now: datetime | None = None) -> EventsDemoResult:
    """Create the events demo unless there are events already. Needs the directory's demo
    region."""
    if events_demo_is_loaded():
        return EventsDemoResult(loaded=False)
    if not Organisation.objects.filter(slug=directory_organisations.MARKER_SLUG).exists():
        raise ValueError("Load the directory's demo region first (manage.py load_demo_region).")
    loader = _Loader(now or timezone.now())
    loader.load()
    return EventsDemoResult(
        loaded=True,
        counts={
            "events": Event.objects.count(),
            "dates": Occurrence.objects.count(),
            "registrations": Registration.objects.count(),
            "action_items": ActionItem.objects.count(),
        },
        accounts=loader.accounts,
    )


class _Loader:
    def __init__(self, now: datetime):
        self.now = now
        self.today = timezone.localdate(now)
        self.organisations = Organisation.objects.in_bulk(field_name="slug")
        self.places: dict[int, Place] = {}
        for place in Place.objects.order_by("-pk"):
            self.places[place.organisation_id] = place
        self.kinds = EventKind.objects.in_bulk(field_name="slug")
        self.topics = Topic.objects.in_bulk(field_name="name")
        self.target_groups = {
            name: TargetGroup.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]
            for name in TARGET_GROUPS
        }
        self.participant_number = 0
        self.accounts: list[str] = []

    def load(self):
        self._lag_meetings()
        self._dialogue_day()
        self._citizens_forum_and_future_workshop()
        self._training_with_waiting_list()
        self._neighbourhood_festival()
        self._monthly_cafe()
        self._online_consultation()

    # Helpers

    def _at(self, day: date, hour: int, minute: int = 0) -> datetime:
        return timezone.make_aware(datetime.combine(day, time(hour, minute)))

    def _weekday_from(self, days: int, weekday: int) -> date:
        """The first `weekday` (0 = Monday) on or after today + `days`."""
        day = self.today + timedelta(days=days)
        return day + timedelta(days=(weekday - day.weekday()) % 7)

    def _event(
        self,
        *,
        title: str,
        kind: str,
        organisers: list[str],
        starts_at: datetime,
        ends_at: datetime,
        place_of: str | None = None,
        topics=(),
        target_groups=(),
        **fields,
    ) -> Event:
        place = self.places[self.organisations[place_of].pk] if place_of else None
        event = Event.objects.create(
            title=title,
            slug=unique_event_slug(title),
            kind=self.kinds[kind],
            starts_at=starts_at,
            ends_at=ends_at,
            place=place,
            municipality=place.municipality if place else None,
            latitude=place.latitude if place else None,
            longitude=place.longitude if place else None,
            step_free=place.step_free if place else False,
            hearing_loop=place.hearing_loop if place else False,
            status=EventStatus.PUBLISHED,
            **fields,
        )
        event.organisers.set([self.organisations[slug] for slug in organisers])
        event.topics.set([self.topics[name] for name in topics if name in self.topics])
        event.target_groups.set([self.target_groups[name] for name in target_groups])
        event_occurrences_sync(event=event)
        return event

    def _register(
        self,
        occurrence: Occurrence,
        *,
        count: int,
        status=RegistrationStatus.CONFIRMED,
        organisation: Organisation | None = None,
        checked_in: bool = False,
        party_size: int = 1,
        needs: str = "",
    ) -> list[Registration]:
        registrations = []
        for _number in range(count):
            name = PARTICIPANTS[self.participant_number % len(PARTICIPANTS)]
            self.participant_number += 1
            local_part = slugify(name).replace("-", ".")
            registered_at = min(occurrence.starts_at, self.now) - timedelta(
                days=10, minutes=7 * self.participant_number
            )
            registrations.append(
                Registration.objects.create(
                    occurrence=occurrence,
                    name=name,
                    email=f"{local_part}.{self.participant_number}@example.org",
                    party_size=party_size,
                    accessibility_needs=needs,
                    organisation=organisation,
                    status=status,
                    consent_text=CONSENT_TEXT,
                    consent_at=registered_at,
                    created_at=registered_at,
                    checked_in_at=occurrence.starts_at + timedelta(minutes=5)
                    if checked_in
                    else None,
                )
            )
        return registrations

    # The LAG's working meetings

    def _lag_meetings(self):
        network = Network.objects.get(slug=LAG_NETWORK)
        series = WorkingMeetingSeries.objects.create(
            network=network, title=LAG_SERIES_TITLE, meetings_per_year=4
        )
        self._lag_admin(network)
        coordinator = network.coordinating_organisation
        speakers = [
            Speaker.objects.create(
                organisation=coordinator,
                name=name,
                role=role,
                affiliation=affiliation,
                bio=bio,
                public_consent=consent,
                consent_recorded_at=self.now - timedelta(days=200) if consent else None,
            )
            for name, role, affiliation, bio, consent in SPEAKERS
        ]
        members = list(
            network.memberships.filter(status=MembershipStatus.ACTIVE).values_list(
                "organisation__slug", flat=True
            )
        )
        kind = working_meeting_kind()
        for number, (host_slug, days, topic, minutes, items) in enumerate(LAG_MEETINGS):
            day = self._weekday_from(days, weekday=2)
            host = self.organisations[host_slug]
            place = self.places[host.pk]
            event = Event.objects.create(
                title=f"{LAG_SERIES_TITLE}: {topic}",
                slug=unique_event_slug(f"lag-arbeitstreffen-{day:%Y-%m}-{host_slug}"),
                kind=kind,
                series=series,
                host=host,
                summary=f"Fachlicher Austausch der Mitglieder, ausgerichtet von {host.name}.",
                description=(
                    f"Arbeitstreffen der LAG zum Thema „{topic}“ mit externen Referentinnen "
                    "und Referenten. Eingeladen sind die Mitglieder und Gäste aus "
                    "Verwaltung und Politik."
                ),
                place=place,
                municipality=place.municipality,
                latitude=place.latitude,
                longitude=place.longitude,
                step_free=place.step_free,
                hearing_loop=place.hearing_loop,
                starts_at=self._at(day, 10),
                ends_at=self._at(day, 15),
                registration_required=True,
                capacity=30,
                registration_deadline_hours=48,
                status=EventStatus.PUBLISHED,
            )
            event.organisers.set({host, coordinator})
            event.topics.set([self.topics[name] for name in ("Wohnen und Quartier", "Beteiligung")])
            event.target_groups.set([self.target_groups["Fachkräfte der Gemeinwesenarbeit"]])
            event_occurrences_sync(event=event)
            agenda = [
                (time(10), time(10, 30), "Begrüßung und Vorstellungsrunde", []),
                (time(10, 30), time(12), topic, [speakers[number % 2], speakers[2 + number % 2]]),
                (time(13), time(14, 30), "Berichte aus den Quartieren", []),
                (time(14, 30), time(15), "Verschiedenes und nächstes Treffen", []),
            ]
            for position, (starts, ends, title, people) in enumerate(agenda):
                item = AgendaItem.objects.create(
                    event=event, starts_at=starts, ends_at=ends, title=title, position=position
                )
                item.speakers.set(people)
            occurrence = event.occurrences.get()
            self._lag_attendance(occurrence, members, number, is_past=days < 0)
            if minutes:
                occurrence.minutes = minutes
                occurrence.save(update_fields=["minutes"])
            meeting_day = timezone.localtime(occurrence.starts_at).date()
            for title, owner_slug, owner_name, due_after, done in items:
                ActionItem.objects.create(
                    occurrence=occurrence,
                    title=title,
                    owner=self.organisations[owner_slug],
                    owner_name=owner_name,
                    due_on=meeting_day + timedelta(days=due_after),
                    done_at=occurrence.starts_at + timedelta(days=due_after - 2) if done else None,
                )

    def _lag_attendance(self, occurrence, members: list[str], number: int, is_past: bool):
        """Most members come; in past meetings one registered member did not show up."""
        for index, slug in enumerate(members):
            if (index + number) % 4 == 3:
                continue
            self._register(
                occurrence,
                count=1,
                organisation=self.organisations[slug],
                checked_in=is_past and (index + number) % 5 != 1,
            )

    def _lag_admin(self, network: Network):
        email, display_name = LAG_ADMIN
        user, _created = get_user_model().objects.get_or_create(
            email=email,
            defaults={"display_name": display_name, "password": make_password(DEMO_PASSWORD)},
        )
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        NetworkRole.objects.get_or_create(user=user, network=network)
        self.accounts.append(f"{email} – network admin of {network.name} (working meetings)")

    # Seed 000: the KGE's open dialogue day every Tuesday

    def _dialogue_day(self):
        first = self._weekday_from(-21, weekday=1)
        starts_at = self._at(first, 10)
        skipped = self._weekday_from(35, weekday=1)
        self._event(
            title="Offener Dialogtag im Dialogbüro Aue",
            kind="dialogtag",
            organisers=["kge-erzgebirge"],
            place_of="kge-erzgebirge",
            starts_at=starts_at,
            ends_at=self._at(first, 18),
            recurrence_rule=build_rule(
                frequency=Frequency.WEEKLY,
                starts_at=starts_at,
                until=self.today + timedelta(days=180),
            ),
            recurrence_exceptions=[skipped.isoformat()],
            summary="Jeden Dienstag: zuhören, miteinander reden, Ideen entwickeln.",
            description=(
                "Jeden Dienstag von 10 bis 18 Uhr sind Bewohnerinnen und Bewohner zum "
                "Gespräch eingeladen. Im Miteinander-Reden entstehen Ideen, reift "
                "Verständnis, und Vorurteile und Problemlagen werden kleiner. Kommen Sie "
                "einfach vorbei, eine Anmeldung ist nicht nötig."
            ),
            plain_language_summary=(
                "Jeden Dienstag ist das Dialog-Büro offen. Sie können einfach kommen. "
                "Sie können über Ihre Ideen und Sorgen sprechen. Es kostet nichts."
            ),
            topics=["Beteiligung", "Nachbarschaft", "Engagement"],
            target_groups=["Bewohnerinnen und Bewohner"],
            location_note=f"Am {skipped:%d.%m.} bleibt das Dialogbüro geschlossen.",
        )

    # Seed 002: the participation consultancy's citizens' forum and future workshop

    def _citizens_forum_and_future_workshop(self):
        organisers = ["werkstatt-buergerbeteiligung-sachsen", "buergerbeteiligung-stadt-chemnitz"]
        forum_day = self._weekday_from(21, weekday=3)
        forum = self._event(
            title="Bürgerforum „Unser Stadtteil 2035“",
            kind="buergerforum",
            organisers=organisers,
            place_of="buergerbeteiligung-stadt-chemnitz",
            starts_at=self._at(forum_day, 18),
            ends_at=self._at(forum_day, 20, 30),
            summary="Was soll sich in Ihrem Stadtteil bis 2035 ändern? Reden Sie mit.",
            description=(
                "Die Stadt lädt alle Bürgerinnen und Bürger ein, Wünsche und Ideen für die "
                "Stadtteilentwicklung einzubringen. Die Werkstatt Bürgerbeteiligung "
                "moderiert; die Ergebnisse fließen in das Zukunftsleitbild ein."
            ),
            plain_language_summary=(
                "Die Stadt will wissen: Was ist Ihnen in Ihrem Stadtteil wichtig? "
                "Kommen Sie und sagen Sie es. Bitte melden Sie sich vorher an."
            ),
            registration_required=True,
            capacity=120,
            sign_language_on_request=True,
            topics=["Beteiligung", "Wohnen und Quartier"],
            target_groups=["Bewohnerinnen und Bewohner"],
        )
        self._register(forum.occurrences.get(), count=5)
        self._register(forum.occurrences.get(), count=1, party_size=2, needs="Rollstuhlplatz")

        workshop_day = self._weekday_from(45, weekday=5)
        workshop = self._event(
            title="Zukunftswerkstatt: Generationen gestalten ihre Stadt",
            kind="zukunftswerkstatt",
            organisers=organisers,
            place_of="buergerbeteiligung-stadt-chemnitz",
            starts_at=self._at(workshop_day, 10),
            ends_at=self._at(workshop_day, 16),
            summary="Kritik, Fantasie, Umsetzung: in drei Phasen zu eigenen Projekten.",
            description=(
                "Jung und Alt entwickeln gemeinsam Projekte für ein gutes Zusammenleben der "
                "Generationen. Die Zukunftswerkstatt folgt den drei Phasen Kritik, Fantasie "
                "und Verwirklichung. Mittagessen inklusive."
            ),
            registration_required=True,
            capacity=30,
            registration_deadline_hours=48,
            topics=["Beteiligung", "Senioren", "Kinder und Jugend"],
            target_groups=["Bewohnerinnen und Bewohner", "Vereine und Initiativen"],
        )
        self._register(workshop.occurrences.get(), count=8)

    # Seed 004: a GEMS training for volunteers, full, with a waiting list

    def _training_with_waiting_list(self):
        day = self._weekday_from(12, weekday=2)
        training = self._event(
            title="Qualifizierung für Engagierte: Versicherungsschutz und Haftung im Ehrenamt",
            kind="workshop-fortbildung",
            organisers=["gems-netzwerk"],
            place_of="gems-netzwerk",
            starts_at=self._at(day, 17),
            ends_at=self._at(day, 20),
            summary="Was ist versichert, wer haftet? Praxiswissen für Vereine und Engagierte.",
            description=(
                "Die Fortbildung des GEMS-Netzwerks erklärt, wie Ehrenamtliche versichert "
                "sind, wann der Verein haftet und worauf Vorstände achten sollten. Mit "
                "Zeit für Fragen aus Ihrem Verein."
            ),
            registration_required=True,
            capacity=12,
            registration_deadline_hours=24,
            topics=["Engagement", "Bildung"],
            target_groups=["Ehrenamtliche", "Vereine und Initiativen"],
        )
        occurrence = training.occurrences.get()
        self._register(occurrence, count=8)
        self._register(occurrence, count=2, party_size=2)
        self._register(occurrence, count=3, status=RegistrationStatus.WAITING)

    # Seed 001: the neighbourhood festival in Chemnitz Süd

    def _neighbourhood_festival(self):
        day = self.today + timedelta(days=19)
        self._event(
            title="Stadtteilfest Helbersdorf",
            kind="fest",
            organisers=["gemeinwesenkoordination-chemnitz-sued", "miteinander-in-helbersdorf"],
            place_of="gemeinwesenkoordination-chemnitz-sued",
            starts_at=self._at(day, 14),
            ends_at=self._at(day, 18),
            summary="Musik, Kuchen, Flohmarkt und Infostände der Vereine im Chemnitzer Süden.",
            description=(
                "Nachbarinnen und Nachbarn, Vereine und Initiativen aus Helbersdorf, "
                "Markersdorf, Hutholz und Bernsdorf feiern gemeinsam. Die "
                "Gemeinwesenkoordination informiert am Stand über Beratung und Ehrenamt."
            ),
            plain_language_summary=(
                "Ein Fest für alle im Stadtteil. Es gibt Musik und Kuchen. "
                "Sie müssen sich nicht anmelden. Der Eintritt ist frei."
            ),
            registration_required=False,
            topics=["Nachbarschaft", "Familie"],
            target_groups=["Bewohnerinnen und Bewohner", "Familien"],
        )

    # Seed 003: a monthly café in a Berlin neighbourhood centre

    def _monthly_cafe(self):
        first_of_month = self.today.replace(day=1)
        first_thursday = first_of_month + timedelta(days=(3 - first_of_month.weekday()) % 7)
        starts_at = self._at(first_thursday, 15)
        cafe = self._event(
            title="Kiezcafé im Stadtteilzentrum Neukölln-Nord",
            kind="sonstiges",
            organisers=["stadtteilzentrum-neukoelln-nord"],
            place_of="stadtteilzentrum-neukoelln-nord",
            starts_at=starts_at,
            ends_at=self._at(first_thursday, 17),
            recurrence_rule=build_rule(
                frequency=Frequency.MONTHLY_WEEKDAY,
                starts_at=starts_at,
                until=self.today + timedelta(days=300),
            ),
            summary="Jeden ersten Donnerstag im Monat: Kaffee, Kuchen und Gespräche im Kiez.",
            description=(
                "Nachbarinnen und Nachbarn aller Generationen treffen sich bei Kaffee und "
                "Kuchen. Wer neu im Kiez ist, ist besonders willkommen. Bitte melden Sie "
                "sich an, damit genug Kuchen da ist."
            ),
            registration_required=True,
            capacity=25,
            topics=["Nachbarschaft", "Integration", "Senioren"],
            target_groups=["Bewohnerinnen und Bewohner"],
        )
        upcoming = cafe.occurrences.filter(starts_at__gte=self.now).first()
        if upcoming is not None:
            self._register(upcoming, count=4)

    # One online event

    def _online_consultation(self):
        day = self._weekday_from(9, weekday=3)
        self._event(
            title="Online-Sprechstunde: Fördermittel für Vereine und Initiativen",
            kind="workshop-fortbildung",
            organisers=["kge-erzgebirge"],
            starts_at=self._at(day, 17),
            ends_at=self._at(day, 18, 30),
            online_url="https://meet.example.org/kge-foerdermittel",
            summary="Welche Förderung passt zu Ihrem Projekt? Fragen Sie uns online.",
            description=(
                "Das KGE gibt einen Überblick über Förderprogramme für Vereine und "
                "Initiativen im Erzgebirgskreis und beantwortet Ihre Fragen. Den Link "
                "erhalten Sie mit der Anmeldebestätigung."
            ),
            registration_required=True,
            capacity=40,
            topics=["Engagement"],
            target_groups=["Vereine und Initiativen"],
        )


def load_demo() -> DemoResult:
    """The events module's part of `manage.py load_demo_region` (see core.demo)."""
    result = events_demo_load()
    return DemoResult(
        loaded=result.loaded,
        summary=f"Loaded the events demo: {result.counts.get('events', 0)} events with "
        f"{result.counts.get('dates', 0)} dates.",
        accounts=result.accounts,
    )
