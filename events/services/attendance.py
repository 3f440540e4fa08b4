"""Check-in on the day: ticking people off at the door, undoing a wrong tick, and adding
people who come without having registered."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import MAX_PARTY_SIZE, Occurrence, Registration, RegistrationStatus


def _locked(registration: Registration) -> Registration:
    """The registration re-read under a row lock, so that two organisers ticking the same
    person at once (two phones at the door) do not overwrite each other."""
    return (
        Registration.objects.select_for_update()
        .select_related("occurrence")
        .get(pk=registration.pk)
    )


def _refuse_cancelled_date(occurrence: Occurrence) -> None:
    if occurrence.is_cancelled:
        raise ValidationError(_("This date has been cancelled; nobody can be checked in."))


@transaction.atomic
def registration_check_in(*, registration: Registration, by) -> Registration:
    """Mark a confirmed registration as present. Ticking someone already present changes
    nothing (a double tap on a phone is harmless). `by` is the organiser at the door."""
    registration = _locked(registration)
    _refuse_cancelled_date(registration.occurrence)
    if registration.status != RegistrationStatus.CONFIRMED:
        if registration.status == RegistrationStatus.WAITING:
            raise ValidationError(
                _(
                    "%(name)s is on the waiting list and has no place; only confirmed people "
                    "can be checked in."
                )
                % {"name": registration.name}
            )
        raise ValidationError(
            _("%(name)s has cancelled; only confirmed people can be checked in.")
            % {"name": registration.name}
        )
    if registration.checked_in_at is None:
        registration.checked_in_at = timezone.now()
        registration.save(update_fields=["checked_in_at"])
    return registration


@transaction.atomic
def registration_check_in_undo(*, registration: Registration, by) -> Registration:
    """Take back a tick made by mistake; the registration itself stays as it was."""
    registration = _locked(registration)
    if registration.checked_in_at is not None:
        registration.checked_in_at = None
        registration.save(update_fields=["checked_in_at"])
    return registration


@transaction.atomic
def registration_walk_in_create(*, occurrence: Occurrence, name: str, party_size: int, by):
    """Someone who comes without registering: a confirmed registration, checked in at once.

    Capacity is deliberately not enforced here. Online registration never exceeds it, but
    on the day the organiser at the door decides whether there is room; refusing a person
    standing in front of them because of a number would not help anybody. So the confirmed
    count may go above capacity on the day, and only through walk-ins added explicitly."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Please enter a name.")})
    if not 1 <= party_size <= MAX_PARTY_SIZE:
        raise ValidationError(
            {"party_size": _("Between 1 and %(max)s people.") % {"max": MAX_PARTY_SIZE}}
        )
    occurrence = Occurrence.objects.select_for_update().get(pk=occurrence.pk)
    _refuse_cancelled_date(occurrence)
    now = timezone.now()
    return Registration.objects.create(
        occurrence=occurrence,
        name=name,
        # Walk-ins give no e-mail address: mails to participants skip them.
        email="",
        party_size=party_size,
        status=RegistrationStatus.CONFIRMED,
        consent_text=_("Recorded at the door by the organiser"),
        consent_at=now,
        checked_in_at=now,
    )
