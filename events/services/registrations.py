"""Registering for a date, cancelling, the waiting list and organisers' messages.

Capacity is guarded by a row lock on the date: every write that changes who holds a
place first locks the occurrence row, so registrations arriving in the same second are
decided one after the other and the confirmed party sizes never exceed the capacity.

The waiting list is strictly first come, first served: a place that frees up goes to the
first waiting party if it fits, and nobody behind them overtakes them. For the same
reason a new registration only gets a place straight away while nobody is waiting."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models import MembershipStatus, Organisation

from ..models import (
    MAX_PARTY_SIZE,
    EventMessage,
    EventStatus,
    Occurrence,
    Registration,
    RegistrationStatus,
)
from ..tasks_registration import (
    send_date_cancelled,
    send_event_message,
    send_registration_confirmation,
    send_registration_promoted,
)


def _locked(occurrence: Occurrence) -> Occurrence:
    return (
        Occurrence.objects.select_for_update(of=("self",))
        .select_related("event__series")
        .get(pk=occurrence.pk)
    )


def _confirmed_people(occurrence: Occurrence) -> int:
    return occurrence.registrations.filter(status=RegistrationStatus.CONFIRMED).aggregate(
        total=Coalesce(Sum("party_size"), 0)
    )["total"]


def registration_closed_reason(occurrence: Occurrence, now=None) -> str:
    """Why people cannot register for this date, or "" while they can."""
    event = occurrence.event
    if event.status == EventStatus.CANCELLED or occurrence.is_cancelled:
        return _("This date has been cancelled.")
    if event.status != EventStatus.PUBLISHED:
        return _("This event has not been published.")
    if not event.registration_required:
        return _("No registration is needed for this event: just come along.")
    if not occurrence.registration_open(now):
        return _("Registration for this date has closed.")
    return ""


def _member_organisation_allowed(occurrence: Occurrence, organisation: Organisation) -> bool:
    series = occurrence.event.series
    return (
        series is not None
        and series.network.memberships.filter(
            organisation=organisation, status=MembershipStatus.ACTIVE
        ).exists()
    )


@transaction.atomic
def registration_create(
    *,
    occurrence: Occurrence,
    name: str,
    email: str,
    phone: str = "",
    party_size: int = 1,
    accessibility_needs: str = "",
    organisation: Organisation | None = None,
    user=None,
    consent_text: str,
    base_url: str,
) -> Registration:
    """A confirmed place when the party fits and nobody is waiting, else a place on the
    waiting list. The same e-mail address registering again for the same date while the
    first registration stands gets that one back and no second e-mail."""
    occurrence = _locked(occurrence)
    reason = registration_closed_reason(occurrence)
    if reason:
        raise ValidationError(reason, code="closed")
    capacity = occurrence.event.capacity
    if not 1 <= party_size <= MAX_PARTY_SIZE:
        raise ValidationError(
            {
                "party_size": _("Please register between 1 and %(max)d people.")
                % {"max": MAX_PARTY_SIZE}
            },
            code="party_size",
        )
    if capacity is not None and party_size > capacity:
        raise ValidationError(
            {
                "party_size": _("This date has only %(capacity)d places in all.")
                % {"capacity": capacity}
            },
            code="party_too_large",
        )
    if organisation is not None and not _member_organisation_allowed(occurrence, organisation):
        raise ValidationError(
            {"organisation": _("Please choose a member organisation of this network.")},
            code="organisation",
        )
    if not consent_text:
        raise ValidationError(_("Registration needs your consent."), code="consent")
    email = email.strip()
    if not name.strip():
        raise ValidationError({"name": _("Please enter your name.")}, code="name")
    validate_email(email)

    existing = occurrence.registrations.active().filter(email__iexact=email).first()
    if existing is not None:
        return existing

    nobody_waiting = not occurrence.registrations.filter(status=RegistrationStatus.WAITING).exists()
    fits = capacity is None or _confirmed_people(occurrence) + party_size <= capacity
    now = timezone.now()
    registration = Registration.objects.create(
        occurrence=occurrence,
        user=user if user is not None and user.is_authenticated else None,
        name=name.strip(),
        email=email,
        phone=phone.strip(),
        party_size=party_size,
        accessibility_needs=accessibility_needs.strip(),
        organisation=organisation,
        status=RegistrationStatus.CONFIRMED
        if fits and nobody_waiting
        else RegistrationStatus.WAITING,
        consent_text=consent_text,
        consent_at=now,
        created_at=now,
    )
    transaction.on_commit(lambda: send_registration_confirmation.enqueue(registration.pk, base_url))
    return registration


def _promote_waiting(occurrence: Occurrence, base_url: str) -> list[Registration]:
    """Give free places to the waiting list in order; stop at the first party that does
    not fit. `occurrence` must be locked. Nobody is moved up for a date that will not
    take place or has begun."""
    event = occurrence.event
    if (
        occurrence.is_cancelled
        or event.status != EventStatus.PUBLISHED
        or occurrence.starts_at <= timezone.now()
    ):
        return []
    free = None if event.capacity is None else event.capacity - _confirmed_people(occurrence)
    now = timezone.now()
    promoted = []
    for registration in occurrence.registrations.waiting_in_order():
        if free is not None and registration.party_size > free:
            break
        registration.status = RegistrationStatus.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        if free is not None:
            free -= registration.party_size
        promoted.append(registration)
    for registration in promoted:
        transaction.on_commit(
            lambda pk=registration.pk: send_registration_promoted.enqueue(pk, base_url)
        )
    return promoted


@transaction.atomic
def registration_cancel(*, registration: Registration, base_url: str) -> Registration:
    """Cancel and hand the freed places to the waiting list. Cancelling twice is refused
    and changes nothing."""
    occurrence = _locked(registration.occurrence)
    registration = Registration.objects.get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        raise ValidationError(_("This registration has already been cancelled."), code="used")
    if occurrence.starts_at <= timezone.now():
        raise ValidationError(
            _("This date has already begun; the registration can no longer be cancelled."),
            code="started",
        )
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    _promote_waiting(occurrence, base_url)
    return registration


@transaction.atomic
def occurrence_fill_from_waiting_list(
    *, occurrence: Occurrence, base_url: str
) -> list[Registration]:
    """Move people up after places were added (the capacity was raised or removed).
    Returns those who got a place; each is told by e-mail."""
    return _promote_waiting(_locked(occurrence), base_url)


def message_recipients(occurrence: Occurrence, *, include_waiting_list: bool):
    """One registration per e-mail address among those holding (or waiting for) a place."""
    statuses = [RegistrationStatus.CONFIRMED]
    if include_waiting_list:
        statuses.append(RegistrationStatus.WAITING)
    seen = set()
    recipients = []
    for registration in occurrence.registrations.filter(status__in=statuses).exclude(email=""):
        address = registration.email.lower()
        if address not in seen:
            seen.add(address)
            recipients.append(registration)
    return recipients


@transaction.atomic
def event_message_send(
    *,
    occurrence: Occurrence,
    subject: str,
    body: str,
    include_waiting_list: bool = False,
    sent_by,
    base_url: str,
) -> EventMessage:
    """Keep the message as a record and e-mail it to each person on their own."""
    recipients = message_recipients(occurrence, include_waiting_list=include_waiting_list)
    if not recipients:
        raise ValidationError(_("Nobody is registered for this date yet."), code="no_recipients")
    message = EventMessage.objects.create(
        occurrence=occurrence,
        subject=subject.strip(),
        body=body.strip(),
        include_waiting_list=include_waiting_list,
        sent_by=sent_by,
        recipient_count=len(recipients),
    )
    for registration in recipients:
        transaction.on_commit(
            lambda pk=registration.pk: send_event_message.enqueue(message.pk, pk, base_url)
        )
    return message


def occurrences_cancellation_announce(*, occurrences, base_url: str) -> int:
    """Tell everyone holding or waiting for a place on these (just cancelled) dates, once
    the cancellation is committed. Returns how many people are told."""
    recipients = [
        registration
        for occurrence in occurrences
        for registration in message_recipients(occurrence, include_waiting_list=True)
    ]
    for registration in recipients:
        transaction.on_commit(lambda pk=registration.pk: send_date_cancelled.enqueue(pk, base_url))
    return len(recipients)
