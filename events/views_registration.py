"""Registering for a date without an account, cancelling by the e-mailed link, and the
organisers' message to everyone registered."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from core.abuse import within_limit
from core.forms import add_service_errors

from . import selectors
from .formatting import occurrence_when, occurrence_where
from .forms_registration import OccurrenceMessageForm, RegistrationForm
from .models import Occurrence, RegistrationStatus
from .rules import may
from .services.registrations import (
    event_message_send,
    message_recipients,
    registration_cancel,
    registration_closed_reason,
    registration_create,
)

# Registrations from one address: at most this many in this many seconds.
REGISTRATION_RATE_LIMIT = 10
REGISTRATION_RATE_WINDOW_SECONDS = 600

# Which registration the thanks page describes: kept in the session, not the address.
THANKS_SESSION_KEY = "events_registration_thanks"


def _public_occurrence(slug: str, pk: int) -> Occurrence:
    return get_object_or_404(
        Occurrence.objects.filter(event__in=selectors.events_public()).select_related(
            "event__place", "event__series"
        ),
        pk=pk,
        event__slug=slug,
    )


def _occurrence_context(occurrence: Occurrence) -> dict:
    return {
        "occurrence": occurrence,
        "event": occurrence.event,
        "when": occurrence_when(occurrence),
        "where": occurrence_where(occurrence),
    }


@require_http_methods(["GET", "POST"])
def register(request, slug, occurrence):
    occurrence = _public_occurrence(slug, occurrence)
    context = _occurrence_context(occurrence)
    closed_reason = registration_closed_reason(occurrence)
    if closed_reason:
        return render(
            request,
            "events/registration/closed.html",
            {**context, "reason": closed_reason},
        )
    user = request.user if request.user.is_authenticated else None
    if request.method == "POST":
        if not within_limit(
            request,
            "event_registration",
            limit=REGISTRATION_RATE_LIMIT,
            window_seconds=REGISTRATION_RATE_WINDOW_SECONDS,
        ):
            return render(
                request,
                "events/registration/rate_limited.html",
                {**context, "minutes": REGISTRATION_RATE_WINDOW_SECONDS // 60},
                status=429,
            )
        form = RegistrationForm(request.POST, occurrence=occurrence)
        if form.is_valid():
            thanks = redirect(
                "events:registration_thanks", slug=occurrence.event.slug, occurrence=occurrence.pk
            )
            if form.is_bot:
                request.session.pop(THANKS_SESSION_KEY, None)
                return thanks
            data = form.cleaned_data
            try:
                registration = registration_create(
                    occurrence=occurrence,
                    name=data["name"],
                    email=data["email"],
                    phone=data["phone"],
                    party_size=data["party_size"],
                    accessibility_needs=data["accessibility_needs"],
                    organisation=data.get("organisation"),
                    user=user,
                    consent_text=form.consent_text,
                    base_url=request.build_absolute_uri("/"),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                request.session[THANKS_SESSION_KEY] = registration.pk
                return thanks
    else:
        initial = {"name": user.display_name, "email": user.email} if user else {}
        form = RegistrationForm(initial=initial, occurrence=occurrence)
    free_places = occurrence.free_places
    return render(
        request,
        "events/registration/register.html",
        {
            **context,
            "form": form,
            "free_places": free_places,
            "goes_to_waiting_list": free_places == 0
            or occurrence.registrations.filter(status=RegistrationStatus.WAITING).exists(),
        },
    )


def registration_thanks(request, slug, occurrence):
    occurrence = _public_occurrence(slug, occurrence)
    registration = occurrence.registrations.filter(
        pk=request.session.get(THANKS_SESSION_KEY)
    ).first()
    return render(
        request,
        "events/registration/thanks.html",
        {**_occurrence_context(occurrence), "registration": registration},
    )


@require_http_methods(["GET", "POST"])
def cancel_registration(request, token):
    """GET only shows what the link is for; cancelling takes the POST of its button."""
    registration = selectors.registration_by_cancel_token(token)
    if registration is None:
        return render(request, "events/registration/cancel_invalid.html", status=400)
    error = None
    if request.method == "POST":
        try:
            registration_cancel(registration=registration, base_url=request.build_absolute_uri("/"))
        except ValidationError as refused:
            error = refused.messages[0]
        else:
            return redirect(
                reverse("events:cancel_registration", kwargs={"token": token}) + "?erledigt=1"
            )
    return render(
        request,
        "events/registration/cancel.html",
        {
            **_occurrence_context(registration.occurrence),
            "registration": registration,
            "is_cancelled": registration.status == RegistrationStatus.CANCELLED,
            # Only the wording depends on it: right after cancelling, or a link used before.
            "just_cancelled": request.GET.get("erledigt") == "1",
            "error": error,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def occurrence_message(request, slug, occurrence):
    occurrence = get_object_or_404(
        Occurrence.objects.filter(
            Q(event__in=selectors.events_public())
            | Q(event__in=selectors.events_managed_by(request.user))
        ).select_related("event__place"),
        pk=occurrence,
        event__slug=slug,
    )
    if not may(request.user, "events.change_event", occurrence.event):
        raise PermissionDenied
    if request.method == "POST":
        form = OccurrenceMessageForm(request.POST)
        if form.is_valid():
            try:
                message = event_message_send(
                    occurrence=occurrence,
                    subject=form.cleaned_data["subject"],
                    body=form.cleaned_data["body"],
                    include_waiting_list=form.cleaned_data["include_waiting_list"],
                    sent_by=request.user,
                    base_url=request.build_absolute_uri("/"),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    ngettext(
                        "Your message is being sent to %(count)d person.",
                        "Your message is being sent to %(count)d people.",
                        message.recipient_count,
                    )
                    % {"count": message.recipient_count},
                )
                return redirect(
                    "events:occurrence_message",
                    slug=occurrence.event.slug,
                    occurrence=occurrence.pk,
                )
    else:
        form = OccurrenceMessageForm()
    recipients = message_recipients(occurrence, include_waiting_list=True)
    return render(
        request,
        "events/registration/occurrence_message.html",
        {
            **_occurrence_context(occurrence),
            "form": form,
            "confirmed_recipients": sum(
                registration.status == RegistrationStatus.CONFIRMED for registration in recipients
            ),
            "all_recipients": len(recipients),
            "sent_messages": occurrence.messages.select_related("sent_by"),
        },
    )
