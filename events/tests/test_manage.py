"""Organisers creating and editing events: the form, the dates it makes, every refused
input (nothing saved), publishing and cancelling, and the list's query budget."""

from datetime import date, datetime, timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from directory.models import OrganisationStatus
from directory.tests.factories import (
    OrganisationFactory,
    OrganisationRoleFactory,
    PlaceFactory,
    TopicFactory,
)
from events.models import Event, EventStatus, Occurrence, RegistrationStatus
from events.recurrence import Frequency
from events.services.events import event_create, unique_event_slug

from .factories import EventFactory, EventKindFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.fixture
def organiser(organisation):
    return OrganisationRoleFactory(organisation=organisation).user


@pytest.fixture
def place(organisation):
    return PlaceFactory(organisation=organisation)


@pytest.fixture
def kind():
    return EventKindFactory()


@pytest.fixture
def signed_in(client, organiser):
    client.force_login(organiser)
    return client


def next_tuesday(weeks_ahead=1) -> date:
    today = timezone.localdate()
    return today + timedelta(days=(1 - today.weekday()) % 7 + 7 * weeks_ahead)


def form_data(organisation, place, kind, /, **overrides) -> dict:
    day = next_tuesday()
    data = {
        "title": "Offener Bürotag",
        "kind": kind.pk,
        "summary": "Wir beraten ohne Termin.",
        "description": "",
        "plain_language_summary": "",
        "organisers": [organisation.pk],
        "place": place.pk if place else "",
        "online_url": "",
        "location_note": "",
        "start_date": day.isoformat(),
        "start_time": "15:00",
        "end_date": "",
        "end_time": "18:00",
        "frequency": "",
        "until": "",
        "exceptions": "",
        "accessibility_notes": "",
        "capacity": "",
        "registration_deadline_hours": "0",
        "status": EventStatus.DRAFT,
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def edit_data(event, organisation, place, /, **overrides) -> dict:
    """The form as the edit page fills it for `event`, with `overrides`."""
    starts, ends = timezone.localtime(event.starts_at), timezone.localtime(event.ends_at)
    fields = {
        "title": event.title,
        "start_date": starts.date().isoformat(),
        "start_time": f"{starts:%H:%M}",
        "end_time": f"{ends:%H:%M}",
        "capacity": str(event.capacity or ""),
        "registration_required": "on" if event.registration_required else None,
        "status": event.status,
    }
    return form_data(organisation, place, event.kind, **{**fields, **overrides})


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(
        datetime.combine(day, datetime.min.time()).replace(hour=hour, minute=minute)
    )


# Creating


def test_create_single_event_copies_the_place_and_makes_one_date(
    signed_in, organisation, place, kind
):
    topic = TopicFactory()
    response = signed_in.post(
        reverse("events:event_create"),
        form_data(
            organisation,
            place,
            kind,
            topics=[topic.pk],
            step_free="on",
            registration_required="on",
            capacity="12",
            registration_deadline_hours="24",
        ),
    )
    event = Event.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("events:manage_event", kwargs={"slug": event.slug})
    assert event.slug == "offener-buerotag"
    assert event.status == EventStatus.DRAFT
    assert list(event.organisers.all()) == [organisation]
    assert list(event.topics.all()) == [topic]
    assert event.step_free and event.registration_required
    assert event.capacity == 12 and event.registration_deadline_hours == 24
    assert event.municipality_id == place.municipality_id
    assert (event.latitude, event.longitude) == (place.latitude, place.longitude)
    assert event.recurrence_rule == ""
    occurrence = event.occurrences.get()
    assert occurrence.starts_at == local(next_tuesday(), 15)
    assert occurrence.ends_at == local(next_tuesday(), 18)


def test_weekly_event_with_end_and_left_out_dates_creates_the_right_dates(
    signed_in, organisation, place, kind
):
    first = next_tuesday()
    left_out = first + timedelta(weeks=2)
    response = signed_in.post(
        reverse("events:event_create"),
        form_data(
            organisation,
            place,
            kind,
            frequency=Frequency.WEEKLY,
            until=(first + timedelta(weeks=4)).isoformat(),
            exceptions=f"{left_out:%d.%m.%Y}, 2099-01-01",
            status=EventStatus.PUBLISHED,
        ),
    )
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.status == EventStatus.PUBLISHED
    assert event.recurrence_exceptions == [left_out.isoformat(), "2099-01-01"]
    days = [timezone.localtime(o.starts_at).date() for o in event.occurrences.all()]
    assert days == [first + timedelta(weeks=week) for week in (0, 1, 3, 4)]
    assert all(timezone.localtime(o.starts_at).hour == 15 for o in event.occurrences.all())


def test_monthly_event_without_end_runs_for_a_year(signed_in, organisation, place, kind):
    signed_in.post(
        reverse("events:event_create"),
        form_data(organisation, place, kind, frequency=Frequency.MONTHLY_DATE),
    )
    event = Event.objects.get()
    assert 12 <= event.occurrences.count() <= 13


def test_online_event_needs_no_place_and_multi_day_events_work(signed_in, organisation, kind):
    start = next_tuesday()
    signed_in.post(
        reverse("events:event_create"),
        form_data(
            organisation,
            None,
            kind,
            online_url="https://meet.example.org/buerotag",
            end_date=(start + timedelta(days=1)).isoformat(),
            end_time="12:00",
        ),
    )
    event = Event.objects.get()
    assert event.place is None and event.municipality is None and event.is_online
    assert event.ends_at == local(start + timedelta(days=1), 12)


def test_co_organiser_can_be_any_published_organisation(signed_in, organisation, place, kind):
    partner = OrganisationFactory()
    signed_in.post(
        reverse("events:event_create"),
        form_data(organisation, place, kind, organisers=[organisation.pk, partner.pk]),
    )
    assert set(Event.objects.get().organisers.all()) == {organisation, partner}


def test_same_title_gets_a_new_slug(signed_in, organisation, place, kind):
    EventFactory(slug="offener-buerotag")
    signed_in.post(reverse("events:event_create"), form_data(organisation, place, kind))
    assert Event.objects.filter(slug="offener-buerotag-2").exists()
    assert unique_event_slug("Äpfel & Birnen") == "aepfel-birnen"
    assert unique_event_slug("!!!") == "veranstaltung"


def test_the_form_page_renders_for_a_new_event(signed_in):
    response = signed_in.get(reverse("events:event_create"))
    assert response.status_code == 200
    assert b'id="event-form"' in response.content
    assert b'name="start_date"' in response.content


# Refused input: a form error, nothing saved


def _assert_refused(response, field):
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors, form.errors
    assert not Event.objects.exists()
    assert not Occurrence.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"end_time": "14:00"}, "end_time"),
        ({"end_time": "15:00"}, "end_time"),
        ({"registration_deadline_hours": str(24 * 60 + 1)}, "registration_deadline_hours"),
        ({"registration_deadline_hours": "99999999999999999999"}, "registration_deadline_hours"),
        ({"registration_deadline_hours": "-3"}, "registration_deadline_hours"),
        ({"capacity": "0"}, "capacity"),
        ({"capacity": "99999999999"}, "capacity"),
        ({"capacity": "viele"}, "capacity"),
        ({"start_date": "31.02.2027"}, "start_date"),
        ({"start_date": "9999-01-01"}, "start_date"),
        ({"start_date": "0001-01-01"}, "start_date"),
        ({"start_time": "25:00"}, "start_time"),
        ({"start_date": ""}, "start_date"),
        ({"title": ""}, "title"),
        ({"kind": "999999"}, "kind"),
        ({"kind": "abc"}, "kind"),
        ({"kind": "99999999999999999999"}, "kind"),
        ({"organisers": ["99999999999999999999"]}, "organisers"),
        ({"organisers": ["1", "99999999999999999999"]}, "organisers"),
        ({"topics": ["99999999999999999999"]}, "topics"),
        ({"place": "99999999999999999999"}, "place"),
        ({"title": "x" * 201}, "title"),
        ({"until": "31.12.9999"}, "until"),
        ({"exceptions": "29.02.2027"}, "exceptions"),
        ({"organisers": []}, "organisers"),
        ({"organisers": ["999999"]}, "organisers"),
        ({"organisers": ["x"]}, "organisers"),
        ({"place": "999999"}, "place"),
        ({"place": ""}, "place"),
        ({"online_url": "javascript:alert(1)"}, "online_url"),
        ({"frequency": "yearly"}, "frequency"),
        ({"until": "2000-13-01"}, "until"),
        ({"exceptions": "morgen"}, "exceptions"),
        ({"exceptions": ",".join(["01.01.2030"] * 201)}, "exceptions"),
        ({"status": EventStatus.CANCELLED}, "status"),
    ],
)
def test_bad_input_is_refused(signed_in, organisation, place, kind, overrides, field):
    response = signed_in.post(
        reverse("events:event_create"), form_data(organisation, place, kind, **overrides)
    )
    _assert_refused(response, field)


def test_start_in_the_past_is_refused_for_a_new_event(signed_in, organisation, place, kind):
    yesterday = timezone.localdate() - timedelta(days=1)
    response = signed_in.post(
        reverse("events:event_create"),
        form_data(organisation, place, kind, start_date=yesterday.isoformat()),
    )
    _assert_refused(response, "start_date")


def test_rule_without_dates_is_refused(signed_in, organisation, place, kind):
    first = next_tuesday()
    response = signed_in.post(
        reverse("events:event_create"),
        form_data(
            organisation,
            place,
            kind,
            frequency=Frequency.WEEKLY,
            until=(first - timedelta(days=1)).isoformat(),
        ),
    )
    _assert_refused(response, "until")


def test_rule_whose_only_dates_are_left_out_is_refused(signed_in, organisation, place, kind):
    first = next_tuesday()
    response = signed_in.post(
        reverse("events:event_create"),
        form_data(
            organisation,
            place,
            kind,
            frequency=Frequency.WEEKLY,
            until=first.isoformat(),
            exceptions=first.isoformat(),
        ),
    )
    _assert_refused(response, "until")


def test_place_of_another_organisation_is_refused(signed_in, organisation, place, kind):
    stranger_place = PlaceFactory()
    response = signed_in.post(
        reverse("events:event_create"),
        form_data(organisation, stranger_place, kind),
    )
    _assert_refused(response, "place")


def test_place_of_an_organisation_left_out_of_the_organisers_is_refused(
    client, organisation, place, kind
):
    """The person belongs to two organisations, picks a place of the first and names
    only the second as organiser."""
    other = OrganisationFactory()
    person = OrganisationRoleFactory(organisation=organisation).user
    OrganisationRoleFactory(organisation=other, user=person)
    client.force_login(person)
    response = client.post(
        reverse("events:event_create"),
        form_data(organisation, place, kind, organisers=[other.pk]),
    )
    _assert_refused(response, "place")


def test_organisers_without_an_own_organisation_are_refused(signed_in, organisation, place, kind):
    partner = OrganisationFactory()
    PlaceFactory(organisation=partner)
    response = signed_in.post(
        reverse("events:event_create"),
        form_data(organisation, None, kind, organisers=[partner.pk], online_url="https://x.org"),
    )
    _assert_refused(response, "organisers")


def test_unpublished_organisation_cannot_be_co_organiser(signed_in, organisation, place, kind):
    pending = OrganisationFactory(status=OrganisationStatus.PENDING)
    response = signed_in.post(
        reverse("events:event_create"),
        form_data(organisation, place, kind, organisers=[organisation.pk, pending.pk]),
    )
    _assert_refused(response, "organisers")


def test_the_service_refuses_what_the_form_would_catch(organisation, place, kind):
    """Other areas (demo data, the network's series) call the service directly."""
    from django.core.exceptions import ValidationError

    start = timezone.now() + timedelta(days=3)
    with pytest.raises(ValidationError) as caught:
        event_create(
            title="Ohne Ende",
            kind=kind,
            organisers=[organisation],
            place=place,
            starts_at=start,
            ends_at=start - timedelta(hours=1),
            registration_deadline_hours=24 * 61,
        )
    assert {"ends_at", "registration_deadline_hours"} <= set(caught.value.error_dict)
    with pytest.raises(ValidationError) as caught:
        event_create(
            title="Niemand",
            kind=kind,
            organisers=[],
            starts_at=start,
            ends_at=start + timedelta(hours=1),
        )
    assert {"organisers", "place"} <= set(caught.value.error_dict)
    assert not Event.objects.exists()


# Editing


@pytest.fixture
def event(organisation, place):
    return EventFactory(
        organisers=[organisation], place=place, capacity=10, registration_required=True
    )


def test_edit_form_shows_the_stored_values(signed_in, event):
    response = signed_in.get(reverse("events:event_edit", kwargs={"slug": event.slug}))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["start_date"] == timezone.localtime(event.starts_at).date()
    assert form.initial["frequency"] == Frequency.ONCE


def test_edit_turns_a_single_event_into_a_series_and_keeps_the_slug(
    signed_in, organisation, place, event
):
    start = timezone.localtime(event.starts_at)
    response = signed_in.post(
        reverse("events:event_edit", kwargs={"slug": event.slug}),
        edit_data(
            event,
            organisation,
            place,
            title="Neuer Titel",
            frequency=Frequency.BIWEEKLY,
            until=(start.date() + timedelta(weeks=4)).isoformat(),
        ),
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Neuer Titel"
    assert event.slug.startswith("veranstaltung-")
    assert event.occurrences.count() == 3
    response = signed_in.get(reverse("events:event_edit", kwargs={"slug": event.slug}))
    assert response.context["form"].initial["frequency"] == Frequency.BIWEEKLY


def test_edit_allows_a_series_that_began_in_the_past(signed_in, organisation, place, kind):
    start = timezone.now() - timedelta(days=14)
    event = EventFactory(
        organisers=[organisation],
        place=place,
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        recurrence_rule="FREQ=WEEKLY",
    )
    local_start = timezone.localtime(event.starts_at)
    response = signed_in.post(
        reverse("events:event_edit", kwargs={"slug": event.slug}),
        form_data(
            organisation,
            place,
            kind,
            start_date=local_start.date().isoformat(),
            start_time=f"{local_start:%H:%M}",
            end_time=f"{timezone.localtime(event.ends_at):%H:%M}",
            frequency=Frequency.WEEKLY,
            title="Geändert",
        ),
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Geändert"


def test_removing_a_date_with_registrations_cancels_it_and_says_so(
    signed_in, organisation, place, kind
):
    first = next_tuesday()
    event = event_create(
        title="Café",
        kind=kind,
        organisers=[organisation],
        place=place,
        starts_at=local(first, 15),
        ends_at=local(first, 17),
        frequency=Frequency.WEEKLY,
        until=first + timedelta(weeks=2),
    )
    second = event.occurrences.all()[1]
    RegistrationFactory(occurrence=second)
    response = signed_in.post(
        reverse("events:event_edit", kwargs={"slug": event.slug}),
        form_data(
            organisation,
            place,
            kind,
            title="Café",
            start_date=first.isoformat(),
            start_time="15:00",
            end_time="17:00",
            frequency=Frequency.WEEKLY,
            until=(first + timedelta(weeks=2)).isoformat(),
            exceptions=second.starts_at.date().isoformat(),
        ),
    )
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.is_cancelled
    assert any(message.level_tag == "warning" for message in get_messages(response.wsgi_request))


def test_capacity_below_the_confirmed_count_is_refused(signed_in, organisation, place, event):
    occurrence = event.occurrences.get()
    RegistrationFactory(occurrence=occurrence, party_size=4)
    RegistrationFactory(occurrence=occurrence, party_size=3)
    RegistrationFactory(occurrence=occurrence, party_size=5, status=RegistrationStatus.WAITING)
    response = signed_in.post(
        reverse("events:event_edit", kwargs={"slug": event.slug}),
        edit_data(event, organisation, place, title="Kleiner", capacity="6"),
    )
    assert response.status_code == 200
    assert "capacity" in response.context["form"].errors
    event.refresh_from_db()
    assert event.capacity == 10 and event.title != "Kleiner"
    # The heading shows the stored title, not the rejected one.
    assert b"Kleiner" not in response.content.split(b"<form")[0]


def test_capacity_raise_moves_people_up_from_the_waiting_list(
    signed_in, organisation, place, event, mailoutbox, django_capture_on_commit_callbacks
):
    occurrence = event.occurrences.get()
    RegistrationFactory(occurrence=occurrence, party_size=10)
    waiting = RegistrationFactory(occurrence=occurrence, status=RegistrationStatus.WAITING)
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(
            reverse("events:event_edit", kwargs={"slug": event.slug}),
            edit_data(event, organisation, place, capacity="11"),
        )
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert [message.to for message in mailoutbox] == [[waiting.email]]


def test_end_before_start_is_refused_when_editing(signed_in, organisation, place, event):
    start = timezone.localtime(event.starts_at)
    response = signed_in.post(
        reverse("events:event_edit", kwargs={"slug": event.slug}),
        edit_data(
            event,
            organisation,
            place,
            end_date=(start.date() - timedelta(days=1)).isoformat(),
        ),
    )
    assert "end_time" in response.context["form"].errors
    assert Event.objects.get().ends_at == event.ends_at


def test_editing_oneself_out_of_the_organisers_is_refused(signed_in, organisation, place, event):
    partner = OrganisationFactory()
    response = signed_in.post(
        reverse("events:event_edit", kwargs={"slug": event.slug}),
        edit_data(
            event,
            organisation,
            None,
            organisers=[partner.pk],
            online_url="https://meet.example.org/",
        ),
    )
    assert "organisers" in response.context["form"].errors
    assert list(event.organisers.all()) == [organisation]


def test_cancelled_event_can_be_edited_without_a_status_field(
    signed_in, organisation, place, event
):
    Event.objects.filter(pk=event.pk).update(status=EventStatus.CANCELLED)
    data = edit_data(event, organisation, place, status=None)
    response = signed_in.post(reverse("events:event_edit", kwargs={"slug": event.slug}), data)
    assert response.status_code == 302
    assert Event.objects.get().status == EventStatus.CANCELLED


# Publishing and cancelling


def test_publish_a_draft(signed_in, organisation):
    event = EventFactory(organisers=[organisation], status=EventStatus.DRAFT)
    response = signed_in.post(reverse("events:event_publish", kwargs={"slug": event.slug}))
    assert response.status_code == 302
    assert Event.objects.get().status == EventStatus.PUBLISHED
    # A second time is refused with a message, nothing breaks.
    response = signed_in.post(reverse("events:event_publish", kwargs={"slug": event.slug}))
    assert response.status_code == 302
    assert any(m.level_tag == "error" for m in get_messages(response.wsgi_request))


def test_publish_needs_post(signed_in, event):
    response = signed_in.get(reverse("events:event_publish", kwargs={"slug": event.slug}))
    assert response.status_code == 405


def test_cancel_the_whole_event_tells_everyone_registered(
    signed_in, event, mailoutbox, django_capture_on_commit_callbacks
):
    occurrence = event.occurrences.get()
    RegistrationFactory(occurrence=occurrence, email="confirmed@example.org")
    RegistrationFactory(
        occurrence=occurrence, email="waiting@example.org", status=RegistrationStatus.WAITING
    )
    RegistrationFactory(
        occurrence=occurrence, email="gone@example.org", status=RegistrationStatus.CANCELLED
    )
    RegistrationFactory(occurrence=occurrence, email="")  # a walk-in: nobody to write to
    url = reverse("events:event_cancel", kwargs={"slug": event.slug})
    assert signed_in.get(url).status_code == 200
    assert Event.objects.get().status == EventStatus.PUBLISHED
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(url)
    assert response.status_code == 302
    assert Event.objects.get().status == EventStatus.CANCELLED
    levels = {m.level_tag for m in get_messages(response.wsgi_request)}
    assert {"success", "info"} <= levels
    assert sorted(mail.to[0] for mail in mailoutbox) == [
        "confirmed@example.org",
        "waiting@example.org",
    ]
    response = signed_in.post(url)
    assert response.status_code == 302
    assert Event.objects.get().status == EventStatus.CANCELLED


def test_a_draft_cannot_be_called_off(signed_in, organisation):
    event = EventFactory(organisers=[organisation], status=EventStatus.DRAFT)
    signed_in.post(reverse("events:event_cancel", kwargs={"slug": event.slug}))
    assert Event.objects.get().status == EventStatus.DRAFT


def test_cancel_one_date_tells_its_participants(
    signed_in, organisation, place, kind, mailoutbox, django_capture_on_commit_callbacks
):
    first = next_tuesday()
    event = event_create(
        title="Café",
        kind=kind,
        organisers=[organisation],
        place=place,
        starts_at=local(first, 15),
        ends_at=local(first, 17),
        frequency=Frequency.WEEKLY,
        until=first + timedelta(weeks=1),
    )
    first_date, second_date = event.occurrences.all()
    url = reverse(
        "events:occurrence_cancel", kwargs={"slug": event.slug, "occurrence": second_date.pk}
    )
    RegistrationFactory(occurrence=second_date, email="second@example.org")
    RegistrationFactory(occurrence=first_date, email="first@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        assert signed_in.post(url).status_code == 302
    assert list(event.occurrences.filter(is_cancelled=True)) == [second_date]
    assert [mail.to for mail in mailoutbox] == [["second@example.org"]]
    # Twice: refused with a message.
    assert signed_in.post(url).status_code == 302
    assert Event.objects.get().status == EventStatus.DRAFT


def test_a_past_date_cannot_be_cancelled(signed_in, organisation):
    start = timezone.now() - timedelta(days=3)
    event = EventFactory(organisers=[organisation], starts_at=start)
    occurrence = event.occurrences.get()
    signed_in.post(
        reverse(
            "events:occurrence_cancel", kwargs={"slug": event.slug, "occurrence": occurrence.pk}
        )
    )
    occurrence.refresh_from_db()
    assert not occurrence.is_cancelled


def test_date_of_another_event_is_not_found(signed_in, event, organisation):
    other = EventFactory()
    url = reverse(
        "events:occurrence_cancel",
        kwargs={"slug": event.slug, "occurrence": other.occurrences.get().pk},
    )
    assert signed_in.post(url).status_code == 404
    assert not Occurrence.objects.filter(is_cancelled=True).exists()


# The list


def test_list_shows_upcoming_and_past_events_with_their_figures(signed_in, organisation, event):
    occurrence = event.occurrences.get()
    RegistrationFactory(occurrence=occurrence, party_size=2)
    RegistrationFactory(occurrence=occurrence, status=RegistrationStatus.WAITING)
    past_start = timezone.now() - timedelta(days=30)
    past = EventFactory(organisers=[organisation], starts_at=past_start)
    EventFactory()  # someone else's
    response = signed_in.get(reverse("events:manage_list"))
    assert response.status_code == 200
    upcoming_rows, past_rows = response.context["upcoming"], response.context["past"]
    assert [row["event"] for row in upcoming_rows] == [event]
    assert [row["event"] for row in past_rows] == [past]
    assert upcoming_rows[0]["occurrence"].confirmed_people == 2
    assert upcoming_rows[0]["occurrence"].waiting_people == 1
    content = response.content.decode()
    assert reverse("events:event_edit", kwargs={"slug": event.slug}) in content
    assert reverse("events:event_create") in content
    assert 'data-confirmed="2"' in content and 'data-waiting="1"' in content


def test_list_query_count_does_not_grow_with_the_events(
    signed_in, organisation, django_assert_num_queries
):
    """The queries:
    1. the session, 2. the signed-in person,
    3. the events the person manages, with the ids of their next and last dates,
    4. those dates with their confirmed and waiting counts,
    5. whether the person belongs to an organisation (the "new event" button)."""
    for _ in range(5):
        event = EventFactory(organisers=[organisation], recurrence_rule="FREQ=WEEKLY;COUNT=3")
        RegistrationFactory(occurrence=event.occurrences.first())
    with django_assert_num_queries(5):
        response = signed_in.get(reverse("events:manage_list"))
    assert len(response.context["upcoming"]) == 5
