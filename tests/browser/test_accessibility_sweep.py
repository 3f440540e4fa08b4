"""axe-core over every page type, as a visitor, an organisation admin and a network admin,
including pages that show form errors."""

import pytest

from directory.models import OrganisationRequest, OrganisationRoleKind, RequestKind
from directory.tests.factories import (
    ContactPersonFactory,
    NetworkMembershipFactory,
    NetworkRoleFactory,
    OfficeHourRuleFactory,
    OrganisationFactory,
    OrganisationRoleFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world():
    rule = OfficeHourRuleFactory()
    place = rule.place
    organisation = place.organisation
    contact = ContactPersonFactory(organisation=organisation, place=place)
    membership = NetworkMembershipFactory(organisation=organisation)
    admin = OrganisationRoleFactory(organisation=organisation, role=OrganisationRoleKind.ADMIN)
    network_admin = NetworkRoleFactory(network=membership.network)
    pending = OrganisationFactory(status="pending", name="Neue Initiative")
    OrganisationRequest.objects.create(
        kind=RequestKind.PROPOSAL,
        organisation=pending,
        requested_by=UserFactory(),
        network=membership.network,
    )
    return {
        "organisation": organisation,
        "place": place,
        "contact": contact,
        "network": membership.network,
        "admin": admin.user,
        "network_admin": network_admin.user,
    }


def visit_all(page, live_server, assert_accessible, paths):
    for path in paths:
        response = page.goto(live_server.url + path)
        assert response.status < 500, path
        assert "/konto/login/" not in page.url, f"{path} sent the browser to sign in"
        assert_accessible(page)


def test_visitor_pages(page, live_server, world, assert_accessible):
    slug = world["organisation"].slug
    visit_all(
        page,
        live_server,
        assert_accessible,
        [
            world["place"].get_absolute_url(),
            "/verzeichnis/netzwerke/",
            world["network"].get_absolute_url(),
            f"/verzeichnis/?postcode=99999&q={slug}",
            "/verzeichnis/?open_now=on&step_free=on",
            "/datenschutz/",
            "/barrierefreiheit/",
            "/gibt-es-nicht/",
            "/konto/signup/",
            "/konto/password/reset/",
        ],
    )
    page.goto(live_server.url + "/konto/signup/")
    page.locator("main button[type=submit]").click()
    page.locator(".errorlist").first.wait_for()
    assert_accessible(page)


def test_organisation_admin_pages(page, live_server, world, assert_accessible, sign_in):
    sign_in(page, world["admin"])
    base = f"/verwalten/{world['organisation'].slug}"
    visit_all(
        page,
        live_server,
        assert_accessible,
        [
            "/konto/",
            "/konto/email/",
            "/konto/password/change/",
            "/konto/2fa/",
            "/konto/loeschen/",
            "/verwalten/vorschlagen/",
            f"{base}/",
            f"{base}/profil/",
            f"{base}/orte/",
            f"{base}/orte/neu/",
            f"{base}/orte/{world['place'].pk}/",
            f"{base}/kontakte/",
            f"{base}/kontakte/neu/",
            f"{base}/kontakte/{world['contact'].pk}/",
            f"{base}/team/",
        ],
    )
    # A form sent back with errors stays accessible.
    page.goto(live_server.url + f"{base}/orte/neu/")
    page.locator("main form button[type=submit]").last.click()
    page.locator(".error-summary").wait_for()
    assert_accessible(page)


def test_network_admin_pages(page, live_server, world, assert_accessible, sign_in):
    sign_in(page, world["network_admin"])
    visit_all(
        page,
        live_server,
        assert_accessible,
        ["/verwalten/anfragen/", f"/verwalten/netzwerke/{world['network'].slug}/"],
    )


@pytest.fixture
def engagement_world():
    from engagement.models import PlacementStatus
    from engagement.tests.factories import (
        HelpRequestFactory,
        OpportunityFactory,
        PlacementFactory,
    )

    opportunity = OpportunityFactory(requires_police_certificate=True)
    placement = PlacementFactory(opportunity=opportunity, status=PlacementStatus.PLACED)
    guide = OrganisationRoleFactory(
        organisation=opportunity.organisation, role=OrganisationRoleKind.ADMIN
    ).user
    help_request = HelpRequestFactory(organisation=opportunity.organisation)
    return {
        "opportunity": opportunity,
        "placement": placement,
        "guide": guide,
        "help_request": help_request,
    }


def test_engagement_pages_for_visitors(page, live_server, engagement_world, assert_accessible):
    opportunity = engagement_world["opportunity"]
    visit_all(
        page,
        live_server,
        assert_accessible,
        [
            "/mitmachen/?view=map",
            f"/mitmachen/?q={opportunity.title.split()[0]}&postcode=09122",
            "/nachbarschaftshilfe/",
            engagement_world["help_request"].get_absolute_url(),
            "/nachbarschaftshilfe/neu/",
            f"{engagement_world['help_request'].get_absolute_url()}helfen/",
            "/nachweis/",
        ],
    )
    page.goto(live_server.url + "/nachbarschaftshilfe/neu/")
    page.locator("main form button[type=submit]").last.click()
    page.locator(".error-summary").wait_for()
    assert_accessible(page)


def test_engagement_pages_for_guides(
    page, live_server, engagement_world, assert_accessible, sign_in
):
    sign_in(page, engagement_world["guide"])
    opportunity = engagement_world["opportunity"]
    placement = engagement_world["placement"]
    org = opportunity.organisation.slug
    visit_all(
        page,
        live_server,
        assert_accessible,
        [
            f"/angebote/{org}/",
            f"/angebote/{org}/neu/",
            f"/angebote/{org}/{opportunity.slug}/bearbeiten/",
            f"/angebote/{org}/import/",
            "/koordination/",
            f"/koordination/vermittlungen/{placement.pk}/",
            f"/koordination/hilfegesuche/{engagement_world['help_request'].pk}/",
            f"/engagiert/angebot/{opportunity.slug}/passende-engagierte/",
            f"/nachweis/stunden/{placement.pk}/",
            "/nachweis/stunden/offen/",
            f"/nachweis/dokumente/{placement.pk}/",
            f"/nachweis/rueckmeldung/{placement.pk}/",
        ],
    )
    page.goto(live_server.url + f"/angebote/{org}/neu/")
    page.locator("main form button[type=submit]").last.click()
    page.locator(".error-summary").wait_for()
    assert_accessible(page)


def test_engagement_pages_for_volunteers(
    page, live_server, engagement_world, assert_accessible, sign_in
):
    sign_in(page, engagement_world["placement"].volunteer.user)
    visit_all(
        page,
        live_server,
        assert_accessible,
        [
            "/engagiert/profil/",
            "/engagiert/vorschlaege/",
            "/koordination/meine-vermittlungen/",
            "/nachweis/meine/",
            f"/nachweis/stunden/{engagement_world['placement'].pk}/",
        ],
    )
