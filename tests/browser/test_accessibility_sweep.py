"""axe-core over every page type, as a visitor, an organisation admin and a network admin,
including pages that show form errors."""

import pytest
from django.conf import settings
from django.test import Client

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


def sign_in(page, live_server, user):
    """Give the browser the session of `user` (signing in itself is walked elsewhere)."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


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


def test_organisation_admin_pages(page, live_server, world, assert_accessible):
    sign_in(page, live_server, world["admin"])
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


def test_network_admin_pages(page, live_server, world, assert_accessible):
    sign_in(page, live_server, world["network_admin"])
    visit_all(
        page,
        live_server,
        assert_accessible,
        ["/verwalten/anfragen/", f"/verwalten/netzwerke/{world['network'].slug}/"],
    )
