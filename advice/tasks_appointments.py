"""E-mails about appointments, sent in the background. Residents get their own booking
details (date, place, topic) and the signed link to cancel or move it; advisers get only
the fact and a link to the appointment's page, never a name or what it is about. Tasks
receive ids, so the database backend can queue them; `base_url` is the platform's address."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from directory.opening import local_zone

from .models import Appointment, AppointmentStatus
from .selectors import appointment_manage_token
from .slots import appointment_when, place_text


def manage_url(appointment: Appointment, base_url: str) -> str:
    return base_url.rstrip("/") + reverse(
        "advice:booking_manage", kwargs={"token": appointment_manage_token(appointment)}
    )


def _appointment(appointment_id: int) -> Appointment:
    return Appointment.objects.select_related("schedule__place", "topic", "adviser").get(
        pk=appointment_id
    )


def _render(template: str, context: dict) -> tuple[str, str]:
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"advice/appointments/email/{template}_subject.txt", context)
        body = render_to_string(f"advice/appointments/email/{template}_body.txt", context)
    return " ".join(subject.split()), body


def _send_to_resident(appointment: Appointment, template: str, base_url: str) -> None:
    if not appointment.email:  # booked by phone: the adviser tells them
        return
    context = {
        "platform_name": settings.GEMEINWERK_NAME,
        "appointment": appointment,
        "when": appointment_when(appointment.starts_at, appointment.ends_at),
        "where": place_text(appointment.schedule.place),
        "manage_url": manage_url(appointment, base_url),
    }
    subject, body = _render(template, context)
    send_mail(subject, body, None, [appointment.email])


@task
def send_appointment_confirmation(appointment_id: int, base_url: str) -> None:
    """After booking and after moving: the new time and the (new) link."""
    appointment = _appointment(appointment_id)
    if appointment.status != AppointmentStatus.BOOKED:
        return
    _send_to_resident(appointment, "confirmed", base_url)


@task
def send_appointment_cancelled(appointment_id: int, base_url: str) -> None:
    """The advice team called the appointment off."""
    appointment = _appointment(appointment_id)
    if appointment.status != AppointmentStatus.CANCELLED:
        return
    _send_to_resident(appointment, "cancelled", base_url)


@task
def send_adviser_notice(appointment_id: int, base_url: str, event: str) -> None:
    """`event` is "booked", "moved" or "cancelled" (by the resident)."""
    appointment = _appointment(appointment_id)
    if not appointment.adviser.email:
        return
    context = {
        "platform_name": settings.GEMEINWERK_NAME,
        "event": event,
        "appointment_url": base_url.rstrip("/")
        + reverse("advice:appointment_detail", kwargs={"pk": appointment.pk}),
    }
    subject, body = _render("adviser_notice", context)
    send_mail(subject, body, None, [appointment.adviser.email])


def appointments_due_for_reminder(now: datetime | None = None) -> QuerySet[Appointment]:
    """Booked, not yet reminded appointments of tomorrow (local date) with an e-mail."""
    tomorrow = timezone.localdate(now or timezone.now(), local_zone()) + timedelta(days=1)
    zone = local_zone()
    return Appointment.objects.filter(
        status=AppointmentStatus.BOOKED,
        reminded_at__isnull=True,
        starts_at__gte=datetime.combine(tomorrow, time.min, zone),
        starts_at__lt=datetime.combine(tomorrow + timedelta(days=1), time.min, zone),
    ).exclude(email="")


@task
def send_appointment_reminder(appointment_id: int, base_url: str) -> None:
    """Marks the appointment reminded before sending: queued twice, it still goes out once."""
    with transaction.atomic():
        appointment = (
            Appointment.objects.select_for_update()
            .filter(
                pk=appointment_id,
                status=AppointmentStatus.BOOKED,
                reminded_at__isnull=True,
                starts_at__gt=timezone.now(),
            )
            .first()
        )
        if appointment is None:
            return
        appointment.reminded_at = timezone.now()
        appointment.save(update_fields=["reminded_at"])
    _send_to_resident(_appointment(appointment_id), "reminder", base_url)
