"""Loads the demo region into the database, once, in one transaction."""

import re
import zlib
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from urllib.parse import urlparse

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from core.demo import DemoResult
from core.geo import postcode_point
from core.models import SitePage
from directory.models import (
    Closure,
    ContactPerson,
    District,
    ExtraOpening,
    FederalState,
    Funder,
    MembershipStatus,
    Municipality,
    Neighbourhood,
    Network,
    NetworkMembership,
    NetworkRole,
    OfficeHourRule,
    Organisation,
    OrganisationRequest,
    OrganisationRole,
    OrganisationStatus,
    Place,
    RequestKind,
    Service,
    Topic,
)
from directory.search import refresh_search_text

from . import catalogues, organisations, people, regions, site_pages

WEEKDAY_NUMBERS = {"Mo": 0, "Di": 1, "Mi": 2, "Do": 3, "Fr": 4, "Sa": 5, "So": 6}
ACCESSIBILITY_FLAGS = {"step_free", "accessible_toilet", "hearing_loop", "accessible_parking"}
_HOURS_SEGMENT = re.compile(
    r"^(?P<days>[A-Za-z,\-]+)\s+(?P<times>[\d:,\- ]+?)\s*(?:\((?P<note>[^)]*)\))?$"
)
# Markers of one postcode area spread over about 500 m instead of stacking on its centre.
MAX_OFFSET_DEGREES = 0.0045


@dataclass
class DemoLoadResult:
    loaded: bool
    organisations: int = 0
    places: int = 0
    accounts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class WeeklySlot:
    weekday: int
    opens: time
    closes: time
    note: str


def parse_clock(text: str) -> time:
    hour, _, minute = text.strip().partition(":")
    return time(int(hour), int(minute or 0))


def parse_time_range(text: str) -> tuple[time, time]:
    """ "9-12:30" → (09:00, 12:30)"""
    opens, separator, closes = text.partition("-")
    if not separator:
        raise ValueError(f"Cannot read time range {text!r}")
    opens, closes = parse_clock(opens), parse_clock(closes)
    if closes <= opens:
        raise ValueError(f"Time range {text!r} ends before it starts")
    return opens, closes


def parse_weekday(name: str) -> int:
    if name not in WEEKDAY_NUMBERS:
        raise ValueError(f"Unknown weekday {name!r}; use {', '.join(WEEKDAY_NUMBERS)}")
    return WEEKDAY_NUMBERS[name]


def parse_weekdays(text: str) -> list[int]:
    """ "Mo-Mi,Fr" → [0, 1, 2, 4]"""
    days = []
    for part in text.split(","):
        first, _, last = part.partition("-")
        start = parse_weekday(first)
        days += range(start, parse_weekday(last) + 1) if last else [start]
    return days


def parse_weekly_hours(text: str) -> list[WeeklySlot]:
    """ "Mo-Fr 9-12, 13-15; Sa 10-12 (Familiencafé)" → one slot per day and time range."""
    slots = []
    for segment in filter(None, (part.strip() for part in text.split(";"))):
        match = _HOURS_SEGMENT.match(segment)
        if match is None:
            raise ValueError(f"Cannot read office hours {segment!r}")
        for weekday in parse_weekdays(match["days"]):
            for time_range in match["times"].split(","):
                opens, closes = parse_time_range(time_range)
                slots.append(WeeklySlot(weekday, opens, closes, match["note"] or ""))
    return slots


def jittered_point(latitude: float, longitude: float, key: str) -> tuple[float, float]:
    """The same small, deterministic offset for the same key on every load."""
    checksum = zlib.crc32(key.encode())
    north = ((checksum & 0xFFFF) / 0xFFFF - 0.5) * MAX_OFFSET_DEGREES
    east = ((checksum >> 16) / 0xFFFF - 0.5) * MAX_OFFSET_DEGREES * 1.6
    return round(latitude + north, 6), round(longitude + east, 6)


def demo_email(name: str) -> str:
    return f"{slugify(name).replace('-', '.')}@example.org"


def demo_phone(area_code: str, number: int) -> str:
    """German subscriber numbers never start with 0, so these can reach nobody."""
    return f"{area_code} 0000 {number:03d}"


def delitzscher_land_clubs() -> list[dict]:
    """The member clubs of GEMS, one per entry of DELITZSCHER_LAND_CLUBS and town."""
    clubs = []
    for template in organisations.DELITZSCHER_LAND_CLUBS:
        for town_slug in template["towns"]:
            town = regions.MUNICIPALITIES[town_slug][0]
            number = len(clubs) + 1
            place = {
                "name": template["name"].format(town=town).removesuffix(" e.V."),
                "street": f"{template['street']} {3 + (number * 7) % 40}",
                "postcode": regions.MUNICIPALITIES[town_slug][2],
                "hours": template.get("hours", ""),
                "by_appointment": template.get("by_appointment", False),
                "access": template["access"],
                "closures": template.get("closures", []),
            }
            clubs.append(
                {
                    "slug": template["slug"].format(place=town_slug),
                    "name": template["name"].format(town=town),
                    "kind": template["kind"],
                    "municipality": town_slug,
                    "summary": template["summary"].format(town=town),
                    "description": template["description"].format(town=town),
                    "topics": template["topics"],
                    "services": template["services"],
                    "funders": [],
                    "places": [place],
                    "contacts": [
                        (
                            organisations.CLUB_CONTACTS[number - 1],
                            "Vorstand" if template["kind"] == "association" else "Ansprechperson",
                            number % 3 != 0,
                        )
                    ],
                }
            )
    return clubs


def demo_region_is_loaded() -> bool:
    return Organisation.objects.filter(slug=organisations.MARKER_SLUG).exists()


@transaction.atomic
def demo_region_load(*, today: date | None = None) -> DemoLoadResult:
    """Create the demo region unless it is already there. Catalogue entries and legal pages
    that already exist are kept, so the demo can join an installation's own catalogue."""
    if demo_region_is_loaded():
        return DemoLoadResult(loaded=False)
    today = today or timezone.localdate()
    municipalities = _load_regions()
    neighbourhoods = {
        (item.municipality_id, item.name): item for item in Neighbourhood.objects.all()
    }
    topics = {
        name: Topic.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]
        for name in catalogues.TOPICS
    }
    services = {
        name: Service.objects.get_or_create(
            name=name, defaults={"slug": slugify(name), "description": description}
        )[0]
        for name, description in catalogues.SERVICES
    }
    funders = {
        name: Funder.objects.get_or_create(name=name, defaults={"website": website})[0]
        for name, website in catalogues.FUNDERS
    }
    clubs = delitzscher_land_clubs()
    entries = organisations.ORGANISATIONS + clubs + organisations.PENDING_ORGANISATIONS
    created = _create_organisations(entries, municipalities)
    _link_catalogues(entries, created, topics, services, funders)
    places = _create_places(entries, created, municipalities, neighbourhoods, today)
    _create_contacts(entries, created, places)
    _create_networks(created, [club["slug"] for club in clubs])
    for organisation in created.values():
        refresh_search_text(organisation.pk)
    _create_site_pages()
    accounts = _create_accounts(created)
    return DemoLoadResult(
        loaded=True,
        organisations=len(created),
        places=sum(len(items) for items in places.values()),
        accounts=accounts,
    )


def _load_regions() -> dict[str, Municipality]:
    states = {
        code: FederalState.objects.get_or_create(code=code, defaults={"name": name})[0]
        for code, name in regions.STATES
    }
    districts = {
        name: District.objects.get_or_create(state=states[code], name=name)[0]
        for code, name in regions.DISTRICTS
    }
    municipalities = {
        slug: Municipality.objects.get_or_create(
            slug=slug, defaults={"name": name, "district": districts[district]}
        )[0]
        for slug, (name, district, *_rest) in regions.MUNICIPALITIES.items()
    }
    for slug, names in regions.NEIGHBOURHOODS.items():
        for name in names:
            Neighbourhood.objects.get_or_create(municipality=municipalities[slug], name=name)
    return municipalities


def _create_organisations(entries, municipalities) -> dict[str, Organisation]:
    new = [
        Organisation(
            slug=entry["slug"],
            name=entry["name"],
            kind=entry["kind"],
            summary=entry["summary"],
            description=entry["description"],
            municipality=municipalities[entry["municipality"]],
            status=entry.get("status", OrganisationStatus.PUBLISHED),
            email=f"{entry['slug']}@example.org",
            phone=demo_phone(regions.MUNICIPALITIES[entry["municipality"]][3], number),
            website=f"https://www.example.org/{entry['slug']}",
        )
        for number, entry in enumerate(entries, start=1)
    ]
    Organisation.objects.bulk_create(new)
    created = {organisation.slug: organisation for organisation in new}
    with_parent = []
    for entry in entries:
        if entry.get("parent"):
            created[entry["slug"]].parent = created[entry["parent"]]
            with_parent.append(created[entry["slug"]])
    Organisation.objects.bulk_update(with_parent, ["parent"])
    return created


def _link_catalogues(entries, created, topics, services, funders):
    through_rows = {
        Organisation.topics.through: [],
        Organisation.services.through: [],
        Organisation.funders.through: [],
    }
    for entry in entries:
        organisation_id = created[entry["slug"]].pk
        through_rows[Organisation.topics.through] += [
            Organisation.topics.through(organisation_id=organisation_id, topic=topics[name])
            for name in entry["topics"]
        ]
        through_rows[Organisation.services.through] += [
            Organisation.services.through(organisation_id=organisation_id, service=services[name])
            for name in entry["services"]
        ]
        through_rows[Organisation.funders.through] += [
            Organisation.funders.through(organisation_id=organisation_id, funder=funders[name])
            for name in entry["funders"]
        ]
    for model, rows in through_rows.items():
        model.objects.bulk_create(rows)


def _create_places(entries, created, municipalities, neighbourhoods, today):
    new_places = []
    schedules = []
    for entry in entries:
        for index, spec in enumerate(entry["places"]):
            municipality_slug = spec.get("municipality", entry["municipality"])
            municipality = municipalities[municipality_slug]
            latitude, longitude = _place_centre(municipality_slug, spec["postcode"])
            latitude, longitude = jittered_point(latitude, longitude, f"{entry['slug']}/{index}")
            unknown_flags = set(spec["access"]) - ACCESSIBILITY_FLAGS
            if unknown_flags:
                raise ValueError(f"Unknown accessibility flags {unknown_flags}")
            neighbourhood = spec.get("neighbourhood")
            place = Place(
                organisation=created[entry["slug"]],
                name=spec["name"],
                street=spec["street"],
                postcode=spec["postcode"],
                city=spec.get("city", municipality.name),
                municipality=municipality,
                neighbourhood=neighbourhoods[(municipality.pk, neighbourhood)]
                if neighbourhood
                else None,
                latitude=latitude,
                longitude=longitude,
                by_appointment=spec.get("by_appointment", False),
                office_hours_note=spec.get("hours_note", ""),
                accessibility_notes=spec.get("accessibility_notes", ""),
                **dict.fromkeys(spec["access"], True),
            )
            new_places.append(place)
            schedules.append(spec)
    Place.objects.bulk_create(new_places)

    rules, closures, extras = [], [], []
    for place, spec in zip(new_places, schedules, strict=True):
        rules += [
            OfficeHourRule(
                place=place,
                weekday=slot.weekday,
                opens=slot.opens,
                closes=slot.closes,
                note=slot.note,
            )
            for slot in parse_weekly_hours(spec.get("hours", ""))
        ]
        closures += [
            Closure(
                place=place,
                starts_on=today + timedelta(days=first),
                ends_on=today + timedelta(days=last),
                reason=reason,
            )
            for first, last, reason in spec.get("closures", [])
        ]
        for day, time_range, note in spec.get("extras", []):
            opens, closes = parse_time_range(time_range)
            extras.append(
                ExtraOpening(
                    place=place,
                    date=today + timedelta(days=day),
                    opens=opens,
                    closes=closes,
                    note=note,
                )
            )
    OfficeHourRule.objects.bulk_create(rules)
    Closure.objects.bulk_create(closures)
    ExtraOpening.objects.bulk_create(extras)

    places: dict[str, list[Place]] = {}
    for place in new_places:
        places.setdefault(place.organisation.slug, []).append(place)
    return places


def _place_centre(municipality_slug: str, postcode: str) -> tuple[float, float]:
    centre = regions.MUNICIPALITIES[municipality_slug][4]
    if centre:
        return centre
    point = postcode_point(postcode)
    if point is None:
        raise ValueError(f"Unknown postcode {postcode}")
    return point.latitude, point.longitude


def _create_contacts(entries, created, places):
    now = timezone.now()
    contacts = []
    for entry in entries:
        area_code = regions.MUNICIPALITIES[entry["municipality"]][3]
        for name, role, public in entry["contacts"]:
            contacts.append(
                ContactPerson(
                    organisation=created[entry["slug"]],
                    place=places[entry["slug"]][0],
                    name=name,
                    role=role,
                    email=demo_email(name),
                    phone=demo_phone(area_code, 100 + len(contacts)),
                    public_consent=public,
                    consent_recorded_at=now if public else None,
                )
            )
    ContactPerson.objects.bulk_create(contacts)


def _create_networks(created, club_slugs):
    memberships = []
    for spec in organisations.NETWORKS:
        network = Network.objects.create(
            slug=spec["slug"],
            name=spec["name"],
            description=spec["description"],
            website=f"https://www.example.org/netzwerk/{spec['slug']}",
            coordinating_organisation=created[spec["coordinator"]],
        )
        founded = date.fromisoformat(spec["founded"])
        members = list(spec["members"])
        if spec["slug"] == "gems":
            members += [slug for slug in club_slugs if slug not in spec["requested"]]
        memberships += [
            NetworkMembership(
                network=network,
                organisation=created[slug],
                status=MembershipStatus.ACTIVE,
                since=founded + timedelta(days=61 * index),
            )
            for index, slug in enumerate(members)
        ]
        memberships += [
            NetworkMembership(
                network=network, organisation=created[slug], status=MembershipStatus.REQUESTED
            )
            for slug in spec["requested"]
        ]
    NetworkMembership.objects.bulk_create(memberships)


def _create_site_pages():
    tile_host = urlparse(settings.GEMEINWERK_MAP_TILE_URL).hostname or ""
    for kind, title, body in site_pages.site_pages(tile_host):
        SitePage.objects.get_or_create(kind=kind, defaults={"title": title, "body": body})


def _demo_user(email: str, display_name: str, password_hash: str):
    user, _created = get_user_model().objects.get_or_create(
        email=email, defaults={"display_name": display_name, "password": password_hash}
    )
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def _create_accounts(created) -> list[str]:
    """Demo accounts, all with the same password. No staff account: staff must set up a
    second factor, so an operator creates it with `createsuperuser`."""
    # One hash for all accounts keeps the load fast; Argon2 is slow by design.
    password_hash = make_password(people.DEMO_PASSWORD)
    lines = []
    for email, display_name, organisation_slug, role in people.ORGANISATION_ACCOUNTS:
        user = _demo_user(email, display_name, password_hash)
        OrganisationRole.objects.create(
            user=user, organisation=created[organisation_slug], role=role
        )
        lines.append(f"{email} – {role} of {created[organisation_slug].name}")
    for email, display_name, network_slug in people.NETWORK_ACCOUNTS:
        user = _demo_user(email, display_name, password_hash)
        network = Network.objects.get(slug=network_slug)
        NetworkRole.objects.create(user=user, network=network)
        lines.append(f"{email} – network admin of {network.name}")
    for email, display_name, organisation_slug, network_slug, message in people.PROPOSALS:
        user = _demo_user(email, display_name, password_hash)
        OrganisationRequest.objects.create(
            kind=RequestKind.PROPOSAL,
            organisation=created[organisation_slug],
            requested_by=user,
            network=Network.objects.get(slug=network_slug) if network_slug else None,
            message=message,
        )
        lines.append(f"{email} – proposed {created[organisation_slug].name} (pending)")
    return lines


def load_demo() -> DemoResult:
    """The directory's part of `manage.py load_demo_region` (see core.demo)."""
    result = demo_region_load()
    return DemoResult(
        loaded=result.loaded,
        summary=f"Loaded the demo region: {result.organisations} organisations "
        f"with {result.places} places.",
        accounts=result.accounts,
        password=people.DEMO_PASSWORD,
    )
