"""Who may do what with advice data. Only the advice team (AdviceRole) of an
organisation ever gets in: the directory's roles (admin, editor, coordinator), network
admins and platform staff get nothing here. Views ask with `may(user, perm, obj)`:
Django's user.has_perm would let every superuser through."""

import rules

from directory.models import OrganisationRole, OrganisationRoleKind

from .models import AdviceRole, AdviceRoleKind


def _organisation_of(obj):
    for attribute in ("organisation", "case", "moderation", "schedule"):
        value = getattr(obj, attribute, None)
        if value is not None:
            return value if attribute == "organisation" else _organisation_of(value)
    return obj


def _team_role(user, obj):
    if obj is None or not user.is_authenticated or not user.is_active:
        return None
    return (
        AdviceRole.objects.filter(user=user, organisation=_organisation_of(obj))
        .values_list("role", flat=True)
        .first()
    )


@rules.predicate
def is_in_advice_team(user, obj):
    """Adviser or advice lead of the organisation `obj` belongs to."""
    return _team_role(user, obj) is not None


@rules.predicate
def leads_advice(user, obj):
    return _team_role(user, obj) == AdviceRoleKind.LEAD


@rules.predicate
def is_assigned(user, obj):
    """Assigned to the case (as adviser) or the moderation (as mediator)."""
    if obj is None or not user.is_authenticated:
        return False
    case = getattr(obj, "case", None) or obj
    moderation = getattr(obj, "moderation", None)
    if moderation is not None:
        return moderation.mediators.filter(pk=user.pk).exists()
    if hasattr(case, "advisers"):
        return case.advisers.filter(pk=user.pk).exists()
    if hasattr(case, "mediators"):
        return case.mediators.filter(pk=user.pk).exists()
    return False


@rules.predicate
def is_organisation_admin(user, organisation):
    if organisation is None or not user.is_authenticated:
        return False
    return OrganisationRole.objects.filter(
        user=user, organisation=organisation, role=OrganisationRoleKind.ADMIN
    ).exists()


# Concerns and appointments: the whole advice team triages and books.
rules.add_perm("advice.view_concern", is_in_advice_team)
rules.add_perm("advice.change_concern", is_in_advice_team)
rules.add_perm("advice.manage_appointments", is_in_advice_team)
# Cases and moderations: assigned advisers/mediators and the lead only.
rules.add_perm("advice.view_case", is_in_advice_team & (is_assigned | leads_advice))
rules.add_perm("advice.change_case", is_in_advice_team & (is_assigned | leads_advice))
# The lead reads the audit log, sets up schedules and sees the statistics.
rules.add_perm("advice.view_audit_log", leads_advice)
rules.add_perm("advice.manage_schedules", leads_advice)
rules.add_perm("advice.view_statistics", leads_advice)
# The organisation's admin appoints the advice team without seeing its data.
rules.add_perm("advice.manage_team", is_organisation_admin | leads_advice)


def may(user, permission: str, obj=None) -> bool:
    return rules.has_perm(permission, user, obj)


# advice: cases
# Only the lead changes who works on a case, and only the lead anonymises a record before
# its retention period is over (the person asked for deletion).
rules.add_perm("advice.create_case", is_in_advice_team)
rules.add_perm("advice.assign_case", leads_advice)
rules.add_perm("advice.anonymise_records", leads_advice)
