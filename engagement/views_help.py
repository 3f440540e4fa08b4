"""Neighbourhood help under /nachbarschaftshilfe/: the public list of open help requests,
asking for help and offering it. Public pages show only what help_requests_public()
allows: never who asked or how to reach them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.vary import vary_on_headers

from core.abuse import submission_count, submissions_exhausted
from core.forms import add_service_errors

from . import selectors
from .forms_help import (
    HelpOfferForm,
    HelpRequestFilterForm,
    HelpRequestForm,
    VolunteerHelpOfferForm,
)
from .models import VolunteerProfile
from .services import help_requests

RESULTS_PER_PAGE = 20
# Each address may send this many requests or offers per window; then it gets a 429.
SUBMISSIONS_PER_WINDOW = 5
SUBMISSION_WINDOW_SECONDS = 600


def _base_url(request) -> str:
    return request.build_absolute_uri("/")


@vary_on_headers("HX-Request")
def help_request_list(request):
    form = HelpRequestFilterForm(request.GET)
    form.is_valid()
    criteria = form.cleaned_data
    requests = selectors.help_requests_public().select_related("municipality")
    if criteria.get("category"):
        requests = requests.filter(category=criteria["category"])
    if criteria.get("postcode"):
        requests = requests.filter(postcode__startswith=criteria["postcode"].strip())
    page = Paginator(requests.order_by("-created_at", "-pk"), RESULTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    if request.htmx:
        return render(request, "engagement/help/_results.html", context)
    return render(request, "engagement/help/list.html", context)


def help_request_detail(request, pk):
    help_request = get_object_or_404(
        selectors.help_requests_public().select_related("municipality"), pk=pk
    )
    return render(
        request,
        "engagement/help/detail.html",
        {
            "help_request": help_request,
            "can_manage": request.user.has_perm(
                "engagement.view_help_request_contact", help_request
            ),
        },
    )


def help_request_create(request):
    guided = selectors.organisations_guided_by(request.user).order_by("name")
    on_behalf = request.user.is_authenticated and guided.exists()
    form = HelpRequestForm(request.POST or None, organisations=guided if on_behalf else None)
    if request.method == "POST":
        if submissions_exhausted(request, "help_request", SUBMISSIONS_PER_WINDOW):
            return render(
                request,
                "engagement/help/create.html",
                {"form": form, "rate_limited": True},
                status=429,
            )
        if form.is_valid():
            submission_count(request, "help_request", SUBMISSION_WINDOW_SECONDS)
            if form.is_bot:
                messages.success(request, _("Thank you! We will check your request."))
                return redirect("engagement:help_requests")
            data = form.cleaned_data
            try:
                help_request = help_requests.help_request_create(
                    category=data["category"],
                    description=data["description"],
                    postcode=data["postcode"],
                    when=data["when"],
                    requester_name=data["requester_name"],
                    requester_email=data["requester_email"],
                    requester_phone=data["requester_phone"],
                    organisation=data.get("organisation"),
                    created_by=request.user if request.user.is_authenticated else None,
                    base_url=_base_url(request),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if on_behalf and request.user.has_perm(
                    "engagement.view_help_request_contact", help_request
                ):
                    messages.success(request, _("The help request was saved. Please check it."))
                    return redirect("engagement:help_request_manage", pk=help_request.pk)
                messages.success(
                    request,
                    _(
                        "Thank you! %(organisation)s will check your request and publish it "
                        "without your name. They will get in touch with you when someone "
                        "offers help."
                    )
                    % {"organisation": help_request.organisation.name},
                )
                return redirect("engagement:help_requests")
    return render(
        request,
        "engagement/help/create.html",
        {"form": form, "on_behalf": on_behalf},
        status=400 if form.errors else 200,
    )


def help_offer(request, pk):
    help_request = get_object_or_404(
        selectors.help_requests_public().select_related("municipality", "organisation"), pk=pk
    )
    profile = (
        VolunteerProfile.objects.filter(user=request.user).first()
        if request.user.is_authenticated
        else None
    )
    if profile:
        form = VolunteerHelpOfferForm(request.POST or None)
    else:
        initial = {"contact_email": request.user.email} if request.user.is_authenticated else {}
        form = HelpOfferForm(request.POST or None, initial=initial)
    context = {"form": form, "help_request": help_request, "profile": profile}
    if request.method == "POST":
        if submissions_exhausted(request, "help_offer", SUBMISSIONS_PER_WINDOW):
            return render(
                request,
                "engagement/help/offer.html",
                {**context, "rate_limited": True},
                status=429,
            )
        if form.is_valid():
            submission_count(request, "help_offer", SUBMISSION_WINDOW_SECONDS)
            if form.is_bot:
                messages.success(request, _("Thank you for your offer!"))
                return redirect(help_request)
            data = form.cleaned_data
            try:
                help_requests.help_offer_create(
                    help_request=help_request,
                    volunteer=profile,
                    contact_name=data.get("contact_name", ""),
                    contact_email=data.get("contact_email", ""),
                    contact_phone=data.get("contact_phone", ""),
                    message=data["message"],
                    by=request.user if request.user.is_authenticated else None,
                    base_url=_base_url(request),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Thank you for your offer! %(organisation)s will get in touch with you "
                        "and, once they confirm you as the helper, tell you who asked."
                    )
                    % {"organisation": help_request.organisation.name},
                )
                if profile:
                    return redirect("engagement:my_placements")
                return redirect(help_request)
        return render(request, "engagement/help/offer.html", context, status=400)
    return render(request, "engagement/help/offer.html", context)
