"""A network's working meetings: the series, planning the next meeting with its host,
minutes and the action items agreed in them."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models import MembershipStatus, Network, Organisation, Place

from ..models import (
    ActionItem,
    Event,
    EventKind,
    EventStatus,
    Occurrence,
    WorkingMeetingSeries,
)
from .events import unique_event_slug
from .occurrences import event_occurrences_sync

WORKING_MEETING_KIND = "arbeitstreffen"
MIN_MEETINGS_PER_YEAR = 4
MAX_MEETINGS_PER_YEAR = 52


def _meetings_per_year_errors(meetings_per_year: int) -> list[str]:
    if meetings_per_year < MIN_MEETINGS_PER_YEAR:
        return [
            _("A network's working meetings take place at least %(count)d times a year.")
            % {"count": MIN_MEETINGS_PER_YEAR}
        ]
    if meetings_per_year > MAX_MEETINGS_PER_YEAR:
        return [
            _("At most %(count)d meetings a year (one a week).") % {"count": MAX_MEETINGS_PER_YEAR}
        ]
    return []


@transaction.atomic
def series_create(
    *, network: Network, title: str, meetings_per_year: int, by
) -> WorkingMeetingSeries:
    title = title.strip()
    errors = {}
    if not title:
        errors["title"] = [_("Please give the series a title.")]
    if problems := _meetings_per_year_errors(meetings_per_year):
        errors["meetings_per_year"] = problems
    if errors:
        raise ValidationError(errors)
    return WorkingMeetingSeries.objects.create(
        network=network, title=title, meetings_per_year=meetings_per_year
    )


def is_active_member(network: Network, organisation: Organisation) -> bool:
    return network.memberships.filter(
        organisation=organisation, status=MembershipStatus.ACTIVE
    ).exists()


def default_meeting_title(series: WorkingMeetingSeries, year: int) -> str:
    """ "<series title> <n>/<year>", n counting the series' meetings in that year."""
    planned = (
        Occurrence.objects.filter(event__series=series, is_cancelled=False, starts_at__year=year)
        .exclude(event__status=EventStatus.CANCELLED)
        .count()
    )
    return f"{series.title} {planned + 1}/{year}"


def working_meeting_kind() -> EventKind:
    # A data migration creates the kind; an operator may have removed it since.
    kind, _created = EventKind.objects.get_or_create(
        slug=WORKING_MEETING_KIND, defaults={"name": "Arbeitstreffen"}
    )
    return kind


@transaction.atomic
def series_meeting_plan(
    *,
    series: WorkingMeetingSeries,
    host: Organisation,
    starts_at: datetime,
    ends_at: datetime,
    place: Place | None = None,
    online_url: str = "",
    title: str = "",
    description: str = "",
    capacity: int | None = None,
    registration_required: bool = True,
    by,
    now: datetime | None = None,
) -> Event:
    """A published working meeting of the series, hosted by `host` and organised by the
    host together with the network's coordinating organisation."""
    now = now or timezone.now()
    network = series.network
    errors: dict[str, list[str]] = {}
    if starts_at < now:
        errors["starts_at"] = [_("The meeting cannot start in the past.")]
    if ends_at <= starts_at:
        errors["ends_at"] = [_("The meeting must end after it starts.")]
    if not is_active_member(network, host):
        errors["host"] = [_("Only an active member organisation of the network can host.")]
    if place is not None and place.organisation_id != host.pk:
        errors["place"] = [_("Choose a place of the hosting organisation.")]
    if place is None and not online_url:
        errors["place"] = [_("Choose a place of the host or give an online link.")]
    if capacity is not None and capacity < 1:
        errors["capacity"] = [_("At least one place, or leave it empty for no limit.")]
    if errors:
        raise ValidationError(errors)

    title = title.strip() or default_meeting_title(series, timezone.localtime(starts_at).year)
    event = Event.objects.create(
        title=title,
        slug=unique_event_slug(title),
        kind=working_meeting_kind(),
        series=series,
        host=host,
        description=description,
        place=place,
        online_url=online_url,
        municipality=place.municipality if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        step_free=place.step_free if place else False,
        hearing_loop=place.hearing_loop if place else False,
        starts_at=starts_at,
        ends_at=ends_at,
        capacity=capacity,
        registration_required=registration_required,
        status=EventStatus.PUBLISHED,
    )
    organisers = [host]
    coordinator = network.coordinating_organisation
    if coordinator is not None and coordinator.pk != host.pk:
        organisers.append(coordinator)
    event.organisers.set(organisers)
    event_occurrences_sync(event=event)
    return event


@transaction.atomic
def occurrence_minutes_save(*, occurrence: Occurrence, minutes: str, by) -> Occurrence:
    occurrence.minutes = minutes.strip()
    occurrence.save(update_fields=["minutes"])
    return occurrence


@transaction.atomic
def action_item_add(
    *,
    occurrence: Occurrence,
    title: str,
    owner: Organisation | None,
    owner_name: str = "",
    due_on,
    by,
) -> ActionItem:
    """An action item agreed in the meeting; its owner is a member of the network."""
    errors: dict[str, list[str]] = {}
    title = title.strip()
    if not title:
        errors["title"] = [_("Please describe the task.")]
    series = occurrence.event.series
    if owner is not None and series is not None and not is_active_member(series.network, owner):
        errors["owner"] = [_("The responsible organisation must be an active member.")]
    if due_on < timezone.localtime(occurrence.starts_at).date():
        errors["due_on"] = [_("The due date cannot be before the meeting.")]
    if errors:
        raise ValidationError(errors)
    return ActionItem.objects.create(
        occurrence=occurrence,
        title=title,
        owner=owner,
        owner_name=owner_name.strip(),
        due_on=due_on,
    )


@transaction.atomic
def action_item_complete(*, item: ActionItem, by, now: datetime | None = None) -> ActionItem:
    if item.done_at is None:
        item.done_at = now or timezone.now()
        item.save(update_fields=["done_at"])
    return item


@transaction.atomic
def action_item_reopen(*, item: ActionItem, by) -> ActionItem:
    if item.done_at is not None:
        item.done_at = None
        item.save(update_fields=["done_at"])
    return item
