"""Advisers' calendar, the appointment's own page (audited), marking, cancelling, blocking
time, booking on a resident's behalf, the lead's schedules, and who gets in where."""

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.core.cache import cache
from django.urls import reverse

from advice.models import (
    AdviceRoleKind,
    Appointment,
    AppointmentSchedule,
    AppointmentStatus,
    AuditAction,
    AuditEntry,
    BlockedTime,
    ConcernOutcome,
    OutcomeKind,
)
from directory.models import OrganisationRoleKind, Weekday
from directory.tests.factories import (
    NetworkRoleFactory,
    OrganisationRoleFactory,
    PlaceFactory,
    UserFactory,
)

from .appointment_helpers import at, make_schedule, today, upcoming
from .factories import AdviceRoleFactory, AdviceTopicFactory, AppointmentFactory, ConcernFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def setup():
    schedule, topic = make_schedule(advisers=2)
    adviser, colleague = schedule.advisers.order_by("pk")
    lead = AdviceRoleFactory(organisation=schedule.organisation, role=AdviceRoleKind.LEAD).user
    tuesday = upcoming(Weekday.TUESDAY)
    appointment = AppointmentFactory(
        schedule=schedule,
        adviser=adviser,
        topic=topic,
        starts_at=at(tuesday, 15),
        name="Erika Beispiel",
        email="erika@example.org",
    )
    return {
        "schedule": schedule,
        "topic": topic,
        "adviser": adviser,
        "colleague": colleague,
        "lead": lead,
        "tuesday": tuesday,
        "appointment": appointment,
    }


def week_of(day):
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def test_calendar_shows_own_week_without_names(client, setup):
    client.force_login(setup["adviser"])
    response = client.get(reverse("advice:adviser_calendar"), {"woche": week_of(setup["tuesday"])})
    assert response.status_code == 200
    assert f'data-appointment="{setup["appointment"].pk}"'.encode() in response.content
    assert b"Erika" not in response.content
    assert not AuditEntry.objects.exists()


def test_calendar_day_view_and_team_view(client, setup):
    client.force_login(setup["colleague"])
    url = reverse("advice:adviser_calendar")
    mine = client.get(url, {"tag": setup["tuesday"].isoformat()})
    assert mine.status_code == 200
    assert b"data-appointment=" not in mine.content
    team = client.get(url, {"tag": setup["tuesday"].isoformat(), "ansicht": "team"})
    assert f'data-appointment="{setup["appointment"].pk}"'.encode() in team.content
    assert b"Erika" not in team.content


def test_other_organisations_appointments_stay_out_of_the_team_view(client, setup):
    stranger = AdviceRoleFactory().user
    client.force_login(stranger)
    response = client.get(
        reverse("advice:adviser_calendar"),
        {"woche": week_of(setup["tuesday"]), "ansicht": "team"},
    )
    assert response.status_code == 200
    assert b"data-appointment=" not in response.content


def test_calendar_week_costs_a_fixed_number_of_queries(client, setup, django_assert_num_queries):
    for hour in (16, 17):
        AppointmentFactory(
            schedule=setup["schedule"],
            adviser=setup["adviser"],
            topic=setup["topic"],
            starts_at=at(setup["tuesday"], hour),
        )
    BlockedTime.objects.create(
        adviser=setup["adviser"],
        starts_at=at(setup["tuesday"], 9),
        ends_at=at(setup["tuesday"], 12),
    )
    client.force_login(setup["adviser"])
    with django_assert_num_queries(5):
        """1 session, 2 user, 3 "in an advice team?", 4 the week's appointments with topic,
        adviser and place (one join), 5 the week's blocked times."""
        response = client.get(
            reverse("advice:adviser_calendar"), {"woche": week_of(setup["tuesday"])}
        )
    assert response.content.count(b"data-appointment=") == 3


@pytest.mark.parametrize(
    "query", ["woche=abc", "tag=2026-02-30", "woche=99999-W99", "tag=" + "9" * 50, "ansicht=%00"]
)
def test_calendar_survives_hostile_queries(client, setup, query):
    client.force_login(setup["adviser"])
    assert client.get(reverse("advice:adviser_calendar") + "?" + query).status_code == 200


def test_appointment_page_shows_the_name_and_writes_the_audit(client, setup):
    client.force_login(setup["colleague"])
    appointment = setup["appointment"]
    response = client.get(reverse("advice:appointment_detail", kwargs={"pk": appointment.pk}))
    assert response.status_code == 200
    assert b"Erika Beispiel" in response.content
    entry = AuditEntry.objects.get()
    assert (entry.user, entry.action, entry.record_type, entry.record_id) == (
        setup["colleague"],
        AuditAction.READ,
        "appointment",
        appointment.pk,
    )
    assert entry.organisation == setup["schedule"].organisation


def test_marking_attendance_once_it_has_begun(client, setup):
    past = AppointmentFactory(
        schedule=setup["schedule"],
        adviser=setup["adviser"],
        topic=setup["topic"],
        starts_at=at(today() - timedelta(days=2), 15),
    )
    client.force_login(setup["adviser"])
    url = reverse("advice:appointment_mark", kwargs={"pk": past.pk})
    assert client.post(url, {"status": "no_show"}).status_code == 302
    past.refresh_from_db()
    assert past.status == AppointmentStatus.NO_SHOW

    future = setup["appointment"]
    client.post(
        reverse("advice:appointment_mark", kwargs={"pk": future.pk}), {"status": "attended"}
    )
    future.refresh_from_db()
    assert future.status == AppointmentStatus.BOOKED
    client.post(url, {"status": "cancelled"})
    past.refresh_from_db()
    assert past.status == AppointmentStatus.NO_SHOW
    assert client.get(url).status_code == 405


def test_adviser_cancels_and_the_resident_is_told(
    client, setup, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(setup["adviser"])
    appointment = setup["appointment"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("advice:appointment_cancel", kwargs={"pk": appointment.pk}))
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED
    assert [mail.to for mail in mailoutbox] == [["erika@example.org"]]
    # Cancelling twice changes nothing and sends nothing.
    client.post(reverse("advice:appointment_cancel", kwargs={"pk": appointment.pk}))
    assert len(mailoutbox) == 1


def test_blocking_time_over_a_booked_appointment_needs_confirmation(client, setup):
    client.force_login(setup["adviser"])
    url = reverse("advice:blocked_time_new")
    tuesday = setup["tuesday"]
    data = {"starts_at": f"{tuesday}T14:00", "ends_at": f"{tuesday}T16:00", "reason": "Fortbildung"}
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert b'id="overlapping-appointments"' in refused.content
    assert not BlockedTime.objects.exists()

    confirmed = client.post(url, {**data, "confirm_overlap": "on"})
    assert confirmed.status_code == 302
    blocked = BlockedTime.objects.get()
    assert (blocked.adviser, blocked.starts_at, blocked.ends_at) == (
        setup["adviser"],
        at(tuesday, 14),
        at(tuesday, 16),
    )
    assert Appointment.objects.get().status == AppointmentStatus.BOOKED


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"starts_at": "garbage", "ends_at": "2026-11-24T16:00"},
        {"starts_at": "2026-11-24T16:00", "ends_at": "2026-11-24T15:00"},
        {"starts_at": "99999-11-24T16:00", "ends_at": "2026-11-24T17:00"},
        {"starts_at": "2026-11-24T16:00", "ends_at": "2036-11-24T17:00"},
    ],
)
def test_bad_blocked_times_are_refused(client, setup, data):
    client.force_login(setup["adviser"])
    response = client.post(reverse("advice:blocked_time_new"), data)
    assert response.status_code == 200
    assert not BlockedTime.objects.exists()


def test_only_the_owner_removes_a_blocked_time(client, setup):
    blocked = BlockedTime.objects.create(
        adviser=setup["adviser"],
        starts_at=at(setup["tuesday"], 9),
        ends_at=at(setup["tuesday"], 10),
    )
    url = reverse("advice:blocked_time_delete", kwargs={"pk": blocked.pk})
    client.force_login(setup["colleague"])
    assert client.post(url).status_code == 404
    client.force_login(setup["adviser"])
    assert client.post(url).status_code == 302
    assert not BlockedTime.objects.exists()


def test_booking_on_behalf_with_a_phone_number_records_the_concern_outcome(
    client, setup, mailoutbox, django_capture_on_commit_callbacks
):
    concern = ConcernFactory(organisation=setup["schedule"].organisation)
    client.force_login(setup["adviser"])
    url = reverse("advice:booking_on_behalf", kwargs={"pk": setup["schedule"].pk})
    page = client.get(url, {"concern": concern.pk, "thema": setup["topic"].pk})
    assert page.status_code == 200
    # Tomorrow is within the notice period for residents, but advisers may book it.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{url}?concern={concern.pk}",
            {
                "topic": setup["topic"].pk,
                "starts_at": at(setup["tuesday"], 16).isoformat(),
                "name": "Herr M.",
                "phone": "0371 7654321",
                "consent": "on",
            },
        )
    assert response.status_code == 302
    appointment = Appointment.objects.get(booked_by=setup["adviser"])
    assert appointment.booked_by == setup["adviser"]
    assert (appointment.email, appointment.phone) == ("", "0371 7654321")
    outcome = ConcernOutcome.objects.get()
    assert (outcome.concern, outcome.kind, outcome.appointment) == (
        concern,
        OutcomeKind.APPOINTMENT,
        appointment,
    )
    # No e-mail to a resident without one; the adviser booked it, so no notice either —
    # unless it went to a colleague, whose notice holds no details.
    for mail in mailoutbox:
        assert "Herr M." not in mail.body and "0371" not in mail.body


def test_booking_on_behalf_with_a_concern_of_another_organisation_is_not_found(client, setup):
    client.force_login(setup["adviser"])
    url = reverse("advice:booking_on_behalf", kwargs={"pk": setup["schedule"].pk})
    assert client.get(url, {"concern": ConcernFactory().pk}).status_code == 404
    assert client.get(url, {"concern": "abc"}).status_code == 404
    assert client.get(url, {"concern": "9" * 30}).status_code == 404


def test_lead_creates_and_edits_a_schedule(client, setup):
    lead = setup["lead"]
    organisation = setup["schedule"].organisation
    place = PlaceFactory(organisation=organisation)
    topic = AdviceTopicFactory()
    client.force_login(lead)
    data = {
        "title": "Schuldnerberatung",
        "place": place.pk,
        "length_minutes": 45,
        "buffer_minutes": 15,
        "advisers": [setup["adviser"].pk, lead.pk],
        "topics": [topic.pk],
        "horizon_days": 42,
        "notice_hours": 24,
        "is_active": "on",
    }
    response = client.post(
        reverse("advice:schedule_new", kwargs={"organisation": organisation.pk}), data
    )
    assert response.status_code == 302
    schedule = AppointmentSchedule.objects.get(title="Schuldnerberatung")
    assert schedule.organisation == organisation
    assert set(schedule.advisers.all()) == {setup["adviser"], lead}

    edit = reverse("advice:schedule_edit", kwargs={"pk": schedule.pk})
    assert client.post(edit, {**data, "length_minutes": 60}).status_code == 302
    schedule.refresh_from_db()
    assert schedule.length_minutes == 60


@pytest.mark.parametrize(
    "change",
    [
        {"place": "foreign"},
        {"advisers": "outsider"},
        {"length_minutes": 5},
        {"horizon_days": 999999999999},
        {"topics": []},
    ],
)
def test_bad_schedules_are_refused(client, setup, change):
    organisation = setup["schedule"].organisation
    data = {
        "title": "Neu",
        "place": setup["schedule"].place.pk,
        "length_minutes": 30,
        "buffer_minutes": 0,
        "advisers": [setup["adviser"].pk],
        "topics": [setup["topic"].pk],
        "horizon_days": 28,
        "notice_hours": 2,
    }
    if change.get("place") == "foreign":
        data["place"] = PlaceFactory().pk
    elif change.get("advisers") == "outsider":
        data["advisers"] = [UserFactory().pk]
    else:
        data.update(change)
    client.force_login(setup["lead"])
    response = client.post(
        reverse("advice:schedule_new", kwargs={"organisation": organisation.pk}), data
    )
    assert response.status_code == 200
    assert not AppointmentSchedule.objects.filter(title="Neu").exists()


# --- who gets in where -----------------------------------------------------------------------


def _urls(setup):
    schedule, appointment = setup["schedule"], setup["appointment"]
    return {
        "calendar": ("get", reverse("advice:adviser_calendar")),
        "detail": ("get", reverse("advice:appointment_detail", kwargs={"pk": appointment.pk})),
        "mark": ("post", reverse("advice:appointment_mark", kwargs={"pk": appointment.pk})),
        "cancel": ("post", reverse("advice:appointment_cancel", kwargs={"pk": appointment.pk})),
        "on_behalf": ("get", reverse("advice:booking_on_behalf", kwargs={"pk": schedule.pk})),
        "block": ("get", reverse("advice:blocked_time_new")),
        "schedules": ("get", reverse("advice:schedules")),
        "schedule_new": (
            "get",
            reverse("advice:schedule_new", kwargs={"organisation": schedule.organisation_id}),
        ),
        "schedule_edit": ("get", reverse("advice:schedule_edit", kwargs={"pk": schedule.pk})),
    }


def _staff_with_two_factor():
    """Platform staff who passed the two-factor set-up, so only the advice rules decide."""
    user = UserFactory(is_staff=True, is_superuser=True)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    return user


def _outsiders(setup):
    organisation = setup["schedule"].organisation
    return {
        "org_admin": OrganisationRoleFactory(
            organisation=organisation, role=OrganisationRoleKind.ADMIN
        ).user,
        "org_editor": OrganisationRoleFactory(
            organisation=organisation, role=OrganisationRoleKind.EDITOR
        ).user,
        "org_coordinator": OrganisationRoleFactory(
            organisation=organisation, role=OrganisationRoleKind.COORDINATOR
        ).user,
        "network_admin": NetworkRoleFactory().user,
        "superuser": _staff_with_two_factor(),
        "other_lead": AdviceRoleFactory(role=AdviceRoleKind.LEAD).user,
    }


def test_anonymous_people_are_sent_to_sign_in_everywhere(client, setup):
    for name, (method, url) in _urls(setup).items():
        response = getattr(client, method)(url)
        assert response.status_code == 302, name
        assert "/konto/login/" in response.url, name
    assert Appointment.objects.get().status == AppointmentStatus.BOOKED


def test_nobody_outside_the_advice_team_gets_in(client, setup):
    for role, user in _outsiders(setup).items():
        client.force_login(user)
        for name, (method, url) in _urls(setup).items():
            status = getattr(client, method)(url).status_code
            if role == "other_lead" and name in ("calendar", "block", "schedules"):
                assert status == 200, (role, name)  # their own, empty
            else:
                assert status in (403, 404), (role, name, status)
    assert Appointment.objects.get().status == AppointmentStatus.BOOKED
    assert not AuditEntry.objects.exists()


def test_the_team_gets_in_and_only_the_lead_edits_schedules(client, setup):
    lead_only = {"schedule_new", "schedule_edit"}
    for user in (setup["adviser"], setup["colleague"], setup["lead"]):
        client.force_login(user)
        for name, (method, url) in _urls(setup).items():
            if method == "post":
                continue
            status = client.get(url).status_code
            if name in lead_only and user != setup["lead"]:
                assert status == 403, (user, name)
            else:
                assert status == 200, (user, name)


def test_hostile_ids_are_not_found(client, setup):
    client.force_login(setup["lead"])
    for url in (
        "/beratung/termine/termin/99999999999999999999999/",
        "/beratung/termine/99999999999999999999999/fuer/",
        "/beratung/termine/angebote/99999999999999999999999/bearbeiten/",
        "/beratung/termine/angebote/neu/99999999999999999999999/",
        "/beratung/termine/termin/0/",
    ):
        assert client.get(url).status_code == 404, url
