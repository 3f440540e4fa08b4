"""Writes for organisations keeping their volunteering opportunities: create and edit,
the lifecycle draft → published → paused / filled / archived, the confirmation that an
offer is still current, and the CSV import. Location data is copied from the chosen place
so that the search by distance never needs a join."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from directory.models import OrganisationRole

from ..models import CONFIRMATION_DAYS, Opportunity, OpportunityStatus

# A published opportunity unconfirmed for this long is one week away from being hidden:
# its organisation is reminded and the dashboard flags it.
REMINDER_AFTER_DAYS = CONFIRMATION_DAYS - 7

_GERMAN_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)
_SLUG_MAX_LENGTH = Opportunity._meta.get_field("slug").max_length

# Which status may follow which for the organisation's own editors.
OPPORTUNITY_TRANSITIONS = {
    OpportunityStatus.DRAFT: {OpportunityStatus.PUBLISHED, OpportunityStatus.ARCHIVED},
    OpportunityStatus.PUBLISHED: {
        OpportunityStatus.PAUSED,
        OpportunityStatus.FILLED,
        OpportunityStatus.ARCHIVED,
    },
    OpportunityStatus.PAUSED: {
        OpportunityStatus.PUBLISHED,
        OpportunityStatus.FILLED,
        OpportunityStatus.ARCHIVED,
    },
    OpportunityStatus.FILLED: {
        OpportunityStatus.PUBLISHED,
        OpportunityStatus.PAUSED,
        OpportunityStatus.ARCHIVED,
    },
    OpportunityStatus.ARCHIVED: set(),
}
# Archiving is final for organisations; platform staff may bring an offer back.
STAFF_ONLY_TRANSITIONS = {
    OpportunityStatus.ARCHIVED: {OpportunityStatus.DRAFT, OpportunityStatus.PUBLISHED},
}

_RELATIONS = ("fields", "activities", "target_groups", "languages")


def allowed_statuses(opportunity: Opportunity, user) -> list[str]:
    """The statuses `user` may move `opportunity` to, in the order of the lifecycle."""
    current = OpportunityStatus(opportunity.status)
    allowed = set(OPPORTUNITY_TRANSITIONS[current])
    if getattr(user, "is_staff", False):
        allowed |= STAFF_ONLY_TRANSITIONS.get(current, set())
    return [status for status in OpportunityStatus if status in allowed]


def reminder_cutoff(now=None):
    return (now or timezone.now()) - timedelta(days=REMINDER_AFTER_DAYS)


def unique_opportunity_slug(title: str, *, exclude_pk=None) -> str:
    base = slugify(title.translate(_GERMAN_TRANSLITERATION))[: _SLUG_MAX_LENGTH - 8].strip("-")
    base = base or "angebot"
    taken = Opportunity.objects.filter(slug__startswith=base)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    taken_slugs = set(taken.values_list("slug", flat=True))
    candidate, suffix = base, 2
    while candidate in taken_slugs:
        candidate = f"{base}-{suffix}"
        suffix += 1
    return candidate


def _check_consistency(opportunity: Opportunity, relations: dict) -> None:
    """The place and the contact coordinator must be the organisation's own, the end may
    not come before the start, and every opportunity belongs to at least one field."""
    errors = {}
    fields = relations.get("fields")
    if (fields is None and opportunity._state.adding) or (fields is not None and not fields):
        errors["fields"] = _("Choose at least one field.")
    if (
        opportunity.starts_on
        and opportunity.ends_on
        and opportunity.ends_on < opportunity.starts_on
    ):
        errors["ends_on"] = _("The end cannot be before the start.")
    place = opportunity.place
    if place is not None and place.organisation_id != opportunity.organisation_id:
        errors["place"] = _("Choose one of your organisation's places.")
    if opportunity.is_remote and place is not None:
        errors["place"] = _("A remote opportunity has no place. Choose either a place or remote.")
    if not opportunity.is_remote and place is None:
        errors["place"] = _("Choose a place or mark the opportunity as remote.")
    coordinator = opportunity.coordinator
    if (
        coordinator is not None
        and not OrganisationRole.objects.filter(
            user=coordinator, organisation_id=opportunity.organisation_id
        ).exists()
    ):
        errors["coordinator"] = _("The contact coordinator must hold a role in the organisation.")
    if errors:
        raise ValidationError(errors)


def _copy_location(opportunity: Opportunity) -> None:
    place = opportunity.place
    if opportunity.is_remote or place is None:
        opportunity.postcode = ""
        opportunity.municipality = None
        opportunity.latitude = None
        opportunity.longitude = None
        return
    opportunity.postcode = place.postcode
    opportunity.municipality_id = place.municipality_id
    opportunity.latitude = place.latitude
    opportunity.longitude = place.longitude


def _save(opportunity: Opportunity, relations: dict) -> Opportunity:
    _check_consistency(opportunity, relations)
    _copy_location(opportunity)
    opportunity.full_clean(exclude=["slug", *_RELATIONS])
    opportunity.save()
    for name, values in relations.items():
        if values is not None:
            getattr(opportunity, name).set(values)
    return opportunity


def _split_relations(values: dict) -> dict:
    """Many-to-many values as lists; None where the caller leaves them unchanged."""
    relations = {name: values.pop(name, None) for name in _RELATIONS}
    return {name: None if value is None else list(value) for name, value in relations.items()}


def _mark_published(opportunity: Opportunity, now) -> None:
    opportunity.published_at = opportunity.published_at or now
    opportunity.confirmed_at = now
    opportunity.reminder_sent_at = None


@transaction.atomic
def opportunity_create(*, organisation, status=OpportunityStatus.DRAFT, **values) -> Opportunity:
    """A new opportunity of `organisation`; `values` are model fields, many-to-many ones as
    iterables. A draft unless `status` says otherwise (the import keeps exported ones)."""
    relations = _split_relations(values)
    opportunity = Opportunity(organisation=organisation, status=status, **values)
    opportunity.slug = unique_opportunity_slug(opportunity.title)
    if status != OpportunityStatus.DRAFT:
        _mark_published(opportunity, timezone.now())
    return _save(opportunity, relations)


@transaction.atomic
def opportunity_update(*, opportunity: Opportunity, **values) -> Opportunity:
    """Change the content of an opportunity; the status has its own service."""
    relations = _split_relations(values)
    values.pop("status", None)
    values.pop("organisation", None)
    for name, value in values.items():
        setattr(opportunity, name, value)
    return _save(opportunity, relations)


@transaction.atomic
def opportunity_set_status(*, opportunity: Opportunity, status: str, by) -> Opportunity:
    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    current = OpportunityStatus(opportunity.status)
    try:
        target = OpportunityStatus(status)
    except ValueError as error:
        raise ValidationError(_("Unknown status.")) from error
    if target not in allowed_statuses(opportunity, by):
        raise ValidationError(
            _("An opportunity cannot go from “%(current)s” to “%(target)s”.")
            % {"current": current.label, "target": target.label}
        )
    if target == OpportunityStatus.PUBLISHED:
        _mark_published(opportunity, timezone.now())
    opportunity.status = target
    opportunity.save(
        update_fields=["status", "published_at", "confirmed_at", "reminder_sent_at", "updated_at"]
    )
    return opportunity


@transaction.atomic
def opportunity_confirm(*, opportunity: Opportunity) -> Opportunity:
    """The organisation says the offer is still current: it stays visible for another
    90 days and may be reminded again after that."""
    if opportunity.status == OpportunityStatus.ARCHIVED:
        raise ValidationError(_("An archived opportunity cannot be confirmed."))
    opportunity.confirmed_at = timezone.now()
    opportunity.reminder_sent_at = None
    opportunity.save(update_fields=["confirmed_at", "reminder_sent_at", "updated_at"])
    return opportunity


@transaction.atomic
def opportunities_import(*, organisation, rows: list[dict]) -> list[Opportunity]:
    """All rows or none: `rows` are validated values for opportunity_create."""
    return [opportunity_create(organisation=organisation, **dict(row)) for row in rows]


def opportunities_due_for_reminder(now=None):
    """Published opportunities unconfirmed for REMINDER_AFTER_DAYS or longer whose
    organisation has not been reminded since they were last confirmed."""
    return Opportunity.objects.filter(
        Q(confirmed_at__lt=reminder_cutoff(now)) | Q(confirmed_at__isnull=True),
        status=OpportunityStatus.PUBLISHED,
        reminder_sent_at__isnull=True,
    )


@transaction.atomic
def opportunities_mark_reminded(*, opportunity_ids, now=None) -> int:
    return Opportunity.objects.filter(pk__in=opportunity_ids, reminder_sent_at__isnull=True).update(
        reminder_sent_at=now or timezone.now()
    )
