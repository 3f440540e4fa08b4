"""Registrations list, check-in at the door, walk-ins and the printable attendance list."""

import re
import zlib
from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from directory.tests.factories import (
    NetworkRoleFactory,
    OrganisationFactory,
    OrganisationRoleFactory,
    UserFactory,
)
from events.models import Registration, RegistrationStatus
from events.pdf import attendance_list_pdf, latin1
from events.services.attendance import (
    registration_check_in,
    registration_check_in_undo,
    registration_walk_in_create,
)
from events.tests.factories import EventFactory, RegistrationFactory, WorkingMeetingSeriesFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Bürgerverein Süd")


@pytest.fixture
def event(organisation):
    return EventFactory(organisers=[organisation], capacity=10, slug="dialogtag")


@pytest.fixture
def occurrence(event):
    return event.occurrences.get()


@pytest.fixture
def organiser(organisation):
    return OrganisationRoleFactory(organisation=organisation).user


def _staff(superuser=False):
    user = UserFactory(is_staff=True, is_superuser=superuser)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    return user


def _url(name, occurrence, **kwargs):
    return reverse(
        f"events:{name}",
        kwargs={"slug": occurrence.event.slug, "occurrence": occurrence.pk, **kwargs},
    )


def _occurrence_urls(occurrence, registration):
    """Every page of the area that belongs to a date, with its method."""
    return [
        ("get", _url("registrations", occurrence)),
        ("get", _url("check_in", occurrence)),
        ("get", _url("attendance_pdf", occurrence)),
        ("get", _url("documents", occurrence)),
        ("post", _url("check_in_registration", occurrence, registration=registration.pk)),
        ("post", _url("check_in_undo", occurrence, registration=registration.pk)),
        ("post", _url("walk_in_add", occurrence)),
    ]


# Permissions ---------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in(client, occurrence):
    registration = RegistrationFactory(occurrence=occurrence)
    for method, url in _occurrence_urls(occurrence, registration):
        response = getattr(client, method)(url, {"name": "X", "party_size": 1})
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login")), url
    registration.refresh_from_db()
    assert registration.checked_in_at is None
    assert occurrence.registrations.count() == 1


@pytest.mark.parametrize(
    "who", ["no_role", "other_organisation", "staff", "superuser", "other_network"]
)
def test_signed_in_people_who_do_not_organise_get_403_and_change_nothing(client, occurrence, who):
    registration = RegistrationFactory(occurrence=occurrence, name="Jana Geheim")
    if who == "no_role":
        user = UserFactory()
    elif who == "other_organisation":
        user = OrganisationRoleFactory(organisation=OrganisationFactory()).user
    elif who in ("staff", "superuser"):
        user = _staff(superuser=who == "superuser")
    else:
        user = NetworkRoleFactory().user
    client.force_login(user)
    for method, url in _occurrence_urls(occurrence, registration):
        response = getattr(client, method)(url, {"name": "Eindringling", "party_size": 1})
        assert response.status_code == 403, url
        assert b"Jana Geheim" not in response.content
        assert registration.email.encode() not in response.content
    registration.refresh_from_db()
    assert registration.checked_in_at is None
    assert occurrence.registrations.count() == 1


def test_network_admin_runs_the_working_meetings_of_the_series(client):
    series = WorkingMeetingSeriesFactory()
    event = EventFactory(series=series)
    occurrence = event.occurrences.get()
    admin = NetworkRoleFactory(network=series.network).user
    client.force_login(admin)
    assert client.get(_url("registrations", occurrence)).status_code == 200


def test_dates_of_other_events_and_unknown_ids_are_404(client, occurrence, organiser):
    registration = RegistrationFactory(occurrence=occurrence)
    other_occurrence = EventFactory(organisers=occurrence.event.organisers.all()).occurrences.get()
    client.force_login(organiser)
    slug = occurrence.event.slug
    for occurrence_id in [other_occurrence.pk, 999999, 2**70]:
        for name in ["registrations", "check_in", "attendance_pdf", "documents"]:
            url = reverse(f"events:{name}", kwargs={"slug": slug, "occurrence": occurrence_id})
            assert client.get(url).status_code == 404, url
    unknown_slug = reverse(
        "events:registrations", kwargs={"slug": "gibt-es-nicht", "occurrence": occurrence.pk}
    )
    assert client.get(unknown_slug).status_code == 404
    # A registration of another date cannot be ticked through this one.
    foreign = RegistrationFactory(occurrence=other_occurrence)
    for name in ["check_in_registration", "check_in_undo"]:
        url = _url(name, occurrence, registration=foreign.pk)
        assert client.post(url).status_code == 404
    assert (
        client.post(_url("check_in_registration", occurrence, registration=2**70)).status_code
        == 404
    )
    foreign.refresh_from_db()
    assert foreign.checked_in_at is None
    assert (
        client.get(
            _url("check_in_registration", occurrence, registration=registration.pk)
        ).status_code
        == 405
    )


# Registrations list ---------------------------------------------------------------------


def _ids(html: str, table_id: str) -> list[int]:
    section = html.split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0]
    return [int(pk) for pk in re.findall(r'data-registration="(\d+)"', section)]


def test_registrations_page_lists_everyone_by_status_in_order(client, occurrence, organiser):
    start = timezone.now() - timedelta(days=2)
    first = RegistrationFactory(occurrence=occurrence, party_size=3, created_at=start)
    second = RegistrationFactory(occurrence=occurrence, created_at=start + timedelta(minutes=1))
    waiting_later = RegistrationFactory(
        occurrence=occurrence,
        status=RegistrationStatus.WAITING,
        created_at=start + timedelta(minutes=5),
    )
    waiting_first = RegistrationFactory(
        occurrence=occurrence,
        status=RegistrationStatus.WAITING,
        party_size=2,
        created_at=start + timedelta(minutes=3),
    )
    cancelled = RegistrationFactory(occurrence=occurrence, status=RegistrationStatus.CANCELLED)
    registration_check_in(registration=first, by=organiser)
    client.force_login(organiser)
    response = client.get(_url("registrations", occurrence))
    assert response.status_code == 200
    html = response.content.decode()
    assert _ids(html, "confirmed") == [first.pk, second.pk]
    assert _ids(html, "waiting") == [waiting_first.pk, waiting_later.pk]
    assert _ids(html, "cancelled") == [cancelled.pk]
    assert re.search(rf'data-registration="{waiting_later.pk}">\s*<td data-position="2"', html), (
        "the waiting list shows positions"
    )
    assert first.email in html
    figures = response.context["figures"]
    assert (figures.places, figures.confirmed, figures.waiting, figures.checked_in) == (
        10,
        4,
        3,
        3,
    )
    assert 'data-figure="checked_in">3<' in html
    assert _url("check_in", occurrence) in html
    assert _url("attendance_pdf", occurrence) in html
    assert _url("documents", occurrence) in html


def test_registrations_page_runs_the_same_queries_for_any_number_of_people(
    client, occurrence, organiser, django_assert_num_queries
):
    """1 session, 1 user, 1 date with its event, 1 "organises?" check, 1 registrations
    with their organisations: 5 queries however many people registered."""
    client.force_login(organiser)
    url = _url("registrations", occurrence)
    RegistrationFactory(occurrence=occurrence)
    with django_assert_num_queries(5):
        client.get(url)
    RegistrationFactory.create_batch(
        6, occurrence=occurrence, organisation=OrganisationFactory(), accessibility_needs="Rampe"
    )
    RegistrationFactory.create_batch(4, occurrence=occurrence, status=RegistrationStatus.WAITING)
    with django_assert_num_queries(5):
        response = client.get(url)
    assert len(response.context["confirmed"]) == 7


# Check-in --------------------------------------------------------------------------------


def test_check_in_and_undo(occurrence, organiser):
    registration = RegistrationFactory(occurrence=occurrence)
    registration_check_in(registration=registration, by=organiser)
    registration.refresh_from_db()
    first_tick = registration.checked_in_at
    assert first_tick is not None
    registration_check_in(registration=registration, by=organiser)
    registration.refresh_from_db()
    assert registration.checked_in_at == first_tick, "a double tap changes nothing"
    registration_check_in_undo(registration=registration, by=organiser)
    registration.refresh_from_db()
    assert registration.checked_in_at is None
    assert registration.status == RegistrationStatus.CONFIRMED


@pytest.mark.parametrize("status", [RegistrationStatus.WAITING, RegistrationStatus.CANCELLED])
def test_only_confirmed_registrations_can_be_checked_in(occurrence, organiser, status):
    registration = RegistrationFactory(occurrence=occurrence, status=status)
    with pytest.raises(ValidationError):
        registration_check_in(registration=registration, by=organiser)
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_nobody_is_checked_in_for_a_cancelled_date(occurrence, organiser):
    registration = RegistrationFactory(occurrence=occurrence)
    occurrence.is_cancelled = True
    occurrence.save()
    with pytest.raises(ValidationError):
        registration_check_in(registration=registration, by=organiser)
    with pytest.raises(ValidationError):
        registration_walk_in_create(occurrence=occurrence, name="Ali", party_size=1, by=organiser)


def test_ticking_without_javascript_returns_to_the_search(client, occurrence, organiser):
    registration = RegistrationFactory(occurrence=occurrence, name="Jörg Müller")
    client.force_login(organiser)
    response = client.post(
        _url("check_in_registration", occurrence, registration=registration.pk), {"q": "müll"}
    )
    assert response.status_code == 302
    assert response["Location"] == (
        _url("check_in", occurrence) + f"?q=m%C3%BCll#registration-{registration.pk}"
    )
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    response = client.post(_url("check_in_undo", occurrence, registration=registration.pk))
    assert response["Location"] == _url("check_in", occurrence) + f"#registration-{registration.pk}"
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_ticking_with_htmx_swaps_the_row_and_the_figures(client, occurrence, organiser):
    registration = RegistrationFactory(occurrence=occurrence, party_size=2)
    client.force_login(organiser)
    response = client.post(
        _url("check_in_registration", occurrence, registration=registration.pk),
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith(f'<li id="registration-{registration.pk}"')
    assert 'data-checked-in="true"' in html
    assert _url("check_in_undo", occurrence, registration=registration.pk) in html
    assert 'id="attendance-figures" hx-swap-oob="true"' in html
    assert 'data-figure="checked_in">2<' in html
    assert "<html" not in html


def test_a_waiting_registration_cannot_be_ticked_through_the_page(client, occurrence, organiser):
    waiting = RegistrationFactory(occurrence=occurrence, status=RegistrationStatus.WAITING)
    client.force_login(organiser)
    url = _url("check_in_registration", occurrence, registration=waiting.pk)
    response = client.post(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert list(response.context["messages"])
    waiting.refresh_from_db()
    assert waiting.checked_in_at is None


def _shown(response) -> list[int]:
    return [registration.pk for registration in response.context["shown"]]


def test_search_folds_case_and_umlauts(client, occurrence, organiser):
    mueller = RegistrationFactory(occurrence=occurrence, name="Jörg Müller")
    strauss = RegistrationFactory(occurrence=occurrence, name="Anna Strauß")
    RegistrationFactory(occurrence=occurrence, name="Müller Wartend", status="waiting")
    RegistrationFactory(occurrence=occurrence, name="Müller Abgesagt", status="cancelled")
    client.force_login(organiser)
    url = _url("check_in", occurrence)
    for query in ["müller", "MÜLLER", "Mueller", "muller", "jörg mü", "JOERG"]:
        assert _shown(client.get(url, {"q": query})) == [mueller.pk], query
    assert _shown(client.get(url, {"q": "strauss"})) == [strauss.pk]
    assert _shown(client.get(url, {"q": "STRAUß"})) == [strauss.pk]
    assert _shown(client.get(url, {"q": "niemand"})) == []
    assert _shown(client.get(url)) == [strauss.pk, mueller.pk], "sorted by name"


def test_search_with_htmx_returns_only_the_list(client, occurrence, organiser):
    RegistrationFactory(occurrence=occurrence, name="Jörg Müller")
    client.force_login(organiser)
    response = client.get(_url("check_in", occurrence), {"q": "jorg"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.startswith('<div id="check-in-list"')
    assert "<html" not in html
    full = client.get(_url("check_in", occurrence), {"q": "jorg"})
    assert 'name="q"' in full.content.decode()
    assert 'id="walk-in-form"' in full.content.decode()


@pytest.mark.parametrize(
    "query", ["", "x" * 500, "%", "'; DROP TABLE events_registration; --", "\x00", "ä" * 80]
)
def test_hostile_searches_do_not_fail(client, occurrence, organiser, query):
    RegistrationFactory(occurrence=occurrence, name="Jörg Müller")
    client.force_login(organiser)
    assert client.get(_url("check_in", occurrence), {"q": query}).status_code == 200


# Walk-ins ---------------------------------------------------------------------------------


def test_walk_in_is_confirmed_and_checked_in_even_when_full(client, organiser, organisation):
    event = EventFactory(organisers=[organisation], capacity=2)
    occurrence = event.occurrences.get()
    RegistrationFactory(occurrence=occurrence, party_size=2)
    client.force_login(organiser)
    response = client.post(
        _url("walk_in_add", occurrence), {"name": "Zoë Spontan", "party_size": 2}
    )
    walk_in = Registration.objects.get(name="Zoë Spontan")
    assert response.status_code == 302
    assert response["Location"] == _url("check_in", occurrence) + f"#registration-{walk_in.pk}"
    assert walk_in.status == RegistrationStatus.CONFIRMED
    assert walk_in.checked_in_at is not None
    assert walk_in.user is None
    assert walk_in.party_size == 2
    assert walk_in.consent_text
    occurrence.refresh_from_db()
    assert occurrence.confirmed_count == 4, "walk-ins may exceed the capacity"


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"name": "", "party_size": 1},
        {"name": "   ", "party_size": 1},
        {"name": "Ali", "party_size": 0},
        {"name": "Ali", "party_size": 11},
        {"name": "Ali", "party_size": "viele"},
        {"name": "Ali", "party_size": 10**30},
        {"name": "x" * 151, "party_size": 1},
    ],
)
def test_walk_in_form_refuses_bad_input(client, occurrence, organiser, data):
    client.force_login(organiser)
    response = client.post(_url("walk_in_add", occurrence), data)
    assert response.status_code == 200
    assert response.context["walk_in_form"].errors
    assert not occurrence.registrations.exists()


# Attendance list (PDF) -----------------------------------------------------------------


def _pdf_text(data: bytes) -> bytes:
    """The page content of an fpdf2 PDF: its streams are deflated."""
    text = b""
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            text += zlib.decompress(stream)
        except zlib.error:
            text += stream
    return text


def test_attendance_pdf_lists_the_confirmed_people_with_umlauts(client, occurrence, organiser):
    present = RegistrationFactory(
        occurrence=occurrence, name="Jörg Müller-Weiß", organisation=OrganisationFactory()
    )
    RegistrationFactory(occurrence=occurrence, name="Đorđe Čolić „Gast“")
    RegistrationFactory(occurrence=occurrence, name="Wartende Person", status="waiting")
    registration_check_in(registration=present, by=organiser)
    client.force_login(organiser)
    response = client.get(_url("attendance_pdf", occurrence))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="anwesenheitsliste-dialogtag-'
        f'{timezone.localtime(occurrence.starts_at).date().isoformat()}.pdf"'
    )
    data = response.content
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    text = _pdf_text(data)
    assert "Jörg Müller-Weiß".encode("latin-1") in text
    assert latin1("Đorđe Čolić „Gast“").encode("latin-1") in text
    assert "Bürgerverein Süd".encode("latin-1") in text
    assert occurrence.event.title.encode("latin-1") in text
    assert b"Wartende Person" not in text


def test_attendance_pdf_of_a_long_list_runs_over_several_pages(occurrence, organiser):
    for number in range(80):
        RegistrationFactory(occurrence=occurrence, name=f"Person Nummer {number} " + "ä" * 60)
    registrations = list(occurrence.registrations.order_by("pk"))
    data = attendance_list_pdf(occurrence, registrations)
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type /Page\b", data)) >= 3


def test_latin1_keeps_german_letters_and_replaces_the_rest():
    assert latin1("Größe ÄÖÜ äöü ß – „x“ …") == 'Größe ÄÖÜ äöü ß - "x" ...'
    assert latin1("Čolić 中") == "Colic ?"
