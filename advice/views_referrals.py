"""Referring a case to a counselling service, the slip handed to the resident, and the
follow-up: due referrals and what the person said. Referrals are looked up through the
cases the person may see (advice/selectors.py), so anyone else gets a 404."""

from urllib.parse import quote, urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.forms import add_service_errors
from core.geo import postcode_point
from directory.opening import OfficeHours

from . import selectors
from .audit import audit_record
from .forms_referrals import (
    REFERRAL_CONSENT_TEXT,
    CounsellingServiceSearchForm,
    ReferralForm,
    ReferralOutcomeForm,
)
from .models import AuditAction, ReferralOutcome
from .rules import may
from .services import referrals as referral_services

TEMPLATES = "advice/referrals/"
CHANGE_CASE = "advice.change_case"


def _changeable_case(request, pk):
    case = get_object_or_404(
        selectors.cases_visible_to(request.user).select_related("organisation"), pk=pk
    )
    if not may(request.user, CHANGE_CASE, case):
        raise PermissionDenied
    return case


def _referral_for(request, pk, perm="advice.view_case"):
    referral = get_object_or_404(
        selectors.referrals_visible_to(request.user).select_related("case", "service_organisation"),
        pk=pk,
    )
    if not may(request.user, perm, referral.case):
        raise PermissionDenied
    return referral


@login_required
def referral_new(request, case):
    """Choose a service, see the organisations offering it nearest first, tick the
    person's consent and refer. The search runs on GET; the choice is POSTed with the
    search in hidden fields, so an error shows the same list again."""
    case = _changeable_case(request, case)
    data = request.POST if request.method == "POST" else request.GET
    search = CounsellingServiceSearchForm(data if "service" in data else None)
    service, origin = None, None
    if search.is_valid():
        service = search.cleaned_data["service"]
        postcode = search.cleaned_data["postcode"]
        origin = postcode_point(postcode) if postcode else referral_services.case_origin(case)
    organisations = referral_services.counselling_organisations(
        service, excluding=case.organisation_id
    )
    form = ReferralForm(
        request.POST if request.method == "POST" else None, organisations=organisations
    )
    if request.method == "POST" and form.is_valid():
        try:
            referral = referral_services.referral_create(
                case=case,
                service=service,
                service_organisation=form.cleaned_data["service_organisation"],
                consent_given=form.cleaned_data["consent"],
                consent_text=str(REFERRAL_CONSENT_TEXT),
                follow_up_weeks=form.cleaned_data["follow_up_weeks"],
                topic=form.cleaned_data["topic"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The referral has been recorded."))
            return redirect("advice:referral_slip", pk=referral.pk)
    candidates = (
        referral_services.counselling_services(
            service, origin=origin, excluding=case.organisation_id
        )
        if service
        else []
    )
    return render(
        request,
        TEMPLATES + "new.html",
        {
            "case": case,
            "search": search,
            "service": service,
            "form": form,
            "candidates": candidates,
            "chosen": form["service_organisation"].value(),
        },
    )


def _slip_text(organisation, places) -> str:
    """The slip as plain text for an e-mail the adviser writes: the service only."""
    lines = [organisation.name]
    for place, hours in places:
        lines += [place.name, place.address_line, *hours]
    lines += [organisation.phone, organisation.email, organisation.website]
    return "\n".join(line for line in lines if line)


@login_required
def referral_slip(request, pk):
    """What the resident takes along: the service's name, addresses, office hours and
    how to reach it. Nothing about the case or the person."""
    referral = _referral_for(request, pk)
    organisation = referral.service_organisation
    places = [
        (place, OfficeHours(place).weekly_summary())
        for place in organisation.places.order_by("pk").prefetch_related(
            "office_hours", "closures", "extra_openings"
        )
    ]
    audit_record(user=request.user, action=AuditAction.READ, record=referral, detail="slip")
    mail_link = "mailto:?" + urlencode(
        {"subject": organisation.name, "body": _slip_text(organisation, places)},
        quote_via=quote,
    )
    return render(
        request,
        TEMPLATES + "slip.html",
        {
            "referral": referral,
            "organisation": organisation,
            "places": places,
            "mail_link": mail_link,
        },
    )


@login_required
def referral_feedback(request, pk):
    referral = _referral_for(request, pk, perm=CHANGE_CASE)
    form = ReferralOutcomeForm(
        request.POST if request.method == "POST" else None,
        initial={"outcome": referral.outcome}
        if referral.outcome != ReferralOutcome.PENDING
        else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            referral_services.referral_record_outcome(
                referral=referral, outcome=form.cleaned_data["outcome"], by=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The answer has been recorded."))
            return redirect("advice:referrals_due")
    audit_record(user=request.user, action=AuditAction.READ, record=referral)
    return render(request, TEMPLATES + "feedback.html", {"referral": referral, "form": form})


@login_required
def referrals_due(request):
    """Referrals whose follow-up date has come and whose answer is still missing. Only
    numbers, dates and the service: no names."""
    if not selectors.organisations_advised_by(request.user).exists():
        raise PermissionDenied
    referrals = (
        selectors.referrals_visible_to(request.user)
        .filter(outcome=ReferralOutcome.PENDING, ask_on__lte=timezone.localdate())
        .select_related("service_organisation")
        .order_by("ask_on", "pk")
    )
    return render(request, TEMPLATES + "due.html", {"referrals": referrals})
