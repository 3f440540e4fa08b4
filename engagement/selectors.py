"""Who may see what in the engagement module: one function per rule, returning a
queryset, used alike by pages, search, exports and the API."""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from core.geo import KM_PER_DEGREE, Point, squared_distance_expression
from directory.models import (
    Organisation,
    OrganisationKind,
    OrganisationRole,
    OrganisationRoleKind,
    OrganisationStatus,
    Place,
)

from .models import (
    OPEN_PLACEMENT_STATUSES,
    Certificate,
    HelpRequest,
    HelpRequestStatus,
    HoursEntry,
    Opportunity,
    Placement,
    PlacementStatus,
    Qualification,
    QualificationKind,
)
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
    themselves, platform staff. Nobody else, in particular not other organisations."""
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


def placements_guided_by(user):
    """Placements a person accompanies as a guide: an admin or coordinator of the
    organisation, or platform staff."""
    if not user.is_authenticated:
        return Placement.objects.none()
    if user.is_staff:
        return Placement.objects.all()
    return Placement.objects.filter(organisation__in=_organisation_ids(user, PLACEMENT_ROLES))


def hours_confirmable_by(user):
    """Hours entries a person may confirm: those of placements their organisation guides."""
    return HoursEntry.objects.filter(placement__in=placements_guided_by(user))


def certificates_visible_to(user):
    """Certificates with their PDF: the volunteer they were issued to and the guides of the
    issuing organisation. Everyone else only checks the facts by code."""
    if not user.is_authenticated:
        return Certificate.objects.none()
    if user.is_staff:
        return Certificate.objects.all()
    return Certificate.objects.filter(
        Q(organisation__in=_organisation_ids(user, PLACEMENT_ROLES)) | Q(volunteer__user=user)
    )


def police_certificates_seen_by(organisation):
    """Extended police certificates seen by this organisation. Under § 72a SGB VIII every
    provider has to see the certificate itself, so records of other organisations do not
    count (and are none of its business)."""
    return Qualification.objects.filter(
        kind=QualificationKind.POLICE_CERTIFICATE, organisation=organisation
    )


def volunteers_missing_police_certificate(opportunity, today=None):
    """Placements of an opportunity that requires the extended police certificate whose
    person is placed or on the way there but has none seen by the organisation and valid
    today. Guests without a volunteer profile always count as missing."""
    if not opportunity.requires_police_certificate:
        return Placement.objects.none()
    today = today or timezone.localdate()
    valid = police_certificates_seen_by(opportunity.organisation_id).filter(
        volunteer=OuterRef("volunteer"), valid_until__gte=today
    )
    return (
        opportunity.placements.filter(status__in=[*OPEN_PLACEMENT_STATUSES, PlacementStatus.PLACED])
        .exclude(Exists(valid))
        .select_related("volunteer")
    )


def placements_missing_police_certificate(organisation, today=None):
    """Across all of an organisation's opportunities that require the extended police
    certificate: the people placed or on the way there without a valid one seen by the
    organisation. One query, for the organisation's dashboard."""
    today = today or timezone.localdate()
    valid = police_certificates_seen_by(organisation.pk).filter(
        volunteer=OuterRef("volunteer"), valid_until__gte=today
    )
    return (
        Placement.objects.filter(
            organisation=organisation,
            opportunity__requires_police_certificate=True,
            status__in=[*OPEN_PLACEMENT_STATUSES, PlacementStatus.PLACED],
        )
        .exclude(Exists(valid))
        .select_related("volunteer", "opportunity")
        .order_by("opportunity__title", "pk")
    )


def organisations_guided_by(user):
    """Organisations whose placements and help requests `user` accompanies as admin or
    coordinator; every organisation for platform staff."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    if user.is_staff:
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=_organisation_ids(user, PLACEMENT_ROLES))


def guides_of(organisation):
    """The people who may be responsible for the organisation's placements."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            organisation_roles__organisation=organisation,
            organisation_roles__role__in=PLACEMENT_ROLES,
        )
        .order_by("display_name", "email")
    )


# Help requests are coordinated near where they were asked, never across the country.
COORDINATION_RADIUS_KM = 50


def coordinating_organisation_near(point: Point):
    """The published organisation nearest to `point` (by its places) that can coordinate
    neighbourhood help: a volunteer agency or any organisation with a coordinator. None if
    there is none within COORDINATION_RADIUS_KM."""
    has_coordinator = OrganisationRole.objects.filter(
        organisation=OuterRef("organisation"), role=OrganisationRoleKind.COORDINATOR
    )
    span = COORDINATION_RADIUS_KM / KM_PER_DEGREE
    nearest = (
        Place.objects.filter(
            organisation__status=OrganisationStatus.PUBLISHED,
            latitude__range=(point.latitude - span, point.latitude + span),
            longitude__range=(point.longitude - 2 * span, point.longitude + 2 * span),
        )
        .filter(Q(organisation__kind=OrganisationKind.VOLUNTEER_AGENCY) | Exists(has_coordinator))
        .annotate(distance_squared=squared_distance_expression(point, "latitude", "longitude"))
        .filter(distance_squared__lte=COORDINATION_RADIUS_KM**2)
        .select_related("organisation")
        .order_by("distance_squared", "organisation__name")
        .first()
    )
    return nearest.organisation if nearest else None
