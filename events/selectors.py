"""Who may see which events, dates, registrations and documents: one function per rule,
used alike by the calendar, the feeds, the management pages and exports."""

from dataclasses import dataclass
from datetime import date, datetime

from django.core import signing
from django.db.models import Count, Max, Min, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from directory.models import (
    MembershipStatus,
    Network,
    NetworkMembership,
    NetworkRole,
    Organisation,
    OrganisationRole,
)

from .models import (
    ActionItem,
    DocumentVisibility,
    Event,
    EventDocument,
    EventStatus,
    Occurrence,
    Registration,
    RegistrationStatus,
    WorkingMeetingSeries,
)


def events_public() -> QuerySet[Event]:
    return Event.objects.published()


def occurrences_public() -> QuerySet[Occurrence]:
    """Dates of published events that are not cancelled, past ones included."""
    return Occurrence.objects.public()


def events_managed_by(user) -> QuerySet[Event]:
    """Events the person may edit: those of organisations they are a member of, and the
    working meetings of networks they administer."""
    if not user.is_authenticated:
        return Event.objects.none()
    organisations = OrganisationRole.objects.filter(user=user).values("organisation")
    networks = NetworkRole.objects.filter(user=user).values("network")
    return Event.objects.filter(
        Q(organisers__in=organisations) | Q(series__network__in=networks)
    ).distinct()


def registrations_visible_to(user) -> QuerySet[Registration]:
    """Participants' data: only for the organisers of the event."""
    return Registration.objects.filter(occurrence__event__in=events_managed_by(user))


def documents_visible_to(user, occurrence: Occurrence) -> QuerySet[EventDocument]:
    """Public documents of announced events for everyone; participants' documents for
    people registered with a confirmed place under their account; all for organisers."""
    documents = occurrence.documents.all()
    if events_managed_by(user).filter(pk=occurrence.event_id).exists():
        return documents
    if occurrence.event.status == EventStatus.DRAFT:
        return documents.none()
    if (
        user.is_authenticated
        and occurrence.registrations.filter(user=user, status="confirmed").exists()
    ):
        return documents
    return documents.filter(visibility=DocumentVisibility.PUBLIC)


def attendance_totals(occurrences: QuerySet[Occurrence]) -> dict:
    """Dates, confirmed and checked-in people over a set of dates: the figures per event
    and per period that the reports build on."""
    return occurrences.aggregate(
        dates=Count("pk", distinct=True),
        confirmed=Coalesce(
            Sum("registrations__party_size", filter=Q(registrations__status="confirmed")), 0
        ),
        checked_in=Coalesce(
            Sum(
                "registrations__party_size",
                filter=Q(
                    registrations__status="confirmed", registrations__checked_in_at__isnull=False
                ),
            ),
            0,
        ),
    )


# Cancellation links: whoever holds the signed link may see and cancel that one
# registration, without an account. The registration's creation time is signed with the
# pk, so a link stays bound to its registration even if a pk were ever reused.
REGISTRATION_CANCEL_SALT = "events.registration.cancel"


def _registration_fingerprint(registration: Registration) -> int:
    return int(registration.created_at.timestamp() * 1_000_000)


def registration_cancel_token(registration: Registration) -> str:
    return signing.dumps(
        [registration.pk, _registration_fingerprint(registration)],
        salt=REGISTRATION_CANCEL_SALT,
    )


def registration_by_cancel_token(token: str) -> Registration | None:
    """The registration a cancellation link was made for; None for a tampered link."""
    try:
        pk, fingerprint = signing.loads(token, salt=REGISTRATION_CANCEL_SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if not isinstance(pk, int) or not isinstance(fingerprint, int):
        return None
    registration = (
        Registration.objects.select_related("occurrence__event__place").filter(pk=pk).first()
    )
    if registration is None or _registration_fingerprint(registration) != fingerprint:
        return None
    return registration


def attendance_by_event(occurrences: QuerySet[Occurrence]) -> list[dict]:
    """The figures of `attendance_totals` per event, in one grouped query, with
    `registered` (confirmed and waiting people) as well; ordered by title. Each row has
    `event`, `event__title`, `event__slug`, `dates`, `registered`, `confirmed`,
    `checked_in`."""
    return list(
        occurrences.order_by()
        .values("event", "event__title", "event__slug")
        .annotate(
            dates=Count("pk", distinct=True),
            registered=Coalesce(
                Sum(
                    "registrations__party_size",
                    filter=Q(registrations__status__in=["confirmed", "waiting"]),
                ),
                0,
            ),
            confirmed=Coalesce(
                Sum("registrations__party_size", filter=Q(registrations__status="confirmed")), 0
            ),
            checked_in=Coalesce(
                Sum(
                    "registrations__party_size",
                    filter=Q(
                        registrations__status="confirmed",
                        registrations__checked_in_at__isnull=False,
                    ),
                ),
                0,
            ),
        )
        .order_by("event__title", "event")
    )


# Working meetings of networks


def networks_administered_by(user) -> QuerySet[Network]:
    if not user.is_authenticated:
        return Network.objects.none()
    return Network.objects.filter(roles__user=user).prefetch_related("meeting_series")


def series_meetings(series: WorkingMeetingSeries) -> QuerySet[Occurrence]:
    """Every date of the series, cancelled ones included, with host, place and the
    confirmed and checked-in counts."""
    return (
        Occurrence.objects.filter(event__series=series)
        .select_related("event__host", "event__place")
        .with_counts()
        .order_by("starts_at", "pk")
    )


def _meetings_taking_place(series: WorkingMeetingSeries) -> QuerySet[Occurrence]:
    return Occurrence.objects.filter(event__series=series, is_cancelled=False).exclude(
        event__status=EventStatus.CANCELLED
    )


@dataclass
class RotationRow:
    organisation: Organisation
    member_since: date | None
    last_hosted_at: datetime | None
    hosted_count: int
    next_planned_at: datetime | None
    due_next: bool = False


def series_host_rotation(series: WorkingMeetingSeries, now=None) -> list[RotationRow]:
    """Every active member of the series' network with the last meeting it hosted, how
    many it hosted and the next one it will host, in the order of whose turn it is: first
    the members that never hosted and have nothing planned (longest members first), then
    the one whose turn lies furthest back. Members with a planned meeting come last, as
    their turn is taken. Two queries."""
    now = now or timezone.now()
    memberships = NetworkMembership.objects.filter(
        network_id=series.network_id, status=MembershipStatus.ACTIVE
    ).select_related("organisation")
    hosting = {
        row["event__host"]: row
        for row in _meetings_taking_place(series)
        .filter(event__host__isnull=False)
        .values("event__host")
        .annotate(
            last_hosted_at=Max("starts_at", filter=Q(starts_at__lt=now)),
            hosted_count=Count("pk", filter=Q(starts_at__lt=now)),
            next_planned_at=Min("starts_at", filter=Q(starts_at__gte=now)),
        )
        .order_by()
    }
    rows = []
    for membership in memberships:
        hosted = hosting.get(membership.organisation_id, {})
        rows.append(
            RotationRow(
                organisation=membership.organisation,
                member_since=membership.since,
                last_hosted_at=hosted.get("last_hosted_at"),
                hosted_count=hosted.get("hosted_count", 0),
                next_planned_at=hosted.get("next_planned_at"),
            )
        )

    def turn(row: RotationRow):
        latest_turn = row.next_planned_at or row.last_hosted_at
        name = row.organisation.name.casefold()
        if latest_turn is None:
            return (0, row.member_since or date.max, name)
        return (1, latest_turn, name)

    rows.sort(key=turn)
    if rows and rows[0].next_planned_at is None:
        rows[0].due_next = True
    return rows


def action_items_open_for_network(network: Network) -> QuerySet[ActionItem]:
    """The tasks agreed in any working meeting of the network and not yet done, the most
    overdue first."""
    return (
        ActionItem.objects.filter(occurrence__event__series__network=network, done_at__isnull=True)
        .select_related("owner", "occurrence__event")
        .order_by("due_on", "pk")
    )


@dataclass
class MemberAttendance:
    organisation: Organisation
    attended: int
    # Registered for a meeting that has begun, but nobody of theirs was checked in.
    missed: int
    registered_upcoming: int


@dataclass
class SeriesAttendance:
    year: int
    meetings_held: int
    meetings_planned: int
    members: list[MemberAttendance]


def series_attendance(series: WorkingMeetingSeries, year: int, now=None) -> SeriesAttendance:
    """For each active member: how many of the year's meetings it attended (at least one
    of its people with a confirmed place was checked in), how many it registered for
    without anyone checked in, and for how many upcoming ones it is registered. Three
    queries: the meetings' count, the members, the registrations grouped by member."""
    now = now or timezone.now()
    begins = timezone.make_aware(datetime(year, 1, 1))
    ends = timezone.make_aware(datetime(year + 1, 1, 1))
    meetings = _meetings_taking_place(series).filter(starts_at__gte=begins, starts_at__lt=ends)
    totals = meetings.aggregate(planned=Count("pk"), held=Count("pk", filter=Q(starts_at__lt=now)))
    begun = Q(occurrence__starts_at__lt=now) | Q(checked_in_at__isnull=False)
    by_member = {
        row["organisation"]: row
        for row in Registration.objects.filter(
            occurrence__in=meetings,
            status=RegistrationStatus.CONFIRMED,
            organisation__isnull=False,
        )
        .values("organisation")
        .annotate(
            attended=Count("occurrence", distinct=True, filter=Q(checked_in_at__isnull=False)),
            registered_begun=Count("occurrence", distinct=True, filter=begun),
            registered_upcoming=Count("occurrence", distinct=True, filter=~begun),
        )
        .order_by()
    }
    members = []
    for membership in NetworkMembership.objects.filter(
        network_id=series.network_id, status=MembershipStatus.ACTIVE
    ).select_related("organisation"):
        row = by_member.get(membership.organisation_id, {})
        attended = row.get("attended", 0)
        members.append(
            MemberAttendance(
                organisation=membership.organisation,
                attended=attended,
                missed=row.get("registered_begun", 0) - attended,
                registered_upcoming=row.get("registered_upcoming", 0),
            )
        )
    return SeriesAttendance(
        year=year,
        meetings_held=totals["held"],
        meetings_planned=totals["planned"],
        members=members,
    )


def events_announced() -> QuerySet[Event]:
    """Events that were made public, including those cancelled since: their page and
    calendar entries stay so that people learn of the cancellation."""
    return Event.objects.filter(status__in=[EventStatus.PUBLISHED, EventStatus.CANCELLED])


def occurrences_announced() -> QuerySet[Occurrence]:
    """Every date of an announced event, cancelled ones included (calendar files mark
    them cancelled so that subscribed calendars update)."""
    return Occurrence.objects.filter(event__in=events_announced())


def occurrences_of_network(network) -> QuerySet[Occurrence]:
    """Dates organised by the network's active members and its working meetings."""
    members = NetworkMembership.objects.filter(
        network=network, status=MembershipStatus.ACTIVE
    ).values("organisation")
    return occurrences_announced().filter(
        Q(event__organisers__in=members) | Q(event__series__network=network)
    )


def organisations_organised_by(user):
    """The organisations a person may organise events for: those they are a member of."""
    from directory.models import Organisation

    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(roles__user=user)


def speakers_managed_by(user):
    """Speakers entered by the organisations the person is a member of."""
    from .models import Speaker

    return Speaker.objects.filter(organisation__in=organisations_organised_by(user))
