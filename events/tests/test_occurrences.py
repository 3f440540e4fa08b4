from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from events.models import Occurrence, RegistrationStatus
from events.recurrence import Frequency, build_rule, frequency_of, occurrence_starts, until_of
from events.services.occurrences import event_occurrences_sync

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def local(*args):
    return timezone.make_aware(datetime(*args))


def test_weekly_rule_keeps_local_time_across_daylight_saving():
    starts_at = local(2026, 10, 20, 15, 0)
    rule = build_rule(frequency=Frequency.WEEKLY, starts_at=starts_at, until=date(2026, 11, 3))
    starts = occurrence_starts(rule=rule, starts_at=starts_at)
    assert [timezone.localtime(start).hour for start in starts] == [15, 15, 15]
    assert [timezone.localtime(start).date() for start in starts] == [
        date(2026, 10, 20),
        date(2026, 10, 27),
        date(2026, 11, 3),
    ]


def test_exceptions_leave_out_dates():
    starts_at = local(2026, 12, 1, 10, 0)
    rule = build_rule(frequency=Frequency.WEEKLY, starts_at=starts_at, until=date(2026, 12, 29))
    starts = occurrence_starts(rule=rule, starts_at=starts_at, exceptions=["2026-12-22"])
    assert date(2026, 12, 22) not in [timezone.localtime(s).date() for s in starts]
    assert len(starts) == 4


@pytest.mark.parametrize(
    ("month", "day", "expected"),
    [(10, 6, "BYDAY=1TU"), (10, 13, "BYDAY=2TU"), (10, 27, "BYDAY=4TU"), (9, 29, "BYDAY=-1TU")],
)
def test_monthly_weekday_rule(month, day, expected):
    rule = build_rule(frequency=Frequency.MONTHLY_WEEKDAY, starts_at=local(2026, month, day, 9, 0))
    assert expected in rule
    assert frequency_of(rule) == Frequency.MONTHLY_WEEKDAY


def test_rule_round_trips_for_the_edit_form():
    rule = build_rule(
        frequency=Frequency.BIWEEKLY, starts_at=local(2026, 10, 6, 9, 0), until=date(2027, 3, 2)
    )
    assert frequency_of(rule) == Frequency.BIWEEKLY
    assert until_of(rule) == date(2027, 3, 2)


def test_open_ended_series_stops_at_the_horizon():
    starts_at = local(2026, 10, 6, 9, 0)
    starts = occurrence_starts(
        rule=build_rule(frequency=Frequency.WEEKLY, starts_at=starts_at), starts_at=starts_at
    )
    assert 52 <= len(starts) <= 53


def test_sync_creates_one_date_per_rule_date_and_rejects_a_rule_without_dates():
    event = EventFactory(with_occurrences=False)
    event.recurrence_rule = build_rule(
        frequency=Frequency.WEEKLY,
        starts_at=event.starts_at,
        until=timezone.localtime(event.starts_at).date() + timedelta(days=21),
    )
    event_occurrences_sync(event=event)
    assert event.occurrences.count() == 4

    event.recurrence_exceptions = [
        timezone.localtime(o.starts_at).date().isoformat() for o in event.occurrences.all()
    ]
    with pytest.raises(ValidationError):
        event_occurrences_sync(event=event)
    assert event.occurrences.count() == 4


def test_sync_cancels_a_removed_date_with_registrations_and_deletes_empty_ones():
    event = EventFactory(with_occurrences=False)
    event.recurrence_rule = build_rule(
        frequency=Frequency.WEEKLY,
        starts_at=event.starts_at,
        until=timezone.localtime(event.starts_at).date() + timedelta(days=14),
    )
    event_occurrences_sync(event=event)
    second, third = list(event.occurrences.all())[1:]
    RegistrationFactory(occurrence=second, status=RegistrationStatus.CONFIRMED)
    event.recurrence_exceptions = [
        timezone.localtime(second.starts_at).date().isoformat(),
        timezone.localtime(third.starts_at).date().isoformat(),
    ]
    cancelled = event_occurrences_sync(event=event)
    assert cancelled == [second]
    second.refresh_from_db()
    assert second.is_cancelled
    assert not Occurrence.objects.filter(pk=third.pk).exists()
