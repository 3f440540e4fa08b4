"""Who may see what: each rule is one function returning a queryset, used alike by pages,
search, exports and the API."""

from django.db.models import Q

from .models import (
    NetworkRole,
    Organisation,
    OrganisationRequest,
    OrganisationRole,
    OrganisationRoleKind,
    RequestStatus,
)


def organisations_visible_to(user):
    """Published organisations for everyone; members and staff also see their pending ones."""
    queryset = Organisation.objects.all()
    if user.is_authenticated and user.is_staff:
        return queryset
    if user.is_authenticated:
        return queryset.filter(Q(status="published") | Q(roles__user=user)).distinct()
    return queryset.published()


def organisations_editable_by(user):
    """Organisations whose profile, places, contacts and office hours `user` may edit."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    if user.is_staff:
        return Organisation.objects.all()
    return Organisation.objects.filter(
        roles__user=user,
        roles__role__in=[OrganisationRoleKind.ADMIN, OrganisationRoleKind.EDITOR],
    ).distinct()


def requests_decidable_by(user):
    """Pending proposals and claims that `user` may approve or reject: all for platform
    staff, those naming one of their networks for network admins."""
    pending = OrganisationRequest.objects.filter(status=RequestStatus.PENDING)
    if not user.is_authenticated:
        return pending.none()
    if user.is_staff:
        return pending
    return pending.filter(network__roles__user=user)


def roles_overview_for(user) -> dict:
    return {
        "organisation_roles": OrganisationRole.objects.filter(user=user).select_related(
            "organisation"
        ),
        "network_roles": NetworkRole.objects.filter(user=user).select_related("network"),
        "own_requests": OrganisationRequest.objects.filter(requested_by=user).select_related(
            "organisation"
        ),
        "requests_to_decide": requests_decidable_by(user).select_related(
            "organisation", "requested_by"
        ),
    }
