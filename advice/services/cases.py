"""Every write to an advice case: opening one, notes, the team, status, documents. Each
write leaves an audit entry naming the record, never its content. Permissions are the
views' business (advice.rules); these functions keep the case consistent: an anonymised
case takes no more changes, a closed case no new notes or documents, and only members of
the organisation's advice team work on a case."""

import secrets
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.crypto import encrypt_bytes
from core.uploads import DEFAULT_MAX_BYTES, document_content_type

from ..audit import audit_record
from ..models import (
    AdviceCase,
    AdviceRole,
    AuditAction,
    CaseDocument,
    CaseNote,
    CaseStatus,
)

EARLIEST_CONTACT_DATE = date(2000, 1, 1)


def _refuse_if_anonymised(case: AdviceCase) -> None:
    if case.anonymised_at is not None:
        raise ValidationError(_("This case has been anonymised and cannot be changed."))


def _refuse_if_closed(case: AdviceCase) -> None:
    _refuse_if_anonymised(case)
    if case.status == CaseStatus.CLOSED:
        raise ValidationError(_("This case is closed. Reopen it first."))


def _check_team(organisation, users) -> None:
    team = set(
        AdviceRole.objects.filter(organisation=organisation, user__is_active=True).values_list(
            "user_id", flat=True
        )
    )
    if any(user.pk not in team for user in users):
        raise ValidationError(
            {"advisers": _("Only members of the organisation's advice team can work on a case.")}
        )


def _check_topics(topics) -> None:
    if not topics:
        raise ValidationError({"topics": _("Please choose at least one topic.")})


@transaction.atomic
def case_create(
    *,
    organisation,
    by,
    topics,
    person_name: str = "",
    contact: str = "",
    neighbourhood=None,
    is_first_contact: bool = True,
    next_steps: str = "",
    concern=None,
) -> AdviceCase:
    """A new case, with the person who opens it on its team (else an adviser could not
    see the case they just opened)."""
    _check_team(organisation, [by])
    _check_topics(topics)
    if concern is not None and concern.organisation_id != organisation.pk:
        raise ValidationError(_("The concern belongs to another organisation."))
    case = AdviceCase.objects.create(
        organisation=organisation,
        concern=concern,
        person_name=person_name.strip(),
        contact=contact.strip(),
        neighbourhood=neighbourhood,
        is_first_contact=is_first_contact,
        next_steps=next_steps.strip(),
    )
    case.topics.set(topics)
    case.advisers.add(by)
    audit_record(user=by, action=AuditAction.CREATE, record=case)
    return case


@transaction.atomic
def case_update(
    *,
    case: AdviceCase,
    by,
    topics,
    person_name: str,
    contact: str,
    neighbourhood,
    next_steps: str,
) -> AdviceCase:
    _refuse_if_anonymised(case)
    _check_topics(topics)
    case.person_name = person_name.strip()
    case.contact = contact.strip()
    case.neighbourhood = neighbourhood
    case.next_steps = next_steps.strip()
    case.save(update_fields=["person_name", "contact", "neighbourhood", "next_steps"])
    case.topics.set(topics)
    audit_record(user=by, action=AuditAction.CHANGE, record=case)
    return case


@transaction.atomic
def case_note_add(*, case: AdviceCase, by, contact_on: date, text: str) -> CaseNote:
    """Notes are never edited: a correction is a new note, so the record stays as it was
    written when it was read."""
    _refuse_if_closed(case)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Please write the note.")})
    if contact_on > timezone.localdate():
        raise ValidationError({"contact_on": _("The date of contact cannot be in the future.")})
    if contact_on < EARLIEST_CONTACT_DATE:
        raise ValidationError({"contact_on": _("Please check the date of contact.")})
    note = CaseNote.objects.create(case=case, author=by, contact_on=contact_on, text=text)
    audit_record(user=by, action=AuditAction.CREATE, record=note)
    return note


@transaction.atomic
def case_assign(*, case: AdviceCase, by, advisers) -> AdviceCase:
    _refuse_if_anonymised(case)
    advisers = list(advisers)
    if not advisers:
        raise ValidationError({"advisers": _("A case needs at least one adviser.")})
    _check_team(case.organisation, advisers)
    case.advisers.set(advisers)
    audit_record(user=by, action=AuditAction.CHANGE, record=case, detail="advisers")
    return case


@transaction.atomic
def case_close(*, case: AdviceCase, by) -> AdviceCase:
    _refuse_if_anonymised(case)
    if case.status != CaseStatus.CLOSED:
        case.status = CaseStatus.CLOSED
        case.closed_at = timezone.now()
        case.save(update_fields=["status", "closed_at"])
        audit_record(user=by, action=AuditAction.CHANGE, record=case, detail="closed")
    return case


@transaction.atomic
def case_reopen(*, case: AdviceCase, by) -> AdviceCase:
    _refuse_if_anonymised(case)
    if case.status != CaseStatus.OPEN:
        case.status = CaseStatus.OPEN
        case.closed_at = None
        case.save(update_fields=["status", "closed_at"])
        audit_record(user=by, action=AuditAction.CHANGE, record=case, detail="reopened")
    return case


def max_document_bytes() -> int:
    return getattr(settings, "ADVICE_DOCUMENT_MAX_BYTES", DEFAULT_MAX_BYTES)


@transaction.atomic
def case_document_upload(*, case: AdviceCase, by, title: str, file) -> CaseDocument:
    """The bytes are encrypted before they touch the disk, under a random name: neither
    the stored file nor its name tells anything about the person."""
    _refuse_if_closed(case)
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Please enter a title.")})
    extension, content_type = document_content_type(file, max_bytes=max_document_bytes())
    file.seek(0)
    data = file.read()
    document = CaseDocument(
        case=case,
        title=title,
        content_type=content_type,
        size=len(data),
        uploaded_by=by,
    )
    document.file.save(
        secrets.token_hex(16) + extension + ".enc", ContentFile(encrypt_bytes(data)), save=False
    )
    stored_name = document.file.name
    try:
        document.save()
    except Exception:
        # The row was not written; the file must not stay behind without it.
        document.file.storage.delete(stored_name)
        raise
    audit_record(user=by, action=AuditAction.CREATE, record=document)
    return document


def delete_stored_file_on_commit(document: CaseDocument) -> None:
    storage, name = document.file.storage, document.file.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def case_document_delete(*, document: CaseDocument, by) -> None:
    _refuse_if_anonymised(document.case)
    audit_record(user=by, action=AuditAction.DELETE, record=document)
    delete_stored_file_on_commit(document)
    document.delete()
