"""Who may do what in the engagement module. Roles come from the directory: an
organisation's coordinators (engagement guides) and admins run its placements; editors
and admins keep its opportunities; a volunteer sees and withdraws their own placements."""

import rules

from directory.models import OrganisationRole, OrganisationRoleKind
from directory.rules import is_platform_staff, is_signed_in

PLACEMENT_ROLES = [OrganisationRoleKind.ADMIN, OrganisationRoleKind.COORDINATOR]
EDITING_ROLES = [OrganisationRoleKind.ADMIN, OrganisationRoleKind.EDITOR]


def _organisation_of(obj):
    return getattr(obj, "organisation", obj)


def _holds(user, obj, roles) -> bool:
    if obj is None or not user.is_authenticated:
        return False
    return OrganisationRole.objects.filter(
        user=user, organisation=_organisation_of(obj), role__in=roles
    ).exists()


@rules.predicate
def guides_for(user, obj):
    """An admin or coordinator of the organisation that `obj` (an organisation, an
    opportunity, a placement or a help request) belongs to."""
    return _holds(user, obj, PLACEMENT_ROLES)


@rules.predicate
def edits_for(user, obj):
    return _holds(user, obj, EDITING_ROLES)


@rules.predicate
def is_member_of(user, obj):
    return _holds(user, obj, OrganisationRoleKind.values)


@rules.predicate
def is_the_volunteer(user, placement):
    return (
        placement is not None
        and placement.volunteer_id is not None
        and placement.volunteer.user_id == user.pk
    )


rules.add_perm("engagement.change_opportunity", is_signed_in & (edits_for | is_platform_staff))
rules.add_perm(
    "engagement.view_organisation_dashboard", is_signed_in & (is_member_of | is_platform_staff)
)
rules.add_perm("engagement.suggest_volunteers", is_signed_in & (guides_for | is_platform_staff))
rules.add_perm(
    "engagement.view_placement",
    is_signed_in & (guides_for | is_the_volunteer | is_platform_staff),
)
rules.add_perm("engagement.change_placement", is_signed_in & (guides_for | is_platform_staff))
rules.add_perm("engagement.withdraw_placement", is_signed_in & is_the_volunteer)
rules.add_perm(
    "engagement.view_help_request_contact", is_signed_in & (guides_for | is_platform_staff)
)
rules.add_perm("engagement.confirm_hours", is_signed_in & (guides_for | is_platform_staff))
rules.add_perm("engagement.record_qualification", is_signed_in & (guides_for | is_platform_staff))
