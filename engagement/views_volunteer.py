"""Volunteer profiles, their ranked matches, suggestions by engagement guides and saved
searches with e-mail alerts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.abuse import within_limit

from . import matching, selectors
from .forms_volunteer import SavedSearchForm, SuggestForm, VolunteerProfileForm
from .models import Opportunity, Placement, SavedSearch, VolunteerProfile
from .services import volunteers as services

# Saving searches sends e-mail to any address given; this many per hour and address.
SAVED_SEARCH_RATE_LIMIT = 10
SAVED_SEARCH_RATE_WINDOW = 3600


def _base_url(request) -> str:
    return request.build_absolute_uri("/")


def _search_url(query: str) -> str:
    path = reverse("engagement:search")
    return f"{path}?{query}" if query else path


@login_required
def profile(request):
    existing = VolunteerProfile.objects.filter(user=request.user).first()
    form = VolunteerProfileForm(request.POST or None, instance=existing)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.volunteer_profile_save(
                user=request.user,
                name=data["name"],
                phone=data["phone"],
                birth_date=data["birth_date"],
                fields=data["fields"],
                activities=data["activities"],
                skills=data["skills"],
                languages=data["languages"],
                time_slots=data["availability"],
                postcode=data["postcode"],
                max_distance_km=data["max_distance_km"],
                allow_suggestions=data["allow_suggestions"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your volunteer profile has been saved."))
            return redirect("engagement:matches")
    return render(request, "engagement/volunteer/profile.html", {"form": form, "profile": existing})


@login_required
def matches(request):
    volunteer = VolunteerProfile.objects.filter(user=request.user).first()
    results = matching.matches_for_volunteer(volunteer) if volunteer else []
    return render(
        request,
        "engagement/volunteer/matches.html",
        {"profile": volunteer, "matches": results},
    )


def _guided_opportunity(request, slug) -> Opportunity:
    opportunity = get_object_or_404(Opportunity.objects.select_related("organisation"), slug=slug)
    if not request.user.has_perm("engagement.suggest_volunteers", opportunity):
        raise PermissionDenied
    return opportunity


def suggested_volunteers(request, slug):
    """For the guides of the opportunity's organisation: who would fit, with the reasons;
    names only, contact data stays with the placement once the volunteer answers."""
    opportunity = _guided_opportunity(request, slug)
    is_public = selectors.opportunities_public().filter(pk=opportunity.pk).exists()
    results = matching.volunteers_for_opportunity(opportunity) if is_public else []
    in_contact = set(
        Placement.objects.open()
        .filter(opportunity=opportunity, volunteer_id__in=[match.subject.pk for match in results])
        .values_list("volunteer_id", flat=True)
    )
    return render(
        request,
        "engagement/volunteer/suggested_volunteers.html",
        {
            "opportunity": opportunity,
            "is_public": is_public,
            "matches": [(match, match.subject.pk in in_contact) for match in results],
        },
    )


@require_POST
def suggest(request, slug):
    opportunity = _guided_opportunity(request, slug)
    form = SuggestForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("This person cannot be suggested for this opportunity."))
        return redirect("engagement:suggested_volunteers", slug=opportunity.slug)
    volunteer = form.cleaned_data["volunteer"]
    try:
        services.volunteer_suggest(
            opportunity=opportunity,
            volunteer=volunteer,
            by=request.user,
            base_url=_base_url(request),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("We have told %(name)s about the opportunity by e-mail.") % {"name": volunteer.name},
        )
    return redirect("engagement:suggested_volunteers", slug=opportunity.slug)


@require_POST
def saved_search_create(request):
    form = SavedSearchForm(request.POST)
    if (
        form.is_valid()
        and not form.is_bot
        and not within_limit(
            request,
            "saved_search",
            limit=SAVED_SEARCH_RATE_LIMIT,
            window_seconds=SAVED_SEARCH_RATE_WINDOW,
        )
    ):
        form.add_error(
            None, _("Too many searches were saved from your connection. Please try again later.")
        )
    if form.is_valid():
        # Bots that filled in the hidden field see the same answer as people and get nothing.
        if not form.is_bot:
            services.saved_search_create(
                email=form.cleaned_data["email"],
                query=form.cleaned_data["query"],
                user=request.user,
                base_url=_base_url(request),
            )
        if request.htmx:
            return render(
                request,
                "engagement/volunteer/_save_search_form.html",
                {"saved": True, "query": form.cleaned_data["query"]},
            )
        messages.success(
            request,
            _(
                "Thank you! Unless you have already confirmed this search, please confirm it "
                "with the link we have sent you by e-mail."
            ),
        )
        return redirect(_search_url(form.cleaned_data["query"]))
    template = (
        "engagement/volunteer/_save_search_form.html"
        if request.htmx
        else "engagement/volunteer/saved_search_create.html"
    )
    return render(
        request, template, {"save_search_form": form, "query": request.POST.get("query", "")}
    )


def saved_search_confirm(request, token):
    saved_search = get_object_or_404(SavedSearch, token=token)
    if request.method == "POST":
        services.saved_search_confirm(saved_search=saved_search)
        messages.success(
            request, _("Your search is saved. We will e-mail you about new opportunities.")
        )
        return redirect(_search_url(saved_search.query))
    return render(
        request, "engagement/volunteer/saved_search_confirm.html", {"saved_search": saved_search}
    )


# The token in the address is what authorises the request, and mail programs unsubscribe
# with a bare POST to it (RFC 8058, the List-Unsubscribe-Post header) without any cookie.
@csrf_exempt
def saved_search_unsubscribe(request, token):
    saved_search = get_object_or_404(SavedSearch, token=token)
    if request.method == "POST":
        services.saved_search_delete(saved_search=saved_search)
        messages.success(request, _("You will receive no more e-mails about this search."))
        return redirect("core:home")
    return render(
        request,
        "engagement/volunteer/saved_search_unsubscribe.html",
        {"saved_search": saved_search},
    )
