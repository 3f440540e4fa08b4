"""The directory's full-text search keeps one normalised text per organisation, so the
same query works on SQLite and PostgreSQL (see core.text.search_normalise)."""

from django.conf import settings
from django.utils import translation

from core.text import search_normalise

from .models import Organisation


def _kind_labels(organisation: Organisation) -> list[str]:
    """The kind in every shipped language, so "Verein" and "association" both find it,
    whatever language the request that saved the organisation spoke."""
    labels = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            labels.append(str(organisation.get_kind_display()))
    return labels


def organisation_search_text(organisation: Organisation) -> str:
    parts = [
        organisation.name,
        organisation.summary,
        organisation.description,
        *_kind_labels(organisation),
        organisation.municipality.name if organisation.municipality_id else "",
    ]
    parts += [topic.name for topic in organisation.topics.all()]
    parts += [service.name for service in organisation.services.all()]
    for place in organisation.places.select_related("neighbourhood"):
        parts += [place.name, place.street, place.postcode, place.city]
        if place.neighbourhood_id:
            parts.append(place.neighbourhood.name)
    return search_normalise(" ".join(part for part in parts if part))


def refresh_search_text(organisation_id: int) -> None:
    organisation = (
        Organisation.objects.select_related("municipality").filter(pk=organisation_id).first()
    )
    if organisation is None:  # deleted together with its places
        return
    Organisation.objects.filter(pk=organisation_id).update(
        search_text=organisation_search_text(organisation)
    )
