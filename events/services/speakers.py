"""Writes for the speakers an organisation enters. Consent to be named publicly is
recorded with its moment; withdrawing it clears the record, and public pages stop
showing the person at once (Speaker.objects.public())."""

from django.db import transaction
from django.utils import timezone

from ..models import Speaker

_EDITABLE_FIELDS = {"organisation", "name", "role", "affiliation", "bio", "public_consent"}


def _apply(speaker: Speaker, values: dict) -> None:
    unknown = set(values) - _EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"Not editable here: {', '.join(sorted(unknown))}")
    had_consent = speaker.public_consent
    for name, value in values.items():
        setattr(speaker, name, value)
    if not speaker.public_consent:
        speaker.consent_recorded_at = None
    elif not had_consent or speaker.consent_recorded_at is None:
        speaker.consent_recorded_at = timezone.now()


@transaction.atomic
def speaker_create(**values) -> Speaker:
    """A new speaker; `values` are model fields, `organisation` required."""
    speaker = Speaker()
    _apply(speaker, values)
    speaker.full_clean()
    speaker.save()
    return speaker


@transaction.atomic
def speaker_update(*, speaker: Speaker, **values) -> Speaker:
    _apply(speaker, values)
    speaker.full_clean()
    speaker.save()
    return speaker


@transaction.atomic
def speaker_delete(*, speaker: Speaker) -> None:
    """The speaker disappears from every agenda they were on."""
    speaker.delete()
