"""The audit log of confidential records: every read and change is written down, with
who, what and when, but never the content itself."""

from django.db import models

from .models import AuditAction, AuditEntry


def audit_record(*, user, action: AuditAction, record: models.Model, detail: str = "") -> None:
    """Write one entry for `record` (a concern, case, note, document, appointment,
    referral or moderation; each knows its organisation)."""
    AuditEntry.objects.create(
        organisation_id=_organisation_id(record),
        user=user if user is not None and user.is_authenticated else None,
        action=action,
        record_type=record._meta.model_name,
        record_id=record.pk,
        detail=detail[:200],
    )


def _organisation_id(record) -> int:
    for path in ("organisation_id", "case", "moderation", "schedule"):
        value = getattr(record, path, None)
        if value is None:
            continue
        if path == "organisation_id":
            return value
        return _organisation_id(value)
    raise ValueError(f"{record!r} belongs to no organisation")
