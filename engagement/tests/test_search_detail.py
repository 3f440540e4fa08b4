"""An opportunity's public page: everything about it, never the contact data of people, and
404 for opportunities that are not public unless the visitor may edit them."""

import pytest
from django.utils import timezone

from directory.models import OrganisationRoleKind, OrganisationStatus
from directory.tests.factories import OrganisationRoleFactory, UserFactory
from engagement.availability import slots_from_pairs
from engagement.models import OpportunityStatus
from engagement.tests.factories import (
    ActivityFactory,
    FieldFactory,
    LanguageFactory,
    OpportunityFactory,
    TargetGroupFactory,
    days_ago,
)
from engagement.views_search import time_slot_lines

pytestmark = pytest.mark.django_db


@pytest.fixture
def opportunity():
    coordinator = UserFactory(display_name="Kim Koordination", email="kim-private@example.org")
    opportunity = OpportunityFactory(
        title="Lesepatenschaft",
        plain_language_summary="Sie lesen mit Kindern.",
        coordinator=coordinator,
        requires_police_certificate=True,
        minimum_age=16,
        other_requirements="Geduld und Freude am Lesen.",
        offers_insurance=True,
        offers_training=True,
        suitable_for_seniors=True,
        step_free=True,
        starts_on=timezone.localdate(),
        volunteers_wanted=3,
        placed_count=1,
        fields=[FieldFactory(name="Bildung", slug="bildung")],
    )
    opportunity.activities.add(ActivityFactory(name="Vorlesen", slug="vorlesen"))
    opportunity.target_groups.add(TargetGroupFactory(name="Grundschulkinder", slug="gs"))
    opportunity.languages.add(LanguageFactory(code="tr", name="Türkisch"))
    return opportunity


def test_detail_shows_the_whole_opportunity(client, opportunity):
    response = client.get(opportunity.get_absolute_url())

    assert response.status_code == 200
    content = response.content.decode()
    for text in [
        "Lesepatenschaft",
        opportunity.description,
        "Bildung",
        "Vorlesen",
        "Grundschulkinder",
        "Türkisch",
        "Geduld und Freude am Lesen.",
        opportunity.place.street,
        opportunity.organisation.name,
        "Kim Koordination",
    ]:
        assert text in content, text
    assert 'href="/mitmachen/?field=bildung"' in content
    assert response.context["time_lines"] == time_slot_lines(opportunity.time_slots)
    assert 'id="interest-link"' in content
    assert 'id="opportunity-map"' in content
    assert "data-map-show" in content
    assert "kim-private" not in content


def test_plain_language_summary_is_its_own_german_section(client, opportunity):
    content = client.get(opportunity.get_absolute_url()).content.decode()
    section_start = content.index('<section lang="de"')
    section = content[section_start : content.index("</section>", section_start)]
    assert "Leichte Sprache</h2>" in section
    assert "Sie lesen mit Kindern." in section

    opportunity.plain_language_summary = ""
    opportunity.save()
    content = client.get(opportunity.get_absolute_url()).content.decode()
    assert '<section lang="de"' not in content


def test_times_read_as_weekdays_with_their_times_of_day(opportunity):
    # German labels come from Django's own translations of the weekday names.
    slots = slots_from_pairs([(1, 1), (3, 1), (5, 0), (5, 1)])
    lines = time_slot_lines(slots)
    assert len(lines) == 2
    assert lines[0].startswith("Dienstag und Donnerstag: ")
    assert lines[1].startswith("Samstag: ")
    assert time_slot_lines(0) == []


def test_remote_opportunity_without_a_place_has_no_map(client):
    opportunity = OpportunityFactory(
        is_remote=True,
        place=None,
        municipality=None,
        postcode="",
        latitude=None,
        longitude=None,
    )
    response = client.get(opportunity.get_absolute_url())
    assert response.status_code == 200
    assert "data-map" not in response.content.decode()


@pytest.mark.parametrize(
    "changes",
    [
        {"status": OpportunityStatus.DRAFT},
        {"status": OpportunityStatus.PAUSED},
        {"status": OpportunityStatus.FILLED},
        {"status": OpportunityStatus.ARCHIVED},
        {"confirmed_at": days_ago(91)},
        {"ends_on": timezone.localdate().replace(year=2000)},
    ],
)
def test_hidden_opportunities_are_404_for_the_public_but_previewable_by_editors(client, changes):
    opportunity = OpportunityFactory(starts_on=None, **changes)
    assert client.get(opportunity.get_absolute_url()).status_code == 404
    assert client.get(f"{opportunity.get_absolute_url()}interesse/").status_code == 404

    outsider = UserFactory()
    OrganisationRoleFactory(user=outsider, role=OrganisationRoleKind.ADMIN)  # another org
    client.force_login(outsider)
    assert client.get(opportunity.get_absolute_url()).status_code == 404

    editor = UserFactory()
    OrganisationRoleFactory(
        user=editor, organisation=opportunity.organisation, role=OrganisationRoleKind.EDITOR
    )
    client.force_login(editor)
    response = client.get(opportunity.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="not-public-notice"' in content
    assert 'id="interest-link"' not in content


def test_opportunity_of_a_pending_organisation_is_404(client):
    opportunity = OpportunityFactory(organisation__status=OrganisationStatus.PENDING)
    assert client.get(opportunity.get_absolute_url()).status_code == 404


def test_unknown_slug_is_404(client):
    assert client.get("/mitmachen/gibt-es-nicht/").status_code == 404
