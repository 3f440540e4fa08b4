"""The advice demo on top of the directory's demo region, loaded once.

Seed 001, the Gemeinwesenkoordination Chemnitz Süd: an advice lead and two advisers,
concerns of every kind arriving by phone, at the door, by e-mail, letter and the online
form (some with overdue follow-ups), five advice cases with notes, a referral to a debt
counselling service, a conflict moderation between two households, and the bookable
"Sozialberatung" in the Stadtteilbüro's office hours with appointments next week.
Seed 000, the KGE in Aue-Bad Schlema: one adviser and the concerns of its weekly
dialogue day.

Records are created with their real dates in the past (weeks ago), which the services
refuse for new input, so they are written directly and each gets the audit entry the
service would have written. Dates are counted from the day of loading. Every person,
phone number and e-mail address is invented (example.org; "0000" numbers reach nobody)."""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from core.demo import DemoResult
from core.geo import postcode_point
from directory.demo import organisations as directory_organisations
from directory.demo.people import DEMO_PASSWORD
from directory.models import (
    Municipality,
    Neighbourhood,
    OfficeHourRule,
    Organisation,
    OrganisationKind,
    OrganisationRole,
    OrganisationRoleKind,
    OrganisationStatus,
    Place,
    Service,
    Topic,
)

from .audit import audit_record
from .models import (
    AdviceCase,
    AdviceRoleKind,
    AdviceTopic,
    Appointment,
    AppointmentSchedule,
    AuditAction,
    CaseNote,
    CaseStatus,
    Channel,
    Concern,
    ConcernKind,
    ConcernOutcome,
    ConcernStatus,
    ModerationAgreement,
    ModerationCase,
    ModerationParty,
    ModerationSession,
    OutcomeKind,
    Referral,
)
from .services.team import advice_role_grant
from .slots import free_slots

CHEMNITZ_SUED = directory_organisations.MARKER_SLUG
KGE = "kge-erzgebirge"
DEBT_COUNSELLING_SLUG = "schuldnerberatung-chemnitz"

# (e-mail, name, organisation slug, advice role)
TEAM_ACCOUNTS = [
    ("beratung-leitung@example.org", "Katrin Exempel", CHEMNITZ_SUED, AdviceRoleKind.LEAD),
    ("beratung-sued@example.org", "Henrik Muster", CHEMNITZ_SUED, AdviceRoleKind.ADVISER),
    ("beratung-helbersdorf@example.org", "Aylin Vorlage", CHEMNITZ_SUED, AdviceRoleKind.ADVISER),
    ("dialogbuero@example.org", "Jana Platzhalter", KGE, AdviceRoleKind.ADVISER),
]
LEAD, ADVISER_A, ADVISER_B, KGE_ADVISER = (email for email, *_rest in TEAM_ACCOUNTS)

# The topics the advice module ships with (migration 0002), should an installation
# have removed some.
TOPICS = {
    "alltagsfragen": "Alltagsfragen",
    "formulare-antraege": "Formulare und Anträge",
    "wohnen": "Wohnen",
    "arbeit-jobcenter": "Arbeit und Jobcenter",
    "schulden": "Schulden",
    "gesundheit": "Gesundheit",
    "nachbarschaftskonflikt": "Nachbarschaftskonflikt",
    "engagement": "Engagement und Ehrenamt",
}
SCHEDULE_TOPICS = ["formulare-antraege", "wohnen", "arbeit-jobcenter", "schulden"]

ONLINE_CONSENT = (
    "Ich bin einverstanden, dass die Beratungsstelle meine Angaben speichert, um mein "
    "Anliegen zu bearbeiten und mich dazu zu kontaktieren."
)
VERBAL_CONSENT = (
    "Die Person hat mündlich eingewilligt, dass ihre Angaben zur Bearbeitung des Anliegens "
    "gespeichert werden."
)
REFERRAL_CONSENT = (
    "Die Person ist einverstanden, dass wir sie an die Beratungsstelle vermitteln. "
    "Es werden keine Gesprächsnotizen weitergegeben."
)


@dataclass(frozen=True)
class DemoConcern:
    key: str
    organisation: str
    kind: str
    topic: str | None
    channel: str
    status: str
    days_ago: int
    description: str
    contact_name: str
    contact_phone: str = ""
    contact_email: str = ""
    responsible: str | None = None
    # Days from today; negative means the follow-up is overdue.
    follow_up_in: int | None = None
    neighbourhood: str | None = None
    is_first_contact: bool = True


CONCERNS = [
    DemoConcern(
        key="wohngeld",
        organisation=CHEMNITZ_SUED,
        kind=ConcernKind.FORMS,
        topic="formulare-antraege",
        channel=Channel.PHONE,
        status=ConcernStatus.IN_PROGRESS,
        days_ago=20,
        description="Möchte Wohngeld beantragen und braucht Hilfe beim Antrag und den Nachweisen.",
        contact_name="Frau Beispiel-Reuter",
        contact_phone="0371 0000 501",
        responsible=ADVISER_A,
        follow_up_in=-3,
        neighbourhood="Helbersdorf",
    ),
    DemoConcern(
        key="nebenkosten",
        organisation=CHEMNITZ_SUED,
        kind=ConcernKind.QUESTION,
        topic="wohnen",
        channel=Channel.WALK_IN,
        status=ConcernStatus.IN_PROGRESS,
        days_ago=15,
        description="Versteht die Nebenkostenabrechnung nicht; die Nachzahlung ist sehr hoch.",
        contact_name="Herr M.",
        contact_phone="0371 0000 502",
        responsible=LEAD,
        follow_up_in=-1,
        neighbourhood="Markersdorf",
    ),
    DemoConcern(
        key="mahnungen",
        organisation=CHEMNITZ_SUED,
        kind=ConcernKind.NEED_HELP,
        topic="schulden",
        channel=Channel.PHONE,
        status=ConcernStatus.IN_PROGRESS,
        days_ago=30,
        description="Mehrere Mahnungen, kein Überblick mehr über die offenen Beträge.",
        contact_name="Frau K. Muster",
        contact_phone="0371 0000 503",
        responsible=ADVISER_B,
        follow_up_in=7,
        neighbourhood="Helbersdorf",
        is_first_contact=False,
    ),
    DemoConcern(
        key="laerm",
        organisation=CHEMNITZ_SUED,
        kind=ConcernKind.CONFLICT,
        topic="nachbarschaftskonflikt",
        channel=Channel.WALK_IN,
        status=ConcernStatus.IN_PROGRESS,
        days_ago=40,
        description="Streit mit der Nachbarfamilie über Lärm am Abend und das Treppenhaus.",
        contact_name="Herr Vorlage-Schmidtke",
        contact_phone="0371 0000 504",
        responsible=LEAD,
        follow_up_in=10,
        neighbourhood="Hutholz",
    ),
    DemoConcern(
        key="bewerbung",
        organisation=CHEMNITZ_SUED,
        kind=ConcernKind.QUESTION,
        topic="arbeit-jobcenter",
        channel=Channel.EMAIL,
        status=ConcernStatus.DONE,
        days_ago=60,
        description="Fragen zum Schreiben des Jobcenters und zu einer Bewerbung.",
        contact_name="Herr Exempel",
        contact_email="bewohner.exempel@example.org",
        responsible=ADVISER_A,
        neighbourhood="Bernsdorf",
    ),
    DemoConcern(
        key="kitaplatz",
        organisation=CHEMNITZ_SUED,
        kind=ConcernKind.FORMS,
        topic="formulare-antraege",
        channel=Channel.ONLINE,
        status=ConcernStatus.NEW,
        days_ago=1,
        description="Wie beantrage ich einen Kita-Platz, und welche Unterlagen brauche ich?",
        contact_name="Selin",
        contact_email="selin.platzhalter@example.org",
    ),
    DemoConcern(
        key="vorlesen",
        organisation=CHEMNITZ_SUED,
        kind=ConcernKind.OFFER_HELP,
        topic="engagement",
        channel=Channel.ONLINE,
        status=ConcernStatus.NEW,
        days_ago=2,
        description="Ich bin in Rente und würde gern Kindern im Stadtteil vorlesen.",
        contact_name="Gerda Beispiel",
        contact_email="gerda.beispiel@example.org",
    ),
    DemoConcern(
        key="sitzbank",
        organisation=CHEMNITZ_SUED,
        kind=ConcernKind.IDEA,
        topic=None,
        channel=Channel.ONLINE,
        status=ConcernStatus.NEW,
        days_ago=3,
        description="Am Spielplatz fehlen Sitzbänke für Eltern und Großeltern.",
        contact_name="Familie Muster",
        contact_email="familie.muster@example.org",
        neighbourhood="Markersdorf",
    ),
    DemoConcern(
        key="einkaufshilfe",
        organisation=CHEMNITZ_SUED,
        kind=ConcernKind.NEED_HELP,
        topic="alltagsfragen",
        channel=Channel.PHONE,
        status=ConcernStatus.NEW,
        days_ago=4,
        description="Nach einer Operation für einige Wochen Hilfe beim Einkaufen gesucht.",
        contact_name="Frau Platzhalter",
        contact_phone="0371 0000 505",
        responsible=ADVISER_A,
        follow_up_in=-2,
        neighbourhood="Helbersdorf",
    ),
    DemoConcern(
        key="schwerbehindertenausweis",
        organisation=CHEMNITZ_SUED,
        kind=ConcernKind.QUESTION,
        topic="gesundheit",
        channel=Channel.LETTER,
        status=ConcernStatus.IN_PROGRESS,
        days_ago=10,
        description="Bittet um einen Termin wegen eines Antrags auf einen Ausweis.",
        contact_name="Herr Beispiel",
        contact_phone="0371 0000 506",
        responsible=ADVISER_B,
        follow_up_in=3,
    ),
    DemoConcern(
        key="weiterbewilligung",
        organisation=CHEMNITZ_SUED,
        kind=ConcernKind.FORMS,
        topic="arbeit-jobcenter",
        channel=Channel.WALK_IN,
        status=ConcernStatus.IN_PROGRESS,
        days_ago=8,
        description="Weiterbewilligungsantrag für das Bürgergeld muss diese Woche raus.",
        contact_name="Frau Exempel",
        contact_phone="0371 0000 507",
        responsible=ADVISER_B,
        follow_up_in=-4,
        neighbourhood="Bernsdorf",
    ),
    DemoConcern(
        key="treffpunkt",
        organisation=KGE,
        kind=ConcernKind.IDEA,
        topic="engagement",
        channel=Channel.WALK_IN,
        status=ConcernStatus.NEW,
        days_ago=6,
        description="Beim Dialogtag: Idee für einen Nachbarschaftstreff im leeren Ladenlokal.",
        contact_name="Herr Vorlage",
        contact_phone="03771 0000 508",
        responsible=KGE_ADVISER,
        follow_up_in=-1,
    ),
    DemoConcern(
        key="vereinsgruendung",
        organisation=KGE,
        kind=ConcernKind.QUESTION,
        topic="alltagsfragen",
        channel=Channel.WALK_IN,
        status=ConcernStatus.DONE,
        days_ago=21,
        description="Beim Dialogtag: Was braucht man, um einen Verein zu gründen?",
        contact_name="Frau Muster",
        contact_email="frau.muster@example.org",
        responsible=KGE_ADVISER,
        is_first_contact=False,
    ),
]


@dataclass(frozen=True)
class DemoCase:
    concern: str
    advisers: tuple[str, ...]
    topics: tuple[str, ...]
    person_name: str
    contact: str
    next_steps: str
    # (days ago, author, text)
    notes: tuple[tuple[int, str, str], ...]
    closed_days_ago: int | None = None


CASES = [
    DemoCase(
        concern="wohngeld",
        advisers=(ADVISER_A,),
        topics=("formulare-antraege", "wohnen"),
        person_name="Frau Beispiel-Reuter",
        contact="Telefon 0371 0000 501, am besten vormittags",
        next_steps="Fehlende Kontoauszüge nachreichen, dann Antrag gemeinsam abschicken.",
        notes=(
            (18, ADVISER_A, "Erstgespräch: Antrag besprochen, Liste der Nachweise mitgegeben."),
            (5, ADVISER_A, "Antrag zur Hälfte ausgefüllt; zwei Kontoauszüge fehlen noch."),
        ),
    ),
    DemoCase(
        concern="nebenkosten",
        advisers=(LEAD,),
        topics=("wohnen",),
        person_name="Herr M.",
        contact="Kommt in die Sprechstunde",
        next_steps="Abrechnung mit den Vorjahren vergleichen; ggf. Ratenzahlung anfragen.",
        notes=((14, LEAD, "Abrechnung gemeinsam durchgesehen; Heizkosten deutlich gestiegen."),),
    ),
    DemoCase(
        concern="mahnungen",
        advisers=(ADVISER_B, LEAD),
        topics=("schulden",),
        person_name="Frau K. Muster",
        contact="Telefon 0371 0000 503",
        next_steps="Termin bei der Schuldnerberatung wahrnehmen, Unterlagen mitnehmen.",
        notes=(
            (28, ADVISER_B, "Mahnungen sortiert und eine Übersicht der Gläubiger angelegt."),
            (21, ADVISER_B, "Einverständnis zur Vermittlung an die Schuldnerberatung erteilt."),
            (7, ADVISER_B, "Erster Termin bei der Schuldnerberatung ist vereinbart."),
        ),
    ),
    DemoCase(
        concern="bewerbung",
        advisers=(ADVISER_A,),
        topics=("arbeit-jobcenter",),
        person_name="Herr Exempel",
        contact="bewohner.exempel@example.org",
        next_steps="",
        notes=(
            (58, ADVISER_A, "Schreiben des Jobcenters erklärt; Frist notiert."),
            (50, ADVISER_A, "Bewerbung gemeinsam fertiggestellt und verschickt."),
        ),
        closed_days_ago=45,
    ),
    DemoCase(
        concern="weiterbewilligung",
        advisers=(ADVISER_B,),
        topics=("arbeit-jobcenter", "formulare-antraege"),
        person_name="Frau Exempel",
        contact="Telefon 0371 0000 507",
        next_steps="Antrag bis Freitag persönlich abgeben; Eingangsbestätigung geben lassen.",
        notes=((8, ADVISER_B, "Antrag gemeinsam ausgefüllt; Mietbescheinigung fehlt noch."),),
    ),
]

# (concern key, adviser, topic slug, name, phone, e-mail)
APPOINTMENTS = [
    (
        "schwerbehindertenausweis",
        ADVISER_B,
        "formulare-antraege",
        "Herr Beispiel",
        "0371 0000 506",
        "",
    ),
    (None, ADVISER_A, "wohnen", "Frau S.", "", "frau.s@example.org"),
    (None, ADVISER_A, "schulden", "Herr Platzhalter", "0371 0000 509", ""),
    (None, ADVISER_B, "arbeit-jobcenter", "Malte", "", "malte.vorlage@example.org"),
]


@dataclass
class AdviceDemoResult:
    loaded: bool
    counts: dict[str, int] = field(default_factory=dict)
    accounts: list[str] = field(default_factory=list)


def advice_demo_is_loaded() -> bool:
    return Concern.objects.exists() or AppointmentSchedule.objects.exists()


@transaction.atomic
def advice_demo_load(*, now: datetime | None = None) -> AdviceDemoResult:
    """Create the advice demo unless there are concerns or appointment schedules already.
    Needs the directory's demo region."""
    if advice_demo_is_loaded():
        return AdviceDemoResult(loaded=False)
    if not Organisation.objects.filter(slug=CHEMNITZ_SUED).exists():
        raise ValueError("Load the directory's demo region first (manage.py load_demo_region).")
    loader = _Loader(now or timezone.now())
    loader.load()
    return AdviceDemoResult(
        loaded=True,
        counts={
            "concerns": Concern.objects.count(),
            "cases": AdviceCase.objects.count(),
            "appointments": Appointment.objects.count(),
        },
        accounts=loader.accounts,
    )


class _Loader:
    def __init__(self, now: datetime):
        self.now = now
        self.today = timezone.localdate(now)
        self.organisations = Organisation.objects.in_bulk([CHEMNITZ_SUED, KGE], field_name="slug")
        self.neighbourhoods = {
            item.name: item for item in Neighbourhood.objects.filter(municipality__slug="chemnitz")
        }
        self.topics = {
            slug: AdviceTopic.objects.get_or_create(slug=slug, defaults={"name": name})[0]
            for slug, name in TOPICS.items()
        }
        self.users = {}
        self.concerns: dict[str, Concern] = {}
        self.cases: dict[str, AdviceCase] = {}
        self.accounts: list[str] = []

    def load(self):
        self._team()
        self._concerns()
        self._cases()
        self._referral()
        self._moderation()
        self._appointments()

    def _ago(self, days: int, hour: int = 10) -> datetime:
        return timezone.make_aware(datetime.combine(self.today - timedelta(days=days), time(hour)))

    # The team: colleagues in the directory first, then appointed by the admin

    def _team(self):
        password_hash = make_password(DEMO_PASSWORD)
        for email, name, slug, role in TEAM_ACCOUNTS:
            organisation = self.organisations[slug]
            user, _created = get_user_model().objects.get_or_create(
                email=email, defaults={"display_name": name, "password": password_hash}
            )
            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            OrganisationRole.objects.get_or_create(
                user=user,
                organisation=organisation,
                defaults={"role": OrganisationRoleKind.COORDINATOR},
            )
            admin = (
                OrganisationRole.objects.filter(
                    organisation=organisation, role=OrganisationRoleKind.ADMIN
                )
                .select_related("user")
                .first()
            )
            advice_role_grant(
                organisation=organisation,
                user=user,
                role=role,
                granted_by=admin.user if admin else None,
            )
            self.users[email] = user
            role_name = "advice lead" if role == AdviceRoleKind.LEAD else "adviser"
            self.accounts.append(f"{email} – {role_name} of {organisation.name}")

    # Concerns and what they became

    def _concerns(self):
        for spec in CONCERNS:
            received = self._ago(spec.days_ago, hour=9 + spec.days_ago % 8)
            online = spec.channel == Channel.ONLINE
            responsible = self.users[spec.responsible] if spec.responsible else None
            concern = Concern.objects.create(
                organisation=self.organisations[spec.organisation],
                kind=spec.kind,
                topic=self.topics[spec.topic] if spec.topic else None,
                description=spec.description,
                contact_name=spec.contact_name,
                contact_phone=spec.contact_phone,
                contact_email=spec.contact_email,
                channel=spec.channel,
                neighbourhood=self.neighbourhoods.get(spec.neighbourhood),
                is_first_contact=spec.is_first_contact,
                consent_text=ONLINE_CONSENT if online else VERBAL_CONSENT,
                consent_at=received,
                status=spec.status,
                responsible=responsible,
                follow_up_on=self.today + timedelta(days=spec.follow_up_in)
                if spec.follow_up_in is not None
                else None,
                recorded_by=None if online else responsible,
                created_at=received,
                closed_at=received + timedelta(days=14)
                if spec.status == ConcernStatus.DONE
                else None,
            )
            audit_record(
                user=concern.recorded_by,
                action=AuditAction.CREATE,
                record=concern,
                detail=spec.channel,
            )
            self.concerns[spec.key] = concern

    def _outcome(self, concern: Concern, kind: str, by, **links) -> None:
        ConcernOutcome.objects.create(concern=concern, kind=kind, created_by=by, **links)

    def _cases(self):
        for spec in CASES:
            concern = self.concerns[spec.concern]
            advisers = [self.users[email] for email in spec.advisers]
            case = AdviceCase.objects.create(
                organisation=concern.organisation,
                concern=concern,
                person_name=spec.person_name,
                contact=spec.contact,
                next_steps=spec.next_steps,
                neighbourhood=concern.neighbourhood,
                is_first_contact=concern.is_first_contact,
                opened_at=concern.created_at + timedelta(hours=1),
                status=CaseStatus.CLOSED if spec.closed_days_ago else CaseStatus.OPEN,
                closed_at=self._ago(spec.closed_days_ago) if spec.closed_days_ago else None,
            )
            case.advisers.set(advisers)
            case.topics.set([self.topics[slug] for slug in spec.topics])
            audit_record(user=advisers[0], action=AuditAction.CREATE, record=case)
            self._outcome(concern, OutcomeKind.CASE, advisers[0], case=case)
            for days_ago, author, text in spec.notes:
                note = CaseNote.objects.create(
                    case=case,
                    author=self.users[author],
                    contact_on=self.today - timedelta(days=days_ago),
                    text=text,
                )
                audit_record(user=self.users[author], action=AuditAction.CREATE, record=note)
            self.cases[spec.concern] = case

    # A referral to debt counselling

    def _referral(self):
        case = self.cases["mahnungen"]
        adviser = self.users[ADVISER_B]
        referral = Referral.objects.create(
            case=case,
            service_organisation=self._debt_counselling(),
            topic=self.topics["schulden"],
            consent_text=REFERRAL_CONSENT,
            consent_at=self._ago(21),
            referred_by=adviser,
            referred_at=self._ago(21, hour=11),
            ask_on=self.today + timedelta(days=21),
        )
        audit_record(user=adviser, action=AuditAction.CREATE, record=referral)
        self._outcome(case.concern, OutcomeKind.REFERRAL, adviser, referral=referral)

    def _debt_counselling(self) -> Organisation:
        """A published debt counselling service in the directory; the demo region has
        none, so an invented one in Chemnitz is added."""
        existing = (
            Organisation.objects.published()
            .filter(services__name__icontains="schuldner")
            .order_by("pk")
            .first()
        )
        if existing is not None:
            return existing
        service, _created = Service.objects.get_or_create(
            name="Schuldnerberatung",
            defaults={
                "slug": "schuldnerberatung",
                "description": "Kostenlose Beratung bei Schulden: Überblick verschaffen, mit "
                "Gläubigern verhandeln, Wege aus den Schulden finden.",
            },
        )
        chemnitz = Municipality.objects.get(slug="chemnitz")
        organisation = Organisation.objects.create(
            slug=DEBT_COUNSELLING_SLUG,
            name="Schuldner- und Insolvenzberatung Chemnitz",
            kind=OrganisationKind.WELFARE,
            municipality=chemnitz,
            status=OrganisationStatus.PUBLISHED,
            summary="Kostenlose und vertrauliche Schuldnerberatung für Menschen in Chemnitz.",
            description=(
                "Wir helfen, einen Überblick über die Schulden zu gewinnen, verhandeln mit "
                "Gläubigern und begleiten auf dem Weg in die Verbraucherinsolvenz. Termine "
                "nach Vereinbarung."
            ),
            email=f"{DEBT_COUNSELLING_SLUG}@example.org",
            phone="0371 0000 990",
            website=f"https://www.example.org/{DEBT_COUNSELLING_SLUG}",
        )
        organisation.services.add(service)
        organisation.topics.add(
            *Topic.objects.filter(name__in=["Existenzsicherung", "Wohnen und Quartier"])
        )
        point = postcode_point("09111")
        # Without the postcode dataset, next to the Stadtteilbüro is near enough.
        latitude, longitude = (
            (point.latitude, point.longitude)
            if point
            else Place.objects.filter(organisation__slug=CHEMNITZ_SUED)
            .values_list("latitude", "longitude")
            .first()
        )
        place = Place.objects.create(
            organisation=organisation,
            name="Beratungsstelle",
            street="Brückenstraße 12",  # invented
            postcode="09111",
            city="Chemnitz",
            municipality=chemnitz,
            neighbourhood=self.neighbourhoods.get("Zentrum"),
            latitude=latitude,
            longitude=longitude,
            by_appointment=True,
            step_free=True,
        )
        OfficeHourRule.objects.bulk_create(
            [
                OfficeHourRule(place=place, weekday=0, opens=time(9), closes=time(12)),
                OfficeHourRule(place=place, weekday=3, opens=time(13), closes=time(17)),
            ]
        )
        return organisation

    # Conflict moderation between two households

    def _moderation(self):
        concern = self.concerns["laerm"]
        lead, mediator = self.users[LEAD], self.users[ADVISER_A]
        opened_at = concern.created_at + timedelta(days=2)
        moderation = ModerationCase.objects.create(
            organisation=concern.organisation,
            concern=concern,
            subject="Lärm am Abend und abgestellte Kinderwagen im Treppenhaus.",
            neighbourhood=concern.neighbourhood,
            follow_up_on=self.today + timedelta(days=14),
            opened_at=opened_at,
        )
        moderation.mediators.set([lead, mediator])
        audit_record(user=lead, action=AuditAction.CREATE, record=moderation)
        self._outcome(concern, OutcomeKind.MODERATION, lead, moderation=moderation)
        parties = [
            ("Haushalt Erdgeschoss rechts", "Telefon 0371 0000 510"),
            ("Haushalt 1. Obergeschoss links", "Kommt in die Sprechstunde"),
        ]
        for label, contact in parties:
            party = ModerationParty.objects.create(
                moderation=moderation, label=label, contact=contact
            )
            audit_record(user=lead, action=AuditAction.CREATE, record=party)
        sessions = [
            (28, "Erstes gemeinsames Gespräch; beide Seiten haben ihre Sicht geschildert."),
            (14, "Zweites Gespräch; Vereinbarung zu Ruhezeiten und Treppenhaus getroffen."),
        ]
        for days_ago, notes in sessions:
            session = ModerationSession.objects.create(
                moderation=moderation, held_on=self.today - timedelta(days=days_ago), notes=notes
            )
            audit_record(user=mediator, action=AuditAction.CREATE, record=session)
        agreement = ModerationAgreement.objects.create(
            moderation=moderation,
            text=(
                "Ab 22 Uhr ist es in beiden Wohnungen ruhig. Kinderwagen stehen im "
                "Fahrradraum, der Hausflur bleibt frei."
            ),
            reached_on=self.today - timedelta(days=14),
            review_on=self.today + timedelta(days=14),
        )
        audit_record(user=lead, action=AuditAction.CREATE, record=agreement)

    # The "Sozialberatung" with appointments next week

    def _appointments(self):
        organisation = self.organisations[CHEMNITZ_SUED]
        place = Place.objects.filter(organisation=organisation).order_by("pk").first()
        schedule = AppointmentSchedule.objects.create(
            organisation=organisation,
            place=place,
            title="Sozialberatung",
            length_minutes=30,
            buffer_minutes=10,
            horizon_days=28,
        )
        schedule.advisers.set([self.users[ADVISER_A], self.users[ADVISER_B]])
        schedule.topics.set([self.topics[slug] for slug in SCHEDULE_TOPICS])

        next_monday = self.today + timedelta(days=7 - self.today.weekday())
        slots = free_slots(schedule, next_monday, next_monday + timedelta(days=13), now=self.now)
        # Every other time, so the week keeps free times to book in the demo.
        for slot, (concern_key, adviser, topic, name, phone, email) in zip(
            slots[::2], APPOINTMENTS, strict=False
        ):
            adviser_user = self.users[adviser]
            concern = self.concerns[concern_key] if concern_key else None
            appointment = Appointment.objects.create(
                schedule=schedule,
                adviser=adviser_user,
                topic=self.topics[topic],
                starts_at=slot.starts,
                ends_at=slot.ends,
                name=name,
                phone=phone,
                email=email,
                booked_by=adviser_user if concern else None,
                concern=concern,
                consent_text=VERBAL_CONSENT if concern else ONLINE_CONSENT,
                consent_at=self.now - timedelta(days=2),
            )
            audit_record(user=appointment.booked_by, action=AuditAction.CREATE, record=appointment)
            if concern:
                self._outcome(
                    concern, OutcomeKind.APPOINTMENT, adviser_user, appointment=appointment
                )


def load_demo() -> DemoResult:
    """The advice module's part of `manage.py load_demo_region` (see core.demo)."""
    result = advice_demo_load()
    return DemoResult(
        loaded=result.loaded,
        summary=f"Loaded the advice demo: {result.counts.get('concerns', 0)} concerns, "
        f"{result.counts.get('cases', 0)} cases, "
        f"{result.counts.get('appointments', 0)} appointments.",
        accounts=result.accounts,
    )
