"""The engagement record: hours a volunteer gave, documents a guide has seen, certificates
(Engagementnachweis) issued from confirmed hours, and the follow-up six weeks after a
placement started. Views check who may act; these functions keep the data consistent."""

import secrets
from datetime import date as Date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Min, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import (
    POLICE_CERTIFICATE_VALID_YEARS,
    Certificate,
    HoursEntry,
    Placement,
    PlacementStatus,
    PlacementStep,
    Qualification,
    QualificationKind,
)
from ..selectors import hours_confirmable_by

# Hours can be logged and certified only for people who are or were actually engaged.
RECORD_STATUSES = [PlacementStatus.PLACED, PlacementStatus.ENDED]
MIN_HOURS = Decimal("0.25")
MAX_HOURS = Decimal("24")
# Without 0/O and 1/I/L, so a code typed from paper is not misread.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10


def _check_hours(*, placement: Placement, date: Date, hours: Decimal, activity: str) -> None:
    errors = {}
    if placement.status not in RECORD_STATUSES:
        raise ValidationError(_("Hours can only be logged for placed or ended placements."))
    if date > timezone.localdate():
        errors["date"] = _("The date cannot be in the future.")
    if not MIN_HOURS <= hours <= MAX_HOURS:
        errors["hours"] = _("Please enter between 0.25 and 24 hours.")
    if not activity.strip():
        errors["activity"] = _("Please describe what was done.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def hours_log(*, placement: Placement, by, date: Date, hours: Decimal, activity: str) -> HoursEntry:
    _check_hours(placement=placement, date=date, hours=hours, activity=activity)
    return HoursEntry.objects.create(
        placement=placement, date=date, hours=hours, activity=activity.strip(), logged_by=by
    )


@transaction.atomic
def hours_update(
    *, entry: HoursEntry, by, date: Date, hours: Decimal, activity: str, by_guide: bool
) -> HoursEntry:
    """Only a guide may change a confirmed entry; their change counts as confirmed by them."""
    entry = HoursEntry.objects.select_for_update().select_related("placement").get(pk=entry.pk)
    if entry.confirmed_at is not None and not by_guide:
        raise ValidationError(_("Confirmed hours can no longer be changed."))
    _check_hours(placement=entry.placement, date=date, hours=hours, activity=activity)
    entry.date = date
    entry.hours = hours
    entry.activity = activity.strip()
    if entry.confirmed_at is not None:
        entry.confirmed_at = timezone.now()
        entry.confirmed_by = by
    entry.save()
    return entry


@transaction.atomic
def hours_delete(*, entry: HoursEntry, by) -> None:
    entry = HoursEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.confirmed_at is not None:
        raise ValidationError(_("Confirmed hours cannot be deleted."))
    if entry.logged_by_id is None or entry.logged_by_id != by.pk:
        raise ValidationError(_("Only the person who logged these hours can delete them."))
    entry.delete()


@transaction.atomic
def hours_confirm(*, entry_ids: list[int], by) -> int:
    """Confirm several entries at once: all of them or, if one is not the guide's to
    confirm, none. Entries confirmed before stay as they were. Returns how many were
    confirmed now."""
    wanted = set(entry_ids)
    if not wanted:
        raise ValidationError(_("Please select at least one entry."))
    entries = hours_confirmable_by(by).filter(pk__in=wanted, placement__status__in=RECORD_STATUSES)
    found = set(entries.select_for_update().values_list("pk", flat=True))
    if found != wanted:
        raise ValidationError(
            _("Some of the selected entries cannot be confirmed by you. Nothing was confirmed.")
        )
    return HoursEntry.objects.filter(pk__in=found, confirmed_at__isnull=True).update(
        confirmed_at=timezone.now(), confirmed_by=by
    )


def _years_later(day: Date, years: int) -> Date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


@transaction.atomic
def qualification_record(
    *,
    placement: Placement,
    by,
    kind: str,
    seen_on: Date,
    description: str = "",
    valid_until: Date | None = None,
) -> Qualification:
    """A document a guide of the placement's organisation has seen, never a copy of it.
    The extended police certificate is due again after five years, whatever was typed."""
    if placement.volunteer_id is None:
        raise ValidationError(_("Documents can only be recorded for volunteers with a profile."))
    errors = {}
    if seen_on > timezone.localdate():
        errors["seen_on"] = _("The date cannot be in the future.")
    if kind == QualificationKind.POLICE_CERTIFICATE:
        valid_until = _years_later(seen_on, POLICE_CERTIFICATE_VALID_YEARS)
    elif valid_until is not None and valid_until < seen_on:
        errors["valid_until"] = _("A document cannot expire before it was seen.")
    if errors:
        raise ValidationError(errors)
    return Qualification.objects.create(
        volunteer_id=placement.volunteer_id,
        organisation_id=placement.organisation_id,
        kind=kind,
        seen_on=seen_on,
        valid_until=valid_until,
        description=description.strip(),
        recorded_by=by,
    )


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def certificate_issue(*, placement: Placement) -> Certificate:
    """An Engagementnachweis from the confirmed hours only. The row keeps exactly what was
    printed, so a verification shows the same facts even if hours change later. Issuing
    twice with nothing changed returns the certificate already issued."""
    for _attempt in range(5):
        try:
            return _certificate_issue_once(placement=placement)
        except IntegrityError:
            continue  # the random code was taken; draw again
    raise ValidationError(_("The certificate could not be issued. Please try again."))


@transaction.atomic
def _certificate_issue_once(*, placement: Placement) -> Certificate:
    placement = (
        Placement.objects.select_for_update(of=("self",))
        .select_related("volunteer")
        .get(pk=placement.pk)
    )
    if placement.status not in RECORD_STATUSES:
        raise ValidationError(_("Certificates can only be issued for placed or ended placements."))
    confirmed = placement.hours.filter(confirmed_at__isnull=False)
    totals = confirmed.aggregate(total=Sum("hours"), first=Min("date"), last=Max("date"))
    if not totals["total"]:
        raise ValidationError(
            _("There are no confirmed hours yet. Confirm the hours before issuing a certificate.")
        )
    activities = list(
        dict.fromkeys(confirmed.order_by("date", "pk").values_list("activity", flat=True))
    )
    period_start = min(filter(None, [placement.started_on, totals["first"]]))
    period_end = max(filter(None, [placement.ended_on, totals["last"]]))
    facts = {
        "organisation_id": placement.organisation_id,
        "volunteer_id": placement.volunteer_id,
        "volunteer_name": placement.person_name,
        "activities": "\n".join(activities),
        "period_start": period_start,
        "period_end": period_end,
        "total_hours": totals["total"],
    }
    existing = Certificate.objects.filter(**facts).first()
    if existing is not None:
        return existing
    return Certificate.objects.create(code=_new_code(), **facts)


@transaction.atomic
def placement_follow_up_record(*, placement: Placement, by, answer: str) -> Placement:
    if not answer.strip():
        raise ValidationError({"follow_up_answer": _("Please write down how it is going.")})
    placement = Placement.objects.select_for_update().get(pk=placement.pk)
    placement.follow_up_answer = answer.strip()
    placement.follow_up_recorded_at = timezone.now()
    placement.save(update_fields=["follow_up_answer", "follow_up_recorded_at"])
    PlacementStep.objects.create(
        placement=placement,
        note=_("Follow-up: %(answer)s") % {"answer": placement.follow_up_answer},
        by=by,
    )
    return placement


def placement_follow_up_claim(*, placement: Placement) -> bool:
    """Marks the follow-up reminder as sent; False if another run got there first, so a
    reminder never goes out twice."""
    return bool(
        Placement.objects.filter(pk=placement.pk, follow_up_reminded_at__isnull=True).update(
            follow_up_reminded_at=timezone.now()
        )
    )


def placement_follow_up_unclaim(*, placement: Placement) -> None:
    """The e-mail could not be sent: let the next daily run try again."""
    Placement.objects.filter(pk=placement.pk).update(follow_up_reminded_at=None)
