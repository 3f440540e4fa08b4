"""Loads the engagement demo (opportunities, volunteers, placements, help requests) on top
of the directory's demo region, once."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from core.demo import DemoResult
from core.geo import postcode_point
from directory.demo import organisations as directory_organisations
from directory.demo import regions
from directory.demo.people import DEMO_PASSWORD
from directory.models import (
    Organisation,
    OrganisationRole,
    OrganisationRoleKind,
    Place,
)
from engagement.availability import slots_from_pairs
from engagement.models import (
    POLICE_CERTIFICATE_VALID_YEARS,
    Activity,
    Field,
    HelpRequest,
    HoursEntry,
    Language,
    Opportunity,
    OpportunityStatus,
    Placement,
    PlacementKind,
    PlacementStatus,
    Qualification,
    QualificationKind,
    TargetGroup,
    VolunteerProfile,
)
from engagement.services.placements import placement_create, placement_transition

from . import catalogues, opportunities, people

# Days between the demo steps of one placement.
STEP_INTERVAL_DAYS = 3


@dataclass
class EngagementDemoResult:
    loaded: bool
    opportunities: int = 0
    volunteers: int = 0
    accounts: list[str] = field(default_factory=list)


@dataclass
class Catalogues:
    fields: dict[str, Field]
    activities: dict[str, Activity]
    target_groups: dict[str, TargetGroup]
    languages: dict[str, Language]


def engagement_demo_is_loaded() -> bool:
    return Opportunity.objects.filter(slug=opportunities.MARKER_SLUG).exists()


@transaction.atomic
def engagement_demo_load(*, now: datetime | None = None) -> EngagementDemoResult:
    """Create the engagement demo unless it is already there. Needs the directory's demo
    region (its organisations, places and the coordinator account)."""
    if engagement_demo_is_loaded():
        return EngagementDemoResult(loaded=False)
    if not Organisation.objects.filter(slug=directory_organisations.MARKER_SLUG).exists():
        raise ValueError("Load the directory's demo region first (manage.py load_demo_region).")
    now = now or timezone.now()
    catalogue = _load_catalogues()
    password_hash = make_password(DEMO_PASSWORD)
    guides, accounts = _create_guides(password_hash)
    created = _create_opportunities(catalogue, guides, now)
    volunteers = _create_volunteers(catalogue, password_hash, now)
    accounts += [
        f"{profile.user.email} – volunteer ({profile.postcode})" for profile in volunteers.values()
    ]
    by_key = {item.slug: item for item in created} | {item.title: item for item in created}
    _create_placements(by_key, volunteers, now)
    _create_record(volunteers, by_key, now)
    _create_help_requests(volunteers, now)
    return EngagementDemoResult(
        loaded=True, opportunities=len(created), volunteers=len(volunteers), accounts=accounts
    )


def _load_catalogues() -> Catalogues:
    """Entries an installation already has are kept."""

    def entries(model, names):
        return {
            name: model.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]
            for name in names
        }

    return Catalogues(
        fields=entries(Field, catalogues.FIELDS),
        activities=entries(Activity, catalogues.ACTIVITIES),
        target_groups=entries(TargetGroup, catalogues.TARGET_GROUPS),
        languages={
            code: Language.objects.get_or_create(code=code, defaults={"name": name})[0]
            for code, name in catalogues.LANGUAGES
        },
    )


def _demo_user(email: str, display_name: str, password_hash: str):
    user, _created = get_user_model().objects.get_or_create(
        email=email, defaults={"display_name": display_name, "password": password_hash}
    )
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def _create_guides(password_hash: str):
    """Who guides placements, per organisation slug: the directory demo's coordinator of
    Chemnitz Süd and an engagement guide (Engagementlotse) of GEMS."""
    guides = {
        role.organisation.slug: role.user
        for role in OrganisationRole.objects.filter(
            organisation__slug=directory_organisations.MARKER_SLUG,
            role__in=[OrganisationRoleKind.ADMIN, OrganisationRoleKind.COORDINATOR],
        ).select_related("organisation", "user")
    }
    lines = []
    for email, display_name, organisation_slug in people.GUIDE_ACCOUNTS:
        user = _demo_user(email, display_name, password_hash)
        organisation = Organisation.objects.get(slug=organisation_slug)
        OrganisationRole.objects.get_or_create(
            user=user,
            organisation=organisation,
            defaults={"role": OrganisationRoleKind.COORDINATOR},
        )
        guides[organisation_slug] = user
        lines.append(f"{email} – engagement guide (coordinator) of {organisation.name}")
    return guides, lines


def _club_specs() -> list[dict]:
    """One opportunity for each GEMS member club, from the club's kind and town."""
    specs = []
    for template in directory_organisations.DELITZSCHER_LAND_CLUBS:
        kind = template["slug"].removesuffix("-{place}")
        for town_slug in template["towns"]:
            town = regions.MUNICIPALITIES[town_slug][0]
            base = opportunities.CLUB_OPPORTUNITIES[kind]
            number = len(specs)
            specs.append(
                base
                | {
                    "organisation": template["slug"].format(place=town_slug),
                    "title": base["title"].format(town=town),
                    "summary": base["summary"].format(town=town),
                    "description": base["description"].format(town=town),
                    "languages": ["de"],
                    "confirmed_days_ago": (number * 7) % 60,
                }
            )
    return specs


def _unique_slug(text: str, taken: set[str]) -> str:
    base = slugify(text)[:200]
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


def _create_opportunities(catalogue: Catalogues, guides, now) -> list[Opportunity]:
    specs = opportunities.OPPORTUNITIES + _club_specs()
    organisations = Organisation.objects.in_bulk(
        {spec["organisation"] for spec in specs}, field_name="slug"
    )
    places: dict[int, list[Place]] = {}
    for place in Place.objects.filter(organisation__in=organisations.values()).order_by("pk"):
        places.setdefault(place.organisation_id, []).append(place)
    taken = set(Opportunity.objects.values_list("slug", flat=True))
    today = timezone.localdate(now)
    created = []
    for number, spec in enumerate(specs):
        organisation = organisations[spec["organisation"]]
        status = spec.get("status", OpportunityStatus.PUBLISHED)
        confirmed_at = now - timedelta(days=spec["confirmed_days_ago"], hours=number % 9)
        place = None if spec.get("remote") else places[organisation.pk][spec.get("place", 0)]
        opportunity = Opportunity(
            organisation=organisation,
            title=spec["title"],
            slug=spec.get("slug") or _unique_slug(spec["title"], taken),
            summary=spec["summary"],
            description=spec["description"],
            plain_language_summary=spec.get("plain_language_summary", ""),
            place=place,
            is_remote=place is None,
            postcode=place.postcode if place else "",
            municipality_id=place.municipality_id if place else None,
            latitude=place.latitude if place else None,
            longitude=place.longitude if place else None,
            regularity=spec.get("regularity", "regular"),
            hours_per_week=Decimal(str(spec["hours"])) if "hours" in spec else None,
            time_slots=slots_from_pairs(spec["slots"]),
            starts_on=_day(today, spec.get("starts_in_days")),
            ends_on=_day(today, spec.get("ends_in_days")),
            volunteers_wanted=spec["wanted"],
            minimum_age=spec.get("minimum_age"),
            requires_police_certificate=spec.get("police_certificate", False),
            other_requirements=spec.get("other_requirements", ""),
            coordinator=guides.get(organisation.slug),
            status=status,
            published_at=None
            if status == OpportunityStatus.DRAFT
            else confirmed_at - timedelta(days=30 + number % 20),
            confirmed_at=None if status == OpportunityStatus.DRAFT else confirmed_at,
            **{opportunities.SUITABILITY[key]: True for key in spec.get("suitable", [])},
            **{opportunities.OFFERS[key]: True for key in spec.get("offers", [])},
        )
        opportunity.save()
        opportunity.fields.set([catalogue.fields[name] for name in spec["fields"]])
        opportunity.activities.set([catalogue.activities[name] for name in spec["activities"]])
        opportunity.target_groups.set(
            [catalogue.target_groups[name] for name in spec["target_groups"]]
        )
        opportunity.languages.set([catalogue.languages[code] for code in spec["languages"]])
        created.append(opportunity)
    return created


def _day(today: date, days: int | None) -> date | None:
    return None if days is None else today + timedelta(days=days)


def _create_volunteers(catalogue: Catalogues, password_hash: str, now):
    today = timezone.localdate(now)
    volunteers = {}
    for spec in people.VOLUNTEERS:
        user = _demo_user(spec["email"], spec["name"], password_hash)
        point = postcode_point(spec["postcode"])
        profile = VolunteerProfile.objects.create(
            user=user,
            name=spec["name"],
            phone=spec["phone"],
            # A month past the birthday, so the age is the same whenever the demo loads.
            birth_date=today - timedelta(days=round(spec["birth_years_ago"] * 365.25) + 30),
            skills=spec["skills"],
            time_slots=slots_from_pairs(spec["slots"]),
            postcode=spec["postcode"],
            latitude=point.latitude,
            longitude=point.longitude,
            max_distance_km=spec["max_distance_km"],
            allow_suggestions=spec["allow_suggestions"],
        )
        profile.fields.set([catalogue.fields[name] for name in spec["fields"]])
        profile.activities.set([catalogue.activities[name] for name in spec["activities"]])
        profile.languages.set([catalogue.languages[code] for code in spec["languages"]])
        volunteers[spec["key"]] = profile
    return volunteers


def _backdate(placement: Placement, days_ago: int, now) -> None:
    """The services date every step now; the demo spreads them over the past weeks, the
    last one `days_ago` days back."""
    steps = list(placement.steps.order_by("pk"))
    for index, step in enumerate(steps):
        step.at = now - timedelta(days=days_ago + STEP_INTERVAL_DAYS * (len(steps) - 1 - index))
    type(steps[0]).objects.bulk_update(steps, ["at"])
    changes = {"last_step_at": steps[-1].at, "created_at": steps[0].at}
    if placement.started_on:
        changes["started_on"] = timezone.localdate(steps[-1].at)
    if placement.ended_on:
        changes["ended_on"] = timezone.localdate(steps[-1].at)
    Placement.objects.filter(pk=placement.pk).update(**changes)


def _create_placements(by_key, volunteers, now) -> None:
    for spec in people.PLACEMENTS:
        opportunity = by_key[spec["opportunity"]]
        volunteer = volunteers[spec["volunteer"]] if "volunteer" in spec else None
        guest_name, guest_email, guest_phone = spec.get("guest", ("", "", ""))
        placement = placement_create(
            kind=PlacementKind.INTEREST,
            organisation=opportunity.organisation,
            opportunity=opportunity,
            volunteer=volunteer,
            contact_name=guest_name,
            contact_email=guest_email,
            contact_phone=guest_phone,
            message=spec["message"],
            by=volunteer.user if volunteer else None,
        )
        for status in spec["path"]:
            placement = placement_transition(
                placement=placement, to_status=status, by=opportunity.coordinator
            )
        _backdate(placement, spec["days_ago"], now)


def _create_record(volunteers, by_key, now) -> None:
    """Lena's hours and police certificate, Paul's first-aid course."""
    lena = volunteers["lena"]
    placement = Placement.objects.get(volunteer=lena, opportunity=by_key[opportunities.MARKER_SLUG])
    guide = placement.responsible
    HoursEntry.objects.bulk_create(
        HoursEntry(
            placement=placement,
            date=timezone.localdate(now) - timedelta(days=days_ago),
            hours=Decimal(hours),
            activity=activity,
            logged_by=lena.user,
            confirmed_at=now - timedelta(days=days_ago - 1) if confirmed else None,
            confirmed_by=guide if confirmed else None,
        )
        for days_ago, hours, activity, confirmed in people.LENA_HOURS
    )
    seen_on = timezone.localdate(now) - timedelta(days=50)
    Qualification.objects.create(
        volunteer=lena,
        kind=QualificationKind.POLICE_CERTIFICATE,
        description="Erweitertes Führungszeugnis",
        seen_on=seen_on,
        valid_until=seen_on.replace(year=seen_on.year + POLICE_CERTIFICATE_VALID_YEARS),
        recorded_by=guide,
        organisation=placement.organisation,
    )
    Qualification.objects.create(
        volunteer=volunteers["paul"],
        kind=QualificationKind.FIRST_AID,
        description="Erste-Hilfe-Grundkurs",
        seen_on=timezone.localdate(now) - timedelta(days=200),
    )


def _municipality_ids_by_postcode() -> dict[str, int]:
    return dict(
        Place.objects.filter(municipality__isnull=False)
        .order_by("pk")
        .values_list("postcode", "municipality_id")
    )


def _create_help_requests(volunteers, now) -> None:
    municipality_ids = _municipality_ids_by_postcode()
    guides = {
        role.organisation.slug: role.user
        for role in OrganisationRole.objects.filter(
            role__in=[OrganisationRoleKind.ADMIN, OrganisationRoleKind.COORDINATOR],
            organisation__slug__in={spec[0] for spec in people.HELP_REQUESTS},
        ).select_related("organisation", "user")
    }
    organisations = Organisation.objects.in_bulk(
        {spec[0] for spec in people.HELP_REQUESTS}, field_name="slug"
    )
    requests = []
    for (
        organisation_slug,
        category,
        status,
        postcode,
        description,
        when,
        name,
        phone,
        days_ago,
    ) in people.HELP_REQUESTS:
        point = postcode_point(postcode)
        help_request = HelpRequest.objects.create(
            organisation=organisations[organisation_slug],
            category=category,
            description=description,
            postcode=postcode,
            municipality_id=municipality_ids.get(postcode),
            latitude=point.latitude,
            longitude=point.longitude,
            when=when,
            requester_name=name,
            requester_phone=phone,
            consent_recorded_at=now - timedelta(days=days_ago),
            created_by=guides.get(organisation_slug),
            status=status,
        )
        HelpRequest.objects.filter(pk=help_request.pk).update(
            created_at=now - timedelta(days=days_ago)
        )
        requests.append(help_request)
    for volunteer_key, index, message, path, days_ago in people.HELP_OFFERS:
        help_request = requests[index]
        volunteer = volunteers[volunteer_key]
        placement = placement_create(
            kind=PlacementKind.HELP_OFFER,
            organisation=help_request.organisation,
            help_request=help_request,
            volunteer=volunteer,
            message=message,
            by=volunteer.user,
        )
        for status in path:
            placement = placement_transition(
                placement=placement,
                to_status=PlacementStatus(status),
                by=guides.get(help_request.organisation.slug),
            )
        _backdate(placement, days_ago, now)


def load_demo() -> DemoResult:
    """The engagement module's part of `manage.py load_demo_region` (see core.demo)."""
    result = engagement_demo_load()
    return DemoResult(
        loaded=result.loaded,
        summary=f"Loaded the engagement demo: {result.opportunities} opportunities, "
        f"{result.volunteers} volunteer profiles.",
        accounts=result.accounts,
    )
