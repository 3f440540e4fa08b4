"""Bookable appointments, cut from a place's office hours: each office-hour window of the
day (closures and public holidays already left out, extra dates added by
directory.opening.OfficeHours) is divided into appointments of the schedule's length with
its buffer between them. A time is offered while at least one of the schedule's advisers
is free then: no booked appointment (with the buffer around it) and no blocked time."""

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language

from directory.opening import OfficeHours, format_time_ranges, local_zone

from .models import Appointment, AppointmentSchedule, AppointmentStatus, BlockedTime


@dataclass(frozen=True)
class FreeSlot:
    starts: datetime
    ends: datetime
    adviser_ids: tuple[int, ...]

    @property
    def value(self) -> str:
        """How the slot travels in a form: its start as an ISO 8601 local time."""
        return timezone.localtime(self.starts, local_zone()).isoformat()


@dataclass(frozen=True)
class SlotDay:
    day: date
    slots: list[FreeSlot]


def office_hours_of(schedule: AppointmentSchedule) -> OfficeHours:
    return OfficeHours(schedule.place)


def appointment_times_on(
    schedule: AppointmentSchedule, office_hours: OfficeHours, day: date
) -> list[tuple[datetime, datetime]]:
    """Every start and end the office hours of `day` allow, whoever is free."""
    length = timedelta(minutes=schedule.length_minutes)
    step = length + timedelta(minutes=schedule.buffer_minutes)
    times = []
    for window in office_hours.slots_on(day):
        starts = window.starts
        while starts + length <= window.ends:
            times.append((starts, starts + length))
            starts += step
    return times


def earliest_start(schedule: AppointmentSchedule, now: datetime | None = None) -> datetime:
    """Residents book at least `notice_hours` ahead, so the advisers can prepare."""
    return (now or timezone.now()) + timedelta(hours=schedule.notice_hours)


def last_bookable_day(schedule: AppointmentSchedule, now: datetime | None = None) -> date:
    return timezone.localdate(now or timezone.now(), local_zone()) + timedelta(
        days=schedule.horizon_days
    )


def _day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    zone = local_zone()
    return (
        datetime.combine(first, time.min, zone),
        datetime.combine(last + timedelta(days=1), time.min, zone),
    )


class AdviserCalendar:
    """Who of the advisers is busy when in a period: their booked appointments (at any
    schedule) and blocked times, loaded in two queries."""

    def __init__(self, adviser_ids, starts: datetime, ends: datetime, buffer_minutes: int = 0):
        self.buffer = timedelta(minutes=buffer_minutes)
        self.busy = defaultdict(list)
        appointments = Appointment.objects.filter(
            adviser_id__in=adviser_ids,
            status=AppointmentStatus.BOOKED,
            starts_at__lt=ends + self.buffer,
            ends_at__gt=starts - self.buffer,
        ).values_list("pk", "adviser_id", "starts_at", "ends_at")
        for pk, adviser_id, appointment_starts, appointment_ends in appointments:
            self.busy[adviser_id].append(
                (appointment_starts - self.buffer, appointment_ends + self.buffer, pk)
            )
        blocked = BlockedTime.objects.filter(
            adviser_id__in=adviser_ids, starts_at__lt=ends, ends_at__gt=starts
        ).values_list("adviser_id", "starts_at", "ends_at")
        for adviser_id, blocked_starts, blocked_ends in blocked:
            self.busy[adviser_id].append((blocked_starts, blocked_ends, None))
        # Sorted by start, so that a check looks only at the few busy times that can
        # overlap (a busy booking week holds hundreds; checking all of them for every
        # time offered took most of the booking page).
        self.starts = {}
        self.longest = {}
        for adviser_id, busy in self.busy.items():
            busy.sort(key=lambda entry: entry[0])
            self.starts[adviser_id] = [entry[0] for entry in busy]
            self.longest[adviser_id] = max(entry[1] - entry[0] for entry in busy)

    def is_free(self, adviser_id: int, starts: datetime, ends: datetime, ignore=None) -> bool:
        """`ignore` is the pk of an appointment being moved: it does not stand in its own way."""
        busy = self.busy.get(adviser_id)
        if not busy:
            return True
        busy_starts = self.starts[adviser_id]
        # Only busy times starting after `starts - longest` can still last until `starts`.
        first = bisect_right(busy_starts, starts - self.longest[adviser_id])
        last = bisect_left(busy_starts, ends)
        return not any(
            busy_ends > starts and (pk is None or pk != ignore)
            for _busy_starts, busy_ends, pk in busy[first:last]
        )


def schedule_adviser_ids(schedule: AppointmentSchedule) -> list[int]:
    return sorted(schedule.advisers.values_list("pk", flat=True))


def free_slots(
    schedule: AppointmentSchedule,
    first: date,
    last: date,
    *,
    now: datetime | None = None,
    ignore_appointment: int | None = None,
    respect_notice: bool = True,
) -> list[FreeSlot]:
    """The times between the days `first` and `last` (inclusive) that can be booked now,
    each with the advisers free then."""
    now = now or timezone.now()
    earliest = earliest_start(schedule, now) if respect_notice else now
    last = min(last, last_bookable_day(schedule, now))
    if last < first:
        return []
    adviser_ids = schedule_adviser_ids(schedule)
    if not adviser_ids:
        return []
    office_hours = office_hours_of(schedule)
    calendar = AdviserCalendar(adviser_ids, *_day_bounds(first, last), schedule.buffer_minutes)
    slots = []
    day = first
    while day <= last:
        for starts, ends in appointment_times_on(schedule, office_hours, day):
            if starts < earliest:
                continue
            free = tuple(
                adviser_id
                for adviser_id in adviser_ids
                if calendar.is_free(adviser_id, starts, ends, ignore=ignore_appointment)
            )
            if free:
                slots.append(FreeSlot(starts, ends, free))
        day += timedelta(days=1)
    return slots


def slots_by_day(slots: list[FreeSlot]) -> list[SlotDay]:
    days: dict[date, list[FreeSlot]] = defaultdict(list)
    for slot in slots:
        days[timezone.localtime(slot.starts, local_zone()).date()].append(slot)
    return [SlotDay(day, day_slots) for day, day_slots in sorted(days.items())]


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def parse_week(value: str | None) -> date | None:
    """ "2026-W48" → the Monday of that ISO week; None for anything else."""
    if not value or len(value) > 8:
        return None
    try:
        year, week = value.upper().split("-W")
        return date.fromisocalendar(int(year), int(week), 1)
    except ValueError:
        return None


def format_week(monday: date) -> str:
    year, week, _weekday = monday.isocalendar()
    return f"{year}-W{week:02d}"


def parse_day(value: str | None) -> date | None:
    if not value or len(value) > 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def parse_start(value: str | None) -> datetime | None:
    """A slot's start as sent by a form; a time without zone is local time."""
    if not value or len(value) > 40:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=local_zone())
    return moment


def _day_format() -> str:
    return "D, j. F Y" if (get_language() or "de").startswith("de") else "D, j F Y"


def day_text(day: date) -> str:
    """ "Di, 24. November 2026"."""
    return date_format(day, _day_format())


def time_range_text(starts: datetime, ends: datetime) -> str:
    """ "15–15:30 Uhr"."""
    zone = local_zone()
    return format_time_ranges(
        [(timezone.localtime(starts, zone).time(), timezone.localtime(ends, zone).time())]
    )


def appointment_when(starts: datetime, ends: datetime) -> str:
    """ "Di, 24. November 2026, 15–15:30 Uhr"."""
    day = timezone.localtime(starts, local_zone()).date()
    return f"{day_text(day)}, {time_range_text(starts, ends)}"


def place_text(place) -> str:
    address = " ".join(filter(None, [place.postcode, place.city]))
    return ", ".join(filter(None, [place.name, place.street, address]))
