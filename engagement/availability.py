"""Availability as a weekday × time-of-day grid, stored as a 21-bit integer so that the
overlap of a volunteer's and an opportunity's times is one AND in SQL or Python."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

WEEKDAYS = [
    pgettext_lazy("weekday abbreviation", "Mon"),
    pgettext_lazy("weekday abbreviation", "Tue"),
    pgettext_lazy("weekday abbreviation", "Wed"),
    pgettext_lazy("weekday abbreviation", "Thu"),
    pgettext_lazy("weekday abbreviation", "Fri"),
    pgettext_lazy("weekday abbreviation", "Sat"),
    pgettext_lazy("weekday abbreviation", "Sun"),
]
TIMES_OF_DAY = [_("mornings"), _("afternoons"), _("evenings")]
ALL_SLOTS = (1 << (len(WEEKDAYS) * len(TIMES_OF_DAY))) - 1


def slot_bit(weekday: int, time_of_day: int) -> int:
    """weekday 0 = Monday; time_of_day 0 = morning, 1 = afternoon, 2 = evening."""
    return 1 << (weekday * len(TIMES_OF_DAY) + time_of_day)


def slots_from_pairs(pairs) -> int:
    value = 0
    for weekday, time_of_day in pairs:
        value |= slot_bit(weekday, time_of_day)
    return value


def pairs_from_slots(value: int) -> list[tuple[int, int]]:
    return [
        (weekday, time_of_day)
        for weekday in range(len(WEEKDAYS))
        for time_of_day in range(len(TIMES_OF_DAY))
        if value & slot_bit(weekday, time_of_day)
    ]


def overlap(a: int, b: int) -> int:
    """How many grid cells two availabilities share."""
    return (a & b).bit_count()


def weekdays_in(value: int) -> list[int]:
    return sorted({weekday for weekday, _time in pairs_from_slots(value)})
