from datetime import timedelta

import factory
from django.utils import timezone

from directory.tests.factories import OrganisationFactory, PlaceFactory, UserFactory

from ..models import (
    AdviceCase,
    AdviceRole,
    AdviceRoleKind,
    AdviceTopic,
    Appointment,
    AppointmentSchedule,
    CaseNote,
    Channel,
    Concern,
    ConcernKind,
    ModerationCase,
    Referral,
)


class AdviceTopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdviceTopic
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")


class AdviceRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdviceRole

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = AdviceRoleKind.ADVISER


class ConcernFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Concern

    organisation = factory.SubFactory(OrganisationFactory)
    kind = ConcernKind.QUESTION
    description = "Ich brauche Hilfe beim Ausfüllen des Wohngeldantrags."
    contact_name = factory.Sequence(lambda n: f"Bewohnerin {n}")
    contact_phone = "0371 0000 123"
    channel = Channel.PHONE
    consent_text = "Einwilligung"
    consent_at = factory.LazyFunction(timezone.now)


class AdviceCaseFactory(factory.django.DjangoModelFactory):
    """Pass `advisers=[user, ...]` to assign."""

    class Meta:
        model = AdviceCase
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    person_name = factory.Sequence(lambda n: f"Ratsuchende {n}")

    @factory.post_generation
    def advisers(self, create, extracted, **kwargs):
        if create and extracted:
            self.advisers.set(extracted)


class CaseNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseNote

    case = factory.SubFactory(AdviceCaseFactory)
    text = "Vertraulicher Vermerk zum Gespräch."


class AppointmentScheduleFactory(factory.django.DjangoModelFactory):
    """Pass `advisers=[...]` and `topics=[...]`."""

    class Meta:
        model = AppointmentSchedule
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    place = factory.SubFactory(PlaceFactory, organisation=factory.SelfAttribute("..organisation"))
    title = "Sozialberatung"

    @factory.post_generation
    def advisers(self, create, extracted, **kwargs):
        if create and extracted:
            self.advisers.set(extracted)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


class AppointmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appointment

    schedule = factory.SubFactory(AppointmentScheduleFactory)
    adviser = factory.SubFactory(UserFactory)
    topic = factory.SubFactory(AdviceTopicFactory)
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=3)).replace(minute=0, second=0, microsecond=0)
    )
    ends_at = factory.LazyAttribute(
        lambda appointment: appointment.starts_at + timedelta(minutes=30)
    )
    name = "Frau K."
    email = "k@example.org"
    consent_text = "Einwilligung"
    consent_at = factory.LazyFunction(timezone.now)


class ReferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Referral

    case = factory.SubFactory(AdviceCaseFactory)
    service_organisation = factory.SubFactory(OrganisationFactory)
    consent_text = "Einwilligung"
    consent_at = factory.LazyFunction(timezone.now)
    ask_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(weeks=6))


class ModerationCaseFactory(factory.django.DjangoModelFactory):
    """Pass `mediators=[...]`."""

    class Meta:
        model = ModerationCase
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    subject = "Lärm im Treppenhaus"

    @factory.post_generation
    def mediators(self, create, extracted, **kwargs):
        if create and extracted:
            self.mediators.set(extracted)
