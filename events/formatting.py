"""How dates and places of events are written for people, the same on pages, in e-mails
and on the printed attendance list: "Di, 24. November 2026, 15–18 Uhr"."""

from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language

from directory.opening import format_time, format_time_ranges

from .models import Occurrence


def _day_format() -> str:
    return "D, j. F Y" if (get_language() or "de").startswith("de") else "D, j F Y"


def date_range_text(starts_at: datetime, ends_at: datetime) -> str:
    """ "Di, 24. November 2026, 15–18 Uhr"; over several days both ends are named:
    "Sa, 1. August 2026, 10 Uhr – So, 2. August 2026, 16 Uhr"."""
    day_format = _day_format()
    starts, ends = timezone.localtime(starts_at), timezone.localtime(ends_at)
    if starts.date() == ends.date():
        times = format_time_ranges([(starts.time(), ends.time())])
        return f"{date_format(starts, day_format)}, {times}"
    return (
        f"{date_format(starts, day_format)}, {format_time(starts.time())} – "
        f"{date_format(ends, day_format)}, {format_time(ends.time())}"
    )


def occurrence_when(occurrence: Occurrence) -> str:
    return date_range_text(occurrence.starts_at, occurrence.ends_at)


def occurrence_where(occurrence: Occurrence) -> str:
    """The place's name and address, the note on the location, the online link."""
    event = occurrence.event
    parts = []
    if event.place_id:
        place = event.place
        address = " ".join(filter(None, [place.postcode, place.city]))
        parts.append(", ".join(filter(None, [place.name, place.street, address])))
    if event.location_note:
        parts.append(event.location_note)
    if event.online_url:
        parts.append(event.online_url)
    return "\n".join(parts)
