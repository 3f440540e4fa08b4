"""Many people registering in the same second: only a real database with row locks can
show that the capacity holds, so this runs on PostgreSQL."""

import threading

import pytest
from django.db import connection, connections

from ..models import RegistrationStatus
from ..services.registrations import registration_cancel, registration_create
from .factories import EventFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]

CAPACITY = 10
PEOPLE = 60


def run_at_once(actions):
    """Run each action in its own thread and connection, released together by a barrier;
    return what each raised (or None)."""
    barrier = threading.Barrier(len(actions))
    outcomes = [None] * len(actions)

    def run(index, action):
        try:
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


def registering(occurrence, number):
    return lambda: registration_create(
        occurrence=occurrence,
        name=f"Person {number}",
        email=f"person{number}@example.org",
        consent_text="Einwilligung",
        base_url="http://testserver/",
    )


@pytest.fixture
def occurrence():
    event = EventFactory(registration_required=True, capacity=CAPACITY)
    return event.occurrences.get()


def test_sixty_registrations_at_once_confirm_exactly_ten_and_queue_the_rest_in_order(
    occurrence,
):
    outcomes = run_at_once([registering(occurrence, number) for number in range(PEOPLE)])

    assert outcomes == [None] * PEOPLE
    in_order = list(occurrence.registrations.order_by("created_at", "pk"))
    assert len(in_order) == PEOPLE
    statuses = [registration.status for registration in in_order]
    # The first ten to get the lock hold the places; everyone after them waits, so the
    # waiting list (by created_at) is one unbroken run behind the confirmed ones.
    assert statuses == [RegistrationStatus.CONFIRMED] * CAPACITY + [RegistrationStatus.WAITING] * (
        PEOPLE - CAPACITY
    )
    waiting = list(occurrence.registrations.waiting_in_order())
    assert [registration.pk for registration in waiting] == [
        registration.pk for registration in in_order[CAPACITY:]
    ]
    assert len({registration.created_at for registration in in_order}) == PEOPLE


def test_cancellations_and_registrations_at_once_never_exceed_the_capacity(occurrence):
    holders = [registering(occurrence, number)() for number in range(CAPACITY)]
    for number in range(CAPACITY, CAPACITY + 5):
        registering(occurrence, number)()

    outcomes = run_at_once(
        [
            *(
                (
                    lambda holder=holder: registration_cancel(
                        registration=holder, base_url="http://testserver/"
                    )
                )
                for holder in holders[:5]
            ),
            *(registering(occurrence, number) for number in range(100, 150)),
        ]
    )

    assert outcomes == [None] * 55
    confirmed = occurrence.registrations.filter(status=RegistrationStatus.CONFIRMED)
    assert sum(confirmed.values_list("party_size", flat=True)) == CAPACITY
    # The five who waited before the rush moved up first.
    waiting_before = {f"person{number}@example.org" for number in range(CAPACITY, CAPACITY + 5)}
    assert waiting_before <= set(confirmed.values_list("email", flat=True))
