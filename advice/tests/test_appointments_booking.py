"""Residents book without an account, get the confirmation with a signed link, cancel or
move by it, and are reminded the day before; each bad input is refused and saves nothing."""

import re
from datetime import time, timedelta

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from advice import selectors
from advice.forms_appointments import CONSENT_TEXT
from advice.models import (
    Appointment,
    AppointmentStatus,
    AuditEntry,
    ConcernOutcome,
    OutcomeKind,
)
from advice.services import appointments as appointment_services
from advice.services.appointments import appointment_book
from directory.models import OrganisationStatus, Weekday
from directory.opening import public_holiday
from directory.tests.factories import ClosureFactory, ExtraOpeningFactory, OfficeHourRuleFactory

from .appointment_helpers import (
    at,
    booking_kwargs,
    make_schedule,
    next_public_holiday,
    today,
    upcoming,
)
from .factories import AdviceTopicFactory, AppointmentFactory, ConcernFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def schedule_and_topic():
    return make_schedule()


@pytest.fixture
def tuesday():
    return upcoming(Weekday.TUESDAY)


def link_token(body: str) -> str:
    return re.search(r"/beratung/termine/link/([^/\s]+)/", body).group(1)


def book(schedule, topic, starts_at, capture, **overrides):
    with capture(execute=True):
        return appointment_book(**booking_kwargs(schedule, topic, starts_at, **overrides))


def test_booking_confirms_to_the_resident_and_tells_the_adviser_nothing_confidential(
    schedule_and_topic, tuesday, mailoutbox, django_capture_on_commit_callbacks
):
    schedule, topic = schedule_and_topic
    adviser = schedule.advisers.get()
    appointment = book(
        schedule,
        topic,
        at(tuesday, 15, 30),
        django_capture_on_commit_callbacks,
        name="Erika Beispiel",
        phone="0371 0000 555",
    )

    assert (appointment.adviser, appointment.status) == (adviser, AppointmentStatus.BOOKED)
    assert appointment.ends_at == at(tuesday, 16)
    assert appointment.consent_text == "Einwilligung" and appointment.consent_at
    resident_mail, adviser_mail = sorted(mailoutbox, key=lambda mail: mail.to != ["k@example.org"])
    assert resident_mail.to == ["k@example.org"]
    token = link_token(resident_mail.body)
    assert selectors.appointment_by_manage_token(token) == appointment
    assert schedule.place.name in resident_mail.body
    assert adviser_mail.to == [adviser.email]
    assert reverse("advice:appointment_detail", kwargs={"pk": appointment.pk}) in adviser_mail.body
    for secret in ("Erika", "k@example.org", "0371", topic.name, token):
        assert secret not in adviser_mail.subject + adviser_mail.body


def test_phone_only_booking_sends_no_mail_to_the_resident(
    schedule_and_topic, tuesday, mailoutbox, django_capture_on_commit_callbacks
):
    schedule, topic = schedule_and_topic
    book(
        schedule,
        topic,
        at(tuesday, 15),
        django_capture_on_commit_callbacks,
        email="",
        phone="0371 123456",
    )
    assert [mail.to for mail in mailoutbox] == [[schedule.advisers.get().email]]


def _refusal(schedule, topic, starts_at, **overrides):
    with pytest.raises(ValidationError) as refused:
        appointment_book(**booking_kwargs(schedule, topic, starts_at, **overrides))
    return refused.value


@pytest.mark.parametrize(
    ("case", "code"),
    [
        ("past", "past"),
        ("evening", "outside_office_hours"),
        ("wednesday", "outside_office_hours"),
        ("off_grid", "outside_office_hours"),
        ("beyond_horizon", "horizon"),
        ("other_topic", "topic"),
        ("no_contact", "contact"),
        ("no_name", "name"),
        ("no_consent", "consent"),
    ],
)
def test_bad_bookings_are_refused_and_save_nothing(
    schedule_and_topic, tuesday, mailoutbox, case, code
):
    schedule, topic = schedule_and_topic
    starts_at, overrides = at(tuesday, 15), {}
    if case == "past":
        starts_at = at(today() - timedelta(days=7), 15)
    elif case == "evening":
        starts_at = at(tuesday, 19)
    elif case == "wednesday":
        starts_at = at(tuesday + timedelta(days=1), 15)
    elif case == "off_grid":
        starts_at = at(tuesday, 15, 10)
    elif case == "beyond_horizon":
        starts_at = at(upcoming(Weekday.TUESDAY, 30), 15)
    elif case == "other_topic":
        topic = AdviceTopicFactory()
    elif case == "no_contact":
        overrides.update(email="", phone="")
    elif case == "no_name":
        overrides["name"] = "   "
    elif case == "no_consent":
        overrides["consent_text"] = ""
    assert _codes(_refusal(schedule, topic, starts_at, **overrides)) == [code]
    assert not Appointment.objects.exists()
    assert mailoutbox == []


def _codes(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [item.code for items in error.error_dict.values() for item in items]
    return [item.code for item in error.error_list]


def test_a_closure_day_is_refused_with_its_reason(schedule_and_topic, tuesday):
    schedule, topic = schedule_and_topic
    ClosureFactory(place=schedule.place, starts_on=tuesday, ends_on=tuesday, reason="Umzug")
    error = _refusal(schedule, topic, at(tuesday, 15))
    assert _codes(error) == ["closed"]
    assert "Umzug" in error.messages[0]
    assert not Appointment.objects.exists()


def test_a_public_holiday_is_refused_with_its_name(schedule_and_topic):
    schedule, topic = schedule_and_topic
    holiday = next_public_holiday()
    schedule.horizon_days = 180
    schedule.save()
    OfficeHourRuleFactory(place=schedule.place, weekday=holiday.weekday())
    error = _refusal(schedule, topic, at(holiday, 15))
    assert _codes(error) == ["closed"]
    assert public_holiday(holiday) in error.messages[0]
    assert not Appointment.objects.exists()


def test_before_the_notice_period_is_refused(schedule_and_topic):
    schedule, topic = schedule_and_topic
    schedule.notice_hours = 72
    schedule.save()
    tomorrow = today() + timedelta(days=1)
    ExtraOpeningFactory(place=schedule.place, date=tomorrow, opens=time(10), closes=time(12))
    assert _codes(_refusal(schedule, topic, at(tomorrow, 11))) == ["notice"]
    assert not Appointment.objects.exists()


def test_an_adviser_booking_on_behalf_is_not_bound_by_the_notice_period(
    schedule_and_topic, django_capture_on_commit_callbacks
):
    schedule, topic = schedule_and_topic
    schedule.notice_hours = 72
    schedule.save()
    tomorrow = today() + timedelta(days=1)
    ExtraOpeningFactory(place=schedule.place, date=tomorrow, opens=time(10), closes=time(12))
    adviser = schedule.advisers.get()
    appointment = book(
        schedule, topic, at(tomorrow, 11), django_capture_on_commit_callbacks, booked_by=adviser
    )
    assert appointment.booked_by == adviser


def test_an_inactive_schedule_cannot_be_booked(schedule_and_topic, tuesday):
    schedule, topic = schedule_and_topic
    schedule.is_active = False
    schedule.save()
    assert _codes(_refusal(schedule, topic, at(tuesday, 15))) == ["inactive"]


def test_the_same_slot_is_not_booked_twice(
    schedule_and_topic, tuesday, django_capture_on_commit_callbacks
):
    schedule, topic = schedule_and_topic
    book(schedule, topic, at(tuesday, 15), django_capture_on_commit_callbacks)
    assert _codes(_refusal(schedule, topic, at(tuesday, 15))) == ["taken"]
    assert Appointment.objects.count() == 1


def test_the_database_constraint_is_reported_as_a_taken_slot(
    schedule_and_topic, tuesday, monkeypatch, django_capture_on_commit_callbacks
):
    """Another schedule of the same adviser may win the race after the free check: the
    IntegrityError of the unique constraint is reported like a taken slot."""
    schedule, topic = schedule_and_topic
    adviser = schedule.advisers.get()
    AppointmentFactory(adviser=adviser, starts_at=at(tuesday, 15))
    monkeypatch.setattr(appointment_services, "_free_advisers", lambda *args, **kw: [adviser.pk])
    assert _codes(_refusal(schedule, topic, at(tuesday, 15))) == ["taken"]
    assert Appointment.objects.count() == 1


def test_the_adviser_with_fewest_bookings_that_day_gets_the_appointment(
    tuesday, django_capture_on_commit_callbacks
):
    schedule, topic = make_schedule(advisers=2)
    first_adviser, second_adviser = schedule.advisers.order_by("pk")
    first = book(schedule, topic, at(tuesday, 15), django_capture_on_commit_callbacks)
    second = book(schedule, topic, at(tuesday, 16), django_capture_on_commit_callbacks)
    third = book(schedule, topic, at(tuesday, 16), django_capture_on_commit_callbacks)
    assert first.adviser == first_adviser
    assert second.adviser == second_adviser
    assert third.adviser == first_adviser


def test_booking_for_a_concern_records_the_outcome(
    schedule_and_topic, tuesday, django_capture_on_commit_callbacks
):
    schedule, topic = schedule_and_topic
    concern = ConcernFactory(organisation=schedule.organisation)
    adviser = schedule.advisers.get()
    appointment = book(
        schedule,
        topic,
        at(tuesday, 15),
        django_capture_on_commit_callbacks,
        concern=concern,
        booked_by=adviser,
    )
    outcome = ConcernOutcome.objects.get()
    assert (outcome.concern, outcome.kind, outcome.appointment) == (
        concern,
        OutcomeKind.APPOINTMENT,
        appointment,
    )
    foreign = ConcernFactory()
    assert _codes(_refusal(schedule, topic, at(tuesday, 16), concern=foreign)) == ["concern"]


# --- the public pages -------------------------------------------------------------------


def test_booking_page_shows_walk_in_hours_and_the_free_slots(client, schedule_and_topic, tuesday):
    schedule, topic = schedule_and_topic
    url = reverse("advice:booking", kwargs={"pk": schedule.pk})
    page = client.get(url)
    assert page.status_code == 200
    assert b'id="walk-in-hours"' in page.content
    assert b'name="starts_at"' not in page.content

    week = f"{tuesday.isocalendar()[0]}-W{tuesday.isocalendar()[1]:02d}"
    page = client.get(url, {"thema": topic.pk, "woche": week})
    assert page.status_code == 200
    assert at(tuesday, 15).isoformat().encode() in page.content


def test_htmx_gets_only_the_slot_list(client, schedule_and_topic):
    schedule, topic = schedule_and_topic
    page = client.get(
        reverse("advice:booking", kwargs={"pk": schedule.pk}),
        {"thema": topic.pk},
        headers={"HX-Request": "true", "HX-Target": "slots"},
    )
    assert page.status_code == 200
    assert page.content.lstrip().startswith(b'<div id="slots"')


def test_resident_books_and_sees_the_thanks_page(
    client, schedule_and_topic, tuesday, mailoutbox, django_capture_on_commit_callbacks
):
    schedule, topic = schedule_and_topic
    url = reverse("advice:booking", kwargs={"pk": schedule.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "topic": topic.pk,
                "starts_at": at(tuesday, 15).isoformat(),
                "name": "Kim",
                "email": "kim@example.org",
                "consent": "on",
            },
        )
    assert response.status_code == 302
    assert response.url == reverse("advice:booking_thanks", kwargs={"pk": schedule.pk})
    appointment = Appointment.objects.get()
    assert appointment.email == "kim@example.org"
    assert appointment.consent_text == str(CONSENT_TEXT)
    assert client.get(response.url).status_code == 200
    assert ["kim@example.org"] in [mail.to for mail in mailoutbox]


@pytest.mark.parametrize(
    "data",
    [
        {"name": "Kim", "consent": "on"},  # neither e-mail nor phone
        {"name": "Kim", "email": "kim@example.org"},  # no consent
        {"name": "Kim", "email": "not-an-address", "consent": "on"},
        {"name": "Kim", "phone": "12", "consent": "on"},
        {"name": "Kim", "email": "kim@example.org", "consent": "on", "starts_at": "garbage"},
        {"name": "Kim", "email": "kim@example.org", "consent": "on", "topic": "999999999999"},
        {"name": "Kim", "email": "kim@example.org", "consent": "on", "topic": "x"},
        {
            "name": "Kim",
            "email": "kim@example.org",
            "consent": "on",
            "starts_at": "2020-01-07T15:00",
        },
    ],
)
def test_bad_booking_forms_show_errors_and_save_nothing(client, schedule_and_topic, tuesday, data):
    schedule, topic = schedule_and_topic
    posted = {"topic": topic.pk, "starts_at": at(tuesday, 15).isoformat(), **data}
    response = client.post(reverse("advice:booking", kwargs={"pk": schedule.pk}), posted)
    assert response.status_code == 200
    assert b'class="error-summary"' in response.content
    assert not Appointment.objects.exists()


def test_the_honeypot_books_nothing(client, schedule_and_topic, tuesday):
    schedule, topic = schedule_and_topic
    response = client.post(
        reverse("advice:booking", kwargs={"pk": schedule.pk}),
        {
            "topic": topic.pk,
            "starts_at": at(tuesday, 15).isoformat(),
            "name": "Bot",
            "email": "bot@example.org",
            "consent": "on",
            "website": "http://spam.example",
        },
    )
    assert response.status_code == 302
    assert not Appointment.objects.exists()


def test_bookings_are_rate_limited(client, schedule_and_topic, settings):
    schedule, _topic = schedule_and_topic
    url = reverse("advice:booking", kwargs={"pk": schedule.pk})
    statuses = [client.post(url, {}).status_code for _ in range(11)]
    assert statuses[:10] == [200] * 10 and statuses[10] == 429


def test_inactive_and_unpublished_schedules_are_not_found(client, schedule_and_topic):
    schedule, _topic = schedule_and_topic
    url = reverse("advice:booking", kwargs={"pk": schedule.pk})
    schedule.is_active = False
    schedule.save()
    assert client.get(url).status_code == 404
    schedule.is_active = True
    schedule.save()
    schedule.organisation.status = OrganisationStatus.PENDING
    schedule.organisation.save()
    assert client.get(url).status_code == 404
    assert client.get("/beratung/termine/99999999999999999999999/").status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "thema=abc&woche=xyz",
        "thema=99999999999999999999&woche=99999-W99",
        "woche=2026-W00",
        "thema=%00&woche=%ff",
        "woche=1900-W01",
        "woche=9999-W52",
    ],
)
def test_hostile_query_strings_never_fail(client, schedule_and_topic, query):
    schedule, _topic = schedule_and_topic
    for headers in ({}, {"HX-Request": "true", "HX-Target": "slots"}):
        response = client.get(f"/beratung/termine/{schedule.pk}/?{query}", headers=headers)
        assert response.status_code == 200


# --- the signed link ---------------------------------------------------------------------


@pytest.fixture
def appointment(schedule_and_topic, tuesday, django_capture_on_commit_callbacks):
    schedule, topic = schedule_and_topic
    return book(schedule, topic, at(tuesday, 15), django_capture_on_commit_callbacks)


def manage_url(appointment):
    token = selectors.appointment_manage_token(appointment)
    return reverse("advice:booking_manage", kwargs={"token": token})


def test_the_link_shows_the_appointment_and_get_changes_nothing(client, appointment):
    response = client.get(manage_url(appointment))
    assert response.status_code == 200
    assert b'id="cancel-form"' in response.content and b'id="move-form"' in response.content
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.BOOKED


def test_cancel_by_link_and_a_used_link_changes_nothing(
    client, appointment, mailoutbox, django_capture_on_commit_callbacks
):
    url = manage_url(appointment)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "cancel"})
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED
    assert AuditEntry.objects.get().record_id == appointment.pk
    # The adviser hears of it, without details.
    assert [mail.to for mail in mailoutbox] == [[appointment.adviser.email]]
    assert "Frau K." not in mailoutbox[0].body

    used = client.get(url)
    assert used.status_code == 200 and b'id="link-already-used"' in used.content
    again = client.post(url, {"action": "cancel"})
    assert again.status_code == 200
    assert Appointment.objects.get().status == AppointmentStatus.CANCELLED


@pytest.mark.parametrize(
    "token",
    ["nonsense", "1:abc:def", "W1sxLDFdXQ:1abc:xyz", "x" * 500],
)
def test_tampered_links_change_nothing(client, appointment, token):
    assert client.get(f"/beratung/termine/link/{token}/").status_code == 400
    assert client.post(f"/beratung/termine/link/{token}/", {"action": "cancel"}).status_code == 400
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.BOOKED


def test_a_link_for_another_pk_signed_differently_is_refused(client, appointment):
    genuine = selectors.appointment_manage_token(appointment)
    tampered = genuine.replace(genuine[1], "X" if genuine[1] != "X" else "Y", 1)
    assert (
        client.post(
            reverse("advice:booking_manage", kwargs={"token": tampered}), {"action": "cancel"}
        ).status_code
        == 400
    )
    assert Appointment.objects.get().status == AppointmentStatus.BOOKED


def test_moving_voids_the_old_link_and_mails_a_new_one(
    client, appointment, tuesday, mailoutbox, django_capture_on_commit_callbacks
):
    old_url = manage_url(appointment)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            old_url, {"action": "move", "starts_at": at(tuesday, 17).isoformat()}
        )
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert (appointment.starts_at, appointment.link_version) == (at(tuesday, 17), 2)
    new_url = response.url.split("?")[0]
    assert selectors.appointment_by_manage_token(link_token(new_url)) == appointment
    resident_mail = next(mail for mail in mailoutbox if mail.to == ["k@example.org"])
    assert selectors.appointment_by_manage_token(link_token(resident_mail.body)) == appointment

    assert client.get(old_url).status_code == 400
    assert client.post(old_url, {"action": "cancel"}).status_code == 400
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.BOOKED
    assert client.get(new_url).status_code == 200


@pytest.mark.parametrize("starts_at", ["garbage", "", "2020-01-07T15:00"])
def test_moving_to_a_bad_time_changes_nothing(client, appointment, starts_at):
    response = client.post(manage_url(appointment), {"action": "move", "starts_at": starts_at})
    assert response.status_code == 200
    appointment.refresh_from_db()
    assert appointment.link_version == 1


def test_moving_to_its_own_adjacent_time_is_allowed(client, appointment, tuesday):
    """The appointment does not block itself (with the buffer) when moved half an hour."""
    response = client.post(
        manage_url(appointment), {"action": "move", "starts_at": at(tuesday, 15, 30).isoformat()}
    )
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.starts_at == at(tuesday, 15, 30)


def test_a_past_appointment_cannot_be_changed_by_link(client, schedule_and_topic):
    schedule, topic = schedule_and_topic
    past = AppointmentFactory(
        schedule=schedule,
        adviser=schedule.advisers.get(),
        topic=topic,
        starts_at=at(today() - timedelta(days=7), 15),
    )
    response = client.post(manage_url(past), {"action": "cancel"})
    assert response.status_code == 200
    past.refresh_from_db()
    assert past.status == AppointmentStatus.BOOKED


# --- the reminder --------------------------------------------------------------------------


def test_the_reminder_goes_out_once_the_day_before(schedule_and_topic, mailoutbox):
    schedule, topic = schedule_and_topic
    tomorrow = today() + timedelta(days=1)
    adviser = schedule.advisers.get()
    due = AppointmentFactory(
        schedule=schedule, adviser=adviser, topic=topic, starts_at=at(tomorrow, 10)
    )
    AppointmentFactory(
        schedule=schedule,
        adviser=adviser,
        topic=topic,
        starts_at=at(tomorrow, 11),
        email="",
        phone="0371 123456",
    )
    AppointmentFactory(
        schedule=schedule,
        adviser=adviser,
        topic=topic,
        starts_at=at(tomorrow + timedelta(days=1), 10),
    )
    AppointmentFactory(
        schedule=schedule,
        adviser=adviser,
        topic=topic,
        starts_at=at(tomorrow, 12),
        status=AppointmentStatus.CANCELLED,
    )
    call_command("send_appointment_reminders", base_url="https://example.org")
    call_command("send_appointment_reminders", base_url="https://example.org")

    assert [mail.to for mail in mailoutbox] == [[due.email]]
    assert selectors.appointment_by_manage_token(link_token(mailoutbox[0].body)) == due
    due.refresh_from_db()
    assert due.reminded_at is not None
