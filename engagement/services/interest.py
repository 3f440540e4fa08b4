""" "I'm interested": a visitor, with or without an account, asks to hear from the
organisation behind an opportunity. It becomes a placement of kind "interest", and the
opportunity's coordinator is told by e-mail that someone is waiting for an answer."""

from django.db import transaction
from django.utils import timezone

from ..models import Opportunity, Placement, PlacementKind, VolunteerProfile
from ..tasks_search import send_interest_notification
from .placements import placement_create


@transaction.atomic
def interest_express(
    *,
    opportunity: Opportunity,
    volunteer: VolunteerProfile | None = None,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    message: str = "",
    by=None,
    base_url: str,
) -> Placement:
    """The placement for this interest. The same person asking twice while the first is
    open gets the first one back, and the organisation is told only once."""
    asked_at = timezone.now()
    placement = placement_create(
        kind=PlacementKind.INTEREST,
        organisation=opportunity.organisation,
        opportunity=opportunity,
        volunteer=volunteer,
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
        message=message,
        by=by,
    )
    # placement_create hands back an open placement from before instead of a duplicate.
    if placement.created_at >= asked_at:
        transaction.on_commit(lambda: send_interest_notification.enqueue(placement.pk, base_url))
    return placement
