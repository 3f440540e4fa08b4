"""The residents' view of the engagement database: the opportunity search, an
opportunity's page and "I'm interested" without an account."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.views.decorators.vary import vary_on_headers

from core.abuse import within_limit
from directory.models import Weekday

from . import selectors
from .availability import TIMES_OF_DAY, pairs_from_slots
from .forms_search import OFFER_CHOICES, SUITABILITY_CHOICES, InterestForm, OpportunitySearchForm
from .models import Opportunity, VolunteerProfile
from .search import SortOrder, distance_km, facet_counts, search_results
from .services.interest import interest_express

RESULTS_PER_PAGE = 20
MAX_MAP_MARKERS = 500

# "I'm interested" from one address: at most this many submissions in this many seconds.
INTEREST_RATE_LIMIT = 5
INTEREST_RATE_WINDOW_SECONDS = 600


def time_slot_lines(value: int) -> list[str]:
    """The weekday × time-of-day grid as text, weekdays with the same times together:
    ["Tuesday and Thursday: afternoons", "Saturday: mornings, afternoons"]."""
    times_by_weekday: dict[int, list[int]] = {}
    for weekday, time_of_day in pairs_from_slots(value):
        times_by_weekday.setdefault(weekday, []).append(time_of_day)
    weekdays_by_times: dict[tuple[int, ...], list[int]] = {}
    for weekday, times in times_by_weekday.items():
        weekdays_by_times.setdefault(tuple(times), []).append(weekday)
    return [
        "{days}: {times}".format(
            days=get_text_list([str(Weekday(day).label) for day in days], _("and")),
            times=", ".join(str(TIMES_OF_DAY[time]) for time in times),
        )
        for times, days in weekdays_by_times.items()
    ]


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FacetGroup:
    """One fieldset of checkboxes with the number of results beside each option."""

    name: str
    label: str
    options: list[FacetOption]


def _catalogue_facets(form: OpportunitySearchForm, counts) -> list[FacetGroup]:
    data = form.data
    return [
        FacetGroup(
            name=name,
            label=str(form.fields[name].label),
            options=[
                FacetOption(
                    value=entry.slug,
                    label=entry.name,
                    count=counts.catalogue[name].get(entry.pk, 0),
                    selected=entry.slug in data.getlist(name),
                )
                for entry in entries
            ],
        )
        for name, entries in form.catalogues.items()
    ]


def _flag_facets(form: OpportunitySearchForm, counts) -> list[FacetGroup]:
    data = form.data
    groups = []
    for name, choices, group_counts in (
        ("suitable", SUITABILITY_CHOICES, counts.suitable),
        ("offers", OFFER_CHOICES, counts.offers),
    ):
        groups.append(
            FacetGroup(
                name=name,
                label=str(form.fields[name].label),
                options=[
                    FacetOption(
                        value=value,
                        label=str(label),
                        count=group_counts[value],
                        selected=value in data.getlist(name),
                    )
                    for value, label in choices
                ],
            )
        )
    groups.append(
        FacetGroup(
            name="no_police_certificate",
            label=_("Requirements"),
            options=[
                FacetOption(
                    value="on",
                    label=str(form.fields["no_police_certificate"].label),
                    count=counts.no_police_certificate,
                    selected=bool(data.get("no_police_certificate")),
                )
            ],
        )
    )
    return groups


def _map_context(opportunities) -> dict:
    """Markers for directory/map.js; the page names the tile host because the map reveals
    the visitor's IP address to it."""
    return {
        "map_tile_url": settings.GEMEINWERK_MAP_TILE_URL,
        "map_tile_host": urlsplit(settings.GEMEINWERK_MAP_TILE_URL).hostname or "",
        "map_attribution": settings.GEMEINWERK_MAP_ATTRIBUTION,
        "map_markers": [
            {
                "name": opportunity.title,
                "organisation": opportunity.organisation.name,
                "address": opportunity.place.address_line
                if opportunity.place_id
                else f"{opportunity.postcode} {opportunity.municipality or ''}".strip(),
                "latitude": opportunity.latitude,
                "longitude": opportunity.longitude,
                "url": opportunity.get_absolute_url(),
            }
            for opportunity in opportunities
        ],
    }


@vary_on_headers("HX-Request")
def opportunity_search(request):
    form = OpportunitySearchForm(request.GET)
    criteria = form.search()
    public = selectors.opportunities_public()
    results = search_results(public, criteria)
    counts = facet_counts(public, criteria)
    paginator = Paginator(results.select_related("organisation", "municipality"), RESULTS_PER_PAGE)
    if counts.total is not None:
        paginator.count = counts.total  # known already; spares the COUNT query
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = list(page.object_list.prefetch_related("fields"))
    for opportunity in page.object_list:
        opportunity.distance_km = distance_km(opportunity)
        opportunity.time_lines = time_slot_lines(opportunity.time_slots)

    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    query_without_view = query_without_page.copy()
    query_without_view.pop("view", None)
    context = {
        "form": form,
        "criteria": criteria,
        "page": page,
        "catalogue_facets": _catalogue_facets(form, counts),
        "flag_facets": _flag_facets(form, counts),
        "sort_label": SortOrder(criteria.sort_order).label,
        "view": form.view,
        "query_without_page": query_without_page.urlencode(),
        "query_without_view": query_without_view.urlencode(),
    }
    if form.view == "map":
        located = list(
            results.filter(latitude__isnull=False, longitude__isnull=False).select_related(
                "organisation", "place", "municipality"
            )[: MAX_MAP_MARKERS + 1]
        )
        context["map_truncated"] = len(located) > MAX_MAP_MARKERS
        context.update(_map_context(located[:MAX_MAP_MARKERS]))
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "engagement/search/_results.html", context)
    return render(request, "engagement/search/opportunity_list.html", context)


def _opportunity_for(request, slug) -> Opportunity:
    """A public opportunity, or one the visitor may edit (to preview it before it is
    published); 404 for everything else."""
    public = selectors.opportunities_public()
    editable = selectors.opportunities_editable_by(request.user)
    return get_object_or_404(
        Opportunity.objects.select_related("organisation", "place", "municipality", "coordinator")
        .filter(Q(pk__in=public.values("pk")) | Q(pk__in=editable.values("pk")))
        .annotate(is_public=Exists(public.filter(pk=OuterRef("pk")))),
        slug=slug,
    )


def opportunity_detail(request, slug):
    opportunity = _opportunity_for(request, slug)
    context = {
        "opportunity": opportunity,
        "fields": opportunity.fields.all(),
        "activities": opportunity.activities.all(),
        "target_groups": opportunity.target_groups.all(),
        "languages": opportunity.languages.all(),
        "time_lines": time_slot_lines(opportunity.time_slots),
        "coordinator_name": opportunity.coordinator.display_name
        if opportunity.coordinator_id
        else "",
    }
    if opportunity.latitude is not None and opportunity.longitude is not None:
        context.update(_map_context([opportunity]))
    return render(request, "engagement/search/opportunity_detail.html", context)


def _volunteer_profile(user) -> VolunteerProfile | None:
    if not user.is_authenticated:
        return None
    return VolunteerProfile.objects.filter(user=user).first()


def interest(request, slug):
    opportunity = get_object_or_404(
        selectors.opportunities_public().select_related("organisation"), slug=slug
    )
    volunteer = _volunteer_profile(request.user)
    initial = {}
    if request.user.is_authenticated and volunteer is None:
        initial = {"name": request.user.display_name, "email": request.user.email}
    if request.method == "POST":
        if not within_limit(
            request,
            "interest",
            limit=INTEREST_RATE_LIMIT,
            window_seconds=INTEREST_RATE_WINDOW_SECONDS,
        ):
            return render(
                request,
                "engagement/search/rate_limited.html",
                {"opportunity": opportunity, "minutes": INTEREST_RATE_WINDOW_SECONDS // 60},
                status=429,
            )
        form = InterestForm(request.POST, ask_for_contact=volunteer is None)
        if form.is_valid():
            thanks = redirect("engagement:interest_thanks", slug=opportunity.slug)
            if form.is_bot:
                return thanks
            data = form.cleaned_data
            try:
                interest_express(
                    opportunity=opportunity,
                    volunteer=volunteer,
                    contact_name=data.get("name", ""),
                    contact_email=data.get("email", ""),
                    contact_phone=data.get("phone", ""),
                    message=data["message"],
                    by=request.user if request.user.is_authenticated else None,
                    base_url=request.build_absolute_uri("/"),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return thanks
    else:
        form = InterestForm(initial=initial, ask_for_contact=volunteer is None)
    return render(
        request,
        "engagement/search/interest_form.html",
        {"opportunity": opportunity, "form": form, "volunteer": volunteer},
    )


def interest_thanks(request, slug):
    opportunity = get_object_or_404(
        selectors.opportunities_public().select_related("organisation"), slug=slug
    )
    return render(request, "engagement/search/interest_thanks.html", {"opportunity": opportunity})
