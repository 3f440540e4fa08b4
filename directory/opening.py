"""Office hours: which weekly rules, closures, extra dates and public holidays make a place
open at a given moment, and how to say so in German ("Di 15–18 Uhr")."""

import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
from babel.dates import get_day_names
from babel.lists import format_list
from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, pgettext, to_locale

from .models import Closure, ExtraOpening, OfficeHourRule

# Far enough to find the next opening of a place that opens once a month or after the
# summer break, short enough to stay cheap.
LOOKAHEAD_DAYS = 62


def _babel_locale() -> str:
    return to_locale(get_language() or settings.LANGUAGE_CODE)


def _weekday_abbreviations() -> list[str]:
    """Monday first, from CLDR ("Mo", "Di", …), so German output needs no catalogue entry."""
    names = get_day_names("abbreviated", "stand-alone", locale=_babel_locale())
    return [names[weekday] for weekday in range(7)]


@functools.lru_cache(maxsize=32)
def _holidays_for(state: str, year: int):
    return holidays.country_holidays("DE", subdiv=state, years=year, language="de")


def public_holiday(day: date, state: str | None = None) -> str | None:
    """The name of the public holiday on `day` in the configured federal state, if any."""
    return _holidays_for(state or settings.GEMEINWERK_STATE, day.year).get(day)


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


@dataclass(frozen=True)
class Slot:
    starts: datetime
    ends: datetime


@dataclass(frozen=True)
class OpeningStatus:
    is_open: bool
    closes_at: datetime | None
    next_opens_at: datetime | None
    closed_reason: str = ""


def _local(moment: datetime | None) -> datetime:
    """`moment` (default: now) in the platform's time zone."""
    return (
        timezone.localtime(moment, local_zone())
        if moment
        else timezone.localtime(timezone=local_zone())
    )


class OfficeHours:
    """The opening times of one place. Reads `place.office_hours`, `place.closures` and
    `place.extra_openings` through `.all()`, so a list that prefetches them costs no query."""

    def __init__(self, place, state: str | None = None):
        self.place = place
        self.state = state or settings.GEMEINWERK_STATE
        self.rules = sorted(place.office_hours.all(), key=lambda rule: (rule.weekday, rule.opens))
        self.closures = list(place.closures.all())
        self.extras = defaultdict(list)
        for extra in place.extra_openings.all():
            self.extras[extra.date].append(extra)

    def closed_reason(self, day: date) -> str:
        for closure in self.closures:
            if closure.starts_on <= day <= closure.ends_on:
                return closure.reason or pgettext("office hours", "closed")
        return public_holiday(day, self.state) or ""

    def slots_on(self, day: date) -> list[Slot]:
        zone = local_zone()
        times = [(extra.opens, extra.closes) for extra in self.extras.get(day, [])]
        if not self.closed_reason(day):
            times += [
                (rule.opens, rule.closes) for rule in self.rules if rule.weekday == day.weekday()
            ]
        return [
            Slot(datetime.combine(day, opens, zone), datetime.combine(day, closes, zone))
            for opens, closes in sorted(times)
        ]

    def is_open_at(self, now: datetime | None = None) -> bool:
        now = _local(now)
        return any(slot.starts <= now < slot.ends for slot in self.slots_on(now.date()))

    def status(self, now: datetime | None = None) -> OpeningStatus:
        now = _local(now)
        today = now.date()
        for slot in self.slots_on(today):
            if slot.starts <= now < slot.ends:
                return OpeningStatus(True, slot.ends, None)
        next_opens_at = None
        # Without weekly rules only a future extra date can open the place again.
        may_open_again = self.rules or any(day >= today for day in self.extras)
        for offset in range(LOOKAHEAD_DAYS if may_open_again else 0):
            upcoming = [s for s in self.slots_on(today + timedelta(days=offset)) if s.starts > now]
            if upcoming:
                next_opens_at = upcoming[0].starts
                break
        return OpeningStatus(False, None, next_opens_at, self.closed_reason(today))

    def weekly_summary(self) -> list[str]:
        """One line per weekday with office hours, e.g. ["Di 15–18 Uhr", "Mi 10–13 Uhr"]."""
        by_day: dict[int, list] = defaultdict(list)
        for rule in self.rules:
            by_day[rule.weekday].append(rule)
        names = _weekday_abbreviations()
        return [
            f"{names[weekday]} {format_time_ranges((r.opens, r.closes) for r in rules)}"
            for weekday, rules in sorted(by_day.items())
        ]

    def schema_org_hours(self) -> list[dict]:
        """openingHoursSpecification entries for schema.org JSON-LD."""
        day_names = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ]
        return [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"https://schema.org/{day_names[rule.weekday]}",
                "opens": rule.opens.strftime("%H:%M"),
                "closes": rule.closes.strftime("%H:%M"),
            }
            for rule in self.rules
        ]


def _is_german() -> bool:
    return (get_language() or "de").startswith("de")


def format_clock(value: time) -> str:
    """German style drops full hours' minutes (15:00 → "15", 15:30 → "15:30")."""
    if _is_german():
        return str(value.hour) if value.minute == 0 else f"{value.hour}:{value.minute:02d}"
    return value.strftime("%H:%M")


def format_time(value: time) -> str:
    """15:00 → "15 Uhr" in German, "15:00" otherwise."""
    return f"{format_clock(value)} Uhr" if _is_german() else format_clock(value)


def format_moment(moment: datetime, now: datetime | None = None) -> str:
    """ "today, 15 Uhr", "tomorrow, 10 Uhr" or "Tuesday, 24 November, 15 Uhr"."""
    local = _local(moment)
    today = _local(now).date()
    if local.date() == today:
        day = pgettext("relative day", "today")
    elif local.date() == today + timedelta(days=1):
        day = pgettext("relative day", "tomorrow")
    else:
        day = date_format(local, "l, j. F")
    return f"{day}, {format_time(local.time())}"


def format_time_ranges(ranges: Iterable[tuple[time, time]]) -> str:
    """[(15:00, 18:00)] → "15–18 Uhr"; several ranges are joined with "und"."""
    parts = [f"{format_clock(opens)}–{format_clock(closes)}" for opens, closes in ranges]
    joined = format_list(parts, locale=_babel_locale())
    return f"{joined} Uhr" if _is_german() else joined


def open_place_ids(places: Iterable, now: datetime | None = None) -> set[int]:
    """Ids of the places open at `now`; `places` should prefetch their office hours."""
    return {place.pk for place in places if OfficeHours(place).is_open_at(now)}


def open_place_ids_among(places, now: datetime | None = None) -> set[int]:
    """Ids of the places in the queryset `places` open at `now`. Only places with a rule for
    today's weekday or an extra date today can be open, and only today's rules, closures and
    extra dates matter, so just those are loaded (four queries, whatever the region's size)."""
    today = _local(now).date()
    candidates = places.filter(
        Q(office_hours__weekday=today.weekday()) | Q(extra_openings__date=today)
    ).distinct()
    return open_place_ids(
        candidates.only("pk").prefetch_related(
            Prefetch("office_hours", OfficeHourRule.objects.filter(weekday=today.weekday())),
            Prefetch("closures", Closure.objects.filter(starts_on__lte=today, ends_on__gte=today)),
            Prefetch("extra_openings", ExtraOpening.objects.filter(date=today)),
        ),
        now,
    )
