"""Referring a case to a counselling service from the directory, and recording later
whether it helped. Only the fact of the referral stays on our side; nothing from the
case leaves the organisation (the resident gets a slip with the service's address)."""

from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from core.geo import Point, distance_km
from directory.models import Organisation, Place, Service
from directory.opening import OfficeHours, OpeningStatus

from ..audit import audit_record
from ..models import (
    AdviceCase,
    AuditAction,
    CaseStatus,
    OutcomeKind,
    Referral,
    ReferralOutcome,
)
from .concerns import concern_outcome_record

FOLLOW_UP_WEEKS_DEFAULT = 6
FOLLOW_UP_WEEKS_MIN, FOLLOW_UP_WEEKS_MAX = 1, 26
# A region has a few dozen services of a kind; beyond this the list stops helping.
MAX_CANDIDATES = 50


@dataclass(frozen=True)
class CounsellingService:
    """An organisation offering the service, at its place nearest to the origin."""

    organisation: Organisation
    place: Place | None
    distance_km: float | None
    office_hours: list[str]
    status: OpeningStatus | None


def counselling_organisations(service: Service | None, *, excluding: int | None = None):
    """Published organisations offering `service` (none without a service)."""
    if service is None:
        return Organisation.objects.none()
    organisations = Organisation.objects.published().filter(services=service)
    if excluding is not None:
        organisations = organisations.exclude(pk=excluding)
    return organisations


def _place_point(place: Place) -> Point:
    return Point(place.latitude, place.longitude)


def counselling_services(
    service: Service | None, *, origin: Point | None, excluding: int | None = None
) -> list[CounsellingService]:
    """The organisations offering `service`, nearest first when an origin is known (those
    without a place last), each with the office hours of its nearest place. A fixed
    number of queries, however many organisations and places there are."""
    organisations = counselling_organisations(service, excluding=excluding).prefetch_related(
        Prefetch(
            "places",
            Place.objects.order_by("pk").prefetch_related(
                "office_hours", "closures", "extra_openings"
            ),
        )
    )
    now = timezone.now()
    found = []
    for organisation in organisations:
        places = list(organisation.places.all())
        if origin is not None and places:
            distance, place = min(
                ((distance_km(origin, _place_point(place)), place) for place in places),
                key=lambda pair: pair[0],
            )
        else:
            distance, place = None, (places[0] if places else None)
        hours = OfficeHours(place) if place else None
        found.append(
            CounsellingService(
                organisation=organisation,
                place=place,
                distance_km=distance,
                office_hours=hours.weekly_summary() if hours else [],
                status=hours.status(now) if hours else None,
            )
        )
    found.sort(
        key=lambda candidate: (
            candidate.distance_km is None,
            candidate.distance_km or 0,
            candidate.organisation.name,
        )
    )
    return found[:MAX_CANDIDATES]


def case_origin(case: AdviceCase) -> Point | None:
    """Where distances are measured from when no postcode is entered: the case
    organisation's first place."""
    place = case.organisation.places.order_by("pk").first()
    return _place_point(place) if place else None


@transaction.atomic
def referral_create(
    *,
    case: AdviceCase,
    service: Service | None,
    service_organisation: Organisation | None,
    consent_given: bool,
    consent_text: str,
    follow_up_weeks: int,
    topic=None,
    by,
) -> Referral:
    """Record that `case` was referred to `service_organisation`, with the person's
    consent in the wording they agreed to. The adviser is asked after
    `follow_up_weeks` whether it helped."""
    errors = {}
    if not consent_given or not consent_text:
        errors["consent"] = _("The person must agree to the referral before it is recorded.")
    if not isinstance(follow_up_weeks, int) or not (
        FOLLOW_UP_WEEKS_MIN <= follow_up_weeks <= FOLLOW_UP_WEEKS_MAX
    ):
        errors["follow_up_weeks"] = _("Between %(min)s and %(max)s weeks.") % {
            "min": FOLLOW_UP_WEEKS_MIN,
            "max": FOLLOW_UP_WEEKS_MAX,
        }
    if (
        service_organisation is None
        or not counselling_organisations(service, excluding=case.organisation_id)
        .filter(pk=service_organisation.pk)
        .exists()
    ):
        errors["service_organisation"] = _(
            "Please choose one of the listed counselling services offering this service."
        )
    if errors:
        raise ValidationError(errors)
    case = AdviceCase.objects.select_for_update().get(pk=case.pk)
    if case.status != CaseStatus.OPEN or case.anonymised_at is not None:
        raise ValidationError(_("Only an open case can be referred."))
    now = timezone.now()
    referral = Referral.objects.create(
        case=case,
        service_organisation=service_organisation,
        topic=topic,
        consent_text=consent_text,
        consent_at=now,
        referred_by=by,
        referred_at=now,
        ask_on=timezone.localdate(now) + timedelta(weeks=follow_up_weeks),
    )
    audit_record(user=by, action=AuditAction.CREATE, record=referral)
    if case.concern_id is not None:
        concern_outcome_record(
            concern=case.concern, kind=OutcomeKind.REFERRAL, by=by, referral=referral
        )
    return referral


@transaction.atomic
def referral_record_outcome(*, referral: Referral, outcome: str, by) -> Referral:
    """What the person said when asked whether the referral helped. A recorded answer
    may be corrected."""
    if outcome not in ReferralOutcome.values or outcome == ReferralOutcome.PENDING:
        raise ValidationError({"outcome": _("Please choose what the person said.")})
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    referral.outcome = outcome
    referral.outcome_recorded_at = timezone.now()
    referral.save(update_fields=["outcome", "outcome_recorded_at"])
    audit_record(user=by, action=AuditAction.CHANGE, record=referral, detail="outcome")
    return referral
