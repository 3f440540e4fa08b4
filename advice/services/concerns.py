"""Concerns (Anliegen): taking them in, triaging them, and turning them into outcomes.

Every write leaves an audit entry that names the record but never its content. Outcomes
in other modules (a help request or a volunteer placement in engagement) are handed on
through core.handoffs, so advice never imports those modules."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.handoffs import HandoffRequest, handler_for

from ..audit import audit_record
from ..models import (
    AdviceCase,
    AdviceRole,
    AdviceTopic,
    AuditAction,
    Channel,
    Concern,
    ConcernKind,
    ConcernOutcome,
    ConcernStatus,
    ModerationCase,
    OutcomeKind,
)
from ..tasks_intake import send_new_concern_notice

# The registry names engagement answers to (engagement/handoffs.py). A concern about forms
# becomes a help request of the category "forms"; the request itself carries no kind.
HANDOFF_KIND_FOR_OUTCOME = {
    OutcomeKind.HELP_REQUEST: "help_request",
    OutcomeKind.PLACEMENT: "volunteering",
}
FORMS_HELP_REQUEST_HANDOFF = "help_request_forms"


def _send_after_commit(task, *args):
    transaction.on_commit(lambda: task.enqueue(*args))


def _check_team_member(organisation, user) -> None:
    if (
        user is not None
        and not AdviceRole.objects.filter(organisation=organisation, user=user).exists()
    ):
        raise ValidationError(
            {"responsible": _("Only a member of this organisation's advice team can be chosen.")}
        )


@transaction.atomic
def concern_submit(
    *,
    organisation,
    kind: str,
    description: str,
    contact_name: str,
    contact_email: str,
    contact_phone: str,
    neighbourhood=None,
    consent_text: str,
    base_url: str,
) -> Concern:
    """A resident's concern from the public form. The advice team is told that something
    arrived, with a link to the queue and nothing of the content."""
    if not AdviceRole.objects.filter(organisation=organisation).exists():
        raise ValidationError(
            {"organisation": _("This organisation does not offer advice here yet.")}
        )
    if not (contact_email or contact_phone):
        raise ValidationError(_("Please give an e-mail address or a phone number."))
    concern = Concern.objects.create(
        organisation=organisation,
        kind=kind,
        description=description,
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
        channel=Channel.ONLINE,
        neighbourhood=neighbourhood,
        consent_text=consent_text,
        consent_at=timezone.now(),
    )
    audit_record(user=None, action=AuditAction.CREATE, record=concern, detail="online")
    _send_after_commit(send_new_concern_notice, concern.pk, base_url)
    return concern


@transaction.atomic
def concern_record(
    *,
    organisation,
    by,
    channel: str,
    kind: str,
    description: str,
    contact_name: str,
    contact_email: str = "",
    contact_phone: str = "",
    topic: AdviceTopic | None = None,
    neighbourhood=None,
    is_first_contact: bool = True,
    consent_text: str,
    consent_on: date,
    responsible=None,
    follow_up_on: date | None = None,
) -> Concern:
    """A concern a team member takes down on someone's behalf (phone, at the door, by
    e-mail or letter). The consent was given verbally: the wording read out is stored
    with the day it was given."""
    _check_team_member(organisation, by)
    if channel == Channel.ONLINE:
        raise ValidationError({"channel": _("Online concerns come in through the public form.")})
    if consent_on > timezone.localdate():
        raise ValidationError({"consent_on": _("The consent cannot be given in the future.")})
    responsible = responsible or by
    _check_team_member(organisation, responsible)
    now = timezone.localtime()
    consent_at = (
        now
        if consent_on == now.date()
        else timezone.make_aware(datetime.combine(consent_on, now.time()))
    )
    concern = Concern.objects.create(
        organisation=organisation,
        kind=kind,
        topic=topic,
        description=description,
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
        channel=channel,
        neighbourhood=neighbourhood,
        is_first_contact=is_first_contact,
        consent_text=consent_text,
        consent_at=consent_at,
        responsible=responsible,
        follow_up_on=follow_up_on,
        recorded_by=by,
    )
    audit_record(user=by, action=AuditAction.CREATE, record=concern, detail=channel)
    return concern


@transaction.atomic
def concern_update(
    *,
    concern: Concern,
    by,
    status: str,
    responsible,
    follow_up_on: date | None,
    topic: AdviceTopic | None,
) -> Concern:
    """Triage: status, who is responsible, when to follow up, the topic. The audit entry
    names the fields that changed, not their values."""
    concern = Concern.objects.select_for_update().get(pk=concern.pk)
    if responsible is not None:
        _check_team_member(concern.organisation, responsible)
    changes = {
        "status": status,
        "responsible": responsible,
        "follow_up_on": follow_up_on,
        "topic": topic,
    }
    changed = [name for name, value in changes.items() if getattr(concern, name) != value]
    if not changed:
        return concern
    for name in changed:
        setattr(concern, name, changes[name])
    if "status" in changed:
        concern.closed_at = timezone.now() if status == ConcernStatus.DONE else None
    concern.save()
    audit_record(user=by, action=AuditAction.CHANGE, record=concern, detail=", ".join(changed))
    return concern


@transaction.atomic
def concern_outcome_record(*, concern: Concern, kind: str, by, **links) -> ConcernOutcome:
    """Note what the concern became (`links`: case, appointment, referral, moderation or
    external_url). The first outcome puts a new concern in progress. Other areas call this
    when their page completes an outcome, e.g. an appointment booked for a concern."""
    outcome = ConcernOutcome.objects.create(concern=concern, kind=kind, created_by=by, **links)
    if concern.status == ConcernStatus.NEW:
        concern.status = ConcernStatus.IN_PROGRESS
        concern.save(update_fields=["status"])
    audit_record(user=by, action=AuditAction.CHANGE, record=concern, detail=f"outcome: {kind}")
    return outcome


def _locked(concern: Concern) -> Concern:
    return Concern.objects.select_for_update().get(pk=concern.pk)


@transaction.atomic
def concern_open_case(*, concern: Concern, by) -> AdviceCase:
    """An advice case for the concern, with the person who opened it as its adviser."""
    concern = _locked(concern)
    _check_team_member(concern.organisation, by)
    contact = "\n".join(value for value in (concern.contact_phone, concern.contact_email) if value)
    case = AdviceCase.objects.create(
        organisation=concern.organisation,
        concern=concern,
        person_name=concern.contact_name,
        contact=contact,
        neighbourhood=concern.neighbourhood,
        is_first_contact=concern.is_first_contact,
    )
    case.advisers.set([by])
    if concern.topic_id:
        case.topics.set([concern.topic_id])
    audit_record(user=by, action=AuditAction.CREATE, record=case, detail=f"concern {concern.pk}")
    concern_outcome_record(concern=concern, kind=OutcomeKind.CASE, by=by, case=case)
    return case


@transaction.atomic
def concern_open_moderation(*, concern: Concern, by) -> ModerationCase:
    """A conflict moderation for the concern, with the person who opened it as mediator."""
    concern = _locked(concern)
    _check_team_member(concern.organisation, by)
    moderation = ModerationCase.objects.create(
        organisation=concern.organisation,
        concern=concern,
        subject=concern.description,
        neighbourhood=concern.neighbourhood,
    )
    moderation.mediators.set([by])
    audit_record(
        user=by, action=AuditAction.CREATE, record=moderation, detail=f"concern {concern.pk}"
    )
    concern_outcome_record(
        concern=concern, kind=OutcomeKind.MODERATION, by=by, moderation=moderation
    )
    return moderation


@transaction.atomic
def concern_hand_off(
    *,
    concern: Concern,
    by,
    outcome_kind: str,
    description: str,
    postcode: str = "",
    handoff_consent: bool,
    base_url: str,
) -> ConcernOutcome:
    """Pass the concern on to engagement as a help request or a volunteer placement. Only
    with the person's consent to pass on their contact data, and only the description the
    adviser wrote for it (not the concern's own text)."""
    if not handoff_consent:
        raise ValidationError(
            {
                "handoff_consent": _(
                    "Please confirm that the person agreed to pass on their contact data."
                )
            }
        )
    concern = _locked(concern)
    _check_team_member(concern.organisation, by)
    registry_kind = HANDOFF_KIND_FOR_OUTCOME.get(outcome_kind)
    if outcome_kind == OutcomeKind.HELP_REQUEST and concern.kind == ConcernKind.FORMS:
        registry_kind = FORMS_HELP_REQUEST_HANDOFF
    handler = handler_for(registry_kind) if registry_kind else None
    if handler is None:
        raise ValidationError(_("This kind of hand-off is not available."))
    result = handler(
        HandoffRequest(
            organisation=concern.organisation,
            name=concern.contact_name,
            email=concern.contact_email,
            phone=concern.contact_phone,
            postcode=postcode,
            description=description,
            by=by,
            base_url=base_url,
        )
    )
    return concern_outcome_record(
        concern=concern, kind=outcome_kind, by=by, external_url=result.url[:300]
    )


@transaction.atomic
def concern_record_idea(*, concern: Concern, by) -> ConcernOutcome:
    """Kept as an idea until participation processes exist to take it on."""
    concern = _locked(concern)
    _check_team_member(concern.organisation, by)
    return concern_outcome_record(concern=concern, kind=OutcomeKind.IDEA, by=by)
