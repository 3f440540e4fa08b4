"""Registering, the waiting list, cancelling by signed link, reminders and organisers'
messages."""

import re
from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from directory.tests.factories import (
    NetworkMembershipFactory,
    OrganisationFactory,
    OrganisationRoleFactory,
    PlaceFactory,
    UserFactory,
)

from ..formatting import occurrence_when
from ..models import EventMessage, EventStatus, Registration, RegistrationStatus
from ..personal_data import export_for_user
from ..selectors import registration_by_cancel_token, registration_cancel_token
from ..services.registrations import (
    event_message_send,
    occurrence_fill_from_waiting_list,
    registration_cancel,
    registration_create,
)
from .factories import (
    EventFactory,
    OccurrenceFactory,
    RegistrationFactory,
    WorkingMeetingSeriesFactory,
)

pytestmark = pytest.mark.django_db

BASE_URL = "http://testserver/"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def date_with(capacity=None, **event_fields):
    event = EventFactory(registration_required=True, capacity=capacity, **event_fields)
    return event.occurrences.get()


def register(occurrence, email, party_size=1, **fields):
    return registration_create(
        occurrence=occurrence,
        name=fields.pop("name", "Alex Beispiel"),
        email=email,
        party_size=party_size,
        consent_text="Ich willige ein.",
        base_url=BASE_URL,
        **fields,
    )


def statuses(occurrence):
    return list(
        occurrence.registrations.order_by("created_at", "pk").values_list("status", flat=True)
    )


def confirmed_people(occurrence):
    return sum(
        occurrence.registrations.filter(status=RegistrationStatus.CONFIRMED).values_list(
            "party_size", flat=True
        )
    )


def register_url(occurrence):
    return reverse(
        "events:register", kwargs={"slug": occurrence.event.slug, "occurrence": occurrence.pk}
    )


def form_data(**overrides):
    return {
        "name": "Alex Beispiel",
        "email": "alex@example.org",
        "phone": "",
        "party_size": "1",
        "accessibility_needs": "",
        "consent": "on",
        "website": "",
        **overrides,
    }


# --- the service: places, waiting list, duplicates --------------------------------


def test_registrations_are_confirmed_until_full_then_wait(django_capture_on_commit_callbacks):
    occurrence = date_with(capacity=3)
    with django_capture_on_commit_callbacks(execute=True):
        first = register(occurrence, "a@example.org", party_size=2)
        second = register(occurrence, "b@example.org")
        third = register(occurrence, "c@example.org")

    assert first.status == second.status == RegistrationStatus.CONFIRMED
    assert third.status == RegistrationStatus.WAITING
    assert first.consent_text == "Ich willige ein."
    assert first.consent_at is not None
    assert [message.to for message in mail.outbox] == [
        ["a@example.org"],
        ["b@example.org"],
        ["c@example.org"],
    ]
    assert mail.outbox[0].subject != mail.outbox[2].subject  # confirmed vs waiting list


def test_a_party_that_does_not_fit_waits_and_later_people_queue_behind_it():
    occurrence = date_with(capacity=4)
    register(occurrence, "a@example.org", party_size=3)
    big = register(occurrence, "b@example.org", party_size=2)
    single = register(occurrence, "c@example.org", party_size=1)

    assert big.status == RegistrationStatus.WAITING
    # One place is free, but the party of two was first.
    assert single.status == RegistrationStatus.WAITING
    assert confirmed_people(occurrence) == 3


def test_a_party_larger_than_the_capacity_is_refused():
    occurrence = date_with(capacity=3)
    with pytest.raises(ValidationError) as refused:
        register(occurrence, "a@example.org", party_size=4)
    assert "party_size" in refused.value.error_dict
    assert not occurrence.registrations.exists()


@pytest.mark.parametrize("party_size", [0, -1, 11, 10**9])
def test_impossible_party_sizes_are_refused(party_size):
    occurrence = date_with()
    with pytest.raises(ValidationError):
        register(occurrence, "a@example.org", party_size=party_size)
    assert not occurrence.registrations.exists()


def test_without_capacity_everyone_is_confirmed():
    occurrence = date_with(capacity=None)
    for number in range(15):
        register(occurrence, f"p{number}@example.org", party_size=10)
    assert set(statuses(occurrence)) == {RegistrationStatus.CONFIRMED}


def test_the_same_address_twice_gets_the_first_registration_back(
    django_capture_on_commit_callbacks,
):
    occurrence = date_with(capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        first = register(occurrence, "alex@example.org")
        again = register(occurrence, " ALEX@example.org ", party_size=3)

    assert again.pk == first.pk
    assert occurrence.registrations.count() == 1
    assert len(mail.outbox) == 1


def test_after_cancelling_the_same_address_may_register_again():
    occurrence = date_with(capacity=5)
    first = register(occurrence, "alex@example.org")
    registration_cancel(registration=first, base_url=BASE_URL)
    again = register(occurrence, "alex@example.org")
    assert again.pk != first.pk
    assert again.status == RegistrationStatus.CONFIRMED


def test_the_same_address_may_register_for_another_date_of_the_series():
    event = EventFactory(
        registration_required=True, capacity=5, recurrence_rule="FREQ=WEEKLY;COUNT=2"
    )
    first_date, second_date = event.occurrences.all()
    register(first_date, "alex@example.org")
    register(second_date, "alex@example.org")
    assert Registration.objects.filter(email="alex@example.org").count() == 2


def test_registration_closes_at_the_deadline():
    occurrence = date_with(capacity=5, registration_deadline_hours=24)
    occurrence.starts_at = timezone.now() + timedelta(hours=23)
    occurrence.ends_at = occurrence.starts_at + timedelta(hours=2)
    occurrence.save()
    with pytest.raises(ValidationError):
        register(occurrence, "a@example.org")
    assert not occurrence.registrations.exists()


@pytest.mark.parametrize(
    "change",
    [
        {"event": {"status": EventStatus.DRAFT}},
        {"event": {"status": EventStatus.CANCELLED}},
        {"event": {"registration_required": False}},
        {"occurrence": {"is_cancelled": True}},
    ],
)
def test_draft_cancelled_or_open_events_refuse_registrations(change):
    occurrence = date_with(capacity=5)
    for field, value in change.get("event", {}).items():
        setattr(occurrence.event, field, value)
    occurrence.event.save()
    for field, value in change.get("occurrence", {}).items():
        setattr(occurrence, field, value)
    occurrence.save()
    with pytest.raises(ValidationError):
        register(occurrence, "a@example.org")
    assert not occurrence.registrations.exists()


def test_capacity_is_never_exceeded_by_any_sequence_of_registrations_and_cancellations():
    occurrence = date_with(capacity=7)
    sizes = [3, 1, 4, 1, 5, 2, 6, 2, 1, 3]
    registrations = [
        register(occurrence, f"p{number}@example.org", party_size=size)
        for number, size in enumerate(sizes)
    ]
    assert confirmed_people(occurrence) <= 7
    for registration in registrations[::2]:
        registration_cancel(registration=registration, base_url=BASE_URL)
        assert confirmed_people(occurrence) <= 7


# --- cancelling and moving up ------------------------------------------------------


def test_cancelling_moves_the_first_waiting_people_up_in_order(
    django_capture_on_commit_callbacks,
):
    occurrence = date_with(capacity=4)
    holder = register(occurrence, "holder@example.org", party_size=4)
    first = register(occurrence, "first@example.org", party_size=2)
    second = register(occurrence, "second@example.org", party_size=2)
    third = register(occurrence, "third@example.org", party_size=1)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=holder, base_url=BASE_URL)

    for registration in (holder, first, second, third):
        registration.refresh_from_db()
    assert holder.status == RegistrationStatus.CANCELLED
    assert holder.cancelled_at is not None
    assert first.status == second.status == RegistrationStatus.CONFIRMED
    assert first.promoted_at is not None
    assert third.status == RegistrationStatus.WAITING
    assert sorted(message.to[0] for message in mail.outbox) == [
        "first@example.org",
        "second@example.org",
    ]


def test_promotion_stops_at_the_first_party_that_does_not_fit():
    occurrence = date_with(capacity=4)
    holder = register(occurrence, "holder@example.org", party_size=2)
    register(occurrence, "other@example.org", party_size=2)
    big = register(occurrence, "big@example.org", party_size=3)
    small = register(occurrence, "small@example.org", party_size=1)

    registration_cancel(registration=holder, base_url=BASE_URL)

    big.refresh_from_db()
    small.refresh_from_db()
    # Two places are free: the party of three does not fit, and the single person behind
    # it does not overtake it.
    assert big.status == small.status == RegistrationStatus.WAITING
    assert confirmed_people(occurrence) == 2


def test_when_the_first_waiting_party_cancels_the_next_one_moves_up():
    occurrence = date_with(capacity=4)
    register(occurrence, "holder@example.org", party_size=3)
    big = register(occurrence, "big@example.org", party_size=3)
    small = register(occurrence, "small@example.org", party_size=1)

    registration_cancel(registration=big, base_url=BASE_URL)

    small.refresh_from_db()
    assert small.status == RegistrationStatus.CONFIRMED


def test_raising_the_capacity_fills_places_from_the_waiting_list(
    django_capture_on_commit_callbacks,
):
    occurrence = date_with(capacity=1)
    register(occurrence, "holder@example.org")
    waiting = [register(occurrence, f"w{number}@example.org") for number in range(3)]
    occurrence.event.capacity = 3
    occurrence.event.save()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        promoted = occurrence_fill_from_waiting_list(occurrence=occurrence, base_url=BASE_URL)

    assert [registration.pk for registration in promoted] == [waiting[0].pk, waiting[1].pk]
    assert confirmed_people(occurrence) == 3
    assert [message.to for message in mail.outbox] == [["w0@example.org"], ["w1@example.org"]]


def test_cancelling_twice_is_refused_and_changes_nothing():
    occurrence = date_with(capacity=1)
    holder = register(occurrence, "holder@example.org")
    registration_cancel(registration=holder, base_url=BASE_URL)
    holder.refresh_from_db()
    cancelled_at = holder.cancelled_at
    waiting = register(occurrence, "late@example.org")
    register(occurrence, "later@example.org")

    with pytest.raises(ValidationError):
        registration_cancel(registration=holder, base_url=BASE_URL)

    holder.refresh_from_db()
    assert holder.cancelled_at == cancelled_at
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert statuses(occurrence) == ["cancelled", "confirmed", "waiting"]


# --- e-mails -----------------------------------------------------------------------


def test_dates_are_written_the_german_way():
    event = EventFactory(
        starts_at=timezone.make_aware(datetime(2026, 11, 24, 15, 0)),
        ends_at=timezone.make_aware(datetime(2026, 11, 24, 18, 0)),
    )
    assert occurrence_when(event.occurrences.get()) == "Di, 24. November 2026, 15–18 Uhr"


def test_the_confirmation_names_date_place_and_a_working_cancel_link(
    client, django_capture_on_commit_callbacks
):
    place = PlaceFactory(name="Bürgerhaus Mitte")
    occurrence = date_with(capacity=5, place=place)
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(occurrence, "alex@example.org")

    body = mail.outbox[0].body
    assert occurrence_when(occurrence) in body
    assert "Bürgerhaus Mitte" in body
    link = re.search(r"http://testserver/veranstaltungen/abmelden/\S+/", body).group(0)
    assert client.get(link).status_code == 200
    client.post(link)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_e_mails_are_plain_text_without_html_escaping(django_capture_on_commit_callbacks):
    occurrence = date_with(capacity=1, title="Dialog <Süd> & mehr")
    with django_capture_on_commit_callbacks(execute=True):
        register(occurrence, "alex@example.org", name="O'Neil & Co")
    assert "Dialog <Süd> & mehr" in mail.outbox[0].subject
    assert "O'Neil & Co" in mail.outbox[0].body
    assert "&amp;" not in mail.outbox[0].subject + mail.outbox[0].body


def test_online_events_send_their_link(django_capture_on_commit_callbacks):
    occurrence = date_with(online_url="https://meet.example.org/raum")
    with django_capture_on_commit_callbacks(execute=True):
        register(occurrence, "alex@example.org")
    assert "https://meet.example.org/raum" in mail.outbox[0].body


# --- the signed cancellation link --------------------------------------------------


def cancel_url(registration):
    return reverse(
        "events:cancel_registration", kwargs={"token": registration_cancel_token(registration)}
    )


def test_opening_the_cancel_link_changes_nothing_and_posting_cancels(client):
    occurrence = date_with(capacity=1)
    holder = register(occurrence, "holder@example.org")
    waiting = register(occurrence, "waiting@example.org")

    response = client.get(cancel_url(holder))
    assert response.status_code == 200
    assert b'id="cancel-form"' in response.content
    holder.refresh_from_db()
    assert holder.status == RegistrationStatus.CONFIRMED

    response = client.post(cancel_url(holder))
    assert response.status_code == 302
    holder.refresh_from_db()
    waiting.refresh_from_db()
    assert holder.status == RegistrationStatus.CANCELLED
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_a_used_cancel_link_says_so_and_changes_nothing(client):
    occurrence = date_with(capacity=1)
    holder = register(occurrence, "holder@example.org")
    url = cancel_url(holder)
    client.post(url)
    holder.refresh_from_db()
    cancelled_at = holder.cancelled_at

    for response in (client.get(url), client.post(url)):
        assert response.status_code == 200
        assert b'id="link-already-used"' in response.content
        assert b'id="registration-cancelled"' not in response.content
        assert b'id="cancel-form"' not in response.content
    holder.refresh_from_db()
    assert holder.cancelled_at == cancelled_at


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: token.replace(token.split(":")[0], "W1szLDNdXQ"),
        lambda token: token + "x",
        lambda token: ":" + token.split(":", 1)[1],
        lambda token: "a:b",
        lambda token: "::::",
        lambda token: "%00:%ff",
    ],
)
def test_a_tampered_cancel_link_is_refused_and_changes_nothing(client, tamper):
    occurrence = date_with(capacity=3)
    registration = register(occurrence, "alex@example.org")
    url = reverse("events:cancel_registration", kwargs={"token": "TOKEN:X"}).replace(
        "TOKEN:X", tamper(registration_cancel_token(registration))
    )

    assert client.get(url).status_code in {400, 404}
    assert client.post(url).status_code in {400, 404}
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_a_link_does_not_work_for_another_registration_with_the_same_pk():
    occurrence = date_with(capacity=3)
    registration = register(occurrence, "alex@example.org")
    token = registration_cancel_token(registration)
    registration.created_at -= timedelta(seconds=1)
    registration.save()
    assert registration_by_cancel_token(token) is None


def test_a_token_signed_for_another_purpose_is_refused(client):
    from django.core import signing

    occurrence = date_with(capacity=3)
    registration = register(occurrence, "alex@example.org")
    token = signing.dumps([registration.pk, 0])
    response = client.post(f"/veranstaltungen/abmelden/{token}/")
    assert response.status_code == 400
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_a_date_that_has_begun_can_no_longer_be_cancelled(client):
    occurrence = date_with(capacity=3)
    registration = RegistrationFactory(occurrence=occurrence)
    occurrence.starts_at = timezone.now() - timedelta(minutes=5)
    occurrence.save()
    response = client.post(cancel_url(registration))
    assert response.status_code == 200
    assert b'id="cancel-error"' in response.content
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


# --- the public form ---------------------------------------------------------------


def test_registering_without_an_account(client, django_capture_on_commit_callbacks):
    occurrence = date_with(capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            register_url(occurrence),
            form_data(party_size="2", phone="0371 123456", accessibility_needs="Rollstuhl"),
        )
    assert response.status_code == 302
    registration = occurrence.registrations.get()
    assert registration.user is None
    assert registration.party_size == 2
    assert registration.accessibility_needs == "Rollstuhl"
    assert registration.consent_text
    assert mail.outbox[0].to == ["alex@example.org"]

    thanks = client.get(response.url)
    assert thanks.status_code == 200
    assert b'id="registration-confirmed"' in thanks.content


def test_the_thanks_page_says_waiting_list_when_full(client):
    occurrence = date_with(capacity=1)
    RegistrationFactory(occurrence=occurrence)
    form_page = client.get(register_url(occurrence))
    assert b'id="waiting-list-notice"' in form_page.content

    response = client.post(register_url(occurrence), form_data())
    assert occurrence.registrations.get(email="alex@example.org").status == "waiting"
    assert b'id="registration-waiting"' in client.get(response.url).content


def test_signed_in_people_get_their_details_filled_in_and_linked(client):
    user = UserFactory(display_name="Kim Muster", email="kim@example.org")
    client.force_login(user)
    occurrence = date_with(capacity=5)

    page = client.get(register_url(occurrence))
    assert page.context["form"]["email"].value() == "kim@example.org"
    assert page.context["form"]["name"].value() == "Kim Muster"

    client.post(register_url(occurrence), form_data(name="Kim Muster", email="kim@example.org"))
    assert occurrence.registrations.get().user == user
    assert export_for_user(user)["registrations"][0]["email"] == "kim@example.org"
    assert export_for_user(UserFactory())["registrations"] == []


def test_the_data_download_includes_registrations_under_the_account():
    from core.privacy import export_personal_data

    user = UserFactory()
    RegistrationFactory(user=user, email="mine@example.org")
    RegistrationFactory(email="mine@example.org")  # same address, no account: not proof
    exported = export_personal_data(user)["events"]["registrations"]
    assert [entry["email"] for entry in exported] == ["mine@example.org"]


@pytest.mark.parametrize("name,email", [("  ", "a@example.org"), ("Alex", "not-an-address")])
def test_the_service_refuses_missing_names_and_bad_addresses(name, email):
    occurrence = date_with()
    with pytest.raises(ValidationError):
        register(occurrence, email, name=name)
    assert not occurrence.registrations.exists()


def test_working_meetings_offer_the_networks_active_members():
    from ..forms_registration import RegistrationForm

    series = WorkingMeetingSeriesFactory()
    member = NetworkMembershipFactory(network=series.network).organisation
    NetworkMembershipFactory(network=series.network, status="ended")
    occurrence = date_with(capacity=5, series=series)

    form = RegistrationForm(occurrence=occurrence)
    assert list(form.fields["organisation"].queryset) == [member]
    assert "organisation" not in RegistrationForm(occurrence=date_with()).fields


def test_registering_for_a_member_organisation(client):
    series = WorkingMeetingSeriesFactory()
    member = NetworkMembershipFactory(network=series.network).organisation
    outsider = OrganisationFactory()
    occurrence = date_with(capacity=5, series=series)

    for hostile in [str(outsider.pk), "99999999999999999999999", "abc", "-1"]:
        refused = client.post(register_url(occurrence), form_data(organisation=hostile))
        assert refused.status_code == 200
        assert refused.context["form"].errors["organisation"]
    assert not occurrence.registrations.exists()
    with pytest.raises(ValidationError):
        register(occurrence, "x@example.org", organisation=outsider)

    client.post(register_url(occurrence), form_data(organisation=str(member.pk)))
    assert occurrence.registrations.get().organisation == member


def test_closed_registration_shows_why_and_accepts_nothing(client):
    occurrence = date_with(capacity=5)
    occurrence.is_cancelled = True
    occurrence.save()
    page = client.get(register_url(occurrence))
    assert page.status_code == 200
    assert b'id="registration-closed"' in page.content
    assert client.post(register_url(occurrence), form_data()).status_code == 200
    assert not occurrence.registrations.exists()


def test_drafts_and_unknown_dates_are_not_found(client):
    draft = date_with(capacity=5, status=EventStatus.DRAFT)
    other = date_with(capacity=5)
    assert client.get(register_url(draft)).status_code == 404
    wrong_event = f"/veranstaltungen/{other.event.slug}/{draft.pk}/anmelden/"
    assert client.get(wrong_event).status_code == 404
    huge = f"/veranstaltungen/{other.event.slug}/99999999999999999999999/anmelden/"
    assert client.get(huge).status_code == 404
    assert client.post(huge, form_data()).status_code == 404


def test_the_honeypot_catches_bots_silently(client):
    occurrence = date_with(capacity=5)
    response = client.post(register_url(occurrence), form_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not occurrence.registrations.exists()
    assert client.get(response.url).status_code == 200


def test_registrations_are_rate_limited_per_address(client):
    occurrence = date_with(capacity=None)
    for number in range(10):
        response = client.post(register_url(occurrence), form_data(email=f"p{number}@example.org"))
        assert response.status_code == 302
    response = client.post(register_url(occurrence), form_data(email="late@example.org"))
    assert response.status_code == 429
    assert occurrence.registrations.count() == 10


@pytest.mark.parametrize(
    "overrides",
    [
        {"party_size": "99999999999999999999999"},
        {"party_size": "-1"},
        {"party_size": "abc"},
        {"party_size": "6"},  # more than the capacity
        {"email": ""},
        {"email": "not-an-address"},
        {"name": "   "},
        {"name": "A\x00B"},
        {"name": "x" * 5000},
        {"consent": ""},
        {"phone": "12"},
        {"accessibility_needs": "x" * 5000},
    ],
)
def test_hostile_input_gets_an_error_and_changes_nothing(client, overrides):
    occurrence = date_with(capacity=5)
    response = client.post(register_url(occurrence), form_data(**overrides))
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not occurrence.registrations.exists()


def test_missing_fields_change_nothing(client):
    occurrence = date_with(capacity=5)
    response = client.post(register_url(occurrence), {})
    assert response.status_code == 200
    assert not occurrence.registrations.exists()


def test_the_form_page_never_fails_on_odd_query_strings(client):
    occurrence = date_with(capacity=5)
    for query in ["party_size=abc", "occurrence=%00", "next=https://evil.example/"]:
        assert client.get(f"{register_url(occurrence)}?{query}").status_code == 200


# --- reminders the day before --------------------------------------------------------


def test_reminders_go_once_to_confirmed_people_of_tomorrows_dates(
    settings, django_capture_on_commit_callbacks
):
    now = timezone.localtime()
    tomorrow = (now + timedelta(days=1)).replace(hour=10, minute=0, second=0, microsecond=0)

    def date_at(starts_at):
        occurrence = OccurrenceFactory(
            event__registration_required=True,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=2),
        )
        return occurrence

    tomorrows = date_at(tomorrow)
    confirmed = RegistrationFactory(occurrence=tomorrows, email="yes@example.org")
    RegistrationFactory(occurrence=tomorrows, status="waiting", email="waiting@example.org")
    RegistrationFactory(occurrence=tomorrows, status="cancelled", email="gone@example.org")
    RegistrationFactory(occurrence=date_at(tomorrow + timedelta(days=1)), email="later@example.org")
    RegistrationFactory(
        occurrence=date_at(tomorrow - timedelta(days=1) + timedelta(hours=12)),
        email="today@example.org",
    )
    cancelled_date = date_at(tomorrow + timedelta(hours=2))
    cancelled_date.is_cancelled = True
    cancelled_date.save()
    RegistrationFactory(occurrence=cancelled_date, email="cancelled-date@example.org")

    call_command("send_event_reminders", base_url="https://example.org")
    call_command("send_event_reminders", base_url="https://example.org")

    assert [message.to for message in mail.outbox] == [["yes@example.org"]]
    assert "https://example.org/veranstaltungen/abmelden/" in mail.outbox[0].body
    confirmed.refresh_from_db()
    assert confirmed.reminded_at is not None


# --- organisers' messages --------------------------------------------------------------


@pytest.fixture
def organiser():
    return UserFactory()


@pytest.fixture
def meeting(organiser):
    organisation = OrganisationFactory()
    OrganisationRoleFactory(user=organiser, organisation=organisation, role="editor")
    event = EventFactory(organisers=[organisation], registration_required=True, capacity=2)
    occurrence = event.occurrences.get()
    RegistrationFactory(occurrence=occurrence, email="one@example.org")
    RegistrationFactory(occurrence=occurrence, email="two@example.org")
    RegistrationFactory(occurrence=occurrence, email="wait@example.org", status="waiting")
    RegistrationFactory(occurrence=occurrence, email="gone@example.org", status="cancelled")
    return occurrence


def message_url(occurrence):
    return reverse(
        "events:occurrence_message",
        kwargs={"slug": occurrence.event.slug, "occurrence": occurrence.pk},
    )


def test_organisers_message_everyone_one_by_one(
    client, organiser, meeting, django_capture_on_commit_callbacks
):
    client.force_login(organiser)
    assert client.get(message_url(meeting)).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            message_url(meeting),
            {"subject": "Raumänderung", "body": "Wir treffen uns im Saal 2."},
        )

    assert response.status_code == 302
    message = EventMessage.objects.get()
    assert message.recipient_count == 2
    assert message.sent_by == organiser
    assert sorted(email.to[0] for email in mail.outbox) == ["one@example.org", "two@example.org"]
    for email in mail.outbox:
        assert len(email.recipients()) == 1
        assert email.subject == "Raumänderung"
        assert "Saal 2" in email.body
        others = {"one@example.org", "two@example.org", "wait@example.org"} - set(email.to)
        assert not any(address in email.body for address in others)


def test_the_waiting_list_can_be_included(
    client, organiser, meeting, django_capture_on_commit_callbacks
):
    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            message_url(meeting),
            {"subject": "Hinweis", "body": "Text", "include_waiting_list": "on"},
        )
    assert EventMessage.objects.get().recipient_count == 3
    assert sorted(email.to[0] for email in mail.outbox) == [
        "one@example.org",
        "two@example.org",
        "wait@example.org",
    ]


def test_messages_need_a_subject_and_text(client, organiser, meeting):
    client.force_login(organiser)
    response = client.post(message_url(meeting), {"subject": "", "body": "x" * 6000})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"subject", "body"}
    assert not EventMessage.objects.exists()


def test_a_date_without_registrations_sends_nothing(client, organiser, meeting):
    meeting.registrations.all().delete()
    client.force_login(organiser)
    response = client.post(message_url(meeting), {"subject": "Hallo", "body": "Text"})
    assert response.status_code == 200
    assert not EventMessage.objects.exists()
    with pytest.raises(ValidationError):
        event_message_send(
            occurrence=meeting, subject="s", body="b", sent_by=organiser, base_url=BASE_URL
        )


def test_only_organisers_may_message_participants(client, meeting):
    url = message_url(meeting)
    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert "login" in anonymous.url

    other_member = UserFactory()
    OrganisationRoleFactory(user=other_member)
    client.force_login(other_member)
    assert client.get(url).status_code == 403
    assert client.post(url, {"subject": "Spam", "body": "Spam"}).status_code == 403
    assert not EventMessage.objects.exists()
    assert not mail.outbox


def test_message_page_of_unknown_or_mismatched_dates_is_not_found(client, organiser, meeting):
    client.force_login(organiser)
    other = date_with()
    slug = meeting.event.slug
    for url in [
        f"/veranstaltungen/verwalten/{slug}/{other.pk}/nachricht/",
        f"/veranstaltungen/verwalten/{slug}/99999999999999999999/nachricht/",
        f"/veranstaltungen/verwalten/unbekannt/{meeting.pk}/nachricht/",
    ]:
        assert client.get(url).status_code == 404


def test_others_drafts_are_not_found_on_the_message_page(client, organiser):
    draft = date_with(status=EventStatus.DRAFT)
    client.force_login(organiser)
    assert client.get(message_url(draft)).status_code == 404


def test_the_message_page_lists_sent_messages_without_a_query_per_row(
    client, organiser, meeting, django_assert_num_queries
):
    """Expected queries, however many messages were sent:
    1. the session
    2. the signed-in user
    3. the date with its event and place, among events public or managed by the user
    4. the permission: a role of the user in one of the event's organisers
    5. the registrations that would receive a message (the recipient counts)
    6. the messages sent, with who sent them
    """
    for number in range(5):
        EventMessage.objects.create(
            occurrence=meeting, subject=f"Nachricht {number}", body="Text", sent_by=organiser
        )
    client.force_login(organiser)
    with django_assert_num_queries(6):
        response = client.get(message_url(meeting))
    assert response.status_code == 200
    assert len(response.context["sent_messages"]) == 5
