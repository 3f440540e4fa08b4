"""Minutes, slides and other documents after an event, checked by core.uploads."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.uploads import DEFAULT_MAX_BYTES, document_content_type

from ..models import DocumentKind, DocumentVisibility, EventDocument, Occurrence


def max_document_bytes() -> int:
    return getattr(settings, "EVENTS_DOCUMENT_MAX_BYTES", DEFAULT_MAX_BYTES)


@transaction.atomic
def event_document_upload(
    *, occurrence: Occurrence, title: str, kind: str, visibility: str, file, by
) -> EventDocument:
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Please enter a title.")})
    if kind not in DocumentKind.values:
        raise ValidationError({"kind": _("Please choose a kind of document.")})
    if visibility not in DocumentVisibility.values:
        raise ValidationError({"visibility": _("Please choose who may see the document.")})
    _extension, content_type = document_content_type(file, max_bytes=max_document_bytes())
    document = EventDocument(
        occurrence=occurrence,
        title=title,
        kind=kind,
        visibility=visibility,
        content_type=content_type,
        size=file.size,
        uploaded_by=by if by is not None and by.is_authenticated else None,
    )
    document.file.save(file.name, file, save=False)
    stored_name = document.file.name
    try:
        document.save()
    except Exception:
        # The row was not written; the file must not stay behind without it.
        document.file.storage.delete(stored_name)
        raise
    return document


@transaction.atomic
def event_document_delete(*, document: EventDocument, by) -> None:
    storage, name = document.file.storage, document.file.name
    document.delete()
    transaction.on_commit(lambda: storage.delete(name))
