"""Conflict moderation between neighbours: the households taking part, the sessions held,
the agreements reached and when to look again. Every change is written to the audit
log (the content never is)."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..audit import audit_record
from ..models import (
    AdviceRole,
    AuditAction,
    CaseStatus,
    ModerationAgreement,
    ModerationCase,
    ModerationParty,
    ModerationSession,
)

MIN_PARTIES_FOR_SESSION = 2
# Dates further ahead than this are typing mistakes.
MAX_DAYS_AHEAD = 366


def _locked(moderation: ModerationCase) -> ModerationCase:
    """Re-read under a row lock: two mediators changing the same moderation at once
    (removing a party while the other records a session) cannot break its rules."""
    return ModerationCase.objects.select_for_update().get(pk=moderation.pk)


def _refuse_closed(moderation: ModerationCase) -> None:
    if moderation.status != CaseStatus.OPEN or moderation.anonymised_at is not None:
        raise ValidationError(_("This moderation is closed. Reopen it to change it."))


def _required_text(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value


def _check_not_too_far_ahead(day: date, field: str) -> None:
    if day > timezone.localdate() + timedelta(days=MAX_DAYS_AHEAD):
        raise ValidationError({field: _("Please enter a date within the next year.")})


def _check_not_before_opening(moderation: ModerationCase, day: date, field: str) -> None:
    opened_on = timezone.localdate(moderation.opened_at)
    if day < opened_on:
        raise ValidationError(
            {
                field: _("The date cannot be before the moderation was opened (%(date)s).")
                % {"date": opened_on.strftime("%d.%m.%Y")}
            }
        )


def _check_mediators(organisation, mediators) -> None:
    team = set(
        AdviceRole.objects.filter(organisation=organisation).values_list("user_id", flat=True)
    )
    if any(mediator.pk not in team for mediator in mediators):
        raise ValidationError(
            {"mediators": _("Mediators must belong to the organisation's advice team.")}
        )


@transaction.atomic
def moderation_create(
    *, organisation, subject: str, neighbourhood=None, mediators=(), follow_up_on=None, by
) -> ModerationCase:
    """A new moderation with `by` as its first mediator; further mediators must be in the
    same advice team."""
    if not AdviceRole.objects.filter(user=by, organisation=organisation).exists():
        raise ValidationError(
            {"organisation": _("You are not in the advice team of this organisation.")}
        )
    subject = _required_text(subject, "subject", _("Please say what the conflict is about."))
    mediators = {by, *mediators}
    _check_mediators(organisation, mediators)
    if follow_up_on is not None:
        if follow_up_on < timezone.localdate():
            raise ValidationError({"follow_up_on": _("The follow-up date cannot be in the past.")})
        _check_not_too_far_ahead(follow_up_on, "follow_up_on")
    moderation = ModerationCase.objects.create(
        organisation=organisation,
        subject=subject,
        neighbourhood=neighbourhood,
        follow_up_on=follow_up_on,
    )
    moderation.mediators.set(mediators)
    audit_record(user=by, action=AuditAction.CREATE, record=moderation)
    return moderation


@transaction.atomic
def moderation_set_mediators(*, moderation: ModerationCase, mediators, by) -> ModerationCase:
    moderation = _locked(moderation)
    _refuse_closed(moderation)
    if not mediators:
        raise ValidationError({"mediators": _("A moderation needs at least one mediator.")})
    _check_mediators(moderation.organisation_id, mediators)
    moderation.mediators.set(mediators)
    audit_record(user=by, action=AuditAction.CHANGE, record=moderation, detail="mediators")
    return moderation


@transaction.atomic
def moderation_party_add(
    *, moderation: ModerationCase, label: str, contact: str = "", by
) -> ModerationParty:
    moderation = _locked(moderation)
    _refuse_closed(moderation)
    label = _required_text(label, "label", _("Please name the household."))
    party = ModerationParty.objects.create(
        moderation=moderation, label=label, contact=(contact or "").strip()
    )
    audit_record(user=by, action=AuditAction.CREATE, record=party)
    return party


@transaction.atomic
def moderation_party_update(
    *, party: ModerationParty, label: str, contact: str = "", by
) -> ModerationParty:
    _refuse_closed(_locked(party.moderation))
    party.label = _required_text(label, "label", _("Please name the household."))
    party.contact = (contact or "").strip()
    party.save(update_fields=["label", "contact"])
    audit_record(user=by, action=AuditAction.CHANGE, record=party)
    return party


@transaction.atomic
def moderation_party_remove(*, party: ModerationParty, by) -> None:
    """Once sessions were held, at least two parties must remain: a moderation of one
    household is no moderation."""
    moderation = _locked(party.moderation)
    _refuse_closed(moderation)
    if moderation.sessions.exists() and moderation.parties.count() <= MIN_PARTIES_FOR_SESSION:
        raise ValidationError(_("Sessions have been held, so at least two parties must remain."))
    audit_record(user=by, action=AuditAction.DELETE, record=party)
    party.delete()


@transaction.atomic
def moderation_session_add(
    *, moderation: ModerationCase, held_on: date, notes: str = "", by
) -> ModerationSession:
    moderation = _locked(moderation)
    _refuse_closed(moderation)
    if moderation.parties.count() < MIN_PARTIES_FOR_SESSION:
        raise ValidationError(_("Add at least two parties before recording a session."))
    _check_not_before_opening(moderation, held_on, "held_on")
    _check_not_too_far_ahead(held_on, "held_on")
    session = ModerationSession.objects.create(
        moderation=moderation, held_on=held_on, notes=(notes or "").strip()
    )
    audit_record(user=by, action=AuditAction.CREATE, record=session)
    return session


@transaction.atomic
def moderation_agreement_add(
    *, moderation: ModerationCase, text: str, reached_on: date, review_on=None, by
) -> ModerationAgreement:
    moderation = _locked(moderation)
    _refuse_closed(moderation)
    text = _required_text(text, "text", _("Please write down what was agreed."))
    _check_not_before_opening(moderation, reached_on, "reached_on")
    if reached_on > timezone.localdate():
        raise ValidationError({"reached_on": _("An agreement cannot be reached in the future.")})
    if review_on is not None:
        if review_on < reached_on:
            raise ValidationError(
                {"review_on": _("The review cannot be before the agreement was reached.")}
            )
        _check_not_too_far_ahead(review_on, "review_on")
    agreement = ModerationAgreement.objects.create(
        moderation=moderation, text=text, reached_on=reached_on, review_on=review_on
    )
    audit_record(user=by, action=AuditAction.CREATE, record=agreement)
    return agreement


@transaction.atomic
def moderation_set_follow_up(*, moderation: ModerationCase, follow_up_on, by) -> ModerationCase:
    """`follow_up_on` None clears the date. Allowed on a closed moderation too: looking
    again a few months later whether the peace holds is part of the work."""
    moderation = _locked(moderation)
    if moderation.anonymised_at is not None:
        raise ValidationError(_("This moderation has been anonymised."))
    if follow_up_on is not None:
        if follow_up_on < timezone.localdate():
            raise ValidationError({"follow_up_on": _("The follow-up date cannot be in the past.")})
        _check_not_too_far_ahead(follow_up_on, "follow_up_on")
    moderation.follow_up_on = follow_up_on
    moderation.save(update_fields=["follow_up_on"])
    audit_record(user=by, action=AuditAction.CHANGE, record=moderation, detail="follow-up")
    return moderation


@transaction.atomic
def moderation_close(*, moderation: ModerationCase, by) -> ModerationCase:
    moderation = _locked(moderation)
    if moderation.status == CaseStatus.CLOSED:
        return moderation
    moderation.status = CaseStatus.CLOSED
    moderation.closed_at = timezone.now()
    moderation.save(update_fields=["status", "closed_at"])
    audit_record(user=by, action=AuditAction.CHANGE, record=moderation, detail="closed")
    return moderation


@transaction.atomic
def moderation_reopen(*, moderation: ModerationCase, by) -> ModerationCase:
    moderation = _locked(moderation)
    if moderation.anonymised_at is not None:
        raise ValidationError(_("An anonymised moderation cannot be reopened."))
    if moderation.status == CaseStatus.OPEN:
        return moderation
    moderation.status = CaseStatus.OPEN
    moderation.closed_at = None
    moderation.save(update_fields=["status", "closed_at"])
    audit_record(user=by, action=AuditAction.CHANGE, record=moderation, detail="reopened")
    return moderation
