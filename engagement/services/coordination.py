"""What engagement guides do around the placement workflow: move a placement on and tell
the people concerned, take responsibility for it, record a parental consent. E-mails go
out through tasks once the transaction has committed, so a rolled-back step sends none."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import tasks_coordination as tasks
from ..models import Placement, PlacementKind, PlacementStatus, PlacementStep, VolunteerProfile
from ..selectors import guides_of
from .placements import placement_transition, placement_withdraw


def _send_after_commit(task, *args):
    transaction.on_commit(lambda: task.enqueue(*args))


def _latest_step(placement: Placement) -> PlacementStep:
    return placement.steps.order_by("-at", "-pk").first()


@transaction.atomic
def placement_advance(
    *,
    placement: Placement,
    to_status: str,
    by,
    note: str = "",
    notify_volunteer: bool = False,
    notify_organisation: bool = False,
    base_url: str,
) -> Placement:
    """A guide moves a placement to its next status. Confirming a helper for a help
    request always sends the helper the requester's contact data (that is what the
    confirmation is for); other steps notify whoever the guide ticked."""
    placement = placement_transition(
        placement=placement, to_status=to_status, by=by, note=note.strip()
    )
    step = _latest_step(placement)
    reachable_by_mail = bool(tasks.volunteer_email(placement))
    if placement.kind == PlacementKind.HELP_OFFER and placement.status == PlacementStatus.PLACED:
        if reachable_by_mail:
            _send_after_commit(tasks.send_help_match_email, placement.pk, base_url)
    elif notify_volunteer and reachable_by_mail:
        _send_after_commit(tasks.send_placement_status_email, placement.pk, step.pk, base_url)
    if notify_organisation:
        _send_after_commit(
            tasks.send_placement_step_to_organisation, placement.pk, step.pk, base_url
        )
    return placement


@transaction.atomic
def placement_withdraw_by_volunteer(*, placement: Placement, by, base_url: str) -> Placement:
    """The volunteer withdraws; the organisation's guides always hear about it."""
    placement = placement_withdraw(placement=placement, by=by)
    step = _latest_step(placement)
    _send_after_commit(tasks.send_placement_step_to_organisation, placement.pk, step.pk, base_url)
    return placement


@transaction.atomic
def placement_assign(*, placement: Placement, responsible, by) -> Placement:
    """Make a guide of the placement's organisation responsible for it (or nobody). The
    history records who handed it over; the overdue clock keeps running, because handing
    over is no contact with the person."""
    if (
        responsible is not None
        and not guides_of(placement.organisation).filter(pk=responsible.pk).exists()
    ):
        raise ValidationError(
            {"responsible": _("Only a guide of this organisation can be responsible.")}
        )
    placement = Placement.objects.select_for_update().get(pk=placement.pk)
    if placement.responsible_id == (responsible.pk if responsible else None):
        return placement
    placement.responsible = responsible
    placement.save(update_fields=["responsible"])
    PlacementStep.objects.create(
        placement=placement,
        note=(
            _("Responsible: %(name)s") % {"name": responsible}
            if responsible
            else _("Nobody is responsible any more.")
        ),
        by=by,
    )
    return placement


@transaction.atomic
def volunteer_parental_consent_record(*, volunteer: VolunteerProfile, by) -> VolunteerProfile:
    """A guide has seen the written consent of the parents of a volunteer under 16."""
    volunteer = VolunteerProfile.objects.select_for_update().get(pk=volunteer.pk)
    if volunteer.parental_consent_recorded_at is None:
        volunteer.parental_consent_recorded_at = timezone.now()
        volunteer.parental_consent_recorded_by = by
        volunteer.save(
            update_fields=["parental_consent_recorded_at", "parental_consent_recorded_by"]
        )
    return volunteer
