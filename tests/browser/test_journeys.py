"""The key journeys, walked in Chromium like a person would, with axe-core on every page."""

from datetime import time

import pytest
from allauth.account.models import EmailAddress

from directory.models import OfficeHourRule, OrganisationKind, OrganisationRoleKind, Weekday
from directory.tests.factories import (
    OfficeHourRuleFactory,
    OrganisationFactory,
    OrganisationRoleFactory,
    PlaceFactory,
    ServiceFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def region():
    """A small region: an advice office in Chemnitz with a step-free place, a sports club
    without step-free access, and a club in Leipzig far away."""
    advice = ServiceFactory(name="Hilfe bei Formularen und Anträgen", slug="formulare")
    office = OrganisationFactory(
        name="Gemeinwesenkoordination Chemnitz Süd",
        slug="gwk-sued",
        kind=OrganisationKind.NEIGHBOURHOOD_MANAGEMENT,
        summary="Beratung in Alltagsfragen und Konfliktmoderation im Stadtteil.",
    )
    office.services.add(advice)
    place = PlaceFactory(organisation=office, name="Stadtteilbüro", step_free=True)
    OfficeHourRuleFactory(place=place, weekday=Weekday.TUESDAY, opens=time(15), closes=time(18))
    club = OrganisationFactory(name="Sportverein Helbersdorf", slug="sv-helbersdorf")
    club.services.add(advice)
    PlaceFactory(organisation=club, name="Turnhalle", step_free=False)
    far = OrganisationFactory(name="Beratungsverein Leipzig", slug="bv-leipzig")
    far.services.add(advice)
    PlaceFactory(
        organisation=far, postcode="04109", city="Leipzig", latitude=51.34, longitude=12.37
    )
    return {"office": office, "place": place}


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_visitor_searches_filters_opens_a_page_and_asks_for_the_map(
    page, live_server, settings, region, assert_accessible, width
):
    page.set_viewport_size({"width": width, "height": 900})
    settings.GEMEINWERK_MAP_TILE_URL = live_server.url + "/kacheln/{z}/{x}/{y}.png"
    tile_requests = []
    page.on("request", lambda r: "/kacheln/" in r.url and tile_requests.append(r.url))

    page.goto(live_server.url + "/")
    assert_accessible(page)
    page.get_by_role("searchbox", name="Verzeichnis durchsuchen").fill("Formulare")
    page.get_by_role("button", name="Suchen").click()
    page.wait_for_url("**/verzeichnis/?q=Formulare*")
    results = page.locator("#results")
    for name in ["Gemeinwesenkoordination Chemnitz Süd", "Sportverein Helbersdorf"]:
        assert results.get_by_role("link", name=name).is_visible()
    assert_accessible(page)

    # Near Chemnitz and step-free: htmx updates the results in place and the URL follows.
    postcode = page.get_by_label("Postleitzahl")
    if not postcode.is_visible():  # on narrow screens the filters fold away
        page.locator("details.filter-panel > summary").click()
    postcode.fill("09122")
    page.get_by_label("Stufenloser Zugang").check()
    page.get_by_role("button", name="Filter anwenden").click()
    page.wait_for_url("**step_free=on*")
    assert results.get_by_role("link", name="Gemeinwesenkoordination Chemnitz Süd").is_visible()
    assert results.get_by_role("link", name="Sportverein Helbersdorf").count() == 0
    assert results.get_by_role("link", name="Beratungsverein Leipzig").count() == 0
    assert_accessible(page)

    results.get_by_role("link", name="Gemeinwesenkoordination Chemnitz Süd").click()
    page.wait_for_url("**/verzeichnis/gwk-sued/")
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Gemeinwesenkoordination Chemnitz Süd"
    )
    assert page.get_by_text("Di 15–18 Uhr").first.is_visible()
    assert_accessible(page)

    # The map loads nothing from the tile server until the visitor asks for it.
    page.wait_for_load_state("networkidle")
    assert tile_requests == []
    page.get_by_role("button", name="Karte anzeigen").click()
    page.locator(".leaflet-container").first.wait_for()
    page.wait_for_load_state("networkidle")
    assert tile_requests, "the map should request tiles after the click"
    assert_accessible(page)


def test_editor_signs_in_and_edits_office_hours(page, live_server, region, assert_accessible):
    editor = UserFactory(email="redaktion@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    OrganisationRoleFactory(
        user=editor, organisation=region["office"], role=OrganisationRoleKind.EDITOR
    )

    page.goto(live_server.url + "/konto/login/")
    assert_accessible(page)
    page.get_by_label("E-Mail").fill(editor.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Anmeldung").click()
    page.wait_for_url("**/konto/")
    assert_accessible(page)

    page.get_by_role("link", name="Gemeinwesenkoordination Chemnitz Süd", exact=True).click()
    assert_accessible(page)
    place = region["place"]
    page.goto(f"{live_server.url}/verwalten/gwk-sued/orte/{place.pk}/sprechzeiten/")
    assert_accessible(page)

    # An overlapping second slot on Tuesday is refused with an explanation; nothing changes.
    page.get_by_role("button", name="Zeile hinzufügen").click()
    page.locator("#id_rules-1-weekday").wait_for()
    page.select_option("#id_rules-1-weekday", str(Weekday.TUESDAY))
    page.fill("#id_rules-1-opens", "17:00")
    page.fill("#id_rules-1-closes", "19:00")
    page.get_by_role("button", name="Sprechzeiten speichern").last.click()
    page.locator(".error-summary").wait_for()
    assert_accessible(page)
    assert OfficeHourRule.objects.filter(place=place).count() == 1

    # Wednesday morning instead: saved, and the public page shows it in German form.
    page.select_option("#id_rules-1-weekday", str(Weekday.WEDNESDAY))
    page.fill("#id_rules-1-opens", "10:00")
    page.fill("#id_rules-1-closes", "13:00")
    page.get_by_role("button", name="Sprechzeiten speichern").last.click()
    page.get_by_text("Die Sprechzeiten wurden gespeichert.").wait_for()
    assert_accessible(page)
    assert OfficeHourRule.objects.filter(place=place).count() == 2

    page.goto(live_server.url + "/verzeichnis/gwk-sued/")
    assert page.get_by_text("Mi 10–13 Uhr").first.is_visible()
