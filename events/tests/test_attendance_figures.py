"""Attendance figures per event and per period, and their CSV download."""

import csv
import io
from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.tests.factories import OrganisationFactory, OrganisationRoleFactory, UserFactory
from events import selectors
from events.models import EventStatus, Occurrence, RegistrationStatus
from events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

FIGURES = reverse("events:attendance_figures")
FIGURES_CSV = reverse("events:attendance_figures_csv")


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _at(year, month, day, hour=15):
    return timezone.make_aware(datetime(year, month, day, hour))


@pytest.fixture
def organisation():
    return OrganisationFactory(slug="nachbarschaft")


@pytest.fixture
def member(organisation):
    return OrganisationRoleFactory(organisation=organisation).user


@pytest.fixture
def figures_setup(organisation):
    """Two events of the organisation in 2026 (one with two dates), one in 2025, one of
    another organisation, one cancelled date."""
    forum = EventFactory(
        organisers=[organisation],
        title="Bürgerforum",
        starts_at=_at(2026, 3, 10),
        ends_at=_at(2026, 3, 10, 18),
        recurrence_rule="FREQ=MONTHLY;COUNT=2",
    )
    march, april = forum.occurrences.order_by("starts_at")
    cafe = EventFactory(
        organisers=[organisation, OrganisationFactory()],
        title='=HYPERLINK("http://böse.example")',
        starts_at=_at(2026, 6, 1),
        ends_at=_at(2026, 6, 1, 17),
    )
    june = cafe.occurrences.get()
    old = EventFactory(
        organisers=[organisation], starts_at=_at(2025, 5, 5), ends_at=_at(2025, 5, 5, 17)
    ).occurrences.get()
    foreign = EventFactory(starts_at=_at(2026, 3, 3), ends_at=_at(2026, 3, 3, 17))
    cancelled = EventFactory(
        organisers=[organisation], starts_at=_at(2026, 7, 1), ends_at=_at(2026, 7, 1, 17)
    ).occurrences.get()
    Occurrence.objects.filter(pk=cancelled.pk).update(is_cancelled=True)

    now = timezone.now()
    RegistrationFactory(occurrence=march, party_size=3, checked_in_at=now)
    RegistrationFactory(occurrence=march, party_size=1)
    RegistrationFactory(occurrence=march, party_size=2, status=RegistrationStatus.WAITING)
    RegistrationFactory(occurrence=march, party_size=5, status=RegistrationStatus.CANCELLED)
    RegistrationFactory(occurrence=april, party_size=2, checked_in_at=now)
    RegistrationFactory(occurrence=june, party_size=4, checked_in_at=now)
    RegistrationFactory(occurrence=june, party_size=1, checked_in_at=now)
    RegistrationFactory(occurrence=old, party_size=7, checked_in_at=now)
    RegistrationFactory(occurrence=foreign.occurrences.get(), party_size=9)
    RegistrationFactory(occurrence=cancelled, party_size=6)
    return {"forum": forum, "cafe": cafe, "march": march, "april": april, "june": june}


def test_figures_per_event_date_and_period(client, member, figures_setup):
    client.force_login(member)
    response = client.get(FIGURES, {"date_from": "2026-01-01", "date_to": "2026-12-31"})
    assert response.status_code == 200
    figures = response.context["figures"]
    by_event = {row["event"]: row for row in figures.by_event}
    assert set(by_event) == {figures_setup["forum"].pk, figures_setup["cafe"].pk}
    forum = by_event[figures_setup["forum"].pk]
    assert (forum["dates"], forum["registered"], forum["confirmed"], forum["checked_in"]) == (
        2,
        8,
        6,
        5,
    )
    cafe = by_event[figures_setup["cafe"].pk]
    assert (cafe["dates"], cafe["registered"], cafe["confirmed"], cafe["checked_in"]) == (
        1,
        5,
        5,
        5,
    )
    assert figures.totals == {"dates": 3, "registered": 13, "confirmed": 11, "checked_in": 10}
    per_date = {
        occurrence.pk: (
            occurrence.registered_people,
            occurrence.confirmed_people,
            occurrence.checked_in_people,
        )
        for occurrence in figures.dates
    }
    assert per_date == {
        figures_setup["march"].pk: (6, 4, 3),
        figures_setup["april"].pk: (2, 2, 2),
        figures_setup["june"].pk: (5, 5, 5),
    }
    html = response.content.decode()
    assert 'id="figures-total"' in html
    assert 'data-figure="checked_in">10<' in html


def test_attendance_by_event_is_one_query(organisation, figures_setup, django_assert_num_queries):
    occurrences = Occurrence.objects.filter(event__organisers=organisation)
    with django_assert_num_queries(1):
        rows = selectors.attendance_by_event(occurrences)
    assert [row["event__title"] for row in rows][0] == '=HYPERLINK("http://böse.example")'


def test_period_defaults_to_this_year_and_organisation_to_the_first(client, member, organisation):
    this_year = timezone.localdate().year
    start = timezone.make_aware(datetime(this_year, 6, 15, 10))
    event = EventFactory(
        organisers=[organisation], starts_at=start, ends_at=start + timedelta(hours=2)
    )
    RegistrationFactory(occurrence=event.occurrences.get(), party_size=2)
    client.force_login(member)
    response = client.get(FIGURES)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.cleaned_data["organisation"] == organisation
    assert form.cleaned_data["date_from"].isoformat() == f"{this_year}-01-01"
    assert form.cleaned_data["date_to"].isoformat() == f"{this_year}-12-31"
    assert response.context["figures"].totals["confirmed"] == 2


def test_figures_only_for_the_members_own_organisations(client, member, figures_setup):
    other = OrganisationFactory(slug="fremd")
    client.force_login(member)
    response = client.get(FIGURES, {"organisation": "fremd"})
    assert response.status_code == 200
    assert response.context["figures"] is None
    assert "organisation" in response.context["form"].errors
    assert client.get(FIGURES_CSV, {"organisation": other.slug}).status_code == 400
    # Someone with no organisation at all, and platform staff without one, may not look.
    client.force_login(UserFactory())
    assert client.get(FIGURES).status_code == 403
    assert client.get(FIGURES_CSV).status_code == 403
    client.logout()
    response = client.get(FIGURES)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_member_of_several_organisations_chooses(client, member, organisation, figures_setup):
    second = OrganisationFactory(slug="zweite")
    OrganisationRoleFactory(organisation=second, user=member)
    EventFactory(organisers=[second], starts_at=_at(2026, 2, 2), ends_at=_at(2026, 2, 2, 17))
    client.force_login(member)
    params = {"date_from": "2026-01-01", "date_to": "2026-12-31"}
    response = client.get(FIGURES, {**params, "organisation": "zweite"})
    assert response.context["figures"].totals["dates"] == 1
    response = client.get(FIGURES, {**params, "organisation": organisation.slug})
    assert response.context["figures"].totals["dates"] == 3


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "2026-13-45"},
        {"date_to": "gestern"},
        {"date_from": "2026-12-31", "date_to": "2026-01-01"},
        {"date_from": "0001-01-01"},
        {"date_to": "9999-12-31"},
        {"date_from": "1" * 300},
        {"organisation": "x" * 500},
        {"organisation": "../../etc"},
    ],
)
def test_bad_periods_give_form_errors(client, member, params):
    client.force_login(member)
    response = client.get(FIGURES, params)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert response.context["figures"] is None
    assert client.get(FIGURES_CSV, params).status_code == 400


def test_csv_has_the_same_figures_and_defuses_formulas(client, member, figures_setup):
    client.force_login(member)
    response = client.get(FIGURES_CSV, {"date_from": "2026-01-01", "date_to": "2026-12-31"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="teilnahme-nachbarschaft-20260101-20261231.csv"'
    )
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    header, *body = rows
    assert len(header) == 7
    assert len(body) == 3 + 2 + 1
    total = body[-1]
    assert total[3:] == ["3", "13", "11", "10"]
    titles = [row[1] for row in body]
    assert '\'=HYPERLINK("http://böse.example")' in titles
    assert not any(title.startswith("=") for title in titles)
    june_row = next(row for row in body[:3] if row[1].startswith("'="))
    assert june_row[4:] == ["5", "5", "5"]


def test_figures_leave_out_drafts(client, member, organisation):
    draft = EventFactory(
        organisers=[organisation],
        status=EventStatus.DRAFT,
        starts_at=_at(2026, 4, 4),
        ends_at=_at(2026, 4, 4, 17),
    )
    RegistrationFactory(occurrence=draft.occurrences.get())
    client.force_login(member)
    response = client.get(FIGURES, {"date_from": "2026-01-01", "date_to": "2026-12-31"})
    assert response.context["figures"].totals["dates"] == 0
