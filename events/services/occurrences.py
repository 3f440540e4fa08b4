"""Keeping an event's dates in step with its start, end and recurrence rule."""

from django.db import transaction
from django.utils import timezone

from ..models import Event, Occurrence, RegistrationStatus
from ..recurrence import validate_recurrence


@transaction.atomic
def event_occurrences_sync(*, event: Event) -> list[Occurrence]:
    """Create the dates the event's rule produces and remove those it no longer does.
    Past dates are history and stay. A future date that people registered for is not
    deleted but marked cancelled, so their registrations and the record remain.
    Returns the dates that were newly cancelled (their participants should be told)."""
    now = timezone.now()
    duration = event.ends_at - event.starts_at
    wanted = set(
        validate_recurrence(
            rule=event.recurrence_rule,
            starts_at=event.starts_at,
            exceptions=event.recurrence_exceptions,
        )
    )
    existing = {occurrence.starts_at: occurrence for occurrence in event.occurrences.all()}
    newly_cancelled = []
    for starts_at, occurrence in existing.items():
        if starts_at in wanted:
            if occurrence.ends_at != starts_at + duration:
                occurrence.ends_at = starts_at + duration
                occurrence.save(update_fields=["ends_at"])
            continue
        if occurrence.ends_at < now:
            continue
        has_people = occurrence.registrations.exclude(status=RegistrationStatus.CANCELLED).exists()
        if has_people:
            if not occurrence.is_cancelled:
                occurrence.is_cancelled = True
                occurrence.save(update_fields=["is_cancelled"])
                newly_cancelled.append(occurrence)
        else:
            occurrence.delete()
    Occurrence.objects.bulk_create(
        Occurrence(event=event, starts_at=starts_at, ends_at=starts_at + duration)
        for starts_at in sorted(wanted - existing.keys())
    )
    return newly_cancelled
