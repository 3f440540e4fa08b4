"""Races that only a real database with row locks can show; they run on PostgreSQL."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from directory import services
from directory.models import (
    OrganisationRequest,
    OrganisationRole,
    OrganisationRoleKind,
    RequestKind,
    RequestStatus,
)

from .factories import OrganisationFactory, OrganisationRoleFactory, UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def run_at_once(*actions):
    """Run each action in its own thread and connection, released together; return what
    each raised (or None)."""
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
        thread.join(timeout=30)
    return outcomes


def test_two_admins_removing_each_other_leave_one_admin():
    organisation = OrganisationFactory()
    first = OrganisationRoleFactory(organisation=organisation, role=OrganisationRoleKind.ADMIN)
    second = OrganisationRoleFactory(organisation=organisation, role=OrganisationRoleKind.ADMIN)

    outcomes = run_at_once(
        lambda: services.organisation_role_remove(role=first),
        lambda: services.organisation_role_remove(role=second),
    )

    assert (
        OrganisationRole.objects.filter(
            organisation=organisation, role=OrganisationRoleKind.ADMIN
        ).count()
        == 1
    )
    assert sum(isinstance(outcome, ValidationError) for outcome in outcomes) == 1


def test_a_request_approved_and_rejected_at_once_is_decided_once():
    organisation = OrganisationFactory(status="pending")
    request = OrganisationRequest.objects.create(
        kind=RequestKind.PROPOSAL, organisation=organisation, requested_by=UserFactory()
    )
    staff = UserFactory(is_staff=True)

    outcomes = run_at_once(
        lambda: services.organisation_request_approve(
            organisation_request=request, decided_by=staff, base_url="http://testserver"
        ),
        lambda: services.organisation_request_reject(
            organisation_request=request, decided_by=staff, base_url="http://testserver"
        ),
    )

    request.refresh_from_db()
    assert request.status in {RequestStatus.APPROVED, RequestStatus.REJECTED}
    assert sum(isinstance(outcome, ValidationError) for outcome in outcomes) == 1
    admins = OrganisationRole.objects.filter(organisation=organisation).count()
    assert admins == (1 if request.status == RequestStatus.APPROVED else 0)
