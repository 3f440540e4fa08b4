from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest

from directory.filters import DirectoryFilter, DirectoryFilterForm, filter_organisations
from directory.models import Organisation, OrganisationKind, OrganisationStatus, Weekday

from .factories import (
    MunicipalityFactory,
    OfficeHourRuleFactory,
    OrganisationFactory,
    PlaceFactory,
    ServiceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

# A Monday at 10:00 in Chemnitz.
MONDAY_MORNING = datetime(2026, 11, 16, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))


def run(query: dict, now=MONDAY_MORNING):
    form = DirectoryFilterForm(query)
    criteria = DirectoryFilter.from_form(form)
    result = filter_organisations(Organisation.objects.published(), criteria, now=now)
    return form, list(result)


def org_at(name, latitude, longitude, **kwargs):
    organisation = OrganisationFactory(name=name, **kwargs)
    PlaceFactory(organisation=organisation, latitude=latitude, longitude=longitude)
    return organisation


def test_empty_query_lists_every_given_organisation():
    first, second = OrganisationFactory(), OrganisationFactory()
    form, result = run({})
    assert form.is_valid()
    assert set(result) == {first, second}


def test_text_search_matches_every_word_regardless_of_umlauts():
    wanted = OrganisationFactory(name="Bürgerbüro Sonnenberg", summary="Hilfe bei Anträgen")
    OrganisationFactory(name="Sportverein", summary="Fußball")
    _, result = run({"q": "buergerbuero antrag"})
    assert result == [wanted]


def test_filters_by_kind_municipality_topic_and_service():
    municipality = MunicipalityFactory(slug="zwickau")
    topic, service = TopicFactory(slug="beratung"), ServiceFactory(slug="formulare")
    wanted = OrganisationFactory(kind=OrganisationKind.PARISH, municipality=municipality)
    wanted.topics.add(topic)
    wanted.services.add(service)
    other_topic = OrganisationFactory(kind=OrganisationKind.PARISH, municipality=municipality)
    other_topic.services.add(service)
    association = OrganisationFactory(kind=OrganisationKind.ASSOCIATION, municipality=municipality)
    OrganisationFactory(kind=OrganisationKind.PARISH)  # elsewhere, no topic or service

    assert set(run({"municipality": "zwickau"})[1]) == {wanted, other_topic, association}
    assert len(run({"kind": "parish"})[1]) == 3
    assert run({"topic": "beratung"})[1] == [wanted]
    assert set(run({"service": "formulare"})[1]) == {wanted, other_topic}
    assert run({"topic": "beratung", "service": "formulare", "kind": "parish"})[1] == [wanted]


def test_step_free_needs_one_step_free_place_and_lists_it_once():
    wanted = OrganisationFactory()
    PlaceFactory(organisation=wanted, step_free=True)
    PlaceFactory(organisation=wanted, step_free=True)
    PlaceFactory(organisation=OrganisationFactory(), step_free=False)
    assert run({"step_free": "on"})[1] == [wanted]


def test_open_now_uses_the_office_hours_of_the_places():
    open_place = PlaceFactory()
    OfficeHourRuleFactory(place=open_place, weekday=Weekday.MONDAY, opens=time(9), closes=time(12))
    closed_place = PlaceFactory()
    OfficeHourRuleFactory(place=closed_place, weekday=Weekday.TUESDAY)
    assert run({"open_now": "on"})[1] == [open_place.organisation]


def test_radius_keeps_near_organisations_sorted_by_distance():
    chemnitz_south = org_at("B near", 50.8205, 12.9334)  # about 0.6 km from 09126
    chemnitz_north = org_at("A further", 50.8380, 12.9400)  # about 2.3 km
    zwickau = org_at("C Zwickau", 50.7189, 12.4922)  # about 33 km

    form, result = run({"postcode": "09126", "radius_km": "10"})
    assert form.is_valid()
    assert result == [chemnitz_south, chemnitz_north]
    assert result[0].distance_sq < result[1].distance_sq

    _, wider = run({"postcode": "09126", "radius_km": "50"})
    assert wider == [chemnitz_south, chemnitz_north, zwickau]


def test_radius_uses_the_nearest_place_of_an_organisation():
    organisation = org_at("Two places", 50.7189, 12.4922)
    PlaceFactory(organisation=organisation, latitude=50.8205, longitude=12.9334)
    _, result = run({"postcode": "09126", "radius_km": "5"})
    assert result == [organisation]


@pytest.mark.parametrize("postcode", ["99999", "1234", "abcde", "0912 6"])
def test_unknown_postcode_is_a_field_error_and_filters_nothing(postcode):
    organisation = org_at("Far away", 54.0, 10.0)
    form, result = run({"postcode": postcode, "radius_km": "5"})
    assert "postcode" in form.errors
    assert form.errors.as_data()["postcode"][0].code in {"unknown_postcode", "max_length"}
    assert result == [organisation]


def test_invalid_fields_are_left_out_and_valid_ones_still_apply():
    topic = TopicFactory(slug="beratung")
    wanted = OrganisationFactory(kind=OrganisationKind.PARISH)
    wanted.topics.add(topic)
    OrganisationFactory(kind=OrganisationKind.ASSOCIATION)
    form, result = run({"kind": "parish", "topic": "no-such-topic", "radius_km": "-1"})
    assert set(form.errors) == {"topic", "radius_km"}
    assert result == [wanted]


def test_unpublished_organisations_stay_out_whatever_the_query():
    OrganisationFactory(name="Geheimverein", status=OrganisationStatus.PENDING)
    assert run({"q": "geheimverein"})[1] == []


def test_has_active_filters_ignores_text_search_and_radius():
    assert not DirectoryFilterForm({"q": "x", "radius_km": "10"}).has_active_filters
    assert DirectoryFilterForm({"step_free": "on"}).has_active_filters


def test_radius_defaults_to_25_km_when_not_sent():
    form = DirectoryFilterForm({"q": "treff"})
    assert form.is_valid()
    assert form.cleaned_data["radius_km"] == 25
    assert 'value="25" selected' in str(form["radius_km"])
