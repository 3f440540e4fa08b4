"""The placement workflow (Vermittlung): every expression of interest, suggestion or offer
of help becomes a placement that moves new → contacted → first meeting → placed → ended,
or is declined or withdrawn. Each change is a dated step with the person who made it."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import (
    HelpRequest,
    HelpRequestStatus,
    Opportunity,
    Placement,
    PlacementStatus,
    PlacementStep,
)


@transaction.atomic
def placement_create(
    *,
    kind: str,
    organisation,
    opportunity=None,
    help_request=None,
    volunteer=None,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    message: str = "",
    by=None,
) -> Placement:
    """A new placement. The same person showing interest in the same opportunity twice
    while the first is still open gets the existing placement back, not a duplicate."""
    duplicates = Placement.objects.open().filter(opportunity=opportunity, help_request=help_request)
    if volunteer is not None:
        duplicates = duplicates.filter(volunteer=volunteer)
    elif contact_email:
        duplicates = duplicates.filter(contact_email__iexact=contact_email)
    else:
        duplicates = duplicates.filter(contact_phone=contact_phone, contact_name=contact_name)
    existing = duplicates.first()
    if existing is not None:
        return existing
    if volunteer is None and not (contact_email or contact_phone):
        raise ValidationError(_("Please give an e-mail address or a phone number."))
    try:
        placement = Placement.objects.create(
            kind=kind,
            organisation=organisation,
            opportunity=opportunity,
            help_request=help_request,
            volunteer=volunteer,
            contact_name=contact_name,
            contact_email=contact_email,
            contact_phone=contact_phone,
            message=message,
            consent_recorded_at=timezone.now(),
            responsible=opportunity.coordinator if opportunity is not None else None,
        )
    except IntegrityError as error:
        raise ValidationError(_("The request could not be saved.")) from error
    PlacementStep.objects.create(
        placement=placement, to_status=PlacementStatus.NEW, note=message, by=by
    )
    return placement


def _check_start_allowed(placement: Placement, today) -> None:
    """Minimum age and parental consent are checked before anyone is placed."""
    opportunity = placement.opportunity
    volunteer = placement.volunteer
    if volunteer is None:
        if opportunity is not None and opportunity.minimum_age:
            raise ValidationError(
                _(
                    "This opportunity has a minimum age. Ask the person to create a volunteer "
                    "profile with their date of birth before placing them."
                )
            )
        return
    age = volunteer.age_on(today)
    if (
        opportunity is not None
        and opportunity.minimum_age
        and (age is None or age < opportunity.minimum_age)
    ):
        raise ValidationError(
            _("This opportunity requires a minimum age of %(age)s.")
            % {"age": opportunity.minimum_age}
        )
    if age is not None and age < 16 and volunteer.parental_consent_recorded_at is None:
        raise ValidationError(
            _("Volunteers under 16 need a recorded parental consent before a placement can start.")
        )


def _sync_help_request(placement: Placement, current, target) -> None:
    """A help request is matched while one of its offers is placed: it leaves the public
    list, returns to it if the helper withdraws, and is closed when the help has ended."""
    help_request = HelpRequest.objects.select_for_update().get(pk=placement.help_request_id)
    if target == PlacementStatus.PLACED:
        if help_request.status != HelpRequestStatus.OPEN:
            raise ValidationError(
                _("Only an open help request can be matched; this one is “%(status)s”.")
                % {"status": help_request.get_status_display()}
            )
        help_request.status = HelpRequestStatus.MATCHED
    elif current == PlacementStatus.PLACED and help_request.status == HelpRequestStatus.MATCHED:
        if target == PlacementStatus.ENDED:
            help_request.status = HelpRequestStatus.CLOSED
            help_request.closed_at = timezone.now()
        else:
            help_request.status = HelpRequestStatus.OPEN
    else:
        return
    help_request.save(update_fields=["status", "closed_at"])


@transaction.atomic
def placement_transition(*, placement: Placement, to_status: str, by, note: str = "") -> Placement:
    """Move a placement to its next status, checking the workflow and, for "placed", the
    age rules; keeps the opportunity's count of placed volunteers and the status of the
    help request current."""
    placement = Placement.objects.select_for_update().get(pk=placement.pk)
    current = PlacementStatus(placement.status)
    target = PlacementStatus(to_status)
    if target not in placement.next_statuses:
        raise ValidationError(
            _("A placement cannot go from “%(current)s” to “%(target)s”.")
            % {"current": current.label, "target": target.label}
        )
    today = timezone.localdate()
    if placement.help_request_id:
        _sync_help_request(placement, current, target)
    if target == PlacementStatus.PLACED:
        _check_start_allowed(placement, today)
        placement.started_on = today
        if placement.opportunity_id:
            Opportunity.objects.filter(pk=placement.opportunity_id).update(
                placed_count=F("placed_count") + 1
            )
    if current == PlacementStatus.PLACED and placement.opportunity_id:
        Opportunity.objects.filter(pk=placement.opportunity_id, placed_count__gt=0).update(
            placed_count=F("placed_count") - 1
        )
    if target in {PlacementStatus.ENDED, PlacementStatus.WITHDRAWN, PlacementStatus.DECLINED}:
        placement.ended_on = today
    placement.status = target
    placement.last_step_at = timezone.now()
    if (
        placement.responsible_id is None
        and by is not None
        and by != getattr(placement.volunteer, "user", None)
    ):
        placement.responsible = by
    placement.save()
    PlacementStep.objects.create(
        placement=placement, from_status=current, to_status=target, note=note, by=by
    )
    return placement


@transaction.atomic
def placement_note_add(*, placement: Placement, by, note: str) -> PlacementStep:
    if not note.strip():
        raise ValidationError(_("Please write a note."))
    Placement.objects.filter(pk=placement.pk).update(last_step_at=timezone.now())
    return PlacementStep.objects.create(placement=placement, note=note.strip(), by=by)


def placement_withdraw(*, placement: Placement, by) -> Placement:
    """The volunteer ends their own placement at any time."""
    return placement_transition(
        placement=placement,
        to_status=PlacementStatus.WITHDRAWN,
        by=by,
        note=_("Withdrawn by the volunteer."),
    )
