"""The admin lists every engagement model for platform staff and never shows how to reach
a volunteer or a person asking for help in its lists."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib import admin
from django.urls import reverse

from directory.tests.factories import UserFactory
from engagement import models
from engagement.tests.factories import (
    GuestPlacementFactory,
    HelpRequestFactory,
    OpportunityFactory,
    PlacementFactory,
)


@pytest.fixture
def staff_client(client, db):
    user = UserFactory(is_staff=True, is_superuser=True)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    client.force_login(user)
    return client


ENGAGEMENT_MODELS = [
    models.Field,
    models.Activity,
    models.TargetGroup,
    models.Language,
    models.Opportunity,
    models.VolunteerProfile,
    models.Qualification,
    models.HelpRequest,
    models.Placement,
    models.HoursEntry,
    models.Certificate,
    models.SavedSearch,
]


@pytest.mark.parametrize("model", ENGAGEMENT_MODELS, ids=lambda model: model.__name__)
def test_every_model_has_a_working_changelist(staff_client, model):
    assert admin.site.is_registered(model)
    OpportunityFactory()
    url = reverse(f"admin:engagement_{model._meta.model_name}_changelist")
    assert staff_client.get(url).status_code == 200


def test_lists_show_no_contact_data(staff_client):
    guest = GuestPlacementFactory(contact_phone="0371 555 444")
    member = PlacementFactory()
    help_request = HelpRequestFactory(requester_phone="0371 777 666")
    placements = staff_client.get(reverse("admin:engagement_placement_changelist"))
    content = placements.content.decode()
    assert guest.contact_email not in content
    assert "0371 555 444" not in content
    assert member.volunteer.phone not in content
    requests = staff_client.get(reverse("admin:engagement_helprequest_changelist"))
    content = requests.content.decode()
    assert help_request.requester_name not in content
    assert "0371 777 666" not in content
    volunteers = staff_client.get(reverse("admin:engagement_volunteerprofile_changelist"))
    assert member.volunteer.phone not in volunteers.content.decode()
    assert member.volunteer.user.email not in volunteers.content.decode()


def test_staff_can_open_an_opportunity(staff_client):
    opportunity = OpportunityFactory()
    url = reverse("admin:engagement_opportunity_change", args=[opportunity.pk])
    assert staff_client.get(url).status_code == 200
