"""Hand-offs from other modules (core.handoffs): a resident's concern taken in by an
advice team becomes a help request or a volunteer's offer of help here, and the
coordinators continue with it on their usual pages."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _

from core.handoffs import HandoffRequest, HandoffResult

from .models import HelpCategory, Opportunity, PlacementKind
from .services.help_requests import help_request_create
from .services.placements import placement_create


def _help_request(request: HandoffRequest, category: str) -> HandoffResult:
    help_request = help_request_create(
        category=category,
        description=request.description,
        postcode=request.postcode,
        requester_name=request.name,
        requester_email=request.email,
        requester_phone=request.phone,
        when="",
        created_by=request.by,
        organisation=request.organisation,
        base_url=request.base_url,
    )
    return HandoffResult(
        label=_("Help request #%(number)s") % {"number": help_request.pk},
        url=reverse("engagement:help_request_manage", kwargs={"pk": help_request.pk}),
    )


def help_request_from_handoff(request: HandoffRequest) -> HandoffResult:
    """Registered as "help_request": a help request of the category "something else",
    waiting for the organisation's coordinators to check it before it is published."""
    return _help_request(request, HelpCategory.OTHER)


def forms_help_request_from_handoff(request: HandoffRequest) -> HandoffResult:
    """Registered as "help_request_forms": the same, for help with forms."""
    return _help_request(request, HelpCategory.FORMS)


def offer_of_help_from_handoff(request: HandoffRequest) -> HandoffResult:
    """Registered as "volunteering": an offer of help to the organisation. A placement
    needs an opportunity, so it goes to one of the organisation's public opportunities
    (one with free places first); the coordinators talk the rest through with the person."""
    opportunities = Opportunity.objects.public().filter(organisation=request.organisation)
    opportunity = (
        opportunities.with_free_places().order_by("title", "pk").first()
        or opportunities.order_by("title", "pk").first()
    )
    if opportunity is None:
        raise ValidationError(
            _(
                "This organisation has no public volunteering opportunity yet, so the offer "
                "of help cannot be passed on. Please publish an opportunity first."
            )
        )
    placement = placement_create(
        kind=PlacementKind.HELP_OFFER,
        organisation=request.organisation,
        opportunity=opportunity,
        contact_name=request.name,
        contact_email=request.email,
        contact_phone=request.phone,
        message=request.description,
        by=request.by,
    )
    return HandoffResult(
        label=_("Placement #%(number)s") % {"number": placement.pk},
        url=placement.get_absolute_url(),
    )
