"""Checking uploaded documents (minutes, slides, case documents). An upload is accepted
only when its name ends in an allowed extension and its content really is of that type:
the name alone is whatever the uploader typed, so a renamed program or a picture called
.pdf is refused."""

import os
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class AllowedType:
    content_type: str
    # For office files: a ZIP container that must hold this entry; for ODF files the
    # entry "mimetype" must also name `content_type`.
    zip_entry: str = ""


_OOXML = "application/vnd.openxmlformats-officedocument."
_ODF = "application/vnd.oasis.opendocument."
ALLOWED_TYPES = {
    ".pdf": AllowedType("application/pdf"),
    ".png": AllowedType("image/png"),
    ".jpg": AllowedType("image/jpeg"),
    ".jpeg": AllowedType("image/jpeg"),
    ".webp": AllowedType("image/webp"),
    ".docx": AllowedType(_OOXML + "wordprocessingml.document", "word/document.xml"),
    ".xlsx": AllowedType(_OOXML + "spreadsheetml.sheet", "xl/workbook.xml"),
    ".pptx": AllowedType(_OOXML + "presentationml.presentation", "ppt/presentation.xml"),
    ".odt": AllowedType(_ODF + "text", "mimetype"),
    ".ods": AllowedType(_ODF + "spreadsheet", "mimetype"),
    ".odp": AllowedType(_ODF + "presentation", "mimetype"),
}
ALLOWED_EXTENSIONS = sorted(ALLOWED_TYPES)


def _head(file, length: int = 16) -> bytes:
    file.seek(0)
    head = file.read(length)
    file.seek(0)
    return head


def _zip_holds(file, allowed: AllowedType) -> bool:
    """Only the directory and the tiny "mimetype" entry are read, so a ZIP bomb costs
    nothing."""
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if allowed.zip_entry == "mimetype":
                if "mimetype" not in names:
                    return False
                with archive.open("mimetype") as entry:
                    return entry.read(100).strip() == allowed.content_type.encode()
            return "[Content_Types].xml" in names and allowed.zip_entry in names
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        return False
    finally:
        file.seek(0)


def _content_matches(file, extension: str) -> bool:
    allowed = ALLOWED_TYPES[extension]
    head = _head(file)
    if allowed.zip_entry:
        return head.startswith(b"PK\x03\x04") and _zip_holds(file, allowed)
    if allowed.content_type == "application/pdf":
        return head.startswith(b"%PDF-")
    if allowed.content_type == "image/png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if allowed.content_type == "image/jpeg":
        return head.startswith(b"\xff\xd8\xff")
    return head[:4] == b"RIFF" and head[8:12] == b"WEBP"


def document_content_type(file, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    """(extension, content type) of an acceptable upload; ValidationError (on "file")
    otherwise."""
    extension = os.path.splitext(file.name or "")[1].lower()
    if extension not in ALLOWED_TYPES:
        raise ValidationError(
            {
                "file": _(
                    "Files of this type cannot be uploaded. Allowed are PDF, PNG, JPEG, WebP "
                    "and office files (%(extensions)s)."
                )
                % {"extensions": ", ".join(ALLOWED_EXTENSIONS)}
            }
        )
    limit = max_bytes
    if file.size > limit:
        raise ValidationError(
            {
                "file": _("The file is %(size)s; at most %(limit)s are allowed.")
                % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)}
            }
        )
    if not _content_matches(file, extension):
        raise ValidationError(
            {
                "file": _(
                    "The content of the file does not match its name ending %(extension)s. "
                    "Please save it again in that format and upload it once more."
                )
                % {"extension": extension}
            }
        )
    return extension, ALLOWED_TYPES[extension].content_type
