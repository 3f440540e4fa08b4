import re
from io import StringIO
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

import engagement.demo
from directory.demo.people import DEMO_PASSWORD
from directory.demo.regions import LEADER_DELITZSCHER_LAND
from directory.models import Organisation, OrganisationRole, OrganisationRoleKind
from directory.tests.test_demo_region import REAL_PERSONAL_DATA
from engagement.demo import loader
from engagement.demo.opportunities import MARKER_SLUG
from engagement.models import (
    HelpRequest,
    HelpRequestStatus,
    HoursEntry,
    Opportunity,
    OpportunityStatus,
    Placement,
    PlacementStatus,
    Qualification,
    QualificationKind,
    VolunteerProfile,
)

INVENTED_PHONE = re.compile(r"^0\d{2,5} 0000 \d{3}$")


def load():
    output = StringIO()
    call_command("load_demo_region", stdout=output)
    return output.getvalue()


def engagement_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_app_config("engagement").get_models()
    } | {
        "users": get_user_model().objects.count(),
        "roles": OrganisationRole.objects.count(),
        "addresses": EmailAddress.objects.count(),
    }


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker):
    """Loads the demo once for a class of tests and rolls it back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        load()
        yield
        transaction.set_rollback(True)


@pytest.mark.usefixtures("demo")
class TestEngagementDemo:
    def test_opportunities(self, db):
        assert 40 <= Opportunity.objects.count() <= 60
        public = Opportunity.objects.public()
        assert public.count() >= 40
        assert Opportunity.objects.filter(status=OpportunityStatus.DRAFT).exists()
        assert Opportunity.objects.filter(status=OpportunityStatus.PAUSED).exists()
        assert public.filter(is_remote=True, place__isnull=True).exists()
        assert public.filter(requires_police_certificate=True).exists()
        assert public.filter(minimum_age__isnull=False).exists()
        assert public.exclude(plain_language_summary="").count() >= 2
        assert not public.filter(fields__isnull=True).exists()
        for opportunity in public.filter(is_remote=False):
            assert opportunity.place.organisation_id == opportunity.organisation_id
            assert opportunity.latitude == opportunity.place.latitude
        towns = set(public.values_list("municipality__slug", flat=True))
        assert set(LEADER_DELITZSCHER_LAND) <= towns
        assert {"chemnitz", "berlin", "aue-bad-schlema"} <= towns

    def test_search_documents_are_current(self, db):
        assert not Opportunity.objects.filter(search_document="").exists()
        opportunity = Opportunity.objects.get(slug=MARKER_SLUG)
        assert "Kinder und Jugend" in opportunity.search_document
        assert "Gemeinwesenkoordination Chemnitz Süd" in opportunity.search_document

    def test_volunteers_have_verified_accounts_with_the_demo_password(self, db):
        profiles = VolunteerProfile.objects.select_related("user")
        assert profiles.count() >= 5
        assert {True, False} == set(profiles.values_list("allow_suggestions", flat=True))
        for profile in profiles:
            assert profile.user.check_password(DEMO_PASSWORD)
            assert EmailAddress.objects.filter(
                user=profile.user, email=profile.user.email, verified=True
            ).exists()
            assert profile.fields.exists()
            assert profile.time_slots

    def test_placements_record_and_help_requests(self, db):
        statuses = set(Placement.objects.values_list("status", flat=True))
        assert {PlacementStatus.NEW, PlacementStatus.CONTACTED, PlacementStatus.PLACED} <= statuses
        assert Placement.objects.overdue().count() == 1
        assert Placement.objects.filter(volunteer__isnull=True).exists()
        for placement in Placement.objects.all():
            assert placement.steps.exists()
            assert placement.steps.order_by("-at").first().at == placement.last_step_at
        marker = Opportunity.objects.get(slug=MARKER_SLUG)
        assert marker.placed_count == 1
        assert HoursEntry.objects.filter(confirmed_at__isnull=False).count() >= 3
        assert HoursEntry.objects.filter(confirmed_at__isnull=True).exists()
        assert Qualification.objects.filter(kind=QualificationKind.POLICE_CERTIFICATE).exists()
        requests = HelpRequest.objects.all()
        assert requests.filter(status=HelpRequestStatus.NEW).count() == 1
        assert requests.filter(status=HelpRequestStatus.OPEN).count() >= 2
        assert requests.filter(status=HelpRequestStatus.MATCHED).count() == 1
        assert set(requests.values_list("organisation__slug", flat=True)) == {
            "gems-netzwerk",
            "gemeinwesenkoordination-chemnitz-sued",
        }

    def test_guides(self, db):
        assert OrganisationRole.objects.filter(
            user__email="koordination@example.org",
            organisation__slug="gemeinwesenkoordination-chemnitz-sued",
            role=OrganisationRoleKind.ADMIN,
        ).exists()
        lotse = OrganisationRole.objects.get(user__email="lotse-gems@example.org")
        assert (lotse.organisation.slug, lotse.role) == ("gems-netzwerk", "coordinator")
        assert lotse.user.check_password(DEMO_PASSWORD)

    def test_second_run_creates_nothing(self, db):
        before = engagement_counts()
        load()
        assert engagement_counts() == before

    def test_contact_data_is_invented(self, db):
        for email in get_user_model().objects.values_list("email", flat=True):
            assert email.endswith("@example.org"), email
        for placement in Placement.objects.exclude(contact_email=""):
            assert placement.contact_email.endswith("@example.org")
        phones = list(VolunteerProfile.objects.values_list("phone", flat=True))
        phones += HelpRequest.objects.values_list("requester_phone", flat=True)
        phones += Placement.objects.exclude(contact_phone="").values_list(
            "contact_phone", flat=True
        )
        for phone in phones:
            assert INVENTED_PHONE.match(phone), phone
        assert (
            not HelpRequest.objects.exclude(requester_email="")
            .exclude(requester_email__endswith="@example.org")
            .exists()
        )

    def test_real_personal_data_appears_nowhere_in_the_engagement_tables(self, db):
        dump = "".join(
            serializers.serialize("json", model.objects.all())
            for model in apps.get_app_config("engagement").get_models()
        ).casefold()
        for text in REAL_PERSONAL_DATA:
            assert text.casefold() not in dump, text

    def test_demo_search_finds_opportunities(self, client, db):
        marker = Opportunity.objects.get(slug=MARKER_SLUG)
        response = client.get(reverse("engagement:search"), {"q": "Lesepatenschaft"})
        assert response.status_code == 200
        assert marker.get_absolute_url() in response.content.decode()
        response = client.get(
            reverse("engagement:search"), {"postcode": "04509", "radius_km": "25"}
        )
        assert response.status_code == 200
        club = Opportunity.objects.get(organisation__slug="seniorentreff-schkeuditz")
        assert club.get_absolute_url() in response.content.decode()

    def test_public_pages_do_not_show_requesters_or_volunteers(self, client, db):
        pages = [reverse("engagement:search"), reverse("engagement:help_requests")]
        pages += [
            help_request.get_absolute_url()
            for help_request in HelpRequest.objects.filter(status=HelpRequestStatus.OPEN)
        ]
        secrets = list(HelpRequest.objects.values_list("requester_name", "requester_phone"))
        secrets += list(VolunteerProfile.objects.values_list("name", "phone"))
        for url in pages:
            response = client.get(url)
            assert response.status_code == 200, url
            page = response.content.decode()
            for name, phone in secrets:
                assert name not in page, (url, name)
                assert phone not in page, (url, phone)


def test_engagement_demo_needs_the_region(db):
    with pytest.raises(ValueError):
        loader.engagement_demo_load()
    assert not Opportunity.objects.exists()


def test_a_failing_engagement_load_leaves_no_region_behind(db, monkeypatch):
    def broken(volunteers, now):
        raise RuntimeError("database on fire")

    monkeypatch.setattr(loader, "_create_help_requests", broken)
    with pytest.raises(RuntimeError):
        load()
    assert not Organisation.objects.exists()
    assert not Opportunity.objects.exists()


def test_engagement_demo_joins_a_region_loaded_before(db, monkeypatch):
    monkeypatch.setattr(
        "engagement.demo.loader.engagement_demo_load",
        lambda: loader.EngagementDemoResult(loaded=False),
    )
    load()
    assert not Opportunity.objects.exists()
    monkeypatch.undo()
    output = load()
    assert Opportunity.objects.filter(slug=MARKER_SLUG).exists()
    assert "lotse-gems@example.org" in output


def test_demo_package_contains_no_real_personal_data():
    package = Path(engagement.demo.__file__).parent
    files = list(package.glob("*.py"))
    assert len(files) >= 4
    for path in files:
        text = path.read_text(encoding="utf-8").casefold()
        for forbidden in REAL_PERSONAL_DATA:
            assert forbidden.casefold() not in text, (path.name, forbidden)
