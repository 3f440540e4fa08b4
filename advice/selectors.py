"""Who may see which confidential record: one function per rule, used alike by pages,
the API, exports and statistics. Staff status and superuser rights grant nothing here."""

from django.core import signing
from django.db.models import Count, Q, QuerySet

from directory.models import OrganisationStatus

from .models import (
    AdviceCase,
    AdviceRole,
    AdviceRoleKind,
    Appointment,
    AppointmentSchedule,
    AuditEntry,
    Concern,
    ModerationCase,
    Referral,
    ReferralOutcome,
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
    # A subquery rather than a join with the advisers: no duplicate rows, so no DISTINCT,
    # which made every case list and its count compare whole rows.
    assigned = AdviceCase.advisers.through.objects.filter(user=user).values("advicecase_id")
    return AdviceCase.objects.filter(
        Q(organisation__in=organisations_led_by(user))
        | Q(organisation__in=_team_organisations(user), pk__in=assigned)
    )


def moderations_visible_to(user) -> QuerySet[ModerationCase]:
    """Moderations the person mediates, and every one of an organisation they lead."""
    if not user.is_authenticated or not user.is_active:
        return ModerationCase.objects.none()
    mediated = ModerationCase.mediators.through.objects.filter(user=user).values(
        "moderationcase_id"
    )
    return ModerationCase.objects.filter(
        Q(organisation__in=organisations_led_by(user))
        | Q(organisation__in=_team_organisations(user), pk__in=mediated)
    )


def appointments_visible_to(user) -> QuerySet[Appointment]:
    """Appointments of the organisations in whose advice team the person is."""
    return Appointment.objects.filter(schedule__organisation__in=_team_organisations(user))


def audit_entries_visible_to(user) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(organisation__in=organisations_led_by(user))


# --- appointments ---------------------------------------------------------------------

# Links in the booking e-mails: whoever holds one may see, cancel or move that one
# appointment without an account. The link version is signed with the pk and goes up
# when the appointment is moved, so a link from an earlier e-mail is void.
APPOINTMENT_LINK_SALT = "advice.appointment.manage"


def schedules_public() -> QuerySet[AppointmentSchedule]:
    """Schedules residents may book: active, of a published organisation."""
    return AppointmentSchedule.objects.filter(
        is_active=True, organisation__status=OrganisationStatus.PUBLISHED
    )


def schedules_visible_to(user) -> QuerySet[AppointmentSchedule]:
    """The schedules of the organisations in whose advice team the person is."""
    return AppointmentSchedule.objects.filter(organisation__in=_team_organisations(user))


def appointment_manage_token(appointment: Appointment) -> str:
    return signing.dumps([appointment.pk, appointment.link_version], salt=APPOINTMENT_LINK_SALT)


def appointment_by_manage_token(token: str) -> Appointment | None:
    """The appointment a link was made for; None for a tampered or outdated link."""
    try:
        pk, version = signing.loads(token, salt=APPOINTMENT_LINK_SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if not isinstance(pk, int) or not isinstance(version, int):
        return None
    return (
        Appointment.objects.select_related("schedule__place", "topic")
        .filter(pk=pk, link_version=version)
        .first()
    )


# advice: cases


def advice_team_of(organisation):
    """The people in the organisation's advice team (advisers and leads), by name."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(advice_roles__organisation=organisation, is_active=True)
        .order_by("display_name", "email")
    )


# advice: referrals ---------------------------------------------------------------------


def referrals_visible_to(user) -> QuerySet[Referral]:
    """Referrals of the cases the person may see: the referral is part of the case."""
    return Referral.objects.filter(case__in=cases_visible_to(user).values("pk"))


def referral_outcomes_by_service(organisation, year: int) -> list[dict]:
    """How the referrals an organisation made in `year` turned out, per counselling
    service: counts only, no case, person or adviser. Each row holds the service's `id`
    and `name`, `total` and one count per ReferralOutcome value. The caller checks
    "advice.view_statistics"."""
    counts = {outcome: Count("pk", filter=Q(outcome=outcome)) for outcome in ReferralOutcome.values}
    rows = (
        Referral.objects.filter(case__organisation=organisation, referred_at__year=year)
        .values("service_organisation_id", "service_organisation__name")
        .annotate(total=Count("pk"), **counts)
        .order_by("service_organisation__name", "service_organisation_id")
    )
    return [
        {
            "id": row.pop("service_organisation_id"),
            "name": row.pop("service_organisation__name"),
            **row,
        }
        for row in rows
    ]


# advice: team --------------------------------------------------------------------------


def advice_roles_of(organisation) -> QuerySet[AdviceRole]:
    """The organisation's advice team as memberships (name, role, since), leads first.
    Holds no advice data: the organisation's admin, who appoints the team, sees it too."""
    return (
        AdviceRole.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("-role", "user__display_name", "user__email")
    )


def advice_team_candidates(organisation):
    """Colleagues who may join the advice team: holding a directory role in the
    organisation and not in its team yet."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(organisation_roles__organisation=organisation, is_active=True)
        .exclude(advice_roles__organisation=organisation)
        .distinct()
        .order_by("display_name", "email")
    )


def organisations_whose_team_is_managed_by(user):
    """Organisations the person administers (directory) or whose advice they lead."""
    from directory.models import Organisation, OrganisationRoleKind

    if not user.is_authenticated or not user.is_active:
        return Organisation.objects.none()
    return (
        Organisation.objects.filter(
            Q(roles__user=user, roles__role=OrganisationRoleKind.ADMIN)
            | Q(advice_roles__user=user, advice_roles__role=AdviceRoleKind.LEAD)
        )
        .distinct()
        .order_by("name")
    )
