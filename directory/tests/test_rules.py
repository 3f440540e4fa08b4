"""The permission matrix: every role × every permission × own / other organisation.

The world: "own" is an organisation that is an active member of network N; "other" is an
organisation without any tie to the person. Org roles are held in "own". The network admin
administers N; the other network admin administers M, which neither organisation belongs to.
Objects per permission: the organisation itself; for decide_request a pending claim on it
(naming N for "own", no network for "other"); for manage_network_members N ("own") or an
unrelated network X ("other").
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from directory.models import (
    MembershipStatus,
    OrganisationRequest,
    OrganisationRoleKind,
    RequestKind,
)

from .factories import (
    NetworkFactory,
    NetworkMembershipFactory,
    NetworkRoleFactory,
    OrganisationFactory,
    OrganisationRoleFactory,
    UserFactory,
)

VIEW = "directory.view_organisation_internal"
CHANGE = "directory.change_organisation"
HOURS = "directory.change_office_hours"
ROLES = "directory.manage_roles"
DECIDE = "directory.decide_request"
NETWORK = "directory.manage_network_members"

PERMISSIONS = [VIEW, CHANGE, HOURS, ROLES, DECIDE, NETWORK]

# role → permission → (own, other). Change this table only together with directory/rules.py.
EXPECTED = {
    "anonymous": {
        VIEW: (False, False),
        CHANGE: (False, False),
        HOURS: (False, False),
        ROLES: (False, False),
        DECIDE: (False, False),
        NETWORK: (False, False),
    },
    "no_role": {
        VIEW: (False, False),
        CHANGE: (False, False),
        HOURS: (False, False),
        ROLES: (False, False),
        DECIDE: (False, False),
        NETWORK: (False, False),
    },
    "coordinator": {
        VIEW: (True, False),
        CHANGE: (False, False),
        HOURS: (True, False),
        ROLES: (False, False),
        DECIDE: (False, False),
        NETWORK: (False, False),
    },
    "editor": {
        VIEW: (True, False),
        CHANGE: (True, False),
        HOURS: (True, False),
        ROLES: (False, False),
        DECIDE: (False, False),
        NETWORK: (False, False),
    },
    "admin": {
        VIEW: (True, False),
        CHANGE: (True, False),
        HOURS: (True, False),
        ROLES: (True, False),
        DECIDE: (False, False),
        NETWORK: (False, False),
    },
    "network_admin": {
        VIEW: (True, False),
        CHANGE: (False, False),
        HOURS: (False, False),
        ROLES: (False, False),
        DECIDE: (True, False),
        NETWORK: (True, False),
    },
    "other_network_admin": {
        VIEW: (False, False),
        CHANGE: (False, False),
        HOURS: (False, False),
        ROLES: (False, False),
        DECIDE: (False, False),
        NETWORK: (False, False),
    },
    "staff": {
        VIEW: (True, True),
        CHANGE: (True, True),
        HOURS: (True, True),
        ROLES: (True, True),
        DECIDE: (True, True),
        NETWORK: (True, True),
    },
}

CASES = [
    pytest.param(role, permission, side, id=f"{role}-{permission.split('.')[1]}-{side}")
    for role, table in EXPECTED.items()
    for permission in PERMISSIONS
    for side in ("own", "other")
]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db):
    own = OrganisationFactory()
    other = OrganisationFactory()
    network = NetworkFactory()
    unrelated_network = NetworkFactory()
    NetworkMembershipFactory(network=network, organisation=own, status=MembershipStatus.ACTIVE)
    requester = UserFactory()
    own_request = OrganisationRequest.objects.create(
        kind=RequestKind.CLAIM, organisation=own, requested_by=requester, network=network
    )
    other_request = OrganisationRequest.objects.create(
        kind=RequestKind.CLAIM, organisation=other, requested_by=requester
    )
    return {
        "own": {
            "organisation": own,
            "request": own_request,
            "network": network,
        },
        "other": {
            "organisation": other,
            "request": other_request,
            "network": unrelated_network,
        },
    }


def _person(role, world):
    own = world["own"]["organisation"]
    if role == "anonymous":
        return AnonymousUser()
    user = UserFactory(is_staff=role == "staff")
    org_roles = {
        "coordinator": OrganisationRoleKind.COORDINATOR,
        "editor": OrganisationRoleKind.EDITOR,
        "admin": OrganisationRoleKind.ADMIN,
    }
    if role in org_roles:
        OrganisationRoleFactory(user=user, organisation=own, role=org_roles[role])
    elif role == "network_admin":
        NetworkRoleFactory(user=user, network=world["own"]["network"])
    elif role == "other_network_admin":
        NetworkRoleFactory(user=user, network=NetworkFactory())
    return user


def _target(permission, objects):
    if permission == DECIDE:
        return objects["request"]
    if permission == NETWORK:
        return objects["network"]
    return objects["organisation"]


def test_matrix_covers_every_role_and_permission():
    assert len(EXPECTED) == 8
    assert all(set(table) == set(PERMISSIONS) for table in EXPECTED.values())


@pytest.mark.parametrize(("role", "permission", "side"), CASES)
def test_permission_matrix(world, role, permission, side):
    person = _person(role, world)
    expected_own, expected_other = EXPECTED[role][permission]
    expected = expected_own if side == "own" else expected_other
    assert person.has_perm(permission, _target(permission, world[side])) is expected


def test_a_role_in_one_organisation_grants_nothing_in_another(db):
    first, second = OrganisationFactory(), OrganisationFactory()
    role = OrganisationRoleFactory(organisation=first, role=OrganisationRoleKind.ADMIN)
    OrganisationRoleFactory(user=role.user, organisation=second, role=OrganisationRoleKind.EDITOR)
    assert role.user.has_perm(ROLES, first)
    assert not role.user.has_perm(ROLES, second)
    assert role.user.has_perm(CHANGE, second)


def test_ended_membership_ends_the_network_admins_view(db):
    membership = NetworkMembershipFactory(status=MembershipStatus.ENDED)
    admin = NetworkRoleFactory(network=membership.network).user
    assert not admin.has_perm(VIEW, membership.organisation)


def test_inactive_staff_has_no_permission(db):
    user = UserFactory(is_staff=True, is_active=False)
    assert not user.has_perm(CHANGE, OrganisationFactory())
