"""The advice team of an organisation: who is an adviser and who leads. The team is chosen
from the organisation's colleagues on the platform (anyone holding a directory role in
it), so nobody outside the organisation can be made to see its advice data."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models import OrganisationRole

from ..audit import audit_record
from ..models import (
    AdviceCase,
    AdviceRole,
    AdviceRoleKind,
    Appointment,
    AppointmentSchedule,
    AppointmentStatus,
    AuditAction,
    CaseStatus,
    ModerationCase,
)


@dataclass
class RevokeResult:
    """What removing someone from the team changed, and what still needs the lead."""

    cases: int = 0
    moderations: int = 0
    schedules: int = 0
    # Booked appointments ahead stay with the person: residents were promised them, so
    # the lead rebooks them by hand.
    appointments_kept: list[Appointment] = field(default_factory=list)


@transaction.atomic
def advice_role_grant(*, organisation, user, role: str, granted_by) -> AdviceRole:
    if role not in AdviceRoleKind.values:
        raise ValidationError({"role": _("Please choose one of the offered roles.")})
    if not OrganisationRole.objects.filter(organisation=organisation, user=user).exists():
        raise ValidationError(
            {"user": _("Only people who already hold a role in the organisation can join.")}
        )
    if AdviceRole.objects.filter(organisation=organisation, user=user).exists():
        raise ValidationError({"user": _("This person is already in the advice team.")})
    advice_role = AdviceRole.objects.create(organisation=organisation, user=user, role=role)
    audit_record(user=granted_by, action=AuditAction.CREATE, record=advice_role, detail=role)
    return advice_role


@transaction.atomic
def advice_role_change(*, advice_role: AdviceRole, new_role: str, changed_by) -> AdviceRole:
    if new_role not in AdviceRoleKind.values:
        raise ValidationError({"role": _("Please choose one of the offered roles.")})
    advice_role = _locked(advice_role)
    if new_role == advice_role.role:
        return advice_role
    if advice_role.role == AdviceRoleKind.LEAD:
        # Demoted, the last lead would be an adviser without a lead.
        _ensure_another_lead(advice_role)
    advice_role.role = new_role
    advice_role.save(update_fields=["role"])
    audit_record(user=changed_by, action=AuditAction.CHANGE, record=advice_role, detail=new_role)
    return advice_role


@transaction.atomic
def advice_role_revoke(*, advice_role: AdviceRole, revoked_by) -> RevokeResult:
    """Remove the person from the team and from the open work of the organisation they
    were assigned to; closed cases keep their history."""
    advice_role = _locked(advice_role)
    organisation_id, user = advice_role.organisation_id, advice_role.user
    if advice_role.role == AdviceRoleKind.LEAD and _others_in_team(advice_role).exists():
        _ensure_another_lead(advice_role)

    open_cases = AdviceCase.objects.filter(
        organisation_id=organisation_id, status=CaseStatus.OPEN, advisers=user
    )
    open_moderations = ModerationCase.objects.filter(
        organisation_id=organisation_id, status=CaseStatus.OPEN, mediators=user
    )
    schedules = AppointmentSchedule.objects.filter(organisation_id=organisation_id, advisers=user)
    result = RevokeResult(
        cases=AdviceCase.advisers.through.objects.filter(
            advicecase__in=open_cases, user=user
        ).delete()[0],
        moderations=ModerationCase.mediators.through.objects.filter(
            moderationcase__in=open_moderations, user=user
        ).delete()[0],
        schedules=AppointmentSchedule.advisers.through.objects.filter(
            appointmentschedule__in=schedules, user=user
        ).delete()[0],
        appointments_kept=list(
            Appointment.objects.filter(
                schedule__organisation_id=organisation_id,
                adviser=user,
                status=AppointmentStatus.BOOKED,
                starts_at__gte=timezone.now(),
            ).select_related("schedule")
        ),
    )
    audit_record(
        user=revoked_by, action=AuditAction.DELETE, record=advice_role, detail=advice_role.role
    )
    advice_role.delete()
    return result


def _locked(advice_role: AdviceRole) -> AdviceRole:
    """Lock the whole team, so two leads demoting each other at once cannot leave none."""
    list(AdviceRole.objects.select_for_update().filter(organisation_id=advice_role.organisation_id))
    current = AdviceRole.objects.select_related("user").filter(pk=advice_role.pk).first()
    if current is None:
        raise ValidationError(_("This person is no longer in the advice team."), code="gone")
    return current


def _others_in_team(advice_role: AdviceRole):
    return AdviceRole.objects.filter(organisation_id=advice_role.organisation_id).exclude(
        pk=advice_role.pk
    )


def _ensure_another_lead(advice_role: AdviceRole) -> None:
    if not _others_in_team(advice_role).filter(role=AdviceRoleKind.LEAD).exists():
        raise ValidationError(
            _(
                "The advice team needs a lead while it has advisers. Make another member "
                "lead first."
            ),
            code="last_lead",
        )
