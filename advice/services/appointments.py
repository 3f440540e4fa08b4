"""Booking, moving, cancelling and marking appointments; advisers' blocked times.

A slot is never booked twice. Every write that takes an adviser's time first locks the
schedule's row, so bookings of the same schedule arriving in the same second are decided
one after the other, each seeing the ones before it. An adviser may serve several
schedules, so the partial unique constraint one_booking_per_adviser_and_start is the last
line of defence: a clash there is reported like a slot someone else took first."""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from directory.opening import local_zone

from ..models import (
    AdviceRole,
    AdviceTopic,
    Appointment,
    AppointmentSchedule,
    AppointmentStatus,
    BlockedTime,
    Concern,
    ConcernOutcome,
    OutcomeKind,
)
from ..slots import (
    AdviserCalendar,
    appointment_times_on,
    day_text,
    earliest_start,
    last_bookable_day,
    office_hours_of,
    schedule_adviser_ids,
)
from ..tasks_appointments import (
    send_adviser_notice,
    send_appointment_cancelled,
    send_appointment_confirmation,
)


def _refusal(field: str, message: str, code: str) -> ValidationError:
    """A refusal tied to the form field it concerns, with a code tests can check."""
    return ValidationError({field: ValidationError(message, code=code)})


def _slot_taken() -> ValidationError:
    return _refusal("starts_at", _("This time was just taken. Please choose another one."), "taken")


def _locked(schedule: AppointmentSchedule) -> AppointmentSchedule:
    return (
        AppointmentSchedule.objects.select_for_update(of=("self",))
        .select_related("place")
        .get(pk=schedule.pk)
    )


def _check_slot(
    schedule: AppointmentSchedule, starts_at: datetime, *, respect_notice: bool
) -> datetime:
    """The end of the appointment starting at `starts_at`, or a ValidationError that says
    why this time cannot be booked."""
    now = timezone.now()
    if starts_at <= now:
        raise _refusal("starts_at", _("This time is in the past."), "past")
    day = timezone.localtime(starts_at, local_zone()).date()
    if day > last_bookable_day(schedule, now):
        raise _refusal(
            "starts_at",
            _("Appointments can be booked at most %(days)d days ahead.")
            % {"days": schedule.horizon_days},
            "horizon",
        )
    if respect_notice and starts_at < earliest_start(schedule, now):
        raise _refusal(
            "starts_at",
            _("Appointments must be booked at least %(hours)d hours in advance.")
            % {"hours": schedule.notice_hours},
            "notice",
        )
    office_hours = office_hours_of(schedule)
    for starts, ends in appointment_times_on(schedule, office_hours, day):
        if starts == starts_at:
            return ends
    closed_reason = office_hours.closed_reason(day)
    if closed_reason:
        raise _refusal(
            "starts_at",
            _("%(place)s is closed on %(day)s (%(reason)s).")
            % {
                "place": schedule.place.name,
                "day": day_text(day),
                "reason": closed_reason,
            },
            "closed",
        )
    raise _refusal(
        "starts_at",
        _("There are no appointments at this time: it is outside office hours."),
        "outside_office_hours",
    )


def _lock_advisers(schedule: AppointmentSchedule) -> None:
    """Lock the schedule's advisers (in id order, so two bookings never wait on each
    other crosswise): an adviser may give appointments in several schedules, and the
    schedule's own lock does not stop a booking elsewhere from overlapping this one."""
    list(
        get_user_model()
        .objects.select_for_update()
        .filter(pk__in=schedule_adviser_ids(schedule))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _free_advisers(
    schedule: AppointmentSchedule, starts_at: datetime, ends_at: datetime, ignore=None
) -> list[int]:
    adviser_ids = schedule_adviser_ids(schedule)
    calendar = AdviserCalendar(adviser_ids, starts_at, ends_at, schedule.buffer_minutes)
    return [
        adviser_id
        for adviser_id in adviser_ids
        if calendar.is_free(adviser_id, starts_at, ends_at, ignore=ignore)
    ]


def _least_busy(adviser_ids: list[int], starts_at: datetime) -> int:
    """The free adviser with the fewest bookings that day (ties: the lowest id)."""
    day = timezone.localtime(starts_at, local_zone()).date()
    counts = dict(
        Appointment.objects.filter(
            adviser_id__in=adviser_ids,
            status=AppointmentStatus.BOOKED,
            starts_at__date=day,
        )
        .values("adviser_id")
        .annotate(count=Count("pk"))
        .values_list("adviser_id", "count")
    )
    return min(adviser_ids, key=lambda adviser_id: (counts.get(adviser_id, 0), adviser_id))


def _clean_contact(name: str, email: str, phone: str, consent_text: str) -> tuple[str, str, str]:
    name, email, phone = " ".join(name.split()), email.strip(), " ".join(phone.split())
    if not name:
        raise _refusal("name", _("Please enter a name or a pseudonym."), "name")
    if not email and not phone:
        raise ValidationError(
            _("Please enter an e-mail address or a phone number so that we can reach you."),
            code="contact",
        )
    if not consent_text:
        raise ValidationError(_("Booking needs your consent."), code="consent")
    return name, email, phone


@transaction.atomic
def appointment_book(
    *,
    schedule: AppointmentSchedule,
    topic: AdviceTopic,
    starts_at: datetime,
    name: str,
    email: str = "",
    phone: str = "",
    consent_text: str,
    booked_by=None,
    concern: Concern | None = None,
    adviser=None,
    base_url: str,
) -> Appointment:
    """Book the time for the least busy free adviser (or `adviser`, if free). An adviser
    booking on a resident's behalf (`booked_by`) is not bound by the notice period: they
    arrange it with the resident there and then."""
    schedule = _locked(schedule)
    if not schedule.is_active:
        raise ValidationError(_("This schedule cannot be booked at the moment."), code="inactive")
    if not schedule.topics.filter(pk=topic.pk).exists():
        raise _refusal("topic", _("Please choose one of the topics offered here."), "topic")
    if concern is not None and concern.organisation_id != schedule.organisation_id:
        raise ValidationError(_("This concern belongs to another organisation."), code="concern")
    name, email, phone = _clean_contact(name, email, phone, consent_text)
    ends_at = _check_slot(schedule, starts_at, respect_notice=booked_by is None)
    _lock_advisers(schedule)
    free = _free_advisers(schedule, starts_at, ends_at)
    if adviser is not None:
        if adviser.pk not in schedule_adviser_ids(schedule):
            raise _refusal("adviser", _("This person does not give appointments here."), "adviser")
        if adviser.pk not in free:
            raise _refusal("adviser", _("This adviser is not free at this time."), "adviser_busy")
        free = [adviser.pk]
    if not free:
        raise _slot_taken()
    now = timezone.now()
    try:
        with transaction.atomic():
            appointment = Appointment.objects.create(
                schedule=schedule,
                adviser_id=_least_busy(free, starts_at),
                topic=topic,
                starts_at=starts_at,
                ends_at=ends_at,
                name=name,
                email=email,
                phone=phone,
                booked_by=booked_by,
                concern=concern,
                consent_text=consent_text,
                consent_at=now,
            )
    except IntegrityError as error:
        raise _slot_taken() from error
    if concern is not None:
        ConcernOutcome.objects.create(
            concern=concern,
            kind=OutcomeKind.APPOINTMENT,
            appointment=appointment,
            created_by=booked_by,
        )
    transaction.on_commit(lambda: send_appointment_confirmation.enqueue(appointment.pk, base_url))
    if booked_by is None or booked_by.pk != appointment.adviser_id:
        transaction.on_commit(
            lambda: send_adviser_notice.enqueue(appointment.pk, base_url, "booked")
        )
    return appointment


def _refuse_unless_changeable(appointment: Appointment) -> None:
    if appointment.status == AppointmentStatus.CANCELLED:
        raise ValidationError(_("This appointment has already been cancelled."), code="used")
    if appointment.status != AppointmentStatus.BOOKED:
        raise ValidationError(_("This appointment has already taken place."), code="done")
    if appointment.starts_at <= timezone.now():
        raise ValidationError(
            _("This appointment has already begun and can no longer be changed."), code="started"
        )


@transaction.atomic
def appointment_move(
    *, appointment: Appointment, starts_at: datetime, base_url: str
) -> Appointment:
    """Move to another free time of the same schedule. The link version goes up, so the
    link in the earlier e-mail no longer works; the new e-mail carries the new one."""
    schedule = _locked(appointment.schedule)
    appointment = Appointment.objects.select_for_update(of=("self",)).get(pk=appointment.pk)
    _refuse_unless_changeable(appointment)
    ends_at = _check_slot(schedule, starts_at, respect_notice=True)
    _lock_advisers(schedule)
    free = _free_advisers(schedule, starts_at, ends_at, ignore=appointment.pk)
    if not free:
        raise _slot_taken()
    appointment.adviser_id = (
        appointment.adviser_id if appointment.adviser_id in free else _least_busy(free, starts_at)
    )
    appointment.starts_at, appointment.ends_at = starts_at, ends_at
    appointment.link_version += 1
    appointment.reminded_at = None
    try:
        with transaction.atomic():
            appointment.save(
                update_fields=["adviser", "starts_at", "ends_at", "link_version", "reminded_at"]
            )
    except IntegrityError as error:
        raise _slot_taken() from error
    transaction.on_commit(lambda: send_appointment_confirmation.enqueue(appointment.pk, base_url))
    transaction.on_commit(lambda: send_adviser_notice.enqueue(appointment.pk, base_url, "moved"))
    return appointment


@transaction.atomic
def appointment_cancel(
    *, appointment: Appointment, cancelled_by=None, base_url: str
) -> Appointment:
    """Cancelled by the resident (by the link) or by the advice team (`cancelled_by`): the
    other side is told."""
    appointment = Appointment.objects.select_for_update(of=("self",)).get(pk=appointment.pk)
    _refuse_unless_changeable(appointment)
    appointment.status = AppointmentStatus.CANCELLED
    appointment.save(update_fields=["status"])
    if cancelled_by is None:
        transaction.on_commit(
            lambda: send_adviser_notice.enqueue(appointment.pk, base_url, "cancelled")
        )
    else:
        transaction.on_commit(lambda: send_appointment_cancelled.enqueue(appointment.pk, base_url))
    return appointment


MARKABLE = (AppointmentStatus.ATTENDED, AppointmentStatus.NO_SHOW)


@transaction.atomic
def appointment_mark(*, appointment: Appointment, status: str) -> Appointment:
    """Attended or did not come: only once the appointment has begun."""
    appointment = Appointment.objects.select_for_update(of=("self",)).get(pk=appointment.pk)
    if status not in MARKABLE:
        raise ValidationError(_("Please choose attended or did not come."), code="status")
    if appointment.status == AppointmentStatus.CANCELLED:
        raise ValidationError(_("This appointment has been cancelled."), code="cancelled")
    if appointment.starts_at > timezone.now():
        raise ValidationError(
            _("An appointment can be marked once it has begun."), code="not_started"
        )
    appointment.status = status
    appointment.save(update_fields=["status"])
    return appointment


def booked_overlapping(adviser, starts_at: datetime, ends_at: datetime):
    return Appointment.objects.filter(
        adviser=adviser,
        status=AppointmentStatus.BOOKED,
        starts_at__lt=ends_at,
        ends_at__gt=starts_at,
    )


@transaction.atomic
def blocked_time_create(
    *, adviser, starts_at: datetime, ends_at: datetime, reason: str = "", confirmed: bool = False
) -> BlockedTime:
    """Block time in the adviser's calendar. Booked appointments in that time stay; the
    adviser has to confirm that they know of them (and will call them off or move them)."""
    if ends_at <= starts_at:
        raise _refusal("ends_at", _("The end must be after the start."), "order")
    if ends_at - starts_at > timedelta(days=366):
        raise _refusal("ends_at", _("Please block at most one year."), "too_long")
    overlapping = booked_overlapping(adviser, starts_at, ends_at).count()
    if overlapping and not confirmed:
        raise _refusal(
            "confirm_overlap",
            ngettext(
                "%(count)d booked appointment falls into this time. Tick the box to "
                "block it anyway; the appointment stays booked.",
                "%(count)d booked appointments fall into this time. Tick the box to "
                "block it anyway; the appointments stay booked.",
                overlapping,
            )
            % {"count": overlapping},
            "overlap",
        )
    return BlockedTime.objects.create(
        adviser=adviser, starts_at=starts_at, ends_at=ends_at, reason=reason.strip()
    )


@transaction.atomic
def blocked_time_delete(*, blocked_time: BlockedTime) -> None:
    blocked_time.delete()


def _check_schedule_team(schedule: AppointmentSchedule, advisers) -> None:
    if schedule.place.organisation_id != schedule.organisation_id:
        raise _refusal("place", _("Please choose a place of this organisation."), "place")
    team = set(
        AdviceRole.objects.filter(organisation_id=schedule.organisation_id).values_list(
            "user_id", flat=True
        )
    )
    if not {adviser.pk for adviser in advisers} <= team:
        raise _refusal(
            "advisers", _("Only members of the advice team can give appointments."), "advisers"
        )


@transaction.atomic
def schedule_save(*, schedule: AppointmentSchedule, advisers, topics) -> AppointmentSchedule:
    """Create or change a schedule; `schedule` is the unsaved or changed instance."""
    _check_schedule_team(schedule, advisers)
    schedule.save()
    schedule.advisers.set(advisers)
    schedule.topics.set(topics)
    return schedule
