"""The volunteer profile: the form (postcode, availability grid, date of birth), the page
and its service."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.geo import postcode_point
from directory.tests.factories import UserFactory
from engagement.availability import slots_from_pairs
from engagement.forms_volunteer import VolunteerProfileForm
from engagement.models import TravelDistance, VolunteerProfile

from .factories import ActivityFactory, FieldFactory, LanguageFactory, VolunteerProfileFactory

URL = reverse("engagement:profile")


@pytest.fixture
def catalogue(db):
    return {
        "field": FieldFactory(name="Senioren", slug="senioren"),
        "activity": ActivityFactory(name="Begleiten", slug="begleiten"),
        "language": LanguageFactory(code="ar", name="Arabisch"),
    }


def valid_data(catalogue, **overrides) -> dict:
    return {
        "name": "Alex Beispiel",
        "phone": "",
        "birth_date": "",
        "fields": [catalogue["field"].pk],
        "activities": [catalogue["activity"].pk],
        "skills": "Ich koche gern.",
        "languages": [catalogue["language"].pk],
        "availability": ["1-1", "3-2"],
        "postcode": "09111",
        "max_distance_km": str(TravelDistance.KM_25),
        **overrides,
    }


def test_form_maps_the_grid_to_time_slots(catalogue):
    form = VolunteerProfileForm(valid_data(catalogue))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["availability"] == slots_from_pairs([(1, 1), (3, 2)])


def test_form_rejects_an_unknown_postcode(catalogue):
    form = VolunteerProfileForm(valid_data(catalogue, postcode="00000"))
    assert not form.is_valid()
    assert list(form.errors) == ["postcode"]
    assert form.errors.as_data()["postcode"][0].code == "unknown_postcode"


@pytest.mark.parametrize("availability", [["7-0"], ["1-3"], ["x"], ["1-1-1"]])
def test_form_rejects_cells_outside_the_grid(catalogue, availability):
    form = VolunteerProfileForm(valid_data(catalogue, availability=availability))
    assert not form.is_valid()
    assert list(form.errors) == ["availability"]


def test_form_rejects_a_birth_date_in_the_future(catalogue):
    tomorrow = timezone.localdate() + timedelta(days=1)
    form = VolunteerProfileForm(valid_data(catalogue, birth_date=tomorrow.isoformat()))
    assert not form.is_valid()
    assert list(form.errors) == ["birth_date"]


def test_form_shows_the_saved_grid(catalogue):
    profile = VolunteerProfileFactory(time_slots=slots_from_pairs([(4, 0)]))
    html = VolunteerProfileForm(instance=profile).as_div()
    checked = re.findall(r'value="(\d-\d)" id="id_availability_\d+" checked', html)
    assert checked == ["4-0"]


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_the_page_has_a_labelled_grid_of_21_cells(client, user, catalogue):
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("data-slot=") == 21
    assert html.count('class="visually-hidden"') >= 21
    assert 'id="id_allow_suggestions"' in html
    assert "checked" not in html.split('id="id_allow_suggestions"')[0].rsplit("<input", 1)[1]


def test_saving_creates_the_profile_with_the_postcodes_position(client, user, catalogue):
    client.force_login(user)
    response = client.post(URL, valid_data(catalogue))

    assert response.status_code == 302
    assert response.url == reverse("engagement:matches")
    profile = VolunteerProfile.objects.get(user=user)
    point = postcode_point("09111")
    assert (profile.latitude, profile.longitude) == (point.latitude, point.longitude)
    assert profile.time_slots == slots_from_pairs([(1, 1), (3, 2)])
    assert list(profile.fields.all()) == [catalogue["field"]]
    assert list(profile.languages.all()) == [catalogue["language"]]
    assert profile.max_distance_km == TravelDistance.KM_25
    assert profile.allow_suggestions is False


def test_an_unknown_postcode_changes_nothing(client, user, catalogue):
    profile = VolunteerProfileFactory(user=user, postcode="09122", name="Vorher")
    client.force_login(user)

    response = client.post(URL, valid_data(catalogue, postcode="99999", name="Nachher"))

    assert response.status_code == 200
    assert "postcode" in response.context["form"].errors
    profile.refresh_from_db()
    assert (profile.name, profile.postcode) == ("Vorher", "09122")


def test_editing_updates_the_one_profile(client, user, catalogue):
    VolunteerProfileFactory(user=user, allow_suggestions=False)
    client.force_login(user)

    client.post(URL, valid_data(catalogue, allow_suggestions="on", availability=[]))

    profile = VolunteerProfile.objects.get(user=user)
    assert profile.allow_suggestions is True
    assert profile.time_slots == 0


def test_a_user_cannot_edit_someone_elses_profile(client, user, catalogue):
    other = VolunteerProfileFactory(name="Andere Person")
    client.force_login(user)

    client.post(URL, valid_data(catalogue, name="Übernommen"))

    other.refresh_from_db()
    assert other.name == "Andere Person"
    assert VolunteerProfile.objects.get(user=user).name == "Übernommen"


def test_deleting_the_account_deletes_the_profile(db):
    account = UserFactory()
    VolunteerProfileFactory(user=account)
    account.delete()
    assert not VolunteerProfile.objects.exists()
