"""Office-hours logic. Every test passes `now` explicitly; times are Europe/Berlin."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from directory.models import Weekday
from directory.opening import OfficeHours, format_time_ranges, open_place_ids, public_holiday

from .factories import ClosureFactory, ExtraOpeningFactory, OfficeHourRuleFactory, PlaceFactory

BERLIN = ZoneInfo("Europe/Berlin")
pytestmark = pytest.mark.django_db


def berlin(*args):
    return datetime(*args, tzinfo=BERLIN)


@pytest.fixture
def place():
    return PlaceFactory()


def add_hours(place, weekday, opens, closes):
    OfficeHourRuleFactory(place=place, weekday=weekday, opens=opens, closes=closes)


def test_open_during_a_slot_and_closed_between_two_slots_of_one_day(place):
    add_hours(place, Weekday.MONDAY, time(9), time(12))
    add_hours(place, Weekday.MONDAY, time(14), time(16, 30))
    hours = OfficeHours(place)

    morning = hours.status(berlin(2026, 11, 16, 11, 59))
    assert morning.is_open
    assert morning.closes_at == berlin(2026, 11, 16, 12, 0)

    lunch = hours.status(berlin(2026, 11, 16, 12, 0))
    assert not lunch.is_open
    assert lunch.next_opens_at == berlin(2026, 11, 16, 14, 0)

    assert hours.status(berlin(2026, 11, 16, 16, 29)).is_open
    assert not hours.status(berlin(2026, 11, 16, 16, 30)).is_open


def test_a_closure_closes_the_place_and_pushes_next_opening(place):
    add_hours(place, Weekday.TUESDAY, time(15), time(18))
    ClosureFactory(
        place=place, starts_on=date(2026, 11, 24), ends_on=date(2026, 11, 24), reason="Klausur"
    )
    status = OfficeHours(place).status(berlin(2026, 11, 24, 16, 0))

    assert not status.is_open
    assert status.closed_reason == "Klausur"
    assert status.next_opens_at == berlin(2026, 12, 1, 15, 0)


def test_an_extra_date_opens_a_day_without_weekly_hours(place):
    add_hours(place, Weekday.TUESDAY, time(15), time(18))
    ExtraOpeningFactory(place=place, date=date(2026, 11, 21), opens=time(10), closes=time(12))
    hours = OfficeHours(place)

    assert hours.status(berlin(2026, 11, 21, 10, 30)).is_open
    assert hours.status(berlin(2026, 11, 21, 9, 0)).next_opens_at == berlin(2026, 11, 21, 10, 0)


def test_buss_und_bettag_in_saxony_closes_the_wednesday_slot(place, settings):
    settings.GEMEINWERK_STATE = "SN"
    add_hours(place, Weekday.WEDNESDAY, time(10), time(13))
    assert public_holiday(date(2026, 11, 18), "SN")

    status = OfficeHours(place).status(berlin(2026, 11, 18, 11, 0))

    assert not status.is_open
    assert status.closed_reason == public_holiday(date(2026, 11, 18), "SN")
    assert status.next_opens_at == berlin(2026, 11, 25, 10, 0)


def test_buss_und_bettag_is_a_working_day_outside_saxony(place):
    add_hours(place, Weekday.WEDNESDAY, time(10), time(13))
    assert OfficeHours(place, state="BE").status(berlin(2026, 11, 18, 11, 0)).is_open


def test_next_open_skips_the_weekend(place):
    add_hours(place, Weekday.MONDAY, time(9), time(12))
    add_hours(place, Weekday.FRIDAY, time(9), time(12))

    status = OfficeHours(place).status(berlin(2026, 11, 20, 12, 0))

    assert not status.is_open
    assert status.next_opens_at == berlin(2026, 11, 23, 9, 0)


def test_no_rules_means_never_open(place):
    status = OfficeHours(place).status(berlin(2026, 11, 20, 12, 0))
    assert not status.is_open
    assert status.next_opens_at is None


@pytest.mark.parametrize(
    ("utc_now", "expected_open"),
    [
        # Winter time (CET, UTC+1): 9:30 local is 8:30 UTC.
        (datetime(2026, 3, 23, 8, 30, tzinfo=UTC), True),
        (datetime(2026, 3, 23, 7, 30, tzinfo=UTC), False),
        # Summer time (CEST, UTC+2) from 29 March 2026: 9:30 local is 7:30 UTC.
        (datetime(2026, 3, 30, 7, 30, tzinfo=UTC), True),
        (datetime(2026, 3, 30, 10, 30, tzinfo=UTC), False),
    ],
)
def test_office_hours_follow_local_time_across_the_dst_change(place, utc_now, expected_open):
    add_hours(place, Weekday.MONDAY, time(9), time(12))
    assert OfficeHours(place).status(utc_now).is_open is expected_open


def test_next_open_across_the_dst_change_is_local_wall_clock_time(place):
    add_hours(place, Weekday.MONDAY, time(9), time(12))
    # Saturday before the switch, given in UTC.
    status = OfficeHours(place).status(datetime(2026, 3, 28, 12, 0, tzinfo=UTC))
    assert status.next_opens_at.astimezone(UTC) == datetime(2026, 3, 30, 7, 0, tzinfo=UTC)


def test_weekly_summary_in_german(place):
    add_hours(place, Weekday.MONDAY, time(14), time(16, 30))
    add_hours(place, Weekday.MONDAY, time(9), time(12))
    add_hours(place, Weekday.TUESDAY, time(15), time(18))
    with translation.override("de"):
        assert OfficeHours(place).weekly_summary() == [
            "Mo 9–12 und 14–16:30 Uhr",
            "Di 15–18 Uhr",
        ]


def test_weekly_summary_in_english(place):
    add_hours(place, Weekday.TUESDAY, time(15), time(18))
    with translation.override("en"):
        assert OfficeHours(place).weekly_summary() == ["Tue 15:00–18:00"]


def test_format_time_ranges_joins_three_ranges_in_german():
    with translation.override("de"):
        ranges = [(time(8), time(9)), (time(10), time(11)), (time(12), time(13, 15))]
        assert format_time_ranges(ranges) == "8–9, 10–11 und 12–13:15 Uhr"


def test_schema_org_hours(place):
    add_hours(place, Weekday.TUESDAY, time(15), time(18))
    assert OfficeHours(place).schema_org_hours() == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Tuesday",
            "opens": "15:00",
            "closes": "18:00",
        }
    ]


def test_open_place_ids_with_prefetched_places_costs_no_query(place, django_assert_num_queries):
    add_hours(place, Weekday.MONDAY, time(9), time(12))
    closed = PlaceFactory()
    add_hours(closed, Weekday.TUESDAY, time(9), time(12))
    places = list(
        type(place)
        .objects.filter(pk__in=[place.pk, closed.pk])
        .prefetch_related("office_hours", "closures", "extra_openings")
    )
    with django_assert_num_queries(0):
        assert open_place_ids(places, berlin(2026, 11, 16, 10, 0)) == {place.pk}


def test_next_opening_is_said_as_people_say_it():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from django.utils import translation

    from directory.opening import format_moment

    berlin = ZoneInfo("Europe/Berlin")
    saturday_morning = datetime(2026, 11, 21, 8, 0, tzinfo=berlin)
    with translation.override("de"):
        assert format_moment(datetime(2026, 11, 21, 10, 0, tzinfo=berlin), saturday_morning) == (
            "heute, 10 Uhr"
        )
        assert format_moment(datetime(2026, 11, 22, 9, 30, tzinfo=berlin), saturday_morning) == (
            "morgen, 9:30 Uhr"
        )
        assert format_moment(datetime(2026, 11, 24, 15, 0, tzinfo=berlin), saturday_morning) == (
            "Dienstag, 24. November, 15 Uhr"
        )
    with translation.override("en"):
        assert format_moment(datetime(2026, 11, 21, 10, 0, tzinfo=berlin), saturday_morning) == (
            "today, 10:00"
        )


def test_open_now_among_a_queryset_loads_only_what_today_needs(django_assert_num_queries):
    """1 candidate places (a rule today or an extra date today), 2 today's rules,
    3 closures covering today, 4 extra dates today."""
    from directory.models import Place
    from directory.opening import open_place_ids_among

    monday_ten = berlin(2026, 11, 16, 10, 0)
    open_on_monday = PlaceFactory()
    OfficeHourRuleFactory(place=open_on_monday, weekday=0, opens=time(9), closes=time(12))
    closed_for_holidays = PlaceFactory()
    OfficeHourRuleFactory(place=closed_for_holidays, weekday=0, opens=time(9), closes=time(12))
    ClosureFactory(
        place=closed_for_holidays, starts_on=monday_ten.date(), ends_on=monday_ten.date()
    )
    only_tuesdays = PlaceFactory()
    OfficeHourRuleFactory(place=only_tuesdays, weekday=1, opens=time(9), closes=time(12))
    extra_today = PlaceFactory()
    ExtraOpeningFactory(place=extra_today, date=monday_ten.date(), opens=time(9), closes=time(11))

    with django_assert_num_queries(4):
        assert open_place_ids_among(Place.objects.all(), monday_ten) == {
            open_on_monday.pk,
            extra_today.pk,
        }
