from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

import advice.demo
from advice import selectors
from advice.demo import (
    ADVISER_A,
    DEBT_COUNSELLING_SLUG,
    KGE,
    LEAD,
    TEAM_ACCOUNTS,
    advice_demo_load,
    load_demo,
)
from advice.models import (
    AdviceCase,
    AdviceRole,
    AdviceRoleKind,
    Appointment,
    AppointmentSchedule,
    AppointmentStatus,
    AuditEntry,
    CaseNote,
    CaseStatus,
    Channel,
    Concern,
    ConcernStatus,
    ModerationCase,
    Referral,
)
from advice.rules import may
from directory.demo.organisations import MARKER_SLUG
from directory.demo.people import DEMO_PASSWORD
from directory.models import Organisation, OrganisationRole
from directory.tests.test_demo_region import REAL_PERSONAL_DATA


def advice_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_app_config("advice").get_models()
    }


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker):
    """The region with the advice demo, once for a class of tests, rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_region", stdout=StringIO())
        # Until advice/apps.py registers the loader, the region leaves the advice out.
        advice_demo_load()
        yield
        transaction.set_rollback(True)


@pytest.mark.usefixtures("demo")
class TestAdviceDemo:
    def test_second_run_creates_nothing(self, db):
        before = advice_counts()
        assert not advice_demo_load().loaded
        assert not load_demo().loaded
        call_command("load_demo_region", stdout=StringIO())
        assert advice_counts() == before

    def test_team_of_chemnitz_sued_and_the_kge(self, db):
        chemnitz = Organisation.objects.get(slug=MARKER_SLUG)
        team = dict(
            AdviceRole.objects.filter(organisation=chemnitz).values_list("user__email", "role")
        )
        assert sorted(team.values()) == ["adviser", "adviser", "lead"]
        assert AdviceRole.objects.filter(organisation__slug=KGE).count() == 1
        for email, _name, slug, _role in TEAM_ACCOUNTS:
            # Everyone in a team is a colleague in the directory first.
            assert OrganisationRole.objects.filter(
                user__email=email, organisation__slug=slug
            ).exists()
        # The organisation's admin appoints the team but is not in it.
        assert not AdviceRole.objects.filter(user__email="koordination@example.org").exists()

    def test_concerns_cases_and_their_variety(self, db):
        concerns = Concern.objects.all()
        assert 10 <= concerns.count() <= 15
        assert set(concerns.values_list("status", flat=True)) == set(ConcernStatus.values)
        assert set(concerns.values_list("channel", flat=True)) == set(Channel.values)
        assert len(set(concerns.values_list("kind", flat=True))) == 6
        today = timezone.localdate()
        assert concerns.open().filter(follow_up_on__lt=today).count() >= 3
        first = Concern.objects.filter(organisation__slug=MARKER_SLUG).in_triage_order().first()
        assert first.follow_up_on < today

        cases = AdviceCase.objects.all()
        assert cases.count() == 5
        assert cases.filter(status=CaseStatus.CLOSED).count() == 1
        assert not cases.filter(notes__isnull=True).exists()
        assert all(case.advisers.exists() and case.topics.exists() for case in cases)

    def test_referral_to_a_published_debt_counselling_service(self, db):
        referral = Referral.objects.get()
        service = referral.service_organisation
        assert service.is_published
        assert service.services.filter(name__icontains="schuldner").exists()
        assert service.places.exists()
        assert referral.case.topics.filter(slug="schulden").exists()
        assert Organisation.objects.filter(slug=DEBT_COUNSELLING_SLUG).count() <= 1

    def test_moderation_with_two_households_sessions_and_an_agreement(self, db):
        moderation = ModerationCase.objects.get()
        assert moderation.parties.count() == 2
        assert moderation.sessions.count() == 2
        assert moderation.agreements.count() == 1
        assert moderation.mediators.count() == 2

    def test_sozialberatung_with_booked_appointments_next_week(self, db):
        schedule = AppointmentSchedule.objects.get()
        assert schedule.title == "Sozialberatung"
        assert (schedule.length_minutes, schedule.buffer_minutes) == (30, 10)
        assert set(schedule.topics.values_list("slug", flat=True)) == {
            "formulare-antraege",
            "wohnen",
            "arbeit-jobcenter",
            "schulden",
        }
        assert schedule.place.organisation.slug == MARKER_SLUG
        booked = Appointment.objects.filter(status=AppointmentStatus.BOOKED)
        assert booked.count() >= 3
        today = timezone.localdate()
        for appointment in booked:
            starts = timezone.localtime(appointment.starts_at)
            assert starts.date() > today
            assert starts.weekday() in (1, 2)  # Tuesday and Wednesday office hours
            assert appointment.adviser in schedule.advisers.all()

    def test_every_record_has_its_audit_entry(self, db):
        for model in (Concern, AdviceCase, CaseNote, Referral, ModerationCase, Appointment):
            ids = set(model.objects.values_list("pk", flat=True))
            audited = set(
                AuditEntry.objects.filter(record_type=model._meta.model_name).values_list(
                    "record_id", flat=True
                )
            )
            assert ids <= audited, model

    def test_demo_data_is_encrypted_at_rest(self, db):
        with connection.cursor() as cursor:
            cursor.execute("SELECT description, contact_name FROM advice_concern")
            rows = cursor.fetchall()
            cursor.execute("SELECT text FROM advice_casenote")
            rows += cursor.fetchall()
            cursor.execute("SELECT name FROM advice_appointment")
            rows += cursor.fetchall()
        assert rows
        for row in rows:
            for value in row:
                assert value.startswith("fernet:"), value[:20]
        assert any("Wohngeld" in concern.description for concern in Concern.objects.all())

    def test_who_sees_what_in_the_demo(self, db):
        lead = AdviceRole.objects.get(user__email=LEAD).user
        adviser = AdviceRole.objects.get(user__email=ADVISER_A).user
        admin = OrganisationRole.objects.get(user__email="koordination@example.org").user
        chemnitz_cases = AdviceCase.objects.filter(organisation__slug=MARKER_SLUG)
        assert selectors.cases_visible_to(lead).count() == chemnitz_cases.count()
        assert 0 < selectors.cases_visible_to(adviser).count() < chemnitz_cases.count()
        assert not selectors.cases_visible_to(admin).exists()
        assert not selectors.concerns_visible_to(admin).exists()
        assert may(admin, "advice.manage_team", admin.organisation_roles.get().organisation)

    def test_demo_accounts_sign_in_and_manage_the_team(self, client, db):
        response = client.post(reverse("account_login"), {"login": LEAD, "password": DEMO_PASSWORD})
        assert response.status_code == 302
        team_url = reverse("advice:team", kwargs={"slug": MARKER_SLUG})
        assert client.get(team_url).status_code == 200
        assert AdviceRole.objects.get(user__email=LEAD).role == AdviceRoleKind.LEAD

    def test_every_person_is_invented(self, db):
        User = apps.get_model("accounts", "User")
        emails = list(
            User.objects.filter(advice_roles__isnull=False).values_list("email", flat=True)
        )
        for concern in Concern.objects.all():
            emails += [concern.contact_email] if concern.contact_email else []
        assert emails and all(email.endswith("@example.org") for email in emails)
        decrypted = "".join(
            serializers.serialize("json", model.objects.all())
            for model in apps.get_app_config("advice").get_models()
        ).casefold()
        for text in REAL_PERSONAL_DATA:
            assert text.casefold() not in decrypted, text


def test_demo_module_contains_no_real_personal_data():
    text = Path(advice.demo.__file__).read_text(encoding="utf-8").casefold()
    for forbidden in REAL_PERSONAL_DATA:
        assert forbidden.casefold() not in text, forbidden


def test_advice_demo_needs_the_region(db):
    with pytest.raises(ValueError):
        advice_demo_load()
    assert not Concern.objects.exists()
    assert not AdviceRole.objects.exists()
