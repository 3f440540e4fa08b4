"""Agenda items and the speakers organisations enter."""

import pytest
from django.urls import reverse

from directory.tests.factories import OrganisationFactory, OrganisationRoleFactory
from events.models import AgendaItem, Speaker

from .factories import EventFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.fixture
def event(organisation):
    return EventFactory(organisers=[organisation])


@pytest.fixture
def signed_in(client, organisation):
    client.force_login(OrganisationRoleFactory(organisation=organisation).user)
    return client


def agenda_url(event):
    return reverse("events:agenda", kwargs={"slug": event.slug})


# Agenda


def test_add_edit_and_remove_an_agenda_item(signed_in, event, organisation):
    speaker = SpeakerFactory(organisation=organisation)
    response = signed_in.post(
        agenda_url(event),
        {
            "starts_at": "10:00",
            "ends_at": "10:45",
            "title": "Bericht aus dem Landratsamt",
            "description": "",
            "speakers": [speaker.pk],
            "position": "0",
        },
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get()
    assert item.event == event and list(item.speakers.all()) == [speaker]

    edit = reverse("events:agenda_item_edit", kwargs={"slug": event.slug, "pk": item.pk})
    assert signed_in.get(edit).status_code == 200
    response = signed_in.post(
        edit, {"starts_at": "10:15", "ends_at": "", "title": "Bericht", "position": "1"}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.ends_at, item.position) == ("Bericht", None, 1)
    assert not item.speakers.exists()

    page = signed_in.get(reverse("events:manage_event", kwargs={"slug": event.slug}))
    assert f'data-agenda-item="{item.pk}"'.encode() in page.content

    delete = reverse("events:agenda_item_delete", kwargs={"slug": event.slug, "pk": item.pk})
    assert signed_in.post(delete).status_code == 302
    assert not AgendaItem.objects.exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"starts_at": "11:00", "ends_at": "10:00"}, "ends_at"),
        ({"starts_at": "11:00", "ends_at": "11:00"}, "ends_at"),
        ({"starts_at": "27:00"}, "starts_at"),
        ({"starts_at": ""}, "starts_at"),
        ({"title": ""}, "title"),
        ({"position": "999999999999"}, "position"),
        ({"speakers": ["999999"]}, "speakers"),
        ({"speakers": ["x"]}, "speakers"),
        ({"speakers": ["99999999999999999999"]}, "speakers"),
        ({"speakers": ["-1"]}, "speakers"),
    ],
)
def test_bad_agenda_input_is_refused(signed_in, event, data, field):
    response = signed_in.post(
        agenda_url(event), {"starts_at": "10:00", "title": "Punkt", "position": "0", **data}
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not AgendaItem.objects.exists()


def test_speaker_of_an_organisation_outside_the_event_cannot_be_chosen(signed_in, event):
    outsider = SpeakerFactory()
    response = signed_in.post(
        agenda_url(event),
        {"starts_at": "10:00", "title": "Punkt", "position": "0", "speakers": [outsider.pk]},
    )
    assert "speakers" in response.context["form"].errors
    assert not AgendaItem.objects.exists()


def test_agenda_page_lists_items_in_order(signed_in, event):
    AgendaItem.objects.create(event=event, starts_at="11:00", title="Zweiter")
    AgendaItem.objects.create(event=event, starts_at="10:00", title="Erster")
    response = signed_in.get(agenda_url(event))
    assert [item.title for item in response.context["agenda_items"]] == ["Erster", "Zweiter"]


# Speakers


def test_speaker_with_consent_records_when_and_withdrawal_clears_it(signed_in, organisation):
    response = signed_in.post(
        reverse("events:speaker_create"),
        {
            "organisation": organisation.pk,
            "name": "Prof. Dr. Anna Schubert",
            "role": "Sozialwissenschaftlerin",
            "affiliation": "TU Chemnitz",
            "bio": "",
            "public_consent": "on",
        },
    )
    assert response.status_code == 302
    speaker = Speaker.objects.get()
    assert speaker.public_consent and speaker.consent_recorded_at is not None
    recorded_at = speaker.consent_recorded_at

    edit = reverse("events:speaker_edit", kwargs={"pk": speaker.pk})
    data = {"organisation": organisation.pk, "name": "Prof. Dr. Anna Schubert", "role": "Prof."}
    signed_in.post(edit, {**data, "public_consent": "on"})
    speaker.refresh_from_db()
    assert speaker.consent_recorded_at == recorded_at  # still the original consent

    signed_in.post(edit, data)
    speaker.refresh_from_db()
    assert not speaker.public_consent and speaker.consent_recorded_at is None
    assert not Speaker.objects.public().exists()


def test_speaker_without_consent_has_no_record(signed_in, organisation):
    signed_in.post(
        reverse("events:speaker_create"), {"organisation": organisation.pk, "name": "N. N."}
    )
    speaker = Speaker.objects.get()
    assert not speaker.public_consent and speaker.consent_recorded_at is None


def test_speaker_list_shows_only_own_organisations_speakers(signed_in, organisation):
    own = SpeakerFactory(organisation=organisation)
    SpeakerFactory()
    response = signed_in.get(reverse("events:speakers"))
    assert list(response.context["speakers"]) == [own]


def test_speaker_cannot_be_entered_for_another_organisation(signed_in):
    other = OrganisationFactory()
    for organisation in [other.pk, "99999999999999999999", "x", ""]:
        response = signed_in.post(
            reverse("events:speaker_create"), {"organisation": organisation, "name": "Fremd"}
        )
        assert response.status_code == 200
        assert "organisation" in response.context["form"].errors
    assert not Speaker.objects.exists()


def test_deleting_a_speaker_takes_them_off_the_agenda(signed_in, organisation, event):
    speaker = SpeakerFactory(organisation=organisation)
    item = AgendaItem.objects.create(event=event, starts_at="10:00", title="Vortrag")
    item.speakers.add(speaker)
    response = signed_in.post(reverse("events:speaker_delete", kwargs={"pk": speaker.pk}))
    assert response.status_code == 302
    assert not Speaker.objects.exists()
    assert AgendaItem.objects.get().speakers.count() == 0


def test_speaker_delete_needs_post(signed_in, organisation):
    speaker = SpeakerFactory(organisation=organisation)
    assert (
        signed_in.get(reverse("events:speaker_delete", kwargs={"pk": speaker.pk})).status_code
        == 405
    )
