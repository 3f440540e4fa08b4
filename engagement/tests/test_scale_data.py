from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from directory.models import Municipality, Organisation, Place
from engagement.models import Opportunity, VolunteerProfile
from engagement.search import (
    opportunity_search_document,
    search_opportunities,
    search_stems_of,
)

TINY = {"opportunities": 50, "municipalities": 10, "volunteers": 100}


def generate(**options):
    output = StringIO()
    call_command("generate_scale_data", stdout=output, **(TINY | options))
    return output.getvalue()


def snapshot():
    return (
        list(Municipality.objects.order_by("slug").values_list("slug", flat=True)),
        list(Opportunity.objects.order_by("pk").values_list("title", "time_slots", "postcode")),
        list(VolunteerProfile.objects.order_by("pk").values_list("name", "postcode")),
    )


@pytest.mark.django_db
def test_tiny_data_set():
    generate()
    assert Municipality.objects.count() == 10
    assert Organisation.objects.published().count() >= 10
    assert Place.objects.count() == Organisation.objects.count()
    public = Opportunity.objects.public()
    assert public.count() == 50
    assert not public.filter(fields__isnull=True).exists()
    assert Opportunity.languages.through.objects.count() >= 50
    located = public.filter(is_remote=False)
    assert located.exists()
    for opportunity in located.select_related("place"):
        assert 47 < opportunity.latitude < 55.1 and 5.8 < opportunity.longitude < 15.1
        assert opportunity.postcode == opportunity.place.postcode
        assert opportunity.municipality_id == opportunity.place.municipality_id
    volunteers = VolunteerProfile.objects.select_related("user")
    assert volunteers.count() == 100
    assert VolunteerProfile.fields.through.objects.count() >= 100
    for volunteer in volunteers:
        assert not volunteer.user.has_usable_password()
        assert volunteer.user.email.endswith("@example.org")
        assert volunteer.time_slots


@pytest.mark.django_db
def test_search_columns_match_what_the_search_module_writes():
    generate()
    opportunities = Opportunity.objects.select_related("organisation", "municipality")
    for opportunity in opportunities:
        document = opportunity_search_document(opportunity)
        assert opportunity.search_document == document
        assert opportunity.search_stems == search_stems_of(document, opportunity.title)
    some = opportunities.order_by("pk").first()
    word = some.title.split()[0]
    assert search_opportunities(Opportunity.objects.all(), word).filter(pk=some.pk).exists()


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_data_and_another_seed_other_data():
    with transaction.atomic():
        generate(seed=7)
        first = snapshot()
        transaction.set_rollback(True)
    with transaction.atomic():
        generate(seed=7)
        assert snapshot() == first
        transaction.set_rollback(True)
    generate(seed=8)
    assert snapshot() != first


@pytest.mark.django_db
def test_refuses_a_second_run():
    generate()
    with pytest.raises(CommandError):
        generate()
    assert Opportunity.objects.count() == 50


@pytest.mark.django_db
@pytest.mark.parametrize("municipalities", [0, 9000])
def test_refuses_more_municipalities_than_postcodes(municipalities):
    with pytest.raises(CommandError):
        generate(municipalities=municipalities)
    assert not Municipality.objects.exists()
