"""E-mails to the people who registered for a date, sent in the background: the
confirmation (or waiting-list notice), the news that a place became free, the reminder
the day before, and the organisers' messages. Tasks receive ids, not objects, so the
database backend can queue them; `base_url` is the address of the platform."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from .formatting import occurrence_when, occurrence_where
from .models import EventMessage, EventStatus, Registration, RegistrationStatus
from .selectors import registration_cancel_token


def cancel_url(registration: Registration, base_url: str) -> str:
    return base_url.rstrip("/") + reverse(
        "events:cancel_registration", kwargs={"token": registration_cancel_token(registration)}
    )


def _registration(registration_id: int) -> Registration:
    return Registration.objects.select_related("occurrence__event__place").get(pk=registration_id)


def _send(registration: Registration, template: str, base_url: str, **extra) -> None:
    if not registration.email:  # a walk-in recorded at the door
        return
    occurrence = registration.occurrence
    context = {
        "platform_name": settings.GEMEINWERK_NAME,
        "registration": registration,
        "event": occurrence.event,
        "when": occurrence_when(occurrence),
        "where": occurrence_where(occurrence),
        "event_url": base_url.rstrip("/") + occurrence.get_absolute_url(),
        "cancel_url": cancel_url(registration, base_url),
        **extra,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"events/registration/email/{template}_subject.txt", context)
        body = render_to_string(f"events/registration/email/{template}_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, [registration.email])


@task
def send_registration_confirmation(registration_id: int, base_url: str) -> None:
    """Confirmed place or waiting list, whichever the registration got."""
    registration = _registration(registration_id)
    if registration.status == RegistrationStatus.CANCELLED:
        return
    template = "confirmed" if registration.status == RegistrationStatus.CONFIRMED else "waiting"
    _send(registration, template, base_url)


@task
def send_registration_promoted(registration_id: int, base_url: str) -> None:
    registration = _registration(registration_id)
    if registration.status != RegistrationStatus.CONFIRMED:
        return
    _send(registration, "promoted", base_url)


def registrations_due_for_reminder(now: datetime | None = None) -> QuerySet[Registration]:
    """Confirmed, not yet reminded registrations for dates that start tomorrow (local
    date) and take place."""
    tomorrow = timezone.localdate(now or timezone.now()) + timedelta(days=1)
    starts = timezone.make_aware(datetime.combine(tomorrow, time.min))
    ends = timezone.make_aware(datetime.combine(tomorrow + timedelta(days=1), time.min))
    return Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        reminded_at__isnull=True,
        occurrence__starts_at__gte=starts,
        occurrence__starts_at__lt=ends,
        occurrence__is_cancelled=False,
        occurrence__event__status=EventStatus.PUBLISHED,
    )


@task
def send_registration_reminder(registration_id: int, base_url: str) -> None:
    """Marks the registration reminded before sending: a reminder that is queued twice
    (the job ran twice) still goes out once."""
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update(of=("self",))
            .filter(
                pk=registration_id,
                status=RegistrationStatus.CONFIRMED,
                reminded_at__isnull=True,
                occurrence__starts_at__gt=timezone.now(),
            )
            .first()
        )
        if registration is None:
            return
        registration.reminded_at = timezone.now()
        registration.save(update_fields=["reminded_at"])
    _send(_registration(registration_id), "reminder", base_url)


@task
def send_event_message(message_id: int, registration_id: int, base_url: str) -> None:
    """One organisers' message to one person: nobody sees the others' addresses."""
    message = EventMessage.objects.get(pk=message_id)
    registration = _registration(registration_id)
    if registration.status == RegistrationStatus.CANCELLED:
        return
    _send(registration, "message", base_url, message=message)


@task
def send_date_cancelled(registration_id: int, base_url: str) -> None:
    """The date this person registered for (or waited for) has been called off."""
    registration = _registration(registration_id)
    if registration.status == RegistrationStatus.CANCELLED:
        return
    _send(registration, "date_cancelled", base_url)
