"""Who may see which confidential record: one function per rule, used alike by pages,
the API, exports and statistics. Staff status and superuser rights grant nothing here."""

from django.db.models import Q, QuerySet

from .models import (
    AdviceCase,
    AdviceRole,
    AdviceRoleKind,
    Appointment,
    AuditEntry,
    Concern,
    ModerationCase,
)


def _team_organisations(user, roles=None):
    if not user.is_authenticated or not user.is_active:
        return AdviceRole.objects.none().values("organisation")
    memberships = AdviceRole.objects.filter(user=user)
    if roles:
        memberships = memberships.filter(role__in=roles)
    return memberships.values("organisation")


def organisations_advised_by(user):
    """Ids of the organisations in whose advice team the person is."""
    return _team_organisations(user)


def organisations_led_by(user):
    return _team_organisations(user, [AdviceRoleKind.LEAD])


def concerns_visible_to(user) -> QuerySet[Concern]:
    """The concerns of the organisations in whose advice team the person is (the team
    triages them); nobody else's."""
    return Concern.objects.filter(organisation__in=_team_organisations(user))


def cases_visible_to(user) -> QuerySet[AdviceCase]:
    """Cases the person is assigned to, and every case of an organisation they lead."""
    if not user.is_authenticated or not user.is_active:
        return AdviceCase.objects.none()
    return AdviceCase.objects.filter(
        Q(organisation__in=organisations_led_by(user))
        | Q(organisation__in=_team_organisations(user), advisers=user)
    ).distinct()


def moderations_visible_to(user) -> QuerySet[ModerationCase]:
    """Moderations the person mediates, and every one of an organisation they lead."""
    if not user.is_authenticated or not user.is_active:
        return ModerationCase.objects.none()
    return ModerationCase.objects.filter(
        Q(organisation__in=organisations_led_by(user))
        | Q(organisation__in=_team_organisations(user), mediators=user)
    ).distinct()


def appointments_visible_to(user) -> QuerySet[Appointment]:
    """Appointments of the organisations in whose advice team the person is."""
    return Appointment.objects.filter(schedule__organisation__in=_team_organisations(user))


def audit_entries_visible_to(user) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(organisation__in=organisations_led_by(user))
