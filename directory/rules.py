"""Who may do what in the directory: the single place where roles become permissions.

Views check them with ``request.user.has_perm("directory.<name>", obj)``; the matrix in
directory/tests/test_rules.py pins every combination of role and permission.
"""

import rules

from .models import MembershipStatus, NetworkRole, OrganisationRole, OrganisationRoleKind


@rules.predicate
def is_signed_in(user):
    return user.is_authenticated and user.is_active


@rules.predicate
def is_platform_staff(user):
    return user.is_authenticated and user.is_active and user.is_staff


def _holds_organisation_role(user, organisation, roles) -> bool:
    if organisation is None or not user.is_authenticated:
        return False
    return OrganisationRole.objects.filter(
        user=user, organisation=organisation, role__in=roles
    ).exists()


@rules.predicate
def is_org_admin(user, organisation):
    return _holds_organisation_role(user, organisation, [OrganisationRoleKind.ADMIN])


@rules.predicate
def is_org_editor(user, organisation):
    """Admins edit too; "editor" names the ability, not only the role of that name."""
    return _holds_organisation_role(
        user, organisation, [OrganisationRoleKind.ADMIN, OrganisationRoleKind.EDITOR]
    )


@rules.predicate
def is_org_member(user, organisation):
    return _holds_organisation_role(user, organisation, OrganisationRoleKind.values)


@rules.predicate
def is_network_admin_of_org(user, organisation):
    """Administers a network in which the organisation is an active member."""
    if organisation is None or not user.is_authenticated:
        return False
    return NetworkRole.objects.filter(
        user=user,
        network__memberships__organisation=organisation,
        network__memberships__status=MembershipStatus.ACTIVE,
    ).exists()


@rules.predicate
def is_network_admin(user, network):
    if network is None or not user.is_authenticated:
        return False
    return NetworkRole.objects.filter(user=user, network=network).exists()


@rules.predicate
def is_admin_of_requested_network(user, organisation_request):
    """Admins of the network a proposal or claim names decide it."""
    if organisation_request is None:
        return False
    return is_network_admin(user, organisation_request.network)


rules.add_perm(
    "directory.view_organisation_internal",
    is_signed_in & (is_org_member | is_network_admin_of_org | is_platform_staff),
)
rules.add_perm("directory.change_organisation", is_signed_in & (is_org_editor | is_platform_staff))
# Coordinators run the office hours, so they keep them current without editing the profile.
rules.add_perm("directory.change_office_hours", is_signed_in & (is_org_member | is_platform_staff))
rules.add_perm("directory.manage_roles", is_signed_in & (is_org_admin | is_platform_staff))
rules.add_perm(
    "directory.decide_request",
    is_signed_in & (is_admin_of_requested_network | is_platform_staff),
)
rules.add_perm(
    "directory.manage_network_members", is_signed_in & (is_network_admin | is_platform_staff)
)
