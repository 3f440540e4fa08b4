"""Writes to the directory. Every function is keyword-only and atomic: it either does all of
its work or, raising ValidationError, none of it. E-mails go out through tasks once the
transaction has committed, so a rolled-back change never sends a message."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.geo import postcode_point

from . import tasks
from .models import (
    Closure,
    ContactPerson,
    ExtraOpening,
    Invitation,
    MembershipStatus,
    NetworkMembership,
    OfficeHourRule,
    Organisation,
    OrganisationRequest,
    OrganisationRole,
    OrganisationRoleKind,
    OrganisationStatus,
    Place,
    RequestKind,
    RequestStatus,
    Weekday,
)

# First path segments under /verwalten/ and /verzeichnis/ that are not organisation slugs.
RESERVED_SLUGS = {"vorschlagen", "anfragen", "netzwerke", "einladung", "orte", "kontakte"}


# German spelling in addresses: "Bürgerverein Kaßberg" → "buergerverein-kassberg".
_GERMAN_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)


class InvitationUnusable(Exception):
    """The invitation has expired or has already been accepted."""


def unique_organisation_slug(name: str) -> str:
    base = slugify(name.translate(_GERMAN_TRANSLITERATION))[:200].strip("-") or "organisation"
    candidate, suffix = base, 2
    while candidate in RESERVED_SLUGS or Organisation.objects.filter(slug=candidate).exists():
        candidate = f"{base}-{suffix}"
        suffix += 1
    return candidate


def _send_after_commit(task, *args):
    transaction.on_commit(lambda: task.enqueue(*args))


# Proposals, claims and their decision


@transaction.atomic
def organisation_propose(
    *,
    requested_by,
    name,
    kind,
    summary="",
    description="",
    website="",
    email="",
    phone="",
    municipality=None,
    topics=(),
    services=(),
    network=None,
    message="",
) -> OrganisationRequest:
    organisation = Organisation.objects.create(
        name=name,
        slug=unique_organisation_slug(name),
        kind=kind,
        summary=summary,
        description=description,
        website=website,
        email=email,
        phone=phone,
        municipality=municipality,
        status=OrganisationStatus.PENDING,
    )
    organisation.topics.set(topics)
    organisation.services.set(services)
    return OrganisationRequest.objects.create(
        kind=RequestKind.PROPOSAL,
        organisation=organisation,
        requested_by=requested_by,
        network=network,
        message=message,
    )


@transaction.atomic
def organisation_claim(
    *, organisation, requested_by, network=None, message=""
) -> OrganisationRequest:
    if not organisation.is_published:
        raise ValidationError(_("Only published organisations can be claimed."))
    if OrganisationRole.objects.filter(organisation=organisation, user=requested_by).exists():
        raise ValidationError(_("You already hold a role in this organisation."))
    duplicate = ValidationError(
        _("You have already asked to manage this organisation. Please wait for the decision."),
        code="duplicate",
    )
    if OrganisationRequest.objects.filter(
        organisation=organisation, requested_by=requested_by, status=RequestStatus.PENDING
    ).exists():
        raise duplicate
    try:
        with transaction.atomic():
            return OrganisationRequest.objects.create(
                kind=RequestKind.CLAIM,
                organisation=organisation,
                requested_by=requested_by,
                network=network,
                message=message,
            )
    except IntegrityError as error:
        # Two submissions at once: the database constraint keeps only one.
        raise duplicate from error


def _lock_pending(organisation_request) -> OrganisationRequest:
    locked = OrganisationRequest.objects.select_for_update().get(pk=organisation_request.pk)
    if locked.status != RequestStatus.PENDING:
        raise ValidationError(_("This request has already been decided."), code="decided")
    return locked


@transaction.atomic
def organisation_request_approve(*, organisation_request, decided_by, base_url) -> None:
    locked = _lock_pending(organisation_request)
    organisation = locked.organisation
    if organisation.status != OrganisationStatus.PUBLISHED:
        organisation.status = OrganisationStatus.PUBLISHED
        organisation.save(update_fields=["status", "updated_at"])
    OrganisationRole.objects.update_or_create(
        user=locked.requested_by,
        organisation=organisation,
        defaults={"role": OrganisationRoleKind.ADMIN},
    )
    if locked.network_id:
        NetworkMembership.objects.update_or_create(
            network_id=locked.network_id,
            organisation=organisation,
            defaults={"status": MembershipStatus.ACTIVE, "since": timezone.localdate()},
        )
    locked.status = RequestStatus.APPROVED
    locked.decided_by = decided_by
    locked.decided_at = timezone.now()
    locked.save(update_fields=["status", "decided_by", "decided_at"])
    _send_after_commit(tasks.send_request_decision_email, locked.pk, base_url)
    organisation_request.refresh_from_db()


@transaction.atomic
def organisation_request_reject(*, organisation_request, decided_by, base_url) -> None:
    locked = _lock_pending(organisation_request)
    if locked.kind == RequestKind.PROPOSAL:
        organisation = locked.organisation
        organisation.status = OrganisationStatus.REJECTED
        organisation.save(update_fields=["status", "updated_at"])
    locked.status = RequestStatus.REJECTED
    locked.decided_by = decided_by
    locked.decided_at = timezone.now()
    locked.save(update_fields=["status", "decided_by", "decided_at"])
    _send_after_commit(tasks.send_request_decision_email, locked.pk, base_url)
    organisation_request.refresh_from_db()


# Profile, places, contacts


@transaction.atomic
def organisation_update(*, organisation, topics=None, services=None, **fields) -> Organisation:
    for name, value in fields.items():
        setattr(organisation, name, value)
    unchanged_logo = [] if "logo" in fields else ["logo"]
    organisation.full_clean(exclude=["slug", "status", *unchanged_logo])
    organisation.save()
    if topics is not None:
        organisation.topics.set(topics)
    if services is not None:
        organisation.services.set(services)
    return organisation


def _fill_coordinates(place: Place) -> None:
    if place.latitude is not None and place.longitude is not None:
        return
    point = postcode_point(place.postcode)
    if point is None:
        raise ValidationError(
            {"postcode": _("We do not know this postcode. Please check it.")},
            code="unknown_postcode",
        )
    place.latitude, place.longitude = point.latitude, point.longitude


def _save_place(place: Place) -> Place:
    _fill_coordinates(place)
    place.full_clean()
    place.save()
    return place


@transaction.atomic
def place_create(*, organisation, **fields) -> Place:
    return _save_place(Place(organisation=organisation, **fields))


@transaction.atomic
def place_update(*, place, **fields) -> Place:
    for name, value in fields.items():
        setattr(place, name, value)
    return _save_place(place)


@transaction.atomic
def place_delete(*, place) -> None:
    place.delete()


def _record_consent(contact: ContactPerson, had_consent: bool) -> None:
    if not contact.public_consent:
        contact.consent_recorded_at = None
    elif not had_consent or contact.consent_recorded_at is None:
        contact.consent_recorded_at = timezone.now()


@transaction.atomic
def contact_person_create(*, organisation, **fields) -> ContactPerson:
    contact = ContactPerson(organisation=organisation, **fields)
    _record_consent(contact, had_consent=False)
    contact.full_clean()
    contact.save()
    return contact


@transaction.atomic
def contact_person_update(*, contact, **fields) -> ContactPerson:
    had_consent = contact.public_consent
    for name, value in fields.items():
        setattr(contact, name, value)
    _record_consent(contact, had_consent=had_consent)
    contact.full_clean()
    contact.save()
    return contact


@transaction.atomic
def contact_person_delete(*, contact) -> None:
    contact.delete()


# Office hours


def overlapping_weekdays(rules) -> list[int]:
    """Weekdays on which two of the given (weekday, opens, closes) rules overlap."""
    by_day: dict[int, list] = {}
    for weekday, opens, closes in rules:
        by_day.setdefault(weekday, []).append((opens, closes))
    overlapping = []
    for weekday, slots in sorted(by_day.items()):
        slots.sort()
        if any(later[0] < earlier[1] for earlier, later in zip(slots, slots[1:], strict=False)):
            overlapping.append(weekday)
    return overlapping


def overlap_message(weekday: int) -> str:
    return _("Two office hours on %(weekday)s overlap. Please correct or merge them.") % {
        "weekday": Weekday(weekday).label
    }


def _validated(instances):
    for instance in instances:
        instance.full_clean(exclude=["place"])
    return instances


@transaction.atomic
def office_hours_replace(
    *,
    place,
    rules,
    closures=(),
    extra_openings=(),
    by_appointment=False,
    office_hours_note="",
) -> None:
    """Replace all weekly rules, closures and extra dates of `place` at once.

    `rules`, `closures` and `extra_openings` are lists of field dicts.
    """
    rule_objects = _validated([OfficeHourRule(place=place, **rule) for rule in rules])
    overlapping = overlapping_weekdays((r.weekday, r.opens, r.closes) for r in rule_objects)
    if overlapping:
        raise ValidationError(overlap_message(overlapping[0]), code="overlap")
    closure_objects = _validated([Closure(place=place, **closure) for closure in closures])
    extra_objects = _validated([ExtraOpening(place=place, **extra) for extra in extra_openings])

    place.office_hours.all().delete()
    place.closures.all().delete()
    place.extra_openings.all().delete()
    OfficeHourRule.objects.bulk_create(rule_objects)
    Closure.objects.bulk_create(closure_objects)
    ExtraOpening.objects.bulk_create(extra_objects)
    place.by_appointment = by_appointment
    place.office_hours_note = office_hours_note
    place.full_clean()
    place.save(update_fields=["by_appointment", "office_hours_note"])


# Team


@transaction.atomic
def invitation_create(*, organisation, email, role, invited_by, base_url) -> Invitation:
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        invited_by=invited_by,
        token=secrets.token_urlsafe(32),
        expires_at=timezone.now() + timedelta(days=settings.GEMEINWERK_INVITATION_DAYS),
    )
    _send_after_commit(tasks.send_invitation_email, invitation.pk, base_url)
    return invitation


def _ensure_another_admin_remains(role: OrganisationRole) -> None:
    if role.role != OrganisationRoleKind.ADMIN:
        return
    # The organisation row is the lock: two admins removing each other at the same moment
    # would otherwise each see the other one and both succeed.
    list(Organisation.objects.select_for_update().filter(pk=role.organisation_id))
    other_admins = OrganisationRole.objects.filter(
        organisation_id=role.organisation_id, role=OrganisationRoleKind.ADMIN
    ).exclude(pk=role.pk)
    if not other_admins.exists():
        raise ValidationError(
            _("An organisation needs at least one administrator. Appoint another one first."),
            code="last_admin",
        )


@transaction.atomic
def invitation_accept(*, invitation, user) -> OrganisationRole:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise InvitationUnusable(_("This invitation has already been used."))
    if invitation.expires_at <= timezone.now():
        raise InvitationUnusable(_("This invitation has expired. Please ask for a new one."))
    role = OrganisationRole.objects.filter(
        user=user, organisation_id=invitation.organisation_id
    ).first()
    if role is None:
        role = OrganisationRole.objects.create(
            user=user, organisation_id=invitation.organisation_id, role=invitation.role
        )
    elif role.role != invitation.role:
        if invitation.role != OrganisationRoleKind.ADMIN:
            _ensure_another_admin_remains(role)
        role.role = invitation.role
        role.save(update_fields=["role"])
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return role


@transaction.atomic
def invitation_revoke(*, invitation) -> None:
    """Withdraw an invitation that has not been accepted; its link stops working."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been used."), code="used")
    invitation.delete()


@transaction.atomic
def organisation_role_change(*, role, new_role) -> OrganisationRole:
    if new_role == role.role:
        return role
    if new_role not in OrganisationRoleKind.values:
        raise ValidationError(_("Unknown role."), code="invalid")
    _ensure_another_admin_remains(role)
    role.role = new_role
    role.save(update_fields=["role"])
    return role


@transaction.atomic
def organisation_role_remove(*, role) -> None:
    _ensure_another_admin_remains(role)
    role.delete()


# Network membership


@transaction.atomic
def network_membership_approve(*, membership) -> NetworkMembership:
    if membership.status != MembershipStatus.REQUESTED:
        raise ValidationError(_("Only requested memberships can be approved."), code="state")
    membership.status = MembershipStatus.ACTIVE
    membership.since = timezone.localdate()
    membership.save(update_fields=["status", "since"])
    return membership


@transaction.atomic
def network_membership_end(*, membership) -> NetworkMembership:
    if membership.status == MembershipStatus.ENDED:
        raise ValidationError(_("This membership has already ended."), code="state")
    membership.status = MembershipStatus.ENDED
    membership.save(update_fields=["status"])
    return membership


@transaction.atomic
def network_membership_add(*, network, organisation) -> NetworkMembership:
    if not organisation.is_published:
        raise ValidationError(_("Only published organisations can become members."))
    membership, _created = NetworkMembership.objects.get_or_create(
        network=network, organisation=organisation
    )
    if membership.status == MembershipStatus.ACTIVE:
        raise ValidationError(_("This organisation is already a member."), code="duplicate")
    membership.status = MembershipStatus.ACTIVE
    membership.since = timezone.localdate()
    membership.save(update_fields=["status", "since"])
    return membership
