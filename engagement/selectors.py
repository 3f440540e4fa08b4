"""Who may see what in the engagement module: one function per rule, returning a
queryset, used alike by pages, search, exports and the API."""

from django.db.models import Q

from directory.models import OrganisationRole

from .models import HelpRequest, HelpRequestStatus, Opportunity, Placement
from .rules import EDITING_ROLES, PLACEMENT_ROLES


def _organisation_ids(user, roles):
    return OrganisationRole.objects.filter(user=user, role__in=roles).values("organisation_id")


def opportunities_public():
    """Opportunities residents may find (published, organisation published, confirmed in
    the last 90 days, not ended)."""
    return Opportunity.objects.public()


def opportunities_editable_by(user):
    if not user.is_authenticated:
        return Opportunity.objects.none()
    if user.is_staff:
        return Opportunity.objects.all()
    return Opportunity.objects.filter(organisation__in=_organisation_ids(user, EDITING_ROLES))


def placements_visible_to(user):
    """Placements with their contact data: the guides of the organisation, the volunteer
    themself, platform staff. Nobody else, in particular not other organisations."""
    if not user.is_authenticated:
        return Placement.objects.none()
    if user.is_staff:
        return Placement.objects.all()
    return Placement.objects.filter(
        Q(organisation__in=_organisation_ids(user, PLACEMENT_ROLES)) | Q(volunteer__user=user)
    )


def help_requests_public():
    """Open help requests; pages must show only category, description, area and time."""
    return HelpRequest.objects.filter(status=HelpRequestStatus.OPEN).only(
        "id",
        "category",
        "description",
        "postcode",
        "municipality",
        "when",
        "created_at",
        "latitude",
        "longitude",
        "organisation",
        "status",
    )


def help_requests_with_contact_visible_to(user):
    """Help requests including who asked: the coordinating organisation's guides only."""
    if not user.is_authenticated:
        return HelpRequest.objects.none()
    if user.is_staff:
        return HelpRequest.objects.all()
    return HelpRequest.objects.filter(organisation__in=_organisation_ids(user, PLACEMENT_ROLES))
