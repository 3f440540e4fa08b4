import re
from datetime import time
from io import StringIO
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core import serializers
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

import directory.demo
from core.models import SitePage, SitePageKind
from directory import selectors
from directory.demo import loader
from directory.demo.organisations import MARKER_SLUG
from directory.demo.people import DEMO_PASSWORD
from directory.demo.regions import LEADER_DELITZSCHER_LAND
from directory.models import (
    ContactPerson,
    MembershipStatus,
    Municipality,
    NetworkMembership,
    NetworkRole,
    Organisation,
    OrganisationRequest,
    OrganisationRole,
    OrganisationStatus,
    Place,
    RequestStatus,
)

# Names, addresses and numbers of real people printed in the source pages.
REAL_PERSONAL_DATA = [
    "Jeannette Wilfer",
    "Wilfer",
    "Claudia Thomas",
    "Thomas.C@",
    "Janet Liebich",
    "Liebich",
    "neue-arbeit-chemnitz.de",
    "dwbo.de",
    "gems-netzwerk.de",
    "909 259",
    "9092595",
    "82097211",
    "1325231",
    "12 38 13",
]
INVENTED_PHONE = re.compile(r"^0\d{2,5} 0000 \d{3}$")


def load(**kwargs):
    output = StringIO()
    call_command("load_demo_region", stdout=output, **kwargs)
    return output.getvalue()


def database_counts():
    return {
        model._meta.label: model.objects.count()
        for app in ("directory", "core", "accounts")
        for model in apps.get_app_config(app).get_models()
    } | {"account.EmailAddress": EmailAddress.objects.count()}


@pytest.fixture(scope="class")
def demo_region(django_db_setup, django_db_blocker):
    """Loads the demo once for a class of tests and rolls it back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        load()
        yield
        transaction.set_rollback(True)


@pytest.mark.usefixtures("demo_region")
class TestDemoRegion:
    def test_counts(self, db):
        assert Organisation.objects.published().count() >= 60
        assert Organisation.objects.filter(status=OrganisationStatus.PENDING).count() == 3
        assert set(LEADER_DELITZSCHER_LAND) <= set(
            Municipality.objects.values_list("slug", flat=True)
        )
        assert not Place.objects.filter(latitude=0).exists()

    def test_every_leader_municipality_has_gems_members(self, db):
        member_towns = set(
            NetworkMembership.objects.filter(
                network__slug="gems", status=MembershipStatus.ACTIVE
            ).values_list("organisation__municipality__slug", flat=True)
        )
        assert set(LEADER_DELITZSCHER_LAND) <= member_towns

    def test_chemnitz_sued_office_hours_and_funders(self, db):
        organisation = Organisation.objects.get(slug=MARKER_SLUG)
        place = organisation.places.get()
        assert place.street == "Albert-Köhler-Straße 44"
        assert place.postcode == "09122"
        assert place.by_appointment
        assert {(rule.weekday, rule.opens, rule.closes) for rule in place.office_hours.all()} == {
            (1, time(15), time(18)),
            (2, time(10), time(13)),
        }
        assert organisation.parent.slug == "neue-arbeit-chemnitz"
        assert set(organisation.funders.values_list("name", flat=True)) == {
            "Stadt Chemnitz",
            "Europäischer Sozialfonds (ESF)",
        }
        assert organisation.services.count() == 7

    def test_second_run_creates_nothing(self, db):
        before = database_counts()
        load()
        assert database_counts() == before

    def test_search_for_conflict_finds_chemnitz_sued(self, db):
        found = Organisation.objects.published().matching("Konflikt")
        assert found.filter(slug=MARKER_SLUG).exists()
        assert not Organisation.objects.published().matching("Konflikt Marzahn").exists()

    def test_contact_addresses_and_phones_are_invented(self, db):
        for contact in ContactPerson.objects.all():
            assert contact.email.rsplit("@", 1)[1] in {"example.org", "example.com"}
            assert INVENTED_PHONE.match(contact.phone), contact.phone
        for organisation in Organisation.objects.all():
            assert organisation.email.endswith("@example.org")
            assert INVENTED_PHONE.match(organisation.phone), organisation.phone
        for email in get_user_model().objects.values_list("email", flat=True):
            assert email.endswith("@example.org")

    def test_real_personal_data_appears_nowhere_in_the_database(self, db):
        models = [
            model
            for app in ("directory", "core", "accounts")
            for model in apps.get_app_config(app).get_models()
        ] + [EmailAddress]
        dump = "".join(
            serializers.serialize("json", model.objects.all()) for model in models
        ).casefold()
        for text in REAL_PERSONAL_DATA:
            assert text.casefold() not in dump, text

    def test_public_contacts_and_organisations_respect_status_and_consent(self, db):
        visible = selectors.organisations_visible_to(AnonymousUser())
        assert not visible.filter(status=OrganisationStatus.PENDING).exists()
        assert ContactPerson.objects.filter(public_consent=False).exists()
        assert not ContactPerson.objects.public().filter(public_consent=False).exists()
        assert (
            not ContactPerson.objects.public()
            .filter(organisation__status=OrganisationStatus.PENDING)
            .exists()
        )

    def test_demo_accounts_have_their_roles_and_no_staff(self, db):
        User = get_user_model()
        assert not User.objects.filter(is_staff=True).exists()
        assert not User.objects.filter(is_superuser=True).exists()
        assert OrganisationRole.objects.filter(
            user__email="koordination@example.org", organisation__slug=MARKER_SLUG, role="admin"
        ).exists()
        assert (
            OrganisationRole.objects.filter(
                user__email="redaktion-kge@example.org", organisation__slug="kge-erzgebirge"
            )
            .get()
            .role
            == "editor"
        )
        network_admin = NetworkRole.objects.get(network__slug="gems").user
        queue = selectors.requests_decidable_by(network_admin)
        assert list(queue.values_list("organisation__slug", flat=True)) == ["repair-cafe-taucha"]
        assert OrganisationRequest.objects.filter(status=RequestStatus.PENDING).count() == 3

    def test_demo_account_can_sign_in(self, client, db):
        response = client.post(
            reverse("account_login"),
            {"login": "koordination@example.org", "password": DEMO_PASSWORD},
        )
        assert response.status_code == 302
        assert client.get(reverse("accounts:dashboard")).status_code == 200

    def test_wrong_password_does_not_sign_in(self, client, db):
        response = client.post(
            reverse("account_login"),
            {"login": "koordination@example.org", "password": "gemeinwerk-falsch"},
        )
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session

    def test_legal_pages_are_shown(self, client, db):
        for name in ("core:imprint", "core:privacy", "core:accessibility"):
            response = client.get(reverse(name))
            assert response.status_code == 200
            assert "Musterträger e.V." in response.content.decode()


def test_demo_package_contains_no_real_personal_data():
    package = Path(directory.demo.__file__).parent
    files = [path for path in package.rglob("*") if path.suffix in {".py", ".json"}]
    assert len(files) >= 5
    for path in files:
        text = path.read_text(encoding="utf-8").casefold()
        for forbidden in REAL_PERSONAL_DATA:
            assert forbidden.casefold() not in text, (path.name, forbidden)


def test_privacy_policy_names_the_configured_tile_server(db, settings):
    settings.GEMEINWERK_MAP_TILE_URL = "https://kacheln.example.net/{z}/{x}/{y}.png"
    SitePage.objects.create(kind=SitePageKind.IMPRINT, title="Impressum", body="<p>Eigenes</p>")
    load()
    assert "kacheln.example.net" in SitePage.objects.get(kind=SitePageKind.PRIVACY).body
    # An operator's own text is never overwritten.
    assert SitePage.objects.get(kind=SitePageKind.IMPRINT).body == "<p>Eigenes</p>"


def test_a_failing_load_leaves_nothing_behind(db, monkeypatch):
    def broken_accounts(created):
        raise RuntimeError("mail server on fire")

    monkeypatch.setattr(loader, "_create_accounts", broken_accounts)
    with pytest.raises(RuntimeError):
        load()
    assert not Organisation.objects.exists()
    assert not Municipality.objects.exists()


def test_weekly_hours_are_parsed():
    slots = loader.parse_weekly_hours("Mo-Mi 9-12, 13-15:30; Sa 10-12 (Familiencafé)")
    assert [(slot.weekday, slot.opens, slot.closes) for slot in slots] == [
        (0, time(9), time(12)),
        (0, time(13), time(15, 30)),
        (1, time(9), time(12)),
        (1, time(13), time(15, 30)),
        (2, time(9), time(12)),
        (2, time(13), time(15, 30)),
        (5, time(10), time(12)),
    ]
    assert slots[-1].note == "Familiencafé"
    assert loader.parse_weekly_hours("") == []


@pytest.mark.parametrize("text", ["Montag 9-12", "Di 9", "Di abends", "Mi 18-9", "Mo 9-12 Uhr"])
def test_unreadable_weekly_hours_are_refused(text):
    with pytest.raises(ValueError):
        loader.parse_weekly_hours(text)
