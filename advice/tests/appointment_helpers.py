"""Shared set-up for the appointment tests: a schedule at a place open Tuesdays 15–18 Uhr,
and dates counted from today, since the services compare with the real clock."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from directory.models import Weekday
from directory.opening import local_zone, public_holiday
from directory.tests.factories import OfficeHourRuleFactory

from .factories import AdviceRoleFactory, AdviceTopicFactory, AppointmentScheduleFactory


def today() -> date:
    return timezone.localdate(timezone.now(), local_zone())


def upcoming(weekday: int, at_least_days: int = 3) -> date:
    """The first `weekday` at least `at_least_days` from today that is no public holiday."""
    day = today() + timedelta(days=at_least_days)
    while day.weekday() != weekday or public_holiday(day):
        day += timedelta(days=1)
    return day


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), local_zone())


def next_public_holiday(at_least_days: int = 3) -> date:
    day = today() + timedelta(days=at_least_days)
    while not public_holiday(day):
        day += timedelta(days=1)
    return day


def make_schedule(advisers: int = 1, **options):
    """A schedule with `advisers` advisers of its organisation and one topic, Tuesdays
    15–18 Uhr, 30 minutes, bookable 28 days ahead with 2 hours' notice."""
    options.setdefault("horizon_days", 28)
    options.setdefault("notice_hours", 2)
    topic = AdviceTopicFactory()
    schedule = AppointmentScheduleFactory(topics=[topic], **options)
    roles = [AdviceRoleFactory(organisation=schedule.organisation) for _ in range(advisers)]
    schedule.advisers.set([role.user for role in roles])
    OfficeHourRuleFactory(place=schedule.place, weekday=Weekday.TUESDAY)
    return schedule, topic


def booking_kwargs(schedule, topic, starts_at, **overrides):
    return {
        "schedule": schedule,
        "topic": topic,
        "starts_at": starts_at,
        "name": "Frau K.",
        "email": "k@example.org",
        "phone": "",
        "consent_text": "Einwilligung",
        "base_url": "http://testserver/",
        **overrides,
    }
