"""Every write to an advice case: opening one, notes, the team, status, documents. Each
write leaves an audit entry naming the record, never its content. Permissions are the
views' business (advice.rules); these functions keep the case consistent: an anonymised
case takes no more changes, a closed case no new notes or documents, and only members of
the organisation's advice team work on a case."""

import io
import os
import secrets
import zipfile
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from core.crypto import encrypt_bytes

from ..audit import audit_record
from ..models import (
    AdviceCase,
    AdviceRole,
    AuditAction,
    CaseDocument,
    CaseNote,
    CaseStatus,
)

DEFAULT_MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
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


# Documents. The type is judged by the name's ending and the first bytes alike: the name
# is whatever the uploader typed, so a renamed program or a picture called .pdf is refused.


@dataclass(frozen=True)
class AllowedType:
    content_type: str
    # Office files are ZIP containers that must hold this entry; for ODF files the
    # entry "mimetype" must also name `content_type`.
    zip_entry: str = ""


_OOXML = "application/vnd.openxmlformats-officedocument."
_ODF = "application/vnd.oasis.opendocument."
ALLOWED_DOCUMENT_TYPES = {
    ".pdf": AllowedType("application/pdf"),
    ".png": AllowedType("image/png"),
    ".jpg": AllowedType("image/jpeg"),
    ".jpeg": AllowedType("image/jpeg"),
    ".webp": AllowedType("image/webp"),
    ".docx": AllowedType(_OOXML + "wordprocessingml.document", "word/document.xml"),
    ".xlsx": AllowedType(_OOXML + "spreadsheetml.sheet", "xl/workbook.xml"),
    ".odt": AllowedType(_ODF + "text", "mimetype"),
    ".ods": AllowedType(_ODF + "spreadsheet", "mimetype"),
}


def max_document_bytes() -> int:
    return getattr(settings, "ADVICE_DOCUMENT_MAX_BYTES", DEFAULT_MAX_DOCUMENT_BYTES)


def _zip_holds(data: bytes, allowed: AllowedType) -> bool:
    """Only the directory and the tiny "mimetype" entry are read, so a ZIP bomb costs
    nothing."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if allowed.zip_entry == "mimetype":
                if "mimetype" not in names:
                    return False
                with archive.open("mimetype") as entry:
                    return entry.read(100).strip() == allowed.content_type.encode()
            return "[Content_Types].xml" in names and allowed.zip_entry in names
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        return False


def _content_matches(data: bytes, allowed: AllowedType) -> bool:
    if allowed.zip_entry:
        return data.startswith(b"PK\x03\x04") and _zip_holds(data, allowed)
    if allowed.content_type == "application/pdf":
        return data.startswith(b"%PDF-")
    if allowed.content_type == "image/png":
        return data.startswith(b"\x89PNG\r\n\x1a\n")
    if allowed.content_type == "image/jpeg":
        return data.startswith(b"\xff\xd8\xff")
    return data[:4] == b"RIFF" and data[8:12] == b"WEBP"


def _checked_document(file) -> tuple[str, str, bytes]:
    """(extension, content type, bytes) of an acceptable upload; ValidationError on
    "file" otherwise."""
    extension = os.path.splitext(file.name or "")[1].lower()
    allowed = ALLOWED_DOCUMENT_TYPES.get(extension)
    if allowed is None:
        raise ValidationError(
            {
                "file": _(
                    "Files of this type cannot be uploaded. Allowed are PDF, PNG, JPEG, WebP "
                    "and office files (%(extensions)s)."
                )
                % {"extensions": ", ".join(sorted(ALLOWED_DOCUMENT_TYPES))}
            }
        )
    limit = max_document_bytes()
    if file.size > limit:
        raise ValidationError(
            {
                "file": _("The file is %(size)s; at most %(limit)s are allowed.")
                % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)}
            }
        )
    file.seek(0)
    data = file.read()
    if not _content_matches(data, allowed):
        raise ValidationError(
            {
                "file": _(
                    "The content of the file does not match its name ending %(extension)s. "
                    "Please save it again in that format and upload it once more."
                )
                % {"extension": extension}
            }
        )
    return extension, allowed.content_type, data


@transaction.atomic
def case_document_upload(*, case: AdviceCase, by, title: str, file) -> CaseDocument:
    """The bytes are encrypted before they touch the disk, under a random name: neither
    the stored file nor its name tells anything about the person."""
    _refuse_if_closed(case)
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Please enter a title.")})
    extension, content_type, data = _checked_document(file)
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
