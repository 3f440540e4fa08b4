"""Retention: what a person told the advice team is kept only as long as it is needed.
Concerns that are done and cases and moderations that are closed are anonymised
settings.ADVICE_RETENTION_MONTHS after closing (a daily job), or at once when the person
asks for deletion (the advice lead confirms).

Anonymising empties every free text and contact field and deletes the documents with
their files. What stays is what the anonymous statistics count: kind, topic, channel,
month, neighbourhood, first contact or follow-up, outcomes by kind, the referrals'
feedback, and the notes' dates (each note is a contact), the notes' text emptied."""

from dataclasses import dataclass
from datetime import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ..audit import audit_record
from ..models import (
    AdviceCase,
    Appointment,
    AuditAction,
    CaseNote,
    CaseStatus,
    Concern,
    ConcernStatus,
    ModerationAgreement,
    ModerationCase,
    ModerationParty,
    ModerationSession,
)
from .cases import delete_stored_file_on_commit


def retention_cutoff(now: datetime | None = None) -> datetime:
    months = getattr(settings, "ADVICE_RETENTION_MONTHS", 12)
    return (now or timezone.now()) - relativedelta(months=months)


def concerns_due(now: datetime | None = None):
    """Done concerns closed before the cutoff; one marked done without a closing time
    counts from when it was received, so it is not kept for ever."""
    cutoff = retention_cutoff(now)
    return Concern.objects.filter(status=ConcernStatus.DONE, anonymised_at__isnull=True).filter(
        Q(closed_at__lt=cutoff) | Q(closed_at__isnull=True, created_at__lt=cutoff)
    )


def cases_due(now: datetime | None = None):
    return AdviceCase.objects.filter(
        status=CaseStatus.CLOSED, anonymised_at__isnull=True, closed_at__lt=retention_cutoff(now)
    )


def moderations_due(now: datetime | None = None):
    return ModerationCase.objects.filter(
        status=CaseStatus.CLOSED, anonymised_at__isnull=True, closed_at__lt=retention_cutoff(now)
    )


def _empty_appointments(concern_id) -> None:
    if concern_id is not None:
        Appointment.objects.filter(concern_id=concern_id).update(name="", email="", phone="")


def _anonymise_concern(concern: Concern, by, now: datetime) -> None:
    concern.description = ""
    concern.contact_name = ""
    concern.contact_email = ""
    concern.contact_phone = ""
    concern.anonymised_at = now
    fields = ["description", "contact_name", "contact_email", "contact_phone", "anonymised_at"]
    if concern.status != ConcernStatus.DONE:
        concern.status = ConcernStatus.DONE
        fields.append("status")
    if concern.closed_at is None:
        concern.closed_at = now
        fields.append("closed_at")
    concern.save(update_fields=fields)
    _empty_appointments(concern.pk)
    audit_record(user=by, action=AuditAction.ANONYMISE, record=concern)


def _anonymise_case(case: AdviceCase, by, now: datetime) -> None:
    case.person_name = ""
    case.contact = ""
    case.next_steps = ""
    case.anonymised_at = now
    fields = ["person_name", "contact", "next_steps", "anonymised_at"]
    if case.status != CaseStatus.CLOSED:
        case.status = CaseStatus.CLOSED
        case.closed_at = now
        fields += ["status", "closed_at"]
    case.save(update_fields=fields)
    CaseNote.objects.filter(case=case).update(text="")
    for document in case.documents.all():
        delete_stored_file_on_commit(document)
    case.documents.all().delete()
    _empty_appointments(case.concern_id)
    audit_record(user=by, action=AuditAction.ANONYMISE, record=case)


def _anonymise_moderation(moderation: ModerationCase, by, now: datetime) -> None:
    moderation.subject = ""
    moderation.anonymised_at = now
    moderation.save(update_fields=["subject", "anonymised_at"])
    ModerationParty.objects.filter(moderation=moderation).update(label="", contact="")
    ModerationSession.objects.filter(moderation=moderation).update(notes="")
    ModerationAgreement.objects.filter(moderation=moderation).update(text="")
    _empty_appointments(moderation.concern_id)
    audit_record(user=by, action=AuditAction.ANONYMISE, record=moderation)


@dataclass(frozen=True)
class AnonymisedCounts:
    concerns: int
    cases: int
    moderations: int


@transaction.atomic
def advice_records_anonymise_due(*, now: datetime | None = None) -> AnonymisedCounts:
    """The daily job: every record past its retention period, each with an audit entry
    made by nobody (the system)."""
    now = now or timezone.now()
    concerns = list(concerns_due(now).select_for_update())
    cases = list(cases_due(now).select_for_update())
    moderations = list(moderations_due(now).select_for_update())
    for concern in concerns:
        _anonymise_concern(concern, None, now)
    for case in cases:
        _anonymise_case(case, None, now)
    for moderation in moderations:
        _anonymise_moderation(moderation, None, now)
    return AnonymisedCounts(len(concerns), len(cases), len(moderations))


@transaction.atomic
def case_anonymise_now(*, case: AdviceCase, by) -> AdviceCase:
    """The person asked for deletion: the case and the concern it came from (the same
    person's account of it) are anonymised at once, and the case is closed."""
    if case.anonymised_at is not None:
        raise ValidationError(_("This case has already been anonymised."))
    now = timezone.now()
    _anonymise_case(case, by, now)
    if case.concern is not None and case.concern.anonymised_at is None:
        _anonymise_concern(case.concern, by, now)
    return case


@transaction.atomic
def concern_anonymise_now(*, concern: Concern, by) -> Concern:
    """The person asked for deletion: the concern and the cases made of it are anonymised
    at once and closed. Moderations stay: other households took part in them; they are
    anonymised when their retention period is over."""
    if concern.anonymised_at is not None:
        raise ValidationError(_("This concern has already been anonymised."))
    now = timezone.now()
    _anonymise_concern(concern, by, now)
    for case in concern.cases.filter(anonymised_at__isnull=True):
        _anonymise_case(case, by, now)
    return concern
