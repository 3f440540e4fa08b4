"""A network's working meetings: host rotation, planning, minutes with action items,
attendance per member, permissions."""

from datetime import date, datetime, time, timedelta

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone

from directory.models import MembershipStatus
from directory.tests.factories import (
    NetworkFactory,
    NetworkMembershipFactory,
    NetworkRoleFactory,
    OrganisationFactory,
    OrganisationRoleFactory,
    PlaceFactory,
    UserFactory,
)
from events import selectors
from events.models import ActionItem, Event, EventStatus, Occurrence, WorkingMeetingSeries
from events.services import series as series_services

from .factories import EventFactory, RegistrationFactory, WorkingMeetingSeriesFactory


def _at(days: int, hour: int = 10):
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class Network:
    """A network with a coordinating organisation, members that joined at different
    times, an ended and a requested membership, one series and its admin."""

    def __init__(self):
        self.coordinator = OrganisationFactory(name="Koordination")
        self.network = NetworkFactory(coordinating_organisation=self.coordinator)
        self.admin = NetworkRoleFactory(network=self.network).user
        self.members = {}
        for key, since in [
            ("anna", date(2020, 1, 1)),
            ("berta", date(2019, 1, 1)),
            ("clara", date(2018, 1, 1)),
            ("dora", date(2018, 6, 1)),
        ]:
            organisation = OrganisationFactory(name=f"Quartier {key.title()}", slug=key)
            NetworkMembershipFactory(network=self.network, organisation=organisation, since=since)
            self.members[key] = organisation
        self.ended = OrganisationFactory(name="Ehemalige", slug="ehemalige")
        NetworkMembershipFactory(
            network=self.network, organisation=self.ended, status=MembershipStatus.ENDED
        )
        self.requested = OrganisationFactory(name="Anwärterin", slug="anwaerterin")
        NetworkMembershipFactory(
            network=self.network, organisation=self.requested, status=MembershipStatus.REQUESTED
        )
        self.series = WorkingMeetingSeriesFactory(network=self.network, title="Arbeitstreffen")

    def meeting(self, host, days, **kwargs) -> Occurrence:
        event = EventFactory(
            series=self.series,
            host=host,
            organisers=[host, self.coordinator],
            starts_at=_at(days),
            **kwargs,
        )
        return event.occurrences.get()


@pytest.fixture
def lag(db):
    return Network()


def _detail_url(lag):
    return reverse(
        "events:series_detail", kwargs={"network": lag.network.slug, "pk": lag.series.pk}
    )


def _plan_url(lag):
    return reverse(
        "events:series_meeting_create",
        kwargs={"network": lag.network.slug, "pk": lag.series.pk},
    )


# Host rotation


def test_rotation_puts_never_hosted_first_then_longest_ago(lag, django_assert_num_queries):
    lag.meeting(lag.members["clara"], days=-300)
    lag.meeting(lag.members["dora"], days=-30)
    lag.meeting(lag.ended, days=-400)
    with django_assert_num_queries(2):
        rotation = selectors.series_host_rotation(lag.series)
    assert [row.organisation.slug for row in rotation] == ["berta", "anna", "clara", "dora"]
    assert rotation[0].due_next and not any(row.due_next for row in rotation[1:])
    assert rotation[0].last_hosted_at is None and rotation[0].hosted_count == 0
    assert rotation[2].hosted_count == 1
    assert rotation[2].last_hosted_at == _at(-300)


def test_a_member_with_a_planned_meeting_has_taken_its_turn(lag):
    lag.meeting(lag.members["anna"], days=-200)
    lag.meeting(lag.members["anna"], days=-100)
    lag.meeting(lag.members["berta"], days=20)
    lag.meeting(lag.members["clara"], days=-50)
    lag.meeting(lag.members["dora"], days=-60)
    rotation = selectors.series_host_rotation(lag.series)
    assert [row.organisation.slug for row in rotation] == ["anna", "dora", "clara", "berta"]
    assert rotation[0].hosted_count == 2
    assert rotation[-1].next_planned_at == _at(20)


def test_cancelled_meetings_do_not_count_as_hosted(lag):
    lag.meeting(lag.members["berta"], days=-10, status=EventStatus.CANCELLED)
    rotation = selectors.series_host_rotation(lag.series)
    assert [row.organisation.slug for row in rotation] == ["clara", "dora", "berta", "anna"]
    assert rotation[2].hosted_count == 0 and rotation[2].last_hosted_at is None


def test_series_detail_shows_rotation_meetings_and_target(client, lag, django_assert_num_queries):
    """Queries: 1 session, 2 user, 3 network, 4 network admin check, 5 series,
    6 active memberships, 7 hosting per member, 8 meetings with counts,
    9 open action items of the network."""
    past = lag.meeting(lag.members["clara"], days=-30)
    lag.meeting(lag.members["dora"], days=30)
    RegistrationFactory(occurrence=past, checked_in_at=timezone.now())
    RegistrationFactory(occurrence=past)
    ActionItem.objects.create(
        occurrence=past, title="Flyer", owner=lag.members["anna"], due_on=date.today()
    )
    client.force_login(lag.admin)
    with django_assert_num_queries(9):
        response = client.get(_detail_url(lag))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="rotation-berta" data-organisation="berta" data-due-next="true"' in html
    assert 'id="rotation-ehemalige"' not in html
    assert 'id="rotation-anwaerterin"' not in html
    assert f'id="meeting-{past.pk}"' in html
    assert response.context["planned_this_year"] == sum(
        1 for days in (-30, 30) if _at(days).year == timezone.localdate().year
    )
    assert response.context["meets_target"] is False
    assert [meeting.pk for meeting in response.context["past_meetings"]] == [past.pk]
    assert response.context["past_meetings"][0].confirmed_people == 2
    assert response.context["past_meetings"][0].checked_in_people == 1


# Series


def test_admin_creates_a_series(client, lag):
    client.force_login(lag.admin)
    response = client.post(
        reverse("events:series_list"),
        {"network": lag.network.pk, "title": "Fachaustausch", "meetings_per_year": "6"},
    )
    series = WorkingMeetingSeries.objects.get(title="Fachaustausch")
    assert response.status_code == 302
    assert response.url == reverse(
        "events:series_detail", kwargs={"network": lag.network.slug, "pk": series.pk}
    )
    assert series.meetings_per_year == 6


@pytest.mark.parametrize("meetings", ["3", "0", "-1", "53", "99999999999999999999", "vier", ""])
def test_series_needs_at_least_four_meetings_a_year(client, lag, meetings):
    client.force_login(lag.admin)
    response = client.post(
        reverse("events:series_list"),
        {"network": lag.network.pk, "title": "Zu selten", "meetings_per_year": meetings},
    )
    assert response.status_code == 400
    assert "meetings_per_year" in response.context["form"].errors
    assert not WorkingMeetingSeries.objects.filter(title="Zu selten").exists()


def test_series_create_service_refuses_fewer_than_four(lag):
    with pytest.raises(ValidationError) as error:
        series_services.series_create(
            network=lag.network, title="Selten", meetings_per_year=3, by=lag.admin
        )
    assert "meetings_per_year" in error.value.error_dict


def test_series_cannot_be_created_for_another_network(client, lag):
    other = NetworkFactory()
    client.force_login(lag.admin)
    response = client.post(
        reverse("events:series_list"),
        {"network": other.pk, "title": "Fremd", "meetings_per_year": "4"},
    )
    assert response.status_code == 400
    assert not WorkingMeetingSeries.objects.filter(title="Fremd").exists()


# Planning the next meeting


def _plan_data(lag, host_key="clara", days=14, **overrides):
    place = PlaceFactory(organisation=lag.members[host_key])
    day = (timezone.localdate() + timedelta(days=days)).isoformat()
    data = {
        "date": day,
        "starts_at": "10:00",
        "ends_at": "15:00",
        "host": lag.members[host_key].pk,
        "place": place.pk,
        "online_url": "",
        "title": "",
        "description": "Tagesordnung folgt.",
        "capacity": "30",
        "registration_required": "on",
    }
    return data | overrides


def test_plan_form_suggests_the_member_due_next(client, lag):
    client.force_login(lag.admin)
    response = client.get(_plan_url(lag))
    assert response.status_code == 200
    # Nobody hosted yet: the longest-standing member is due.
    assert response.context["form"].initial["host"] == lag.members["clara"]
    host_choices = {
        choice.value for choice, _label in response.context["form"].fields["host"].choices
    }
    assert lag.ended.pk not in host_choices and lag.requested.pk not in host_choices


def test_planning_publishes_a_working_meeting(client, lag):
    data = _plan_data(lag)
    client.force_login(lag.admin)
    response = client.post(_plan_url(lag), data)
    assert response.status_code == 302
    event = Event.objects.get(series=lag.series)
    place = event.place
    assert event.kind.slug == "arbeitstreffen"
    assert event.host == lag.members["clara"]
    assert set(event.organisers.all()) == {lag.members["clara"], lag.coordinator}
    assert event.status == EventStatus.PUBLISHED
    assert event.registration_required and event.capacity == 30
    assert (event.municipality, event.latitude, event.longitude) == (
        place.municipality,
        place.latitude,
        place.longitude,
    )
    year = timezone.localtime(event.starts_at).year
    assert event.title == f"Arbeitstreffen 1/{year}"
    occurrence = event.occurrences.get()
    assert timezone.localtime(occurrence.starts_at).hour == 10
    assert timezone.localtime(occurrence.ends_at).hour == 15


def test_planning_online_without_place(lag):
    event = series_services.series_meeting_plan(
        series=lag.series,
        host=lag.members["anna"],
        starts_at=_at(5),
        ends_at=_at(5, hour=12),
        online_url="https://meet.example.org/lag",
        title="Online-Treffen",
        by=lag.admin,
    )
    assert event.is_online and event.municipality is None
    assert event.occurrences.count() == 1


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"ends_at": "09:00"}, "ends_at"),
        ({"ends_at": "10:00"}, "ends_at"),
        ({"date": "2001-01-01"}, "starts_at"),
        ({"date": "2026-13-45"}, "date"),
        ({"date": "99999-01-01"}, "date"),
        ({"date": "9999-12-31"}, "date"),
        ({"starts_at": "25:99"}, "starts_at"),
        ({"host": "999999"}, "host"),
        ({"host": "abc"}, "host"),
        ({"place": "999999"}, "place"),
        ({"place": "x"}, "place"),
        ({"place": ""}, "place"),
        ({"capacity": "0"}, "capacity"),
        ({"capacity": "99999999999999999999"}, "capacity"),
        ({"online_url": "javascript:alert(1)", "place": ""}, "online_url"),
    ],
)
def test_bad_planning_input_changes_nothing(client, lag, overrides, field):
    client.force_login(lag.admin)
    response = client.post(_plan_url(lag), _plan_data(lag, **overrides))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not Event.objects.exists()


def test_place_of_another_member_is_refused(client, lag):
    data = _plan_data(lag, host_key="clara")
    data["place"] = PlaceFactory(organisation=lag.members["dora"]).pk
    client.force_login(lag.admin)
    response = client.post(_plan_url(lag), data)
    assert response.status_code == 400
    assert "place" in response.context["form"].errors
    assert not Event.objects.exists()


@pytest.mark.parametrize("host", ["ended", "requested", "stranger"])
def test_only_active_members_host(lag, host):
    organisation = {
        "ended": lag.ended,
        "requested": lag.requested,
        "stranger": OrganisationFactory(),
    }[host]
    with pytest.raises(ValidationError) as error:
        series_services.series_meeting_plan(
            series=lag.series,
            host=organisation,
            starts_at=_at(5),
            ends_at=_at(5, hour=12),
            place=PlaceFactory(organisation=organisation),
            by=lag.admin,
        )
    assert "host" in error.value.error_dict
    assert not Event.objects.exists()


def test_planning_service_refuses_the_past_and_end_before_start(lag):
    with pytest.raises(ValidationError) as error:
        series_services.series_meeting_plan(
            series=lag.series,
            host=lag.members["anna"],
            starts_at=_at(-1),
            ends_at=_at(-1, hour=8),
            place=PlaceFactory(organisation=lag.members["anna"]),
            by=lag.admin,
        )
    assert {"starts_at", "ends_at"} <= set(error.value.error_dict)
    assert not Event.objects.exists()


# Minutes and action items


def test_admin_and_host_keep_the_minutes(client, lag):
    meeting = lag.meeting(lag.members["clara"], days=-3)
    url = reverse("events:meeting_minutes", kwargs={"occurrence": meeting.pk})
    client.force_login(lag.admin)
    response = client.post(url, {"form_name": "minutes", "minutes": "TOP 1: Begrüßung"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes == "TOP 1: Begrüßung"

    host_member = OrganisationRoleFactory(organisation=lag.members["clara"]).user
    client.force_login(host_member)
    assert client.get(url).status_code == 200
    response = client.post(url, {"form_name": "minutes", "minutes": "TOP 2: Berichte"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes == "TOP 2: Berichte"


def test_action_items_are_listed_until_done(client, lag):
    first = lag.meeting(lag.members["clara"], days=-60)
    second = lag.meeting(lag.members["dora"], days=-3)
    client.force_login(lag.admin)
    minutes_url = reverse("events:meeting_minutes", kwargs={"occurrence": second.pk})
    response = client.post(
        minutes_url,
        {
            "form_name": "action_item",
            "title": "Einladung verschicken",
            "owner": lag.members["anna"].pk,
            "owner_name": "Kim Beispiel",
            "due_on": (timezone.localdate() + timedelta(days=10)).isoformat(),
        },
    )
    assert response.status_code == 302
    later = ActionItem.objects.get(title="Einladung verschicken")
    overdue = ActionItem.objects.create(
        occurrence=first,
        title="Fördermittel beantragen",
        owner=lag.members["berta"],
        due_on=timezone.localdate() - timedelta(days=5),
    )
    list_url = reverse("events:network_action_items", kwargs={"network": lag.network.slug})
    response = client.get(list_url)
    assert [item.pk for item in response.context["items"]] == [overdue.pk, later.pk]
    assert response.context["items"][0].is_overdue
    assert f'id="action-item-{overdue.pk}" data-overdue="true"' in response.content.decode()

    response = client.post(
        reverse("events:action_item_complete", kwargs={"pk": overdue.pk}), {"next": list_url}
    )
    assert response.status_code == 302 and response.url == list_url
    assert [item.pk for item in client.get(list_url).context["items"]] == [later.pk]
    assert [item.pk for item in client.get(_detail_url(lag)).context["action_items"]] == [later.pk]

    response = client.post(
        reverse("events:action_item_reopen", kwargs={"pk": overdue.pk}),
        {"next": "https://evil.example.net/"},
    )
    assert response.url == reverse("events:meeting_minutes", kwargs={"occurrence": first.pk})
    assert [item.pk for item in client.get(list_url).context["items"]] == [overdue.pk, later.pk]


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"title": ""}, "title"),
        ({"owner": "999999"}, "owner"),
        ({"owner": "ended"}, "owner"),
        ({"due_on": "morgen"}, "due_on"),
        ({"due_on": "2000-01-01"}, "due_on"),
    ],
)
def test_bad_action_items_are_refused(client, lag, overrides, field):
    meeting = lag.meeting(lag.members["clara"], days=-3)
    data = {
        "form_name": "action_item",
        "title": "Aufgabe",
        "owner": lag.members["anna"].pk,
        "due_on": timezone.localdate().isoformat(),
    } | overrides
    if data["owner"] == "ended":
        data["owner"] = lag.ended.pk
    client.force_login(lag.admin)
    response = client.post(
        reverse("events:meeting_minutes", kwargs={"occurrence": meeting.pk}), data
    )
    assert response.status_code == 400
    assert field in response.context["item_form"].errors
    assert not ActionItem.objects.exists()


def test_action_item_service_refuses_an_owner_outside_the_network(lag):
    meeting = lag.meeting(lag.members["clara"], days=-3)
    with pytest.raises(ValidationError) as error:
        series_services.action_item_add(
            occurrence=meeting,
            title="Aufgabe",
            owner=lag.ended,
            due_on=timezone.localdate(),
            by=lag.admin,
        )
    assert "owner" in error.value.error_dict


def test_minutes_of_an_event_outside_any_series_are_not_found(client, lag):
    occurrence = EventFactory(organisers=[lag.members["anna"]]).occurrences.get()
    client.force_login(lag.admin)
    url = reverse("events:meeting_minutes", kwargs={"occurrence": occurrence.pk})
    assert client.get(url).status_code == 404
    assert (
        client.get(reverse("events:meeting_minutes", kwargs={"occurrence": 99999999})).status_code
        == 404
    )


# Attendance per member


def test_attendance_per_member_over_the_year(client, lag, django_assert_num_queries):
    def meeting_on(day, host):
        starts_at = timezone.make_aware(datetime.combine(day, time(10)))
        event = EventFactory(series=lag.series, host=host, organisers=[host], starts_at=starts_at)
        return event.occurrences.get()

    anna, berta, clara, dora = (lag.members[key] for key in ("anna", "berta", "clara", "dora"))
    first = meeting_on(date(2025, 3, 12), clara)
    second = meeting_on(date(2025, 6, 11), dora)
    upcoming = meeting_on(date(2025, 9, 10), berta)
    last_year = meeting_on(date(2024, 11, 13), anna)
    now = timezone.make_aware(datetime(2025, 7, 1, 12))
    checked_in = now - timedelta(days=30)
    RegistrationFactory(occurrence=first, organisation=anna, checked_in_at=checked_in)
    RegistrationFactory(occurrence=first, organisation=anna)
    RegistrationFactory(occurrence=first, organisation=berta)
    RegistrationFactory(occurrence=second, organisation=anna, checked_in_at=checked_in)
    RegistrationFactory(occurrence=second, organisation=clara, checked_in_at=checked_in)
    RegistrationFactory(
        occurrence=second, organisation=berta, status="cancelled", checked_in_at=checked_in
    )
    RegistrationFactory(occurrence=upcoming, organisation=berta)
    RegistrationFactory(occurrence=upcoming, organisation=anna)
    RegistrationFactory(occurrence=last_year, organisation=dora, checked_in_at=checked_in)

    with django_assert_num_queries(3):
        attendance = selectors.series_attendance(lag.series, 2025, now=now)
    assert (attendance.meetings_held, attendance.meetings_planned) == (2, 3)
    rows = {
        row.organisation.slug: (row.attended, row.missed, row.registered_upcoming)
        for row in attendance.members
    }
    assert rows == {
        "anna": (2, 0, 1),
        "berta": (0, 1, 1),
        "clara": (1, 0, 0),
        "dora": (0, 0, 0),
    }

    client.force_login(lag.admin)
    url = reverse(
        "events:series_attendance", kwargs={"network": lag.network.slug, "pk": lag.series.pk}
    )
    response = client.get(url, {"year": "2025"})
    assert response.status_code == 200
    assert response.context["attendance"].year == 2025
    assert 'id="attendance-anna" data-attended="2"' in response.content.decode()


@pytest.mark.parametrize("year", ["", "abc", "-5", "99999999999999999999", "1e5", "2024.5"])
def test_attendance_survives_any_year(client, lag, year):
    client.force_login(lag.admin)
    url = reverse(
        "events:series_attendance", kwargs={"network": lag.network.slug, "pk": lag.series.pk}
    )
    response = client.get(url, {"year": year})
    assert response.status_code == 200
    assert response.context["attendance"].year == timezone.localdate().year


# Permissions


def _all_urls(lag, meeting, item):
    network, pk = lag.network.slug, lag.series.pk
    return [
        ("get", reverse("events:series_list")),
        ("get", reverse("events:series_detail", kwargs={"network": network, "pk": pk})),
        ("get", reverse("events:series_meeting_create", kwargs={"network": network, "pk": pk})),
        ("post", reverse("events:series_meeting_create", kwargs={"network": network, "pk": pk})),
        ("get", reverse("events:series_attendance", kwargs={"network": network, "pk": pk})),
        ("get", reverse("events:network_action_items", kwargs={"network": network})),
        ("get", reverse("events:meeting_minutes", kwargs={"occurrence": meeting.pk})),
        ("post", reverse("events:meeting_minutes", kwargs={"occurrence": meeting.pk})),
        ("post", reverse("events:action_item_complete", kwargs={"pk": item.pk})),
        ("post", reverse("events:action_item_reopen", kwargs={"pk": item.pk})),
    ]


@pytest.fixture
def meeting_with_item(lag):
    meeting = lag.meeting(lag.members["clara"], days=-3)
    meeting.minutes = "Unverändert"
    meeting.save()
    item = ActionItem.objects.create(
        occurrence=meeting, title="Aufgabe", owner=lag.members["anna"], due_on=date.today()
    )
    return meeting, item


@pytest.mark.parametrize("who", ["member_admin", "other_network_admin", "platform_user"])
def test_others_are_refused_everywhere(client, lag, meeting_with_item, who):
    meeting, item = meeting_with_item
    user = {
        "member_admin": lambda: OrganisationRoleFactory(organisation=lag.members["anna"]).user,
        "other_network_admin": lambda: NetworkRoleFactory().user,
        "platform_user": UserFactory,
    }[who]()
    client.force_login(user)
    urls = _all_urls(lag, meeting, item)
    if who == "other_network_admin":
        # Their own networks' list, without this network.
        (_method, list_url), *urls = urls
        response = client.get(list_url)
        assert response.status_code == 200
        assert f'id="series-{lag.series.pk}"' not in response.content.decode()
    for method, url in urls:
        response = getattr(client, method)(url, {"form_name": "minutes", "minutes": "Gehackt"})
        assert response.status_code == 403, (who, url)
    meeting.refresh_from_db()
    item.refresh_from_db()
    assert meeting.minutes == "Unverändert" and item.done_at is None
    assert not Event.objects.exclude(pk=meeting.event_id).exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, lag, meeting_with_item):
    meeting, item = meeting_with_item
    login_url = resolve_url(settings.LOGIN_URL)
    for method, url in _all_urls(lag, meeting, item):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response.url.startswith(login_url), url


def test_other_network_admin_cannot_reach_a_series_through_their_network(client, lag):
    other = NetworkRoleFactory()
    client.force_login(other.user)
    url = reverse(
        "events:series_detail", kwargs={"network": other.network.slug, "pk": lag.series.pk}
    )
    assert client.get(url).status_code == 404
    assert (
        client.get(
            reverse("events:series_detail", kwargs={"network": "gibt-es-nicht", "pk": 1})
        ).status_code
        == 404
    )


def test_series_list_shows_only_administered_networks(client, lag):
    other_series = WorkingMeetingSeriesFactory()
    client.force_login(lag.admin)
    response = client.get(reverse("events:series_list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="series-{lag.series.pk}"' in html
    assert f'id="series-{other_series.pk}"' not in html


def test_huge_ids_are_not_found(client, lag):
    huge = 10**30
    client.force_login(lag.admin)
    urls = [
        reverse("events:series_detail", kwargs={"network": lag.network.slug, "pk": huge}),
        reverse("events:series_attendance", kwargs={"network": lag.network.slug, "pk": huge}),
        reverse("events:meeting_minutes", kwargs={"occurrence": huge}),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    for name in ("events:action_item_complete", "events:action_item_reopen"):
        assert client.post(reverse(name, kwargs={"pk": huge})).status_code == 404
