"""Writes for organisers keeping their events: create and edit (the dates follow the
recurrence rule through services/occurrences.py), publish, cancel the whole event or one
date, and the agenda. Location data is copied from the chosen place so that the
calendar's municipality and radius filters need no join."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..models import (
    AgendaItem,
    Event,
    EventStatus,
    Occurrence,
    Registration,
    RegistrationStatus,
)
from ..recurrence import Frequency, build_rule
from .occurrences import event_occurrences_sync
from .registrations import occurrence_fill_from_waiting_list, occurrences_cancellation_announce

# "Registration closes N hours before the start": beyond 60 days nobody means it.
MAX_DEADLINE_HOURS = 24 * 60

_GERMAN_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)
_SLUG_MAX_LENGTH = Event._meta.get_field("slug").max_length
_RELATIONS = ("organisers", "topics", "target_groups")
# Fields organisers set through the form; the rest is derived or belongs to other areas.
_EDITABLE_FIELDS = {
    "title",
    "kind",
    "summary",
    "description",
    "plain_language_summary",
    "place",
    "online_url",
    "location_note",
    "starts_at",
    "ends_at",
    "recurrence_exceptions",
    "step_free",
    "hearing_loop",
    "sign_language_on_request",
    "accessibility_notes",
    "registration_required",
    "capacity",
    "registration_deadline_hours",
    "status",
    "series",
    "host",
}
_SETTABLE_STATUSES = {EventStatus.DRAFT, EventStatus.PUBLISHED}


def unique_event_slug(title: str) -> str:
    base = slugify(title.translate(_GERMAN_TRANSLITERATION))[: _SLUG_MAX_LENGTH - 8].strip("-")
    base = base or "veranstaltung"
    taken_slugs = set(Event.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, suffix = base, 2
    while candidate in taken_slugs:
        candidate = f"{base}-{suffix}"
        suffix += 1
    return candidate


def _check_event(event: Event, organisers: list, *, is_new: bool) -> None:
    errors = {}
    if event.starts_at and event.ends_at and event.ends_at <= event.starts_at:
        errors["ends_at"] = _("The end must be after the start.")
    if is_new and event.starts_at and event.starts_at < timezone.now():
        errors["starts_at"] = _("A new event cannot start in the past.")
    if (event.registration_deadline_hours or 0) > MAX_DEADLINE_HOURS:
        errors["registration_deadline_hours"] = _(
            "Registration can close at most %(hours)s hours (60 days) before the start."
        ) % {"hours": MAX_DEADLINE_HOURS}
    if not organisers:
        errors["organisers"] = _("Choose at least one organiser.")
    if event.place is None and not event.online_url:
        errors["place"] = _("Choose a place or enter an online link.")
    elif event.place is not None and event.place.organisation_id not in {
        organisation.pk for organisation in organisers
    }:
        errors["place"] = _("Choose a place of one of the organising organisations.")
    if errors:
        raise ValidationError(errors)


def _check_capacity(event: Event) -> None:
    """The capacity may not fall below the confirmed places of an upcoming date. The
    dates are locked first so that no registration slips in between count and save."""
    if event.capacity is None:
        return
    upcoming = Occurrence.objects.filter(event=event, is_cancelled=False).upcoming()
    list(upcoming.select_for_update().values_list("pk", flat=True))
    fullest = (
        upcoming.with_counts()
        .filter(confirmed_people__gt=event.capacity)
        .order_by("-confirmed_people")
        .values_list("confirmed_people", flat=True)
        .first()
    )
    if fullest is not None:
        raise ValidationError(
            {
                "capacity": _(
                    "%(count)s people already have a confirmed place on an upcoming date. "
                    "The number of places cannot be lower than that."
                )
                % {"count": fullest}
            }
        )


def _copy_location(event: Event) -> None:
    place = event.place
    event.municipality_id = place.municipality_id if place else None
    event.latitude = place.latitude if place else None
    event.longitude = place.longitude if place else None


def _split_relations(values: dict) -> dict:
    """Many-to-many values as lists; None where the caller leaves them unchanged."""
    relations = {name: values.pop(name, None) for name in _RELATIONS}
    return {name: None if value is None else list(value) for name, value in relations.items()}


def _apply(event: Event, values: dict, frequency: str | None, until: date | None) -> None:
    unknown = set(values) - _EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"Not editable here: {', '.join(sorted(unknown))}")
    if "status" in values and values["status"] not in _SETTABLE_STATUSES:
        # Cancelling has its own service: it tells who needs to be informed.
        raise ValidationError({"status": _("Choose draft or published.")})
    for name, value in values.items():
        setattr(event, name, value)
    if frequency is not None:
        event.recurrence_rule = build_rule(
            frequency=frequency, starts_at=event.starts_at, until=until
        )
    if not event.recurrence_rule:
        event.recurrence_exceptions = []


def _save(event: Event, relations: dict, *, is_new: bool) -> list[Occurrence]:
    organisers = relations["organisers"]
    if organisers is None:
        organisers = list(event.organisers.all())
    _check_event(event, organisers, is_new=is_new)
    _copy_location(event)
    event.full_clean(exclude=["slug", "search_text", *_RELATIONS])
    event.save()
    for name, values in relations.items():
        if values is not None:
            getattr(event, name).set(values)
    try:
        newly_cancelled = event_occurrences_sync(event=event)
    except ValidationError as error:
        raise ValidationError({"recurrence_rule": error.messages}) from error
    _check_capacity(event)
    return newly_cancelled


@transaction.atomic
def event_create(*, frequency: str = Frequency.ONCE, until: date | None = None, **values) -> Event:
    """A new event with its dates; `values` are model fields (many-to-many ones as
    iterables, `organisers` required), `frequency` and `until` make the recurrence rule."""
    relations = _split_relations(values)
    event = Event()
    _apply(event, values, frequency, until)
    event.slug = unique_event_slug(event.title)
    _save(event, relations, is_new=True)
    return event


@dataclass
class EventChanges:
    """What an edit did beyond the event itself: upcoming dates cancelled because the rule
    no longer produces them while people are registered (they are told by e-mail), and
    the people moved up from waiting lists because places were added."""

    newly_cancelled: list[Occurrence]
    promoted: list[Registration]


def _capacity_raised(old: int | None, new: int | None) -> bool:
    return old is not None and (new is None or new > old)


@transaction.atomic
def event_update(
    *,
    event: Event,
    base_url: str,
    frequency: str | None = None,
    until: date | None = None,
    **values,
) -> EventChanges:
    """Change an event and bring its dates in line. The slug stays, so links already
    shared keep working. `base_url` builds the links in the e-mails to people moved up."""
    relations = _split_relations(values)
    event = Event.objects.select_for_update().get(pk=event.pk)
    old_capacity = event.capacity
    _apply(event, values, frequency, until)
    newly_cancelled = _save(event, relations, is_new=False)
    occurrences_cancellation_announce(occurrences=newly_cancelled, base_url=base_url)
    promoted = []
    if _capacity_raised(old_capacity, event.capacity):
        waiting_dates = (
            Occurrence.objects.filter(
                event=event,
                is_cancelled=False,
                registrations__status=RegistrationStatus.WAITING,
            )
            .upcoming()
            .distinct()
        )
        for occurrence in waiting_dates:
            promoted += occurrence_fill_from_waiting_list(occurrence=occurrence, base_url=base_url)
    return EventChanges(newly_cancelled=newly_cancelled, promoted=promoted)


@transaction.atomic
def event_publish(*, event: Event) -> Event:
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status != EventStatus.DRAFT:
        raise ValidationError(_("Only a draft can be published."), code="not_draft")
    event.status = EventStatus.PUBLISHED
    event.save(update_fields=["status", "updated_at"])
    return event


@transaction.atomic
def event_cancel(*, event: Event, base_url: str) -> int:
    """Call the whole event off and tell everyone registered for an upcoming date.
    Returns how many people are told."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status == EventStatus.CANCELLED:
        raise ValidationError(_("This event has already been cancelled."), code="cancelled")
    if event.status == EventStatus.DRAFT:
        # A draft was never announced; calling it off would make it public as cancelled.
        raise ValidationError(
            _("A draft has not been announced, so there is nothing to call off."), code="draft"
        )
    event.status = EventStatus.CANCELLED
    event.save(update_fields=["status", "updated_at"])
    return occurrences_cancellation_announce(
        occurrences=event.occurrences.filter(is_cancelled=False).upcoming(), base_url=base_url
    )


@transaction.atomic
def occurrence_cancel(*, occurrence: Occurrence, base_url: str) -> int:
    """Call one date off (the others stay) and tell the people registered for it.
    Registrations remain as the record. Returns how many people are told."""
    occurrence = Occurrence.objects.select_for_update().get(pk=occurrence.pk)
    if occurrence.is_cancelled:
        raise ValidationError(_("This date has already been cancelled."), code="cancelled")
    if occurrence.ends_at < timezone.now():
        raise ValidationError(_("A date that is over cannot be cancelled."), code="past")
    occurrence.is_cancelled = True
    occurrence.save(update_fields=["is_cancelled"])
    return occurrences_cancellation_announce(occurrences=[occurrence], base_url=base_url)


# Agenda


def _check_agenda_item(item: AgendaItem, speakers: list | None) -> None:
    errors = {}
    if item.ends_at is not None and item.starts_at is not None and item.ends_at <= item.starts_at:
        errors["ends_at"] = _("The end must be after the start.")
    if speakers:
        organiser_ids = set(item.event.organisers.values_list("pk", flat=True))
        if any(speaker.organisation_id not in organiser_ids for speaker in speakers):
            errors["speakers"] = _("Choose speakers entered by one of the organisers.")
    if errors:
        raise ValidationError(errors)


def _save_agenda_item(item: AgendaItem, speakers: list | None) -> AgendaItem:
    _check_agenda_item(item, speakers)
    item.full_clean(exclude=["event", "speakers"])
    item.save()
    if speakers is not None:
        item.speakers.set(speakers)
    return item


@transaction.atomic
def agenda_item_create(*, event: Event, speakers=(), **values) -> AgendaItem:
    return _save_agenda_item(AgendaItem(event=event, **values), list(speakers))


@transaction.atomic
def agenda_item_update(*, item: AgendaItem, speakers=None, **values) -> AgendaItem:
    values.pop("event", None)
    for name, value in values.items():
        setattr(item, name, value)
    return _save_agenda_item(item, None if speakers is None else list(speakers))


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem) -> None:
    item.delete()
