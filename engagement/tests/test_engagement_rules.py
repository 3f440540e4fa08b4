"""The permission matrix of engagement/rules.py: every role × every permission × an object
of the own organisation and of the other one.

The world: two published organisations, "own" and "other", each with an opportunity, a
placement (of a volunteer with an account) and a help request. Organisation roles are
held in "own"; "other_coordinator" coordinates "other"; "volunteer" is the volunteer of
the own placement, "other_volunteer" has a profile but no placement here. Objects per
permission: change_opportunity and suggest_volunteers an opportunity,
view_organisation_dashboard the organisation, the placement permissions (including
confirm_hours and record_qualification, which the record pages check on a placement) the
placement, view_help_request_contact the help request.
"""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import AnonymousUser

from directory.models import OrganisationRoleKind
from directory.tests.factories import OrganisationFactory, OrganisationRoleFactory, UserFactory

from .factories import (
    HelpRequestFactory,
    OpportunityFactory,
    PlacementFactory,
    VolunteerProfileFactory,
)

CHANGE_OPPORTUNITY = "engagement.change_opportunity"
DASHBOARD = "engagement.view_organisation_dashboard"
SUGGEST = "engagement.suggest_volunteers"
VIEW_PLACEMENT = "engagement.view_placement"
CHANGE_PLACEMENT = "engagement.change_placement"
WITHDRAW = "engagement.withdraw_placement"
HELP_CONTACT = "engagement.view_help_request_contact"
HOURS = "engagement.confirm_hours"
QUALIFICATION = "engagement.record_qualification"

PERMISSIONS = [
    CHANGE_OPPORTUNITY,
    DASHBOARD,
    SUGGEST,
    VIEW_PLACEMENT,
    CHANGE_PLACEMENT,
    WITHDRAW,
    HELP_CONTACT,
    HOURS,
    QUALIFICATION,
]
NOTHING = dict.fromkeys(PERMISSIONS, (False, False))

# role → permission → (own, other). Change this table only together with engagement/rules.py.
EXPECTED = {
    "anonymous": NOTHING,
    "no_role": NOTHING,
    "volunteer": {
        **NOTHING,
        VIEW_PLACEMENT: (True, False),
        WITHDRAW: (True, False),
    },
    "other_volunteer": NOTHING,
    "coordinator": {
        CHANGE_OPPORTUNITY: (False, False),
        DASHBOARD: (True, False),
        SUGGEST: (True, False),
        VIEW_PLACEMENT: (True, False),
        CHANGE_PLACEMENT: (True, False),
        WITHDRAW: (False, False),
        HELP_CONTACT: (True, False),
        HOURS: (True, False),
        QUALIFICATION: (True, False),
    },
    "admin": {
        CHANGE_OPPORTUNITY: (True, False),
        DASHBOARD: (True, False),
        SUGGEST: (True, False),
        VIEW_PLACEMENT: (True, False),
        CHANGE_PLACEMENT: (True, False),
        WITHDRAW: (False, False),
        HELP_CONTACT: (True, False),
        HOURS: (True, False),
        QUALIFICATION: (True, False),
    },
    "editor": {
        CHANGE_OPPORTUNITY: (True, False),
        DASHBOARD: (True, False),
        SUGGEST: (False, False),
        VIEW_PLACEMENT: (False, False),
        CHANGE_PLACEMENT: (False, False),
        WITHDRAW: (False, False),
        HELP_CONTACT: (False, False),
        HOURS: (False, False),
        QUALIFICATION: (False, False),
    },
    "other_coordinator": {
        CHANGE_OPPORTUNITY: (False, False),
        DASHBOARD: (False, True),
        SUGGEST: (False, True),
        VIEW_PLACEMENT: (False, True),
        CHANGE_PLACEMENT: (False, True),
        WITHDRAW: (False, False),
        HELP_CONTACT: (False, True),
        HOURS: (False, True),
        QUALIFICATION: (False, True),
    },
    "staff": {
        **dict.fromkeys(PERMISSIONS, (True, True)),
        WITHDRAW: (False, False),
    },
}


def test_the_table_covers_every_engagement_permission():
    import rules

    registered = {name for name in rules.permissions.permissions if name.startswith("engagement.")}
    assert registered == set(PERMISSIONS)
    assert all(set(row) == set(PERMISSIONS) for row in EXPECTED.values())


def _world():
    own, other = OrganisationFactory(), OrganisationFactory()
    objects = {}
    for key, organisation in (("own", own), ("other", other)):
        opportunity = OpportunityFactory(organisation=organisation)
        placement = PlacementFactory(opportunity=opportunity)
        help_request = HelpRequestFactory(organisation=organisation)
        objects[key] = {
            CHANGE_OPPORTUNITY: opportunity,
            DASHBOARD: organisation,
            SUGGEST: opportunity,
            VIEW_PLACEMENT: placement,
            CHANGE_PLACEMENT: placement,
            WITHDRAW: placement,
            HELP_CONTACT: help_request,
            HOURS: placement,
            QUALIFICATION: placement,
        }
    return own, other, objects


def _user_for(role, own, other, objects):
    if role == "anonymous":
        return AnonymousUser()
    if role == "volunteer":
        return objects["own"][VIEW_PLACEMENT].volunteer.user
    if role == "other_volunteer":
        return VolunteerProfileFactory().user
    if role == "other_coordinator":
        return OrganisationRoleFactory(
            organisation=other, role=OrganisationRoleKind.COORDINATOR
        ).user
    if role in {"coordinator", "admin", "editor"}:
        return OrganisationRoleFactory(organisation=own, role=role).user
    user = UserFactory(is_staff=role == "staff")
    if role == "staff":
        Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    return user


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(EXPECTED))
def test_permission_matrix(role):
    own, other, objects = _world()
    user = _user_for(role, own, other, objects)
    actual = {
        permission: (
            user.has_perm(permission, objects["own"][permission]),
            user.has_perm(permission, objects["other"][permission]),
        )
        for permission in PERMISSIONS
    }
    assert actual == EXPECTED[role]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["coordinator", "admin", "editor"])
def test_organisation_roles_answer_alike_for_the_organisation_and_its_objects(role):
    """Pages check some permissions on the organisation, others on an opportunity or a
    placement of it; the answer must not depend on which."""
    own, other, objects = _world()
    user = _user_for(role, own, other, objects)
    for permission in [CHANGE_OPPORTUNITY, DASHBOARD, SUGGEST, CHANGE_PLACEMENT, HOURS]:
        assert user.has_perm(permission, own) == user.has_perm(
            permission, objects["own"][permission]
        ), permission


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["coordinator", "volunteer", "staff"])
def test_deactivated_accounts_lose_every_permission(role):
    own, other, objects = _world()
    user = _user_for(role, own, other, objects)
    user.is_active = False
    user.save()
    for permission in PERMISSIONS:
        assert not user.has_perm(permission, objects["own"][permission]), permission


@pytest.mark.django_db
def test_a_guest_placement_has_no_volunteer_who_could_withdraw_it():
    from .factories import GuestPlacementFactory

    placement = GuestPlacementFactory()
    for user in [UserFactory(), VolunteerProfileFactory().user]:
        assert not user.has_perm(WITHDRAW, placement)
        assert not user.has_perm(VIEW_PLACEMENT, placement)
