"""The residents' view of the directory: search, organisation, place and network pages, and
vCards of contact persons who agreed to be listed."""

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.vary import vary_on_headers

from . import selectors
from .filters import DirectoryFilter, DirectoryFilterForm, distance_km, filter_organisations
from .models import (
    ContactPerson,
    MembershipStatus,
    Network,
    NetworkMembership,
    Organisation,
    Place,
)
from .opening import OfficeHours, OpeningStatus, local_zone

RESULTS_PER_PAGE = 20
MAX_MAP_MARKERS = 500
UPCOMING_DAYS = 60


@dataclass
class PlaceSchedule:
    """Everything a page says about when a place is open."""

    status: OpeningStatus
    weekly: list[str]
    closures: list = field(default_factory=list)
    extra_openings: list = field(default_factory=list)
    schema_org_hours: list[dict] = field(default_factory=list)


def place_schedule(place: Place, now: datetime) -> PlaceSchedule:
    """`place` should prefetch office_hours, closures and extra_openings."""
    hours = OfficeHours(place)
    today = timezone.localtime(now, local_zone()).date()
    horizon = today + timedelta(days=UPCOMING_DAYS)
    return PlaceSchedule(
        status=hours.status(now),
        weekly=hours.weekly_summary(),
        closures=[c for c in place.closures.all() if c.ends_on >= today and c.starts_on <= horizon],
        extra_openings=[e for e in place.extra_openings.all() if today <= e.date <= horizon],
        schema_org_hours=hours.schema_org_hours(),
    )


def combined_status(statuses: list[OpeningStatus]) -> OpeningStatus | None:
    """An organisation is open if one of its places is; otherwise it opens next when the
    first of them does."""
    if not statuses:
        return None
    open_statuses = [status for status in statuses if status.is_open]
    if open_statuses:
        return max(open_statuses, key=lambda status: status.closes_at)
    upcoming = [status.next_opens_at for status in statuses if status.next_opens_at]
    return OpeningStatus(False, None, min(upcoming) if upcoming else None)


def _postal_address(place: Place) -> dict:
    return {
        "@type": "PostalAddress",
        "streetAddress": place.street,
        "postalCode": place.postcode,
        "addressLocality": place.city,
        "addressCountry": "DE",
    }


def place_json_ld(place: Place, opening_hours: list[dict], request) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "Place",
        "name": place.name,
        "url": request.build_absolute_uri(place.get_absolute_url()),
        "address": _postal_address(place),
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": place.latitude,
            "longitude": place.longitude,
        },
        "openingHoursSpecification": opening_hours,
    }


def organisation_json_ld(organisation: Organisation, places_with_hours, request) -> dict:
    """schema.org Organization; `places_with_hours` pairs each place with its
    openingHoursSpecification entries."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organisation.name,
        "url": organisation.website or request.build_absolute_uri(organisation.get_absolute_url()),
        "description": organisation.summary or organisation.description,
    }
    if organisation.logo:
        data["logo"] = request.build_absolute_uri(organisation.logo.url)
    if organisation.email:
        data["email"] = organisation.email
    if organisation.phone:
        data["telephone"] = organisation.phone
    if places_with_hours:
        data["address"] = _postal_address(places_with_hours[0][0])
        data["location"] = [
            {
                key: value
                for key, value in place_json_ld(place, hours, request).items()
                if key != "@context"
            }
            for place, hours in places_with_hours
        ]
    return data


def _vcard_escape(value: str) -> str:
    """RFC 6350 text escaping; line breaks become the two characters \\n, so no value can
    start a new property."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")
    return "".join(
        " " if unicodedata.category(char) in {"Cc", "Zl", "Zp"} else char for char in value
    )


def _vcard_fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space."""
    pieces, current = [], ""
    for char in line:
        if len((current + char).encode()) > 75:
            pieces.append(current)
            current = " "
        current += char
    pieces.append(current)
    return "\r\n".join(pieces)


def contact_vcard(contact: ContactPerson) -> str:
    given, _space, family = contact.name.strip().rpartition(" ")
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"N:{_vcard_escape(family)};{_vcard_escape(given)};;;",
        f"FN:{_vcard_escape(contact.name)}",
        f"ORG:{_vcard_escape(contact.organisation.name)}",
    ]
    if contact.role:
        lines.append(f"TITLE:{_vcard_escape(contact.role)}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{_vcard_escape(contact.email)}")
    if contact.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{_vcard_escape(contact.phone)}")
    lines.append("END:VCARD")
    return "".join(f"{_vcard_fold(line)}\r\n" for line in lines)


def _places_with_hours():
    return Place.objects.prefetch_related("office_hours", "closures", "extra_openings")


def _map_context(places) -> dict:
    """Markers for map.js; the page names the tile host because the map reveals the
    visitor's IP address to it."""
    return {
        "map_tile_url": settings.GEMEINWERK_MAP_TILE_URL,
        "map_tile_host": urlsplit(settings.GEMEINWERK_MAP_TILE_URL).hostname or "",
        "map_attribution": settings.GEMEINWERK_MAP_ATTRIBUTION,
        "map_markers": [
            {
                "name": place.name,
                "organisation": place.organisation.name,
                "address": place.address_line,
                "latitude": place.latitude,
                "longitude": place.longitude,
                "url": place.get_absolute_url(),
            }
            for place in places
        ],
    }


@vary_on_headers("HX-Request")
def organisation_list(request):
    form = DirectoryFilterForm(request.GET)
    criteria = DirectoryFilter.from_form(form)
    now = timezone.now()
    organisations = filter_organisations(
        Organisation.objects.published().select_related("municipality"), criteria, now=now
    )
    page = Paginator(organisations, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = list(
        page.object_list.prefetch_related(
            "topics", Prefetch("places", queryset=_places_with_hours())
        )
    )
    for organisation in page.object_list:
        organisation.opening = combined_status(
            [OfficeHours(place).status(now) for place in organisation.places.all()]
        )
        organisation.distance_km = distance_km(organisation)
        organisation.has_step_free_place = any(p.step_free for p in organisation.places.all())

    map_places = list(
        Place.objects.filter(organisation__in=organisations.values("pk"))
        .select_related("organisation")
        .order_by("organisation__name", "name")[: MAX_MAP_MARKERS + 1]
    )
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "criteria": criteria,
        "query_without_page": query_without_page.urlencode(),
        "map_truncated": len(map_places) > MAX_MAP_MARKERS,
        **_map_context(map_places[:MAX_MAP_MARKERS]),
    }
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "directory/_results.html", context)
    return render(request, "directory/organisation_list.html", context)


def organisation_detail(request, slug):
    visible = selectors.organisations_visible_to(request.user)
    organisation = get_object_or_404(visible.select_related("municipality"), slug=slug)
    now = timezone.now()
    places = list(_places_with_hours().filter(organisation=organisation))
    for place in places:
        place.organisation = organisation  # already loaded; spares a query per map marker
    schedules = [(place, place_schedule(place, now)) for place in places]
    parent = visible.filter(pk=organisation.parent_id).first() if organisation.parent_id else None
    context = {
        "organisation": organisation,
        "parent": parent,
        "projects": visible.filter(parent=organisation),
        "topics": organisation.topics.all(),
        "services": organisation.services.all(),
        "funders": organisation.funders.all(),
        "memberships": NetworkMembership.objects.filter(
            organisation=organisation, status=MembershipStatus.ACTIVE
        ).select_related("network"),
        "schedules": schedules,
        "contacts": ContactPerson.objects.public()
        .filter(organisation=organisation)
        .select_related("place"),
        "json_ld": organisation_json_ld(
            organisation, [(place, s.schema_org_hours) for place, s in schedules], request
        ),
        **_map_context(places),
    }
    return render(request, "directory/organisation_detail.html", context)


def place_detail(request, pk):
    visible = selectors.organisations_visible_to(request.user)
    place = get_object_or_404(
        _places_with_hours()
        .select_related("organisation", "municipality", "neighbourhood")
        .filter(organisation__in=visible.values("pk")),
        pk=pk,
    )
    schedule = place_schedule(place, timezone.now())
    context = {
        "place": place,
        "schedule": schedule,
        "contacts": ContactPerson.objects.public().filter(place=place),
        "json_ld": place_json_ld(place, schedule.schema_org_hours, request),
        **_map_context([place]),
    }
    return render(request, "directory/place_detail.html", context)


def network_list(request):
    return render(request, "directory/network_list.html", {"networks": Network.objects.all()})


def network_detail(request, slug):
    network = get_object_or_404(
        Network.objects.select_related("coordinating_organisation"), slug=slug
    )
    members = (
        Organisation.objects.published()
        .filter(
            network_memberships__network=network,
            network_memberships__status=MembershipStatus.ACTIVE,
        )
        .select_related("municipality")
    )
    coordinator = network.coordinating_organisation
    context = {
        "network": network,
        "members": members,
        "coordinator": coordinator if coordinator and coordinator.is_published else None,
    }
    return render(request, "directory/network_detail.html", context)


def contact_vcard_download(request, pk):
    contact = get_object_or_404(
        ContactPerson.objects.public().select_related("organisation"), pk=pk
    )
    response = HttpResponse(contact_vcard(contact), content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kontakt-{contact.pk}.vcf"'
    return response
