"""The engagement journeys, walked in Chromium, with axe-core on every page."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from directory.models import OrganisationRoleKind
from directory.tests.factories import OrganisationRoleFactory, PlaceFactory, UserFactory
from engagement.availability import slots_from_pairs
from engagement.models import HoursEntry, Placement, PlacementStatus
from engagement.services.record import certificate_issue
from engagement.tests.factories import FieldFactory, OpportunityFactory, PlacementFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def show_filters(page):
    """On narrow screens the filters fold away behind a summary."""
    postcode = page.locator("#id_postcode")
    if not postcode.is_visible():
        page.locator("details.filter-panel > summary").click()
    return postcode


def test_visitor_finds_an_opportunity_by_postcode_and_says_interested_without_account(
    page, live_server, assert_accessible
):
    near = OpportunityFactory(title="Vorlesen im Kinderhaus Helbersdorf", slug="vorlesen")
    leipzig = PlaceFactory(postcode="04109", city="Leipzig", latitude=51.34, longitude=12.37)
    OpportunityFactory(
        title="Gartenhilfe in Leipzig",
        slug="garten-leipzig",
        organisation=leipzig.organisation,
        place=leipzig,
    )

    page.goto(live_server.url + "/mitmachen/")
    assert_accessible(page)
    show_filters(page).fill("09122")
    page.locator("form[role=search] button[type=submit]").last.click()
    page.wait_for_url("**postcode=09122*")
    results = page.locator("#results")
    results.get_by_role("link", name="Vorlesen im Kinderhaus Helbersdorf").wait_for()
    assert results.get_by_role("link", name="Gartenhilfe in Leipzig").count() == 0
    assert_accessible(page)

    results.get_by_role("link", name="Vorlesen im Kinderhaus Helbersdorf").click()
    page.wait_for_url(f"**{near.get_absolute_url()}")
    assert_accessible(page)
    page.locator("#interest-link").click()
    page.wait_for_url("**/interesse/")
    assert_accessible(page)

    page.fill("#id_name", "Sam Gast")
    page.fill("#id_email", "sam.gast@example.org")
    page.check("#id_consent")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/interesse/danke/")
    assert_accessible(page)

    placement = Placement.objects.get()
    assert placement.opportunity == near
    assert placement.volunteer is None
    assert placement.contact_email == "sam.gast@example.org"
    assert placement.status == PlacementStatus.NEW


def test_volunteer_creates_a_profile_and_sees_ranked_matches_with_reasons(
    page, live_server, assert_accessible, sign_in
):
    seniors = FieldFactory(name="Senioren", slug="senioren")
    children = FieldFactory(name="Kinder und Jugend", slug="kinder")
    visits = OpportunityFactory(
        title="Besuchsdienst im Seniorenheim",
        slug="besuchsdienst",
        fields=[seniors],
        time_slots=slots_from_pairs([(1, 1)]),
    )
    OpportunityFactory(
        title="Hausaufgabenhilfe", slug="hausaufgaben", fields=[children], time_slots=0
    )
    volunteer = UserFactory(email="engagiert@example.org")
    sign_in(page, volunteer)

    page.goto(live_server.url + "/engagiert/profil/")
    assert_accessible(page)
    page.fill("#id_name", "Robin Beispiel")
    page.fill("#id_postcode", "09122")
    page.check(f"input[name=fields][value='{seniors.pk}']")
    page.check("input[name=availability][value='1-1']")  # Tuesday afternoons
    page.check("input[name=max_distance_km][value='10']")
    page.locator("#volunteer-profile-form button[type=submit]").click()
    page.wait_for_load_state()
    assert volunteer.volunteer_profile.postcode == "09122"

    page.goto(live_server.url + "/engagiert/vorschlaege/")
    matches = page.locator("#matches > li article")
    matches.first.wait_for()
    assert matches.first.get_attribute("data-opportunity") == visits.slug
    assert matches.first.locator("li").count() >= 2, "the best match should explain itself"
    assert_accessible(page)


def test_coordinator_moves_a_placement_to_placed(page, live_server, assert_accessible, sign_in):
    placement = PlacementFactory(volunteer__name="Alex Engagiert")
    guide = OrganisationRoleFactory(
        organisation=placement.organisation, role=OrganisationRoleKind.COORDINATOR
    ).user
    sign_in(page, guide)

    page.goto(live_server.url + "/koordination/")
    assert_accessible(page)
    page.get_by_role("link", name="Alex Engagiert").first.click()
    page.wait_for_url(f"**/koordination/vermittlungen/{placement.pk}/")
    assert_accessible(page)

    page.locator("button[name=to_status][value=placed]").click()
    page.wait_for_load_state()
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.PLACED
    placement.opportunity.refresh_from_db()
    assert placement.opportunity.placed_count == 1
    assert placement.started_on == timezone.localdate()
    assert page.locator("button[name=to_status][value=placed]").count() == 0
    assert_accessible(page)


def test_volunteer_downloads_a_certificate(page, live_server, assert_accessible, sign_in):
    placement = PlacementFactory(status=PlacementStatus.PLACED, started_on=date(2026, 9, 1))
    guide = OrganisationRoleFactory(
        organisation=placement.organisation, role=OrganisationRoleKind.COORDINATOR
    ).user
    HoursEntry.objects.create(
        placement=placement,
        date=timezone.localdate() - timedelta(days=3),
        hours=Decimal("2.5"),
        activity="Vorlesen",
        logged_by=guide,
        confirmed_at=timezone.now(),
        confirmed_by=guide,
    )
    certificate = certificate_issue(placement=placement)
    sign_in(page, placement.volunteer.user)

    page.goto(live_server.url + "/nachweis/meine/")
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.locator(f"a[href$='/nachweis/{certificate.code}/pdf/']").first.click()
    pdf = download_info.value
    with open(pdf.path(), "rb") as downloaded:
        assert downloaded.read(5) == b"%PDF-"

    page.goto(live_server.url + certificate.get_absolute_url())
    assert certificate.code in page.content()
    assert_accessible(page)
