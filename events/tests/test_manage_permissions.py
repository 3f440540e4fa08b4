"""Only organisers manage an event: the permission matrix of the management pages."""

import pytest
from django.urls import reverse

from directory.tests.factories import (
    NetworkRoleFactory,
    OrganisationFactory,
    OrganisationRoleFactory,
    UserFactory,
)
from events.models import AgendaItem, Event, EventStatus, Occurrence, Speaker

from .factories import EventFactory, SpeakerFactory, WorkingMeetingSeriesFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.fixture
def event(organisation):
    return EventFactory(organisers=[organisation], status=EventStatus.DRAFT)


@pytest.fixture
def organiser(organisation):
    return OrganisationRoleFactory(organisation=organisation).user


@pytest.fixture
def stranger():
    """A member of another organisation."""
    return OrganisationRoleFactory().user


def _event_urls(event):
    occurrence = event.occurrences.get()
    item = AgendaItem.objects.create(event=event, starts_at="10:00", title="Begrüßung")
    return {
        "get": [
            reverse("events:manage_event", kwargs={"slug": event.slug}),
            reverse("events:event_edit", kwargs={"slug": event.slug}),
            reverse("events:event_cancel", kwargs={"slug": event.slug}),
            reverse("events:agenda", kwargs={"slug": event.slug}),
            reverse("events:agenda_item_edit", kwargs={"slug": event.slug, "pk": item.pk}),
        ],
        "post": [
            reverse("events:event_edit", kwargs={"slug": event.slug}),
            reverse("events:event_publish", kwargs={"slug": event.slug}),
            reverse("events:event_cancel", kwargs={"slug": event.slug}),
            reverse(
                "events:occurrence_cancel",
                kwargs={"slug": event.slug, "occurrence": occurrence.pk},
            ),
            reverse("events:agenda", kwargs={"slug": event.slug}),
            reverse("events:agenda_item_edit", kwargs={"slug": event.slug, "pk": item.pk}),
            reverse("events:agenda_item_delete", kwargs={"slug": event.slug, "pk": item.pk}),
        ],
    }


def _unchanged(event):
    assert Event.objects.get(pk=event.pk).status == EventStatus.DRAFT
    assert not Occurrence.objects.filter(is_cancelled=True).exists()
    assert AgendaItem.objects.filter(event=event).count() == 1


def test_anonymous_is_sent_to_login(client, event):
    urls = _event_urls(event)
    for url in [
        *urls["get"],
        reverse("events:manage_list"),
        reverse("events:event_create"),
        reverse("events:speakers"),
        reverse("events:speaker_create"),
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("account_login")), url
    for url in urls["post"]:
        response = client.post(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("account_login")), url
    _unchanged(event)


def test_member_of_another_organisation_is_refused(client, event, stranger):
    client.force_login(stranger)
    urls = _event_urls(event)
    for url in urls["get"]:
        assert client.get(url).status_code == 403, url
    for url in urls["post"]:
        assert client.post(url, {"title": "Übernommen"}).status_code == 403, url
    _unchanged(event)
    response = client.get(reverse("events:manage_list"))
    assert response.context["upcoming"] == [] and response.context["past"] == []


def test_organiser_may_open_every_page(client, event, organiser):
    client.force_login(organiser)
    for url in _event_urls(event)["get"]:
        assert client.get(url).status_code == 200, url


def test_co_organiser_manages_too(client, event):
    partner = OrganisationFactory()
    event.organisers.add(partner)
    client.force_login(OrganisationRoleFactory(organisation=partner).user)
    assert client.get(reverse("events:event_edit", kwargs={"slug": event.slug})).status_code == 200


def test_network_admin_manages_the_series_meetings(client, organisation):
    series = WorkingMeetingSeriesFactory()
    event = EventFactory(organisers=[organisation], series=series)
    admin = NetworkRoleFactory(network=series.network).user
    client.force_login(admin)
    assert client.get(reverse("events:event_edit", kwargs={"slug": event.slug})).status_code == 200
    response = client.get(reverse("events:manage_list"))
    assert [row["event"] for row in response.context["upcoming"]] == [event]


@pytest.mark.parametrize(
    "name",
    ["manage_event", "event_edit", "event_cancel", "event_publish", "agenda"],
)
def test_unknown_slug_is_not_found(client, organiser, name):
    client.force_login(organiser)
    url = reverse(f"events:{name}", kwargs={"slug": "gibt-es-nicht"})
    assert client.post(url).status_code == 404


def test_unknown_or_foreign_ids_are_not_found(client, event, organiser):
    client.force_login(organiser)
    other = EventFactory()
    foreign_item = AgendaItem.objects.create(event=other, starts_at="10:00", title="Fremd")
    for url in [
        reverse(
            "events:occurrence_cancel",
            kwargs={"slug": event.slug, "occurrence": other.occurrences.get().pk},
        ),
        reverse("events:occurrence_cancel", kwargs={"slug": event.slug, "occurrence": 999999}),
        reverse("events:agenda_item_edit", kwargs={"slug": event.slug, "pk": foreign_item.pk}),
        reverse("events:agenda_item_delete", kwargs={"slug": event.slug, "pk": foreign_item.pk}),
        reverse("events:speaker_edit", kwargs={"pk": 999999}),
    ]:
        assert client.post(url).status_code == 404, url
    assert AgendaItem.objects.filter(pk=foreign_item.pk).exists()
    # Ids too large for the database column are simply not found either.
    response = client.post(f"/veranstaltungen/verwalten/{event.slug}/termine/{10**30}/absagen/")
    assert response.status_code == 404


def test_creating_events_requires_membership_of_an_organisation(client):
    client.force_login(UserFactory())
    assert client.get(reverse("events:event_create")).status_code == 403
    assert client.post(reverse("events:event_create"), {"title": "X"}).status_code == 403
    assert client.get(reverse("events:speakers")).status_code == 403
    assert client.get(reverse("events:speaker_create")).status_code == 403
    response = client.get(reverse("events:manage_list"))
    assert response.status_code == 200
    assert not response.context["may_create"]
    assert not Event.objects.filter(title="X").exists()


def test_speakers_of_another_organisation_cannot_be_changed(client, stranger):
    speaker = SpeakerFactory(name="Dr. Weber")
    client.force_login(stranger)
    edit = reverse("events:speaker_edit", kwargs={"pk": speaker.pk})
    delete = reverse("events:speaker_delete", kwargs={"pk": speaker.pk})
    assert client.get(edit).status_code == 403
    assert client.post(edit, {"name": "Übernommen"}).status_code == 403
    assert client.post(delete).status_code == 403
    assert Speaker.objects.get().name == "Dr. Weber"
    response = client.get(reverse("events:speakers"))
    assert list(response.context["speakers"]) == []


def test_my_area_links_to_the_events_for_members_only(client, organiser):
    client.force_login(organiser)
    response = client.get(reverse("accounts:dashboard"))
    assert reverse("events:manage_list").encode() in response.content
    client.force_login(UserFactory())
    response = client.get(reverse("accounts:dashboard"))
    assert b'id="manage-events-link"' not in response.content
