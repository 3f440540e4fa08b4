"""Free slots cut from a place's office hours (Tue 15–18 Uhr), with buffer, closures,
public holidays, extra dates, blocked times and booked advisers."""

from datetime import date, datetime, time, timedelta

import pytest

from advice.models import AppointmentStatus, BlockedTime
from advice.slots import free_slots, parse_start, parse_week
from directory.models import Weekday
from directory.opening import local_zone
from directory.tests.factories import (
    ClosureFactory,
    ExtraOpeningFactory,
    OfficeHourRuleFactory,
    UserFactory,
)

from .factories import AppointmentFactory, AppointmentScheduleFactory

pytestmark = pytest.mark.django_db

TUESDAY = date(2026, 11, 24)
# The Friday before, in the morning: Tuesday is well within notice and horizon.
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=local_zone())


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), local_zone())


def starts(slots) -> list[str]:
    return [f"{slot.starts.astimezone(local_zone()):%d %H:%M}" for slot in slots]


@pytest.fixture
def adviser():
    return UserFactory()


def schedule_with_hours(advisers, **options):
    schedule = AppointmentScheduleFactory(advisers=advisers, **options)
    OfficeHourRuleFactory(place=schedule.place, weekday=Weekday.TUESDAY)
    return schedule


def test_thirty_minute_slots_without_buffer(adviser):
    schedule = schedule_with_hours([adviser], length_minutes=30, buffer_minutes=0)
    slots = free_slots(schedule, TUESDAY, TUESDAY, now=NOW)
    assert starts(slots) == ["24 15:00", "24 15:30", "24 16:00", "24 16:30", "24 17:00", "24 17:30"]
    assert all(slot.ends - slot.starts == timedelta(minutes=30) for slot in slots)
    assert slots[0].adviser_ids == (adviser.pk,)


def test_a_buffer_of_fifteen_minutes_spaces_the_slots(adviser):
    schedule = schedule_with_hours([adviser], length_minutes=30, buffer_minutes=15)
    slots = free_slots(schedule, TUESDAY, TUESDAY, now=NOW)
    assert starts(slots) == ["24 15:00", "24 15:45", "24 16:30", "24 17:15"]


def test_only_office_hour_days_have_slots(adviser):
    schedule = schedule_with_hours([adviser])
    slots = free_slots(schedule, date(2026, 11, 21), date(2026, 12, 6), now=NOW)
    assert {slot.starts.astimezone(local_zone()).date() for slot in slots} == {
        date(2026, 11, 24),
        date(2026, 12, 1),
    }


def test_a_closure_removes_the_day_and_an_extra_date_adds_one(adviser):
    schedule = schedule_with_hours([adviser])
    ClosureFactory(place=schedule.place, starts_on=TUESDAY, ends_on=TUESDAY, reason="Umzug")
    saturday = date(2026, 11, 28)
    ExtraOpeningFactory(place=schedule.place, date=saturday, opens=time(10), closes=time(11))
    slots = free_slots(schedule, TUESDAY, saturday, now=NOW)
    assert starts(slots) == ["28 10:00", "28 10:30"]


def test_no_slots_on_a_public_holiday(adviser):
    christmas = date(2026, 12, 25)  # a Friday
    schedule = AppointmentScheduleFactory(advisers=[adviser], horizon_days=60)
    OfficeHourRuleFactory(
        place=schedule.place, weekday=Weekday.FRIDAY, opens=time(10), closes=time(12)
    )
    slots = free_slots(schedule, date(2026, 12, 14), date(2026, 12, 31), now=NOW)
    days = {slot.starts.astimezone(local_zone()).date() for slot in slots}
    assert days == {date(2026, 12, 18)}
    assert christmas not in days


def test_blocked_time_takes_the_slots_it_overlaps(adviser):
    schedule = schedule_with_hours([adviser])
    BlockedTime.objects.create(
        adviser=adviser, starts_at=at(TUESDAY, 14, 30), ends_at=at(TUESDAY, 16, 15)
    )
    slots = free_slots(schedule, TUESDAY, TUESDAY, now=NOW)
    assert starts(slots) == ["24 16:30", "24 17:00", "24 17:30"]


def test_a_booked_adviser_is_not_free_and_the_buffer_counts_around_bookings(adviser):
    schedule = schedule_with_hours([adviser], buffer_minutes=15)
    # Booked at another schedule, off this schedule's grid: 16:00–16:30 plus 15 minutes
    # either side keeps 15:45 and 16:30 away.
    AppointmentFactory(adviser=adviser, starts_at=at(TUESDAY, 16), ends_at=at(TUESDAY, 16, 30))
    slots = free_slots(schedule, TUESDAY, TUESDAY, now=NOW)
    assert starts(slots) == ["24 15:00", "24 17:15"]


def test_cancelled_appointments_free_the_time(adviser):
    schedule = schedule_with_hours([adviser])
    AppointmentFactory(
        schedule=schedule,
        adviser=adviser,
        starts_at=at(TUESDAY, 15),
        status=AppointmentStatus.CANCELLED,
    )
    assert starts(free_slots(schedule, TUESDAY, TUESDAY, now=NOW))[0] == "24 15:00"


def test_with_two_advisers_a_slot_stays_free_while_one_is_booked(adviser):
    colleague = UserFactory()
    schedule = schedule_with_hours([adviser, colleague])
    AppointmentFactory(schedule=schedule, adviser=adviser, starts_at=at(TUESDAY, 15))
    slots = free_slots(schedule, TUESDAY, TUESDAY, now=NOW)
    assert starts(slots)[0] == "24 15:00"
    assert slots[0].adviser_ids == (colleague.pk,)
    assert slots[1].adviser_ids == tuple(sorted([adviser.pk, colleague.pk]))

    AppointmentFactory(schedule=schedule, adviser=colleague, starts_at=at(TUESDAY, 15))
    assert starts(free_slots(schedule, TUESDAY, TUESDAY, now=NOW))[0] == "24 15:30"


def test_notice_period_and_horizon_limit_the_offer(adviser):
    schedule = schedule_with_hours([adviser], notice_hours=2, horizon_days=7)
    tuesday_afternoon = at(TUESDAY, 14, 10)
    slots = free_slots(schedule, TUESDAY, TUESDAY + timedelta(days=14), now=tuesday_afternoon)
    # 14:10 + 2 hours: 16:30 is the first; the Tuesday after next is beyond 7 days.
    assert starts(slots) == ["24 16:30", "24 17:00", "24 17:30", "01 15:00", "01 15:30"] + [
        "01 16:00",
        "01 16:30",
        "01 17:00",
        "01 17:30",
    ]


def test_a_schedule_without_advisers_offers_nothing():
    schedule = schedule_with_hours([])
    assert free_slots(schedule, TUESDAY, TUESDAY, now=NOW) == []


def test_a_month_of_slots_costs_a_fixed_number_of_queries(adviser, django_assert_num_queries):
    schedule = schedule_with_hours([adviser, UserFactory()])
    for week in range(4):
        AppointmentFactory(
            schedule=schedule, adviser=adviser, starts_at=at(TUESDAY + timedelta(weeks=week), 15)
        )
    schedule = type(schedule).objects.select_related("place").get(pk=schedule.pk)
    # advisers; office hours, closures, extra dates of the place; appointments; blocked times
    with django_assert_num_queries(6):
        slots = free_slots(schedule, TUESDAY, TUESDAY + timedelta(days=27), now=NOW)
    assert len(slots) == 24


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-W48", date(2026, 11, 23)),
        ("2026-w01", date(2025, 12, 29)),
        ("2026-W54", None),
        ("99999999-W1", None),
        ("", None),
        ("abc", None),
        (None, None),
    ],
)
def test_week_parameter(value, expected):
    assert parse_week(value) == expected


def test_slot_start_parameter():
    assert parse_start("2026-11-24T15:00:00+01:00") == at(TUESDAY, 15)
    assert parse_start("2026-11-24T15:00") == at(TUESDAY, 15)
    for hostile in ("", "x" * 100, "2026-13-01T10:00", "tomorrow", None):
        assert parse_start(hostile) is None
