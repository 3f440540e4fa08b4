"""Recurring events. Organisers pick a frequency from a short list; it is stored as an
RFC 5545 RRULE (so the iCal export carries the same rule) and expanded here into the
dates of the occurrences. Expansion happens in local time so that a weekly 15:00 stays
15:00 across the change to and from daylight saving time."""

from datetime import UTC, date, datetime, time, timedelta

from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# How far ahead dates of an open-ended series are created.
HORIZON_DAYS = 366
MAX_OCCURRENCES = 120


class Frequency(models.TextChoices):
    ONCE = "", _("Once")
    WEEKLY = "weekly", _("Every week")
    BIWEEKLY = "biweekly", _("Every two weeks")
    MONTHLY_WEEKDAY = "monthly_weekday", _("Every month on the same weekday (e.g. first Tuesday)")
    MONTHLY_DATE = "monthly_date", _("Every month on the same day of the month")


_WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def build_rule(*, frequency: str, starts_at: datetime, until: date | None = None) -> str:
    """The RRULE for `frequency`, starting from the local date of `starts_at`, ending on
    `until` (inclusive) or open-ended."""
    if not frequency:
        return ""
    local = timezone.localtime(starts_at)
    weekday = _WEEKDAYS[local.weekday()]
    parts = {
        Frequency.WEEKLY: ["FREQ=WEEKLY", f"BYDAY={weekday}"],
        Frequency.BIWEEKLY: ["FREQ=WEEKLY", "INTERVAL=2", f"BYDAY={weekday}"],
        Frequency.MONTHLY_WEEKDAY: [
            "FREQ=MONTHLY",
            # The fifth weekday of a month is rare; "last" is what people mean then.
            f"BYDAY={'-1' if (local.day - 1) // 7 == 4 else (local.day - 1) // 7 + 1}{weekday}",
        ],
        Frequency.MONTHLY_DATE: ["FREQ=MONTHLY", f"BYMONTHDAY={local.day}"],
    }[Frequency(frequency)]
    if until:
        end_of_day = timezone.make_aware(datetime.combine(until, time(23, 59, 59)))
        parts.append(f"UNTIL={end_of_day.astimezone(UTC):%Y%m%dT%H%M%SZ}")
    return ";".join(parts)


def frequency_of(rule: str) -> str:
    """The frequency a stored rule was built from (for the edit form)."""
    if not rule:
        return Frequency.ONCE
    if "FREQ=WEEKLY" in rule:
        return Frequency.BIWEEKLY if "INTERVAL=2" in rule else Frequency.WEEKLY
    if "BYMONTHDAY" in rule:
        return Frequency.MONTHLY_DATE
    return Frequency.MONTHLY_WEEKDAY


def until_of(rule: str) -> date | None:
    for part in rule.split(";"):
        if part.startswith("UNTIL="):
            moment = datetime.strptime(part[6:], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            return timezone.localtime(moment).date()
    return None


def occurrence_starts(
    *, rule: str, starts_at: datetime, exceptions: list[str] | None = None
) -> list[datetime]:
    """The start of every date: just `starts_at` without a rule, else the rule's dates up
    to the horizon, leaving out the dates in `exceptions` (ISO dates)."""
    if not rule:
        return [starts_at]
    local_start = timezone.localtime(starts_at)
    naive_start = local_start.replace(tzinfo=None)
    try:
        expanded = rrulestr(rule, dtstart=naive_start, ignoretz=True)
    except (ValueError, TypeError) as error:
        raise ValidationError(
            _("The recurrence rule is not valid."), code="invalid_rule"
        ) from error
    horizon = naive_start + timedelta(days=HORIZON_DAYS)
    skipped = set(exceptions or [])
    starts = []
    for moment in expanded.xafter(naive_start, count=MAX_OCCURRENCES * 2, inc=True):
        if moment > horizon or len(starts) >= MAX_OCCURRENCES:
            break
        if moment.date().isoformat() in skipped:
            continue
        starts.append(timezone.make_aware(moment, local_start.tzinfo))
    return starts


def validate_recurrence(*, rule: str, starts_at: datetime, exceptions: list[str]) -> list[datetime]:
    """The dates, or a ValidationError when the rule produces none."""
    starts = occurrence_starts(rule=rule, starts_at=starts_at, exceptions=exceptions)
    if not starts:
        raise ValidationError(
            _(
                "These settings produce no date at all: check the end of the series and the "
                "dates left out."
            ),
            code="no_dates",
        )
    return starts
