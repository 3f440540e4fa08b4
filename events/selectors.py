"""Who may see which events, dates, registrations and documents: one function per rule,
used alike by the calendar, the feeds, the management pages and exports."""

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from directory.models import NetworkRole, OrganisationRole

from .models import DocumentVisibility, Event, EventDocument, Occurrence, Registration


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
    """Public documents for everyone; participants' documents for people registered with
    a confirmed place under their account, and for the organisers."""
    documents = occurrence.documents.all()
    if events_managed_by(user).filter(pk=occurrence.event_id).exists():
        return documents
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
