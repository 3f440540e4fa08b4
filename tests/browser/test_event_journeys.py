"""The events journeys, walked in Chromium, with axe-core on every page: a visitor finds a
date by postcode, registers without an account and cancels by the e-mailed link; an
organiser checks people in on a phone; and a sweep over every other events page as
visitor, organiser and network admin, including pages that show form errors."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from directory.tests.factories import (
    NetworkMembershipFactory,
    NetworkRoleFactory,
    OrganisationFactory,
    OrganisationRoleFactory,
    PlaceFactory,
    TopicFactory,
)
from events.models import ActionItem, AgendaItem, Event, Registration, RegistrationStatus
from events.tests.factories import (
    EventFactory,
    EventKindFactory,
    RegistrationFactory,
    SpeakerFactory,
    WorkingMeetingSeriesFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
CANCEL_LINK = re.compile(r"https?://\S+/veranstaltungen/abmelden/\S+/")


def in_days(days, hour=15):
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


def event_at(place, **kwargs):
    """A published event at `place`, its coordinates copied as the manage area does."""
    kwargs.setdefault("starts_at", in_days(7))
    kwargs.setdefault("ends_at", kwargs["starts_at"] + timedelta(hours=3))
    return EventFactory(
        place=place,
        municipality=place.municipality,
        latitude=place.latitude,
        longitude=place.longitude,
        organisers=[place.organisation],
        **kwargs,
    )


def show_filters(page):
    """The calendar's filters fold away behind a summary until one is in use."""
    postcode = page.locator("#id_postcode")
    if not postcode.is_visible():
        page.locator("details.filter-panel > summary").click()
    return postcode


@pytest.fixture
def browse(page, live_server, assert_accessible):
    """Open a path, check it was served and passes axe; on a phone-sized viewport also
    that nothing widens the page (wide tables scroll in their box or become lists)."""

    def open_and_check(path):
        response = page.goto(live_server.url + path)
        assert response.status < 500, path
        assert "/konto/login/" not in page.url, f"{path} sent the browser to sign in"
        assert_accessible(page)
        if page.viewport_size["width"] <= PHONE["width"]:
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{path} is {overflow}px wider than the phone"

    return open_and_check


def submit_empty(page, assert_accessible, form_selector):
    """Send a form as it is and check the page that shows its errors."""
    page.locator(f"{form_selector} button[type=submit]").last.click()
    page.locator(".errorlist").first.wait_for()
    assert_accessible(page)


# A visitor registers without an account and cancels by the e-mailed link ---------------


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_visitor_finds_a_date_by_postcode_registers_and_cancels_by_the_emailed_link(
    page, live_server, browse, assert_accessible, viewport
):
    page.set_viewport_size(viewport)
    chemnitz = PlaceFactory(name="Stadtteiltreff Kaßberg")
    near = event_at(
        chemnitz,
        title="Offener Dialogtag im Stadtteiltreff",
        slug="dialogtag",
        registration_required=True,
        capacity=20,
    )
    leipzig = PlaceFactory(postcode="04109", city="Leipzig", latitude=51.34, longitude=12.37)
    event_at(leipzig, title="Bürgerforum in Leipzig", slug="forum-leipzig")
    occurrence = near.occurrences.get()

    browse("/veranstaltungen/")
    show_filters(page).fill("09122")
    page.locator("#calendar-filters button[type=submit]").last.click()
    page.wait_for_url("**postcode=09122*")
    results = page.locator("#results")
    results.get_by_role("link", name="Offener Dialogtag im Stadtteiltreff").wait_for()
    assert results.get_by_role("link", name="Bürgerforum in Leipzig").count() == 0
    assert_accessible(page)

    results.get_by_role("link", name="Offener Dialogtag im Stadtteiltreff").click()
    page.wait_for_url(f"**{occurrence.get_absolute_url()}")
    assert_accessible(page)
    page.locator(f"main a[href='{near.get_absolute_url()}']").first.click()
    page.wait_for_url(f"**{near.get_absolute_url()}")
    assert_accessible(page)
    page.locator(f"#date-{occurrence.pk} a[href='{occurrence.get_absolute_url()}']").click()
    page.wait_for_url(f"**{occurrence.get_absolute_url()}")
    page.locator("#register-link").click()
    page.wait_for_url("**/anmelden/")
    assert_accessible(page)

    page.fill("#id_name", "Sam Gast")
    page.fill("#id_email", "sam.gast@example.org")
    page.check("#id_consent")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/anmelden/danke/")
    page.locator("#registration-confirmed").wait_for()
    assert_accessible(page)

    registration = Registration.objects.get()
    assert registration.occurrence == occurrence
    assert registration.user is None
    assert registration.status == RegistrationStatus.CONFIRMED
    (confirmation,) = [message for message in mail.outbox if message.to == [registration.email]]
    cancel_url = CANCEL_LINK.search(confirmation.body).group(0)
    assert cancel_url.startswith(live_server.url)

    page.goto(cancel_url)
    assert_accessible(page)
    # A second tab with the same link, left open while the first one cancels.
    stale_tab = page.context.new_page()
    stale_tab.set_viewport_size(viewport)
    stale_tab.goto(cancel_url)
    page.locator("#cancel-form button[type=submit]").click()
    page.locator("#registration-cancelled").wait_for()
    assert_accessible(page)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    cancelled_at = registration.cancelled_at
    assert cancelled_at is not None

    page.goto(cancel_url)
    page.locator("#link-already-used").wait_for()
    assert page.locator("#cancel-form").count() == 0
    assert_accessible(page)

    stale_tab.locator("#cancel-form button[type=submit]").click()
    stale_tab.locator("#link-already-used").wait_for()
    assert_accessible(stale_tab)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert registration.cancelled_at == cancelled_at
    stale_tab.close()

    page.goto(cancel_url[:-2] + ("x/" if cancel_url[-2] != "x" else "y/"))
    page.locator("#invalid-link").wait_for()
    assert_accessible(page)
    registration.refresh_from_db()
    assert registration.cancelled_at == cancelled_at


# An organiser checks people in on a phone ---------------------------------------------


def test_organiser_checks_people_in_on_a_phone(page, browse, assert_accessible, sign_in):
    page.set_viewport_size(PHONE)
    organisation = OrganisationFactory(name="Bürgerverein Süd")
    event = EventFactory(
        organisers=[organisation],
        title="Nachbarschaftsfest",
        slug="nachbarschaftsfest",
        registration_required=True,
        capacity=30,
    )
    occurrence = event.occurrences.get()
    jana = RegistrationFactory(occurrence=occurrence, name="Jana Müller", party_size=2)
    for name in ["Tom Schulze", "Lena Weiß", "Ayşe Yılmaz"]:
        RegistrationFactory(occurrence=occurrence, name=name)
    RegistrationFactory(
        occurrence=occurrence, name="Jens Müller-Wartend", status=RegistrationStatus.WAITING
    )
    sign_in(page, OrganisationRoleFactory(organisation=organisation).user)

    check_in_url = reverse(
        "events:check_in", kwargs={"slug": event.slug, "occurrence": occurrence.pk}
    )
    browse(check_in_url)
    rows = page.locator("#check-in-list li[data-registration]")
    expect(rows).to_have_count(4)  # confirmed people only

    page.locator("#id_q").fill("müller")
    expect(rows).to_have_count(1)
    assert rows.first.get_attribute("data-registration") == str(jana.pk)
    page.wait_for_url("**q=*")
    assert_accessible(page)

    # htmx swaps the row in place: the marker on window survives only without a reload.
    page.evaluate("window.stillTheSamePage = true")
    row = page.locator(f"#registration-{jana.pk}")
    row.locator("button[name=check_in]").click()
    expect(row).to_have_attribute("data-checked-in", "true")
    expect(page.locator("#attendance-figures [data-figure=checked_in]")).to_have_text("2")
    assert page.evaluate("window.stillTheSamePage") is True
    jana.refresh_from_db()
    assert jana.checked_in_at is not None
    assert_accessible(page)

    row.locator("button[name=undo]").click()
    expect(row).to_have_attribute("data-checked-in", "false")
    expect(page.locator("#attendance-figures [data-figure=checked_in]")).to_have_text("0")
    assert page.evaluate("window.stillTheSamePage") is True
    jana.refresh_from_db()
    assert jana.checked_in_at is None
    assert_accessible(page)
    assert not Registration.objects.exclude(checked_in_at=None).exists()


# axe over every other events page ------------------------------------------------------


@pytest.fixture
def world():
    """Published events of every shape, an organiser with agenda, speakers and
    registrations, and a network with a series of working meetings."""
    topic = TopicFactory(name="Beteiligung", slug="beteiligung")
    kind = EventKindFactory(name="Dialogtag", slug="dialogtag")
    place = PlaceFactory(name="Stadtteiltreff Kaßberg")
    organisation = place.organisation
    organiser = OrganisationRoleFactory(organisation=organisation).user
    dialogue = event_at(
        place,
        title="Offener Dialogtag",
        slug="offener-dialogtag",
        kind=kind,
        summary="Fragen, Ideen und Sorgen aus dem Stadtteil.",
        description="Jeden Dienstag hören wir zu.\n\nKaffee und Tee sind da.",
        plain_language_summary="Sie kommen vorbei. Wir hören zu. Es kostet nichts.",
        recurrence_rule="FREQ=WEEKLY;COUNT=4",
        registration_required=True,
        capacity=12,
        step_free=True,
        hearing_loop=True,
    )
    dialogue.topics.set([topic])
    speaker = SpeakerFactory(
        organisation=organisation, name="Dr. Ute Beispiel", role="Bürgermeisterin"
    )
    item = AgendaItem.objects.create(
        event=dialogue, starts_at=in_days(0).time(), title="Begrüßung und Runde"
    )
    item.speakers.set([speaker])
    first_date = dialogue.occurrences.first()
    RegistrationFactory(occurrence=first_date, name="Jana Müller", accessibility_needs="Rampe")
    RegistrationFactory(occurrence=first_date, name="Tom Schulze", checked_in_at=timezone.now())
    RegistrationFactory(
        occurrence=first_date,
        name="Lena Weiß",
        status=RegistrationStatus.CANCELLED,
        cancelled_at=timezone.now(),
    )

    full = event_at(place, title="Erste-Hilfe-Kurs", registration_required=True, capacity=1)
    full_date = full.occurrences.get()
    RegistrationFactory(occurrence=full_date)
    RegistrationFactory(occurrence=full_date, status=RegistrationStatus.WAITING)
    closed = event_at(
        place,
        title="Zukunftswerkstatt",
        registration_required=True,
        registration_deadline_hours=24 * 30,
    )

    network = network_with_members(organisation)
    series = WorkingMeetingSeriesFactory(network=network, title="Arbeitstreffen der LAG")
    network_admin = NetworkRoleFactory(network=network).user
    past_meeting = EventFactory(
        series=series,
        host=organisation,
        organisers=[organisation],
        title="Arbeitstreffen im Frühjahr",
        starts_at=in_days(-30, hour=10),
        ends_at=in_days(-30, hour=13),
        registration_required=True,
    ).occurrences.get()
    RegistrationFactory(
        occurrence=past_meeting, organisation=organisation, checked_in_at=timezone.now()
    )
    ActionItem.objects.create(
        occurrence=past_meeting,
        title="Einladung für den Herbst verschicken",
        owner=organisation,
        due_on=timezone.localdate() - timedelta(days=2),
    )
    EventFactory(
        series=series,
        host=organisation,
        organisers=[organisation],
        title="Arbeitstreffen im Sommer",
        starts_at=in_days(20, hour=10),
        ends_at=in_days(20, hour=13),
    )
    return {
        "topic": topic,
        "kind": kind,
        "place": place,
        "organiser": organiser,
        "dialogue": dialogue,
        "first_date": first_date,
        "speaker": speaker,
        "full_date": full_date,
        "closed_date": closed.occurrences.get(),
        "network": network,
        "series": series,
        "network_admin": network_admin,
        "past_meeting": past_meeting,
    }


def network_with_members(organisation):
    membership = NetworkMembershipFactory(organisation=organisation)
    NetworkMembershipFactory(network=membership.network)
    return membership.network


def test_visitor_pages(page, browse, world, assert_accessible):
    dialogue, first_date = world["dialogue"], world["first_date"]
    full, closed = world["full_date"], world["closed_date"]
    filtered = (
        f"/veranstaltungen/?kind={world['kind'].slug}&topic={world['topic'].slug}"
        "&postcode=09122&radius_km=10&free_places=on&step_free=on"
        f"&date_from={timezone.localdate().isoformat()}"
    )
    month = f"/veranstaltungen/monat/{timezone.localtime(first_date.starts_at):%Y-%m}/"
    pages = [
        filtered,
        month,
        dialogue.get_absolute_url(),
        first_date.get_absolute_url(),
        full.get_absolute_url(),
    ]
    for path in pages:
        browse(path)
    browse(filtered)
    assert page.locator("#calendar-results article").count() == dialogue.occurrences.count()
    browse("/veranstaltungen/?postcode=00000&date_from=x")
    page.locator("#filter-errors").wait_for()

    browse(reverse("events:register", kwargs={"slug": dialogue.slug, "occurrence": first_date.pk}))
    submit_empty(page, assert_accessible, "main form")
    assert not Registration.objects.filter(occurrence=first_date, name="").exists()
    browse(reverse("events:register", kwargs={"slug": full.event.slug, "occurrence": full.pk}))
    page.locator("#waiting-list-notice").wait_for()
    browse(reverse("events:register", kwargs={"slug": closed.event.slug, "occurrence": closed.pk}))
    page.locator("#registration-closed").wait_for()
    browse("/veranstaltungen/abmelden/kaputt:kaputt/")

    page.set_viewport_size(PHONE)
    for path in pages:
        browse(path)
    browse(month)
    assert page.locator("#month-grid a").count() >= 1
    assert page.locator("#month-grid a").first.is_visible()


def test_organiser_pages(page, browse, world, assert_accessible, sign_in):
    sign_in(page, world["organiser"])
    dialogue, first_date = world["dialogue"], world["first_date"]
    slug = dialogue.slug
    date_kwargs = {"slug": slug, "occurrence": first_date.pk}

    browse(reverse("events:event_create"))
    page.fill("#id_title", "Sommerfest")
    page.select_option("#id_kind", str(world["kind"].pk))
    page.fill("#id_start_date", in_days(10).date().isoformat())
    page.fill("#id_start_time", "18:00")
    page.fill("#id_end_time", "16:00")  # before the start
    page.locator("#event-form button[type=submit]").click()
    page.locator(".error-summary").wait_for()
    assert_accessible(page)
    assert not Event.objects.filter(title="Sommerfest").exists()

    for path, form in [
        (reverse("events:agenda", args=[slug]), "#agenda-item-form"),
        (reverse("events:speaker_create"), "#speaker-form"),
        (reverse("events:check_in", kwargs=date_kwargs), "#walk-in-form"),
        (reverse("events:documents", kwargs=date_kwargs), "#document-upload-form"),
        (reverse("events:occurrence_message", kwargs=date_kwargs), "main form"),
    ]:
        browse(path)
        submit_empty(page, assert_accessible, form)

    pages = [
        reverse("events:manage_list"),
        reverse("events:manage_event", args=[slug]),
        reverse("events:event_edit", args=[slug]),
        reverse(
            "events:agenda_item_edit", kwargs={"slug": slug, "pk": dialogue.agenda_items.get().pk}
        ),
        reverse("events:event_cancel", args=[slug]),
        reverse("events:speakers"),
        reverse("events:speaker_edit", args=[world["speaker"].pk]),
        reverse("events:registrations", kwargs=date_kwargs),
        reverse("events:attendance_figures"),
    ]
    for path in pages:
        browse(path)
    page.set_viewport_size(PHONE)
    for path in pages:
        browse(path)


def test_network_admin_pages(page, browse, world, assert_accessible, sign_in):
    sign_in(page, world["network_admin"])
    network, series = world["network"], world["series"]
    series_kwargs = {"network": network.slug, "pk": series.pk}

    for path, form in [
        (reverse("events:series_list"), "#series-form"),
        (reverse("events:series_meeting_create", kwargs=series_kwargs), "#meeting-form"),
        (
            reverse("events:meeting_minutes", kwargs={"occurrence": world["past_meeting"].pk}),
            "#action-item-form",
        ),
    ]:
        browse(path)
        submit_empty(page, assert_accessible, form)

    pages = [
        reverse("events:series_detail", kwargs=series_kwargs),
        reverse("events:series_attendance", kwargs=series_kwargs),
        reverse("events:network_action_items", kwargs={"network": network.slug}),
        reverse("events:meeting_minutes", kwargs={"occurrence": world["past_meeting"].pk}),
    ]
    for path in pages:
        browse(path)
    page.set_viewport_size(PHONE)
    for path in pages:
        browse(path)
