"""Organisers keep their events under /veranstaltungen/verwalten/: the list of their
events, the event form, publishing and cancelling, the agenda, and their organisations'
speakers. Every view looks the event up by slug (unknown: 404) and then checks
events.change_event on it (not an organiser: 403); agenda items and dates are looked up
through their event, so changing an id in the URL never reaches another event."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from core.forms import add_service_errors

from . import selectors
from .formatting import occurrence_when
from .forms_manage import AgendaItemForm, EventForm, SpeakerForm
from .models import AgendaItem, Event, Occurrence, Speaker
from .rules import may
from .services import events as services
from .services import speakers as speaker_services

CHANGE = "events.change_event"


def _base_url(request) -> str:
    return request.build_absolute_uri("/")


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _event_for(request, slug) -> Event:
    event = get_object_or_404(Event, slug=slug)
    if not may(request.user, CHANGE, event):
        raise PermissionDenied
    return event


def _people_told(count: int) -> str:
    return ngettext(
        "%(count)s person registered is told of the cancellation by e-mail.",
        "%(count)s people registered are told of the cancellation by e-mail.",
        count,
    ) % {"count": count}


# The events


@login_required
def manage_list(request):
    """The person's events, upcoming and past, each with its next (or last) date and that
    date's figures: two queries however many events there are."""
    now = timezone.now()
    dates = Occurrence.objects.filter(event=OuterRef("pk"), is_cancelled=False)
    events = list(
        selectors.events_managed_by(request.user)
        .select_related("kind")
        .annotate(
            next_occurrence_id=Subquery(
                dates.filter(ends_at__gte=now).order_by("starts_at").values("pk")[:1]
            ),
            last_occurrence_id=Subquery(
                dates.filter(ends_at__lt=now).order_by("-starts_at").values("pk")[:1]
            ),
        )
        .order_by("starts_at", "pk")
    )
    shown_ids = {event.next_occurrence_id or event.last_occurrence_id for event in events}
    occurrences = Occurrence.objects.filter(pk__in=shown_ids - {None}).with_counts().in_bulk()
    upcoming, past = [], []
    for event in events:
        occurrence = occurrences.get(event.next_occurrence_id or event.last_occurrence_id)
        row = {
            "event": event,
            "occurrence": occurrence,
            "when": occurrence_when(occurrence) if occurrence else "",
        }
        (upcoming if event.next_occurrence_id else past).append(row)
    past.reverse()
    return render(
        request,
        "events/manage/list.html",
        {
            "upcoming": upcoming,
            "past": past,
            "may_create": selectors.organisations_organised_by(request.user).exists(),
        },
    )


def _form_page(request, form, event=None):
    return render(request, "events/manage/event_form.html", {"form": form, "event": event})


@login_required
def event_create(request):
    organisation = selectors.organisations_organised_by(request.user).first()
    if organisation is None or not may(request.user, "events.add_event", organisation):
        raise PermissionDenied
    form = EventForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(**form.service_values())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("“%(title)s” has been saved.") % {"title": event.title})
            return redirect("events:manage_event", slug=event.slug)
    return _form_page(request, form)


@login_required
def event_edit(request, slug):
    event = _event_for(request, slug)
    # The form works on its own copy: a rejected edit must not leak into the page heading.
    form = EventForm(
        request.POST or None, instance=Event.objects.get(pk=event.pk), user=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            changes = services.event_update(
                event=event, base_url=_base_url(request), **form.service_values()
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("“%(title)s” has been saved.") % {"title": event.title})
            if changes.newly_cancelled:
                messages.warning(
                    request,
                    ngettext(
                        "%(count)s date that people had registered for was cancelled; "
                        "they are told by e-mail.",
                        "%(count)s dates that people had registered for were cancelled; "
                        "they are told by e-mail.",
                        len(changes.newly_cancelled),
                    )
                    % {"count": len(changes.newly_cancelled)},
                )
            if changes.promoted:
                messages.info(
                    request,
                    ngettext(
                        "%(count)s registration moved up from the waiting list.",
                        "%(count)s registrations moved up from the waiting list.",
                        len(changes.promoted),
                    )
                    % {"count": len(changes.promoted)},
                )
            return redirect("events:manage_event", slug=event.slug)
    return _form_page(request, form, event)


@login_required
def manage_event(request, slug):
    """One event for its organisers: every date with its figures, and what they can do."""
    event = _event_for(request, slug)
    now = timezone.now()
    occurrences = list(event.occurrences.with_counts().order_by("starts_at"))
    rows = [
        {
            "occurrence": occurrence,
            "when": occurrence_when(occurrence),
            "is_past": occurrence.ends_at < now,
        }
        for occurrence in occurrences
    ]
    return render(
        request,
        "events/manage/event.html",
        {
            "event": event,
            "upcoming": [row for row in rows if not row["is_past"]],
            "past": [row for row in rows if row["is_past"]][::-1],
            "organisers": event.organisers.all(),
            "agenda_items": event.agenda_items.prefetch_related("speakers"),
        },
    )


@login_required
@require_POST
def event_publish(request, slug):
    event = _event_for(request, slug)
    try:
        services.event_publish(event=event)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("“%(title)s” is now published.") % {"title": event.title})
    return redirect("events:manage_event", slug=event.slug)


@login_required
def event_cancel(request, slug):
    """A page with one button: only the POST cancels."""
    event = _event_for(request, slug)
    if request.method == "POST":
        try:
            people_told = services.event_cancel(event=event, base_url=_base_url(request))
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("“%(title)s” has been cancelled.") % {"title": event.title})
            if people_told:
                messages.info(request, _people_told(people_told))
        return redirect("events:manage_event", slug=event.slug)
    return render(request, "events/manage/event_cancel.html", {"event": event})


@login_required
@require_POST
def occurrence_cancel(request, slug, occurrence):
    event = _event_for(request, slug)
    occurrence = get_object_or_404(event.occurrences, pk=occurrence)
    try:
        people_told = services.occurrence_cancel(occurrence=occurrence, base_url=_base_url(request))
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(
            request,
            _("The date %(when)s has been cancelled.") % {"when": occurrence_when(occurrence)},
        )
        if people_told:
            messages.info(request, _people_told(people_told))
    return redirect("events:manage_event", slug=event.slug)


# The agenda


@login_required
def agenda(request, slug):
    """The agenda with a form for a new item below it."""
    event = _event_for(request, slug)
    form = AgendaItemForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_create(event=event, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The agenda item has been added."))
            return redirect("events:agenda", slug=event.slug)
    return render(
        request,
        "events/manage/agenda.html",
        {
            "event": event,
            "form": form,
            "agenda_items": event.agenda_items.prefetch_related("speakers"),
        },
    )


def _agenda_item_for(request, slug, pk) -> tuple[Event, AgendaItem]:
    event = _event_for(request, slug)
    return event, get_object_or_404(event.agenda_items, pk=pk)


@login_required
def agenda_item_edit(request, slug, pk):
    event, item = _agenda_item_for(request, slug, pk)
    form = AgendaItemForm(
        request.POST or None, instance=AgendaItem.objects.get(pk=item.pk), event=event
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_update(item=item, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The agenda item has been saved."))
            return redirect("events:agenda", slug=event.slug)
    return render(
        request, "events/manage/agenda_item_form.html", {"event": event, "item": item, "form": form}
    )


@login_required
@require_POST
def agenda_item_delete(request, slug, pk):
    event, item = _agenda_item_for(request, slug, pk)
    services.agenda_item_delete(item=item)
    messages.success(request, _("The agenda item has been removed."))
    return redirect("events:agenda", slug=event.slug)


# Speakers


def _may_enter_speakers(request) -> None:
    if not selectors.organisations_organised_by(request.user).exists():
        raise PermissionDenied


@login_required
def speakers(request):
    _may_enter_speakers(request)
    return render(
        request,
        "events/manage/speakers.html",
        {
            "speakers": selectors.speakers_managed_by(request.user)
            .select_related("organisation")
            .order_by("name", "pk")
        },
    )


@login_required
def speaker_create(request):
    _may_enter_speakers(request)
    form = SpeakerForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            speaker = speaker_services.speaker_create(**form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("“%(name)s” has been saved.") % {"name": speaker.name})
            return redirect("events:speakers")
    return render(request, "events/manage/speaker_form.html", {"form": form, "speaker": None})


def _speaker_for(request, pk) -> Speaker:
    speaker = get_object_or_404(Speaker, pk=pk)
    if not may(request.user, "events.change_speaker", speaker):
        raise PermissionDenied
    return speaker


@login_required
def speaker_edit(request, pk):
    speaker = _speaker_for(request, pk)
    form = SpeakerForm(
        request.POST or None, instance=Speaker.objects.get(pk=speaker.pk), user=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            speaker_services.speaker_update(speaker=speaker, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("“%(name)s” has been saved.") % {"name": speaker.name})
            return redirect("events:speakers")
    return render(request, "events/manage/speaker_form.html", {"form": form, "speaker": speaker})


@login_required
@require_POST
def speaker_delete(request, pk):
    speaker = _speaker_for(request, pk)
    speaker_services.speaker_delete(speaker=speaker)
    messages.success(request, _("“%(name)s” has been removed.") % {"name": speaker.name})
    return redirect("events:speakers")
