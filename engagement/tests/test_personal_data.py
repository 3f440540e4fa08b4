import json

import pytest
from django.urls import reverse

from engagement.models import HoursEntry
from engagement.tests.factories import PlacementFactory, VolunteerProfileFactory

pytestmark = pytest.mark.django_db


def test_data_download_holds_the_volunteer_profile_placements_and_hours_only_of_that_person(
    client,
):
    placement = PlacementFactory(message="Ich lese gern vor.")
    HoursEntry.objects.create(placement=placement, date="2026-11-02", hours=2, activity="Vorlesen")
    other = VolunteerProfileFactory(name="Jemand Anderes", phone="0371 999")
    PlacementFactory(volunteer=other, message="Nicht meins")
    client.force_login(placement.volunteer.user)

    data = json.loads(client.post(reverse("accounts:data_export")).content)

    engagement = data["engagement"]
    assert engagement["volunteer_profile"]["name"] == placement.volunteer.name
    assert [p["message"] for p in engagement["placements"]] == ["Ich lese gern vor."]
    assert engagement["hours"][0]["activity"] == "Vorlesen"
    assert "Jemand Anderes" not in json.dumps(data)
    assert "0371 999" not in json.dumps(data)


def test_data_download_without_volunteer_profile(client, user):
    client.force_login(user)
    data = json.loads(client.post(reverse("accounts:data_export")).content)
    assert data["engagement"]["volunteer_profile"] is None
    assert data["engagement"]["placements"] == []
