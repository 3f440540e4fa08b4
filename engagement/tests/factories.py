from datetime import timedelta

import factory
from django.utils import timezone

from directory.tests.factories import OrganisationFactory, PlaceFactory, UserFactory
from engagement import models
from engagement.availability import slots_from_pairs


class FieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Field
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Bereich {n}")
    slug = factory.Sequence(lambda n: f"bereich-{n}")


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Activity
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Tätigkeit {n}")
    slug = factory.Sequence(lambda n: f"taetigkeit-{n}")


class TargetGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.TargetGroup
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Zielgruppe {n}")
    slug = factory.Sequence(lambda n: f"zielgruppe-{n}")


class LanguageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Language
        django_get_or_create = ["code"]

    code = "de"
    name = "Deutsch"


class OpportunityFactory(factory.django.DjangoModelFactory):
    """A published, recently confirmed opportunity at a place in Chemnitz."""

    class Meta:
        model = models.Opportunity
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Lesepate für Grundschulkinder {n}")
    slug = factory.Sequence(lambda n: f"lesepate-{n}")
    summary = "Einmal pro Woche mit Kindern lesen."
    description = "Wir suchen Menschen, die Kindern beim Lesen helfen."
    place = factory.SubFactory(PlaceFactory, organisation=factory.SelfAttribute("..organisation"))
    postcode = factory.SelfAttribute("place.postcode")
    municipality = factory.SelfAttribute("place.municipality")
    latitude = factory.SelfAttribute("place.latitude")
    longitude = factory.SelfAttribute("place.longitude")
    time_slots = slots_from_pairs([(1, 1), (3, 1)])  # Tuesday and Thursday afternoons
    hours_per_week = 2
    status = models.OpportunityStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def fields(self, create, extracted, **kwargs):
        if create:
            self.fields.add(*(extracted or [FieldFactory(name="Kinder und Jugend", slug="kinder")]))


class VolunteerProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.VolunteerProfile

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Alex Beispiel {n}")
    phone = "0371 0000 000"
    postcode = "09122"
    latitude = 50.81
    longitude = 12.92
    time_slots = slots_from_pairs([(1, 1), (1, 2)])
    max_distance_km = models.TravelDistance.KM_10
    allow_suggestions = True


class HelpRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.HelpRequest

    organisation = factory.SubFactory(OrganisationFactory)
    category = models.HelpCategory.SHOPPING
    description = "Einkauf einmal pro Woche, ich kann nicht mehr gut laufen."
    postcode = "09122"
    latitude = 50.81
    longitude = 12.92
    requester_name = "Erika Muster"
    requester_phone = "0371 0000 111"
    consent_recorded_at = factory.LazyFunction(timezone.now)
    status = models.HelpRequestStatus.OPEN


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Placement

    kind = models.PlacementKind.INTEREST
    opportunity = factory.SubFactory(OpportunityFactory)
    organisation = factory.SelfAttribute("opportunity.organisation")
    volunteer = factory.SubFactory(VolunteerProfileFactory)
    consent_recorded_at = factory.LazyFunction(timezone.now)
    last_step_at = factory.LazyFunction(timezone.now)


class GuestPlacementFactory(PlacementFactory):
    """Interest from someone without an account."""

    volunteer = None
    contact_name = "Sam Gast"
    contact_email = factory.Sequence(lambda n: f"gast{n}@example.org")


def days_ago(days: int):
    return timezone.now() - timedelta(days=days)
