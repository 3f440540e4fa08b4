"""Many people booking the same slot in the same second: only a real database with row
locks can show that a slot is never booked twice, so this runs on PostgreSQL."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from advice.models import Appointment, AppointmentStatus
from advice.services.appointments import appointment_book
from directory.models import Weekday

from .appointment_helpers import at, booking_kwargs, make_schedule, upcoming

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]

PEOPLE = 20


def run_at_once(actions):
    """Run each action in its own thread and connection, released together by a barrier;
    return what each raised (or None)."""
    barrier = threading.Barrier(len(actions))
    outcomes = [None] * len(actions)

    def run(index, action):
        try:
            # Connect first, so the barrier releases everyone straight into the booking.
            connection.ensure_connection()
            barrier.wait()
            action()
        except Exception as error:  # noqa: BLE001 - the outcome is what the test inspects
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def booking(schedule, topic, starts_at, number):
    return lambda: appointment_book(
        **booking_kwargs(
            schedule, topic, starts_at, name=f"Person {number}", email=f"p{number}@example.org"
        )
    )


def _taken(outcome) -> bool:
    return isinstance(outcome, ValidationError) and [
        error.code for errors in outcome.error_dict.values() for error in errors
    ] == ["taken"]


@pytest.mark.parametrize("advisers", [1, 2])
def test_twenty_people_booking_one_slot_at_once_get_one_booking_per_adviser(advisers):
    schedule, topic = make_schedule(advisers=advisers)
    starts_at = at(upcoming(Weekday.TUESDAY), 15)

    outcomes = run_at_once(
        [booking(schedule, topic, starts_at, number) for number in range(PEOPLE)]
    )

    succeeded = [outcome for outcome in outcomes if outcome is None]
    refused = [outcome for outcome in outcomes if outcome is not None]
    assert len(succeeded) == advisers
    assert len(refused) == PEOPLE - advisers
    assert all(_taken(outcome) for outcome in refused), refused
    booked = Appointment.objects.filter(starts_at=starts_at, status=AppointmentStatus.BOOKED)
    assert booked.count() == advisers
    assert set(booked.values_list("adviser", flat=True)) == set(
        schedule.advisers.values_list("pk", flat=True)
    )


def test_one_adviser_in_two_schedules_is_never_booked_twice_at_overlapping_times():
    """Different schedules and different start times, so no unique constraint applies:
    only the lock on the adviser keeps the two bookings apart."""
    short, short_topic = make_schedule(advisers=1, length_minutes=30)
    adviser = short.advisers.get()
    longer, longer_topic = make_schedule(advisers=0, length_minutes=45)
    longer.advisers.set([adviser])
    day = upcoming(Weekday.TUESDAY)

    for _round in range(5):
        Appointment.objects.all().delete()
        outcomes = run_at_once(
            [
                booking(short, short_topic, at(day, 15, 30), 1),  # 15:30–16:00
                booking(longer, longer_topic, at(day, 15, 45), 2),  # 15:45–16:30
            ]
        )
        assert sorted(outcome is None for outcome in outcomes) == [False, True], outcomes
        assert Appointment.objects.filter(status=AppointmentStatus.BOOKED).count() == 1
