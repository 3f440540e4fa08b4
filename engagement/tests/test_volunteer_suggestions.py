"""Guides see the volunteers who would fit an opportunity of their organisation and suggest
it to them; nobody else does, and nobody sees contact data there."""

import pytest
from django.urls import reverse

from directory.models import OrganisationRoleKind
from directory.tests.factories import OrganisationRoleFactory
from engagement.models import OpportunityStatus, Placement, PlacementKind

from .factories import OpportunityFactory, PlacementFactory, VolunteerProfileFactory


@pytest.fixture
def opportunity(db):
    return OpportunityFactory(latitude=50.81, longitude=12.92)


@pytest.fixture
def volunteer(opportunity):
    profile = VolunteerProfileFactory(
        name="Robin Passend",
        phone="0371 987654",
        user__email="robin@example.org",
        latitude=50.82,
        longitude=12.92,
    )
    profile.fields.set(opportunity.fields.all())
    return profile


def role(opportunity, kind, **kwargs):
    return OrganisationRoleFactory(organisation=opportunity.organisation, role=kind, **kwargs).user


@pytest.fixture
def guide(opportunity):
    return role(opportunity, OrganisationRoleKind.COORDINATOR)


def page_url(opportunity):
    return reverse("engagement:suggested_volunteers", kwargs={"slug": opportunity.slug})


def suggest_url(opportunity):
    return reverse("engagement:suggest", kwargs={"slug": opportunity.slug})


@pytest.mark.parametrize("kind", [OrganisationRoleKind.COORDINATOR, OrganisationRoleKind.ADMIN])
def test_guides_see_names_and_reasons_but_no_contact_data(client, opportunity, volunteer, kind):
    client.force_login(role(opportunity, kind))

    response = client.get(page_url(opportunity))

    assert response.status_code == 200
    html = response.content.decode()
    assert f'data-volunteer="{volunteer.pk}"' in html
    assert "Robin Passend" in html
    assert 'data-reason="distance"' in html
    assert 'data-reason="field"' in html
    assert "0371 987654" not in html
    assert "robin@example.org" not in html
    assert volunteer.postcode not in html


def other_organisation_user(opportunity, kind):
    return OrganisationRoleFactory(role=kind).user


@pytest.mark.parametrize(
    "who",
    [
        "anonymous",
        "volunteer",
        "editor_of_the_organisation",
        "editor_of_another",
        "coordinator_of_another",
    ],
)
def test_everybody_else_is_refused(client, opportunity, volunteer, who):
    if who == "volunteer":
        client.force_login(volunteer.user)
    elif who == "editor_of_the_organisation":
        client.force_login(role(opportunity, OrganisationRoleKind.EDITOR))
    elif who == "editor_of_another":
        client.force_login(other_organisation_user(opportunity, OrganisationRoleKind.EDITOR))
    elif who == "coordinator_of_another":
        client.force_login(other_organisation_user(opportunity, OrganisationRoleKind.COORDINATOR))

    assert client.get(page_url(opportunity)).status_code == 403
    assert client.post(suggest_url(opportunity), {"volunteer": volunteer.pk}).status_code == 403
    assert not Placement.objects.exists()


def test_unknown_opportunity_is_not_found(client, guide):
    client.force_login(guide)
    response = client.get(reverse("engagement:suggested_volunteers", kwargs={"slug": "nope"}))
    assert response.status_code == 404


def test_suggesting_creates_a_placement_and_tells_the_volunteer(
    client, opportunity, volunteer, guide, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(guide)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(suggest_url(opportunity), {"volunteer": volunteer.pk})

    assert response.status_code == 302
    assert response.url == page_url(opportunity)
    placement = Placement.objects.get()
    assert (placement.kind, placement.volunteer, placement.opportunity) == (
        PlacementKind.SUGGESTION,
        volunteer,
        opportunity,
    )
    assert placement.organisation == opportunity.organisation
    assert placement.steps.get().by == guide
    assert [message.to for message in mailoutbox] == [["robin@example.org"]]
    assert opportunity.get_absolute_url() in mailoutbox[0].body


def test_suggesting_twice_creates_one_placement_and_one_mail(
    client, opportunity, volunteer, guide, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(guide)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(suggest_url(opportunity), {"volunteer": volunteer.pk})
        client.post(suggest_url(opportunity), {"volunteer": volunteer.pk})

    assert Placement.objects.count() == 1
    assert len(mailoutbox) == 1
    response = client.get(page_url(opportunity))
    assert "data-in-contact" in response.content.decode()


def test_volunteers_who_did_not_allow_it_cannot_be_suggested(
    client, opportunity, volunteer, guide, mailoutbox
):
    volunteer.allow_suggestions = False
    volunteer.save()
    client.force_login(guide)

    assert (
        f'data-volunteer="{volunteer.pk}"' not in client.get(page_url(opportunity)).content.decode()
    )
    client.post(suggest_url(opportunity), {"volunteer": volunteer.pk})

    assert not Placement.objects.exists()
    assert mailoutbox == []


def test_volunteers_out_of_reach_cannot_be_suggested(client, opportunity, guide):
    far_away = VolunteerProfileFactory(latitude=51.34, longitude=12.37)
    far_away.fields.set(opportunity.fields.all())
    client.force_login(guide)

    client.post(suggest_url(opportunity), {"volunteer": far_away.pk})

    assert not Placement.objects.exists()


@pytest.mark.parametrize("bad", ["", "abc", "999999"])
def test_bad_input_changes_nothing(client, opportunity, guide, bad):
    client.force_login(guide)
    response = client.post(suggest_url(opportunity), {"volunteer": bad})
    assert response.status_code == 302
    assert not Placement.objects.exists()


def test_unpublished_opportunities_list_nobody(client, opportunity, volunteer, guide):
    opportunity.status = OpportunityStatus.DRAFT
    opportunity.save()
    client.force_login(guide)

    response = client.get(page_url(opportunity))
    assert response.status_code == 200
    assert 'id="not-public"' in response.content.decode()
    client.post(suggest_url(opportunity), {"volunteer": volunteer.pk})
    assert not Placement.objects.exists()


def test_an_existing_interest_shows_as_in_contact(client, opportunity, volunteer, guide):
    PlacementFactory(opportunity=opportunity, volunteer=volunteer)
    client.force_login(guide)

    html = client.get(page_url(opportunity)).content.decode()

    assert "data-in-contact" in html
    assert f'name="volunteer" value="{volunteer.pk}"' not in html


def test_suggest_only_accepts_post(client, opportunity, guide):
    client.force_login(guide)
    assert client.get(suggest_url(opportunity)).status_code == 405


def test_a_guide_of_one_opportunity_cannot_use_its_slug_for_another(client, volunteer, guide):
    foreign = OpportunityFactory(latitude=50.81, longitude=12.92)
    client.force_login(guide)
    assert client.post(suggest_url(foreign), {"volunteer": volunteer.pk}).status_code == 403
