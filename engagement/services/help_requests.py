"""Neighbourhood help: residents ask, a nearby coordinating organisation checks and
publishes the request without the requester's identity, volunteers offer help, and the
coordinator confirms one helper (see placement_advance) before contact data is shared."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.geo import postcode_point
from directory.models import Place

from .. import tasks_coordination as tasks
from ..models import HelpRequest, HelpRequestStatus, Placement, PlacementKind
from ..selectors import coordinating_organisation_near
from .placements import placement_create

# Two decimals of a degree are about 1 km: the public map can show the area, never a house.
COORDINATE_DECIMALS = 2
# The same request sent twice within this time (a double click, a reload) is one request.
DUPLICATE_WINDOW = timedelta(hours=1)


def _send_after_commit(task, *args):
    transaction.on_commit(lambda: task.enqueue(*args))


@transaction.atomic
def help_request_create(
    *,
    category: str,
    description: str,
    postcode: str,
    requester_name: str,
    requester_email: str = "",
    requester_phone: str = "",
    when: str = "",
    created_by=None,
    organisation=None,
    base_url: str,
) -> HelpRequest:
    """A new help request, waiting to be checked by the coordinating organisation: the one
    given (a guide entering it on someone's behalf) or the nearest that coordinates help."""
    if not (requester_email or requester_phone):
        raise ValidationError(_("Please give an e-mail address or a phone number."))
    point = postcode_point(postcode)
    if point is None:
        raise ValidationError({"postcode": _("We do not know this postcode.")})
    organisation = organisation or coordinating_organisation_near(point)
    if organisation is None:
        raise ValidationError(
            {
                "postcode": _(
                    "There is no organisation near this postcode yet that coordinates "
                    "neighbourhood help."
                )
            }
        )
    duplicate = HelpRequest.objects.filter(
        organisation=organisation,
        category=category,
        description=description,
        postcode=postcode,
        requester_name=requester_name,
        requester_email=requester_email,
        requester_phone=requester_phone,
        status__in=[HelpRequestStatus.NEW, HelpRequestStatus.OPEN],
        created_at__gte=timezone.now() - DUPLICATE_WINDOW,
    ).first()
    if duplicate is not None:
        return duplicate
    help_request = HelpRequest.objects.create(
        organisation=organisation,
        category=category,
        description=description,
        postcode=postcode,
        municipality=_municipality_of(postcode),
        latitude=round(point.latitude, COORDINATE_DECIMALS),
        longitude=round(point.longitude, COORDINATE_DECIMALS),
        when=when,
        requester_name=requester_name,
        requester_email=requester_email,
        requester_phone=requester_phone,
        consent_recorded_at=timezone.now(),
        created_by=created_by,
    )
    _send_after_commit(tasks.send_help_request_review_email, help_request.pk, base_url)
    return help_request


def _municipality_of(postcode: str):
    """The municipality of a place the directory knows with this postcode, if any."""
    place = (
        Place.objects.filter(postcode=postcode, municipality__isnull=False)
        .select_related("municipality")
        .first()
    )
    return place.municipality if place else None


@transaction.atomic
def help_request_publish(*, help_request: HelpRequest, by) -> HelpRequest:
    """A guide checked the request (no contact data in the text, a real need): it appears
    in the public list."""
    help_request = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    if help_request.status != HelpRequestStatus.NEW:
        raise ValidationError(_("Only a new help request can be published."))
    help_request.status = HelpRequestStatus.OPEN
    help_request.save(update_fields=["status"])
    return help_request


@transaction.atomic
def help_request_close(*, help_request: HelpRequest, by) -> HelpRequest:
    """The request is settled or not suitable; it disappears from the public list."""
    help_request = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    if help_request.status == HelpRequestStatus.CLOSED:
        raise ValidationError(_("This help request is already closed."))
    help_request.status = HelpRequestStatus.CLOSED
    help_request.closed_at = timezone.now()
    help_request.save(update_fields=["status", "closed_at"])
    return help_request


@transaction.atomic
def help_offer_create(
    *,
    help_request: HelpRequest,
    volunteer=None,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    message: str = "",
    by=None,
    base_url: str,
) -> Placement:
    """Someone offers to help. It becomes a placement of the coordinating organisation;
    offering twice gives back the first offer and tells nobody again."""
    help_request = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    if help_request.status != HelpRequestStatus.OPEN:
        raise ValidationError(_("This help request is no longer looking for a helper."))
    started = timezone.now()
    placement = placement_create(
        kind=PlacementKind.HELP_OFFER,
        organisation=help_request.organisation,
        help_request=help_request,
        volunteer=volunteer,
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
        message=message,
        by=by,
    )
    if placement.created_at >= started:
        _send_after_commit(tasks.send_help_offer_email, placement.pk, base_url)
    return placement
