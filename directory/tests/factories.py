from datetime import time

import factory
from django.contrib.auth import get_user_model

from directory import models


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["email"]

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password("correct-horse-battery-staple")


class FederalStateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.FederalState
        django_get_or_create = ["code"]

    code = "SN"
    name = "Sachsen"


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.District
        django_get_or_create = ["state", "name"]

    name = "Erzgebirgskreis"
    state = factory.SubFactory(FederalStateFactory)


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Municipality
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Gemeinde {n}")
    slug = factory.Sequence(lambda n: f"gemeinde-{n}")
    district = factory.SubFactory(DistrictFactory)


class NeighbourhoodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Neighbourhood

    name = factory.Sequence(lambda n: f"Quartier {n}")
    municipality = factory.SubFactory(MunicipalityFactory)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Topic
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Service
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Angebot {n}")
    slug = factory.Sequence(lambda n: f"angebot-{n}")


class FunderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Funder
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Förderer {n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Organisation

    name = factory.Sequence(lambda n: f"Verein {n}")
    slug = factory.Sequence(lambda n: f"verein-{n}")
    kind = models.OrganisationKind.ASSOCIATION
    summary = "Wir helfen in der Nachbarschaft."
    description = "Beratung und Begegnung für alle Generationen."
    municipality = factory.SubFactory(MunicipalityFactory)
    status = models.OrganisationStatus.PUBLISHED


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Place

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Treffpunkt {n}")
    street = "Albert-Köhler-Straße 44"
    postcode = "09122"
    city = "Chemnitz"
    municipality = factory.SelfAttribute("organisation.municipality")
    latitude = 50.8065
    longitude = 12.9185


class OfficeHourRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.OfficeHourRule

    place = factory.SubFactory(PlaceFactory)
    weekday = models.Weekday.TUESDAY
    opens = time(15, 0)
    closes = time(18, 0)


class ClosureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Closure

    place = factory.SubFactory(PlaceFactory)


class ExtraOpeningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ExtraOpening

    place = factory.SubFactory(PlaceFactory)
    opens = time(10, 0)
    closes = time(12, 0)


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ContactPerson

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Kim Beispiel {n}")
    role = "Koordination"
    email = factory.Sequence(lambda n: f"kontakt{n}@example.org")
    phone = "0371 000000"
    public_consent = True


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Network

    name = factory.Sequence(lambda n: f"Netzwerk {n}")
    slug = factory.Sequence(lambda n: f"netzwerk-{n}")


class NetworkMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.NetworkMembership

    network = factory.SubFactory(NetworkFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = models.MembershipStatus.ACTIVE


class OrganisationRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.OrganisationRole

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = models.OrganisationRoleKind.ADMIN


class NetworkRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.NetworkRole

    user = factory.SubFactory(UserFactory)
    network = factory.SubFactory(NetworkFactory)
