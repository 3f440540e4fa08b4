from datetime import timedelta

import factory
from django.utils import timezone

from directory.tests.factories import OrganisationFactory

from ..models import (
    Event,
    EventKind,
    EventStatus,
    Occurrence,
    Registration,
    RegistrationStatus,
    Speaker,
    WorkingMeetingSeries,
)


class EventKindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventKind
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Kind {n}")
    slug = factory.Sequence(lambda n: f"kind-{n}")


class EventFactory(factory.django.DjangoModelFactory):
    """A published single event a week ahead with its one date; pass `organisers=[...]`
    or get a new organisation."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    slug = factory.Sequence(lambda n: f"veranstaltung-{n}")
    kind = factory.SubFactory(EventKindFactory)
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=7)).replace(
            hour=15, minute=0, second=0, microsecond=0
        )
    )
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + timedelta(hours=2))
    status = EventStatus.PUBLISHED

    @factory.post_generation
    def organisers(self, create, extracted, **kwargs):
        if not create:
            return
        self.organisers.set(extracted if extracted is not None else [OrganisationFactory()])

    @factory.post_generation
    def with_occurrences(self, create, extracted, **kwargs):
        if create and extracted is not False:
            from ..services.occurrences import event_occurrences_sync

            event_occurrences_sync(event=self)


class OccurrenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Occurrence

    event = factory.SubFactory(EventFactory, with_occurrences=False)
    starts_at = factory.LazyAttribute(lambda occurrence: occurrence.event.starts_at)
    ends_at = factory.LazyAttribute(lambda occurrence: occurrence.event.ends_at)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    occurrence = factory.SubFactory(OccurrenceFactory)
    name = factory.Sequence(lambda n: f"Teilnehmerin {n}")
    email = factory.Sequence(lambda n: f"teilnahme{n}@example.org")
    status = RegistrationStatus.CONFIRMED
    consent_text = "Einwilligung"
    consent_at = factory.LazyFunction(timezone.now)


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Referentin {n}")
    public_consent = True
    consent_recorded_at = factory.LazyFunction(timezone.now)


class WorkingMeetingSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingMeetingSeries

    network = factory.SubFactory("directory.tests.factories.NetworkFactory")
    title = factory.Sequence(lambda n: f"Arbeitstreffen {n}")
