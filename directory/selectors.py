"""Who may see what: each rule is one function returning a queryset, used alike by pages,
search, exports and the API."""

from django.db.models import Case, Q, When
from django.utils import timezone

from .models import (
    Invitation,
    MembershipStatus,
    NetworkMembership,
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


def team_of(organisation):
    """The people holding a role in `organisation`, administrators first."""
    return (
        OrganisationRole.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("role", "user__email")
    )


def open_invitations_of(organisation):
    """Invitations of `organisation` that can still be accepted."""
    return Invitation.objects.filter(
        organisation=organisation, accepted_at__isnull=True, expires_at__gt=timezone.now()
    ).select_related("invited_by")


def memberships_of_network(network):
    """All memberships of `network`: requested first, then active, then ended."""
    order = Case(
        When(status=MembershipStatus.REQUESTED, then=0),
        When(status=MembershipStatus.ACTIVE, then=1),
        default=2,
    )
    return (
        NetworkMembership.objects.filter(network=network)
        .select_related("organisation")
        .order_by(order, "organisation__name")
    )


def may_decide_requests(user) -> bool:
    """Platform staff and network administrators decide proposals and claims."""
    if not user.is_authenticated:
        return False
    return user.is_staff or NetworkRole.objects.filter(user=user).exists()
