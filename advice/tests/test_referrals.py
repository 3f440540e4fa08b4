"""Referrals to counselling services: choosing a service from the directory by service and
distance, consent, the slip for the resident (no case data), the follow-up e-mail to the
adviser, recording whether it helped, and the anonymous counts per service."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from advice import selectors
from advice.models import (
    AdviceRoleKind,
    AuditAction,
    AuditEntry,
    CaseStatus,
    ConcernOutcome,
    ConcernStatus,
    OutcomeKind,
    Referral,
    ReferralOutcome,
)
from advice.services.referrals import referral_create
from core.geo import postcode_point
from directory.models import OrganisationStatus
from directory.tests.factories import (
    OfficeHourRuleFactory,
    OrganisationFactory,
    PlaceFactory,
    ServiceFactory,
)

from .factories import (
    AdviceCaseFactory,
    AdviceRoleFactory,
    CaseNoteFactory,
    ConcernFactory,
    ReferralFactory,
)

pytestmark = pytest.mark.django_db

PERSON_NAME = "Erika Vertraulich"
NOTE_TEXT = "Mietschulden seit März, Kündigung droht"


def _organisation_at(postcode: str, services=(), **kwargs):
    organisation = OrganisationFactory(**kwargs)
    organisation.services.set(services)
    point = postcode_point(postcode)
    PlaceFactory(
        organisation=organisation,
        postcode=postcode,
        latitude=point.latitude,
        longitude=point.longitude,
    )
    return organisation


@pytest.fixture
def debt_advice():
    return ServiceFactory(name="Schuldnerberatung", slug="schuldnerberatung")


@pytest.fixture
def organisation():
    return _organisation_at("09111")


@pytest.fixture
def adviser(organisation):
    return AdviceRoleFactory(organisation=organisation).user


@pytest.fixture
def lead(organisation):
    return AdviceRoleFactory(organisation=organisation, role=AdviceRoleKind.LEAD).user


@pytest.fixture
def case(organisation, adviser):
    case = AdviceCaseFactory(organisation=organisation, advisers=[adviser], person_name=PERSON_NAME)
    CaseNoteFactory(case=case, text=NOTE_TEXT)
    return case


@pytest.fixture
def chemnitz(debt_advice):
    organisation = _organisation_at(
        "09111", [debt_advice], name="Schuldnerberatung Chemnitz", phone="0371 111"
    )
    OfficeHourRuleFactory(place=organisation.places.get())
    return organisation


@pytest.fixture
def aue(debt_advice):
    return _organisation_at("08280", [debt_advice], name="Schuldnerberatung Aue")


def _new_url(case):
    return reverse("advice:referral_new", kwargs={"case": case.pk})


def _candidate_ids(response):
    return [candidate.organisation.pk for candidate in response.context["candidates"]]


def _post(client, case, service, organisation, **overrides):
    data = {
        "service": service.pk,
        "postcode": "",
        "service_organisation": organisation.pk,
        "follow_up_weeks": 6,
        "consent": "on",
        **overrides,
    }
    return client.post(_new_url(case), {k: v for k, v in data.items() if v is not None})


# Choosing a service ----------------------------------------------------------------------


def test_only_published_organisations_offering_the_service_are_listed(
    client, adviser, case, debt_advice, chemnitz, aue
):
    _organisation_at("09111", [debt_advice], status=OrganisationStatus.PENDING)
    _organisation_at("09111", [ServiceFactory()])
    own_service = case.organisation
    own_service.services.add(debt_advice)
    client.force_login(adviser)

    response = client.get(_new_url(case), {"service": debt_advice.pk})

    assert response.status_code == 200
    assert set(_candidate_ids(response)) == {chemnitz.pk, aue.pk}


def test_services_are_sorted_by_distance_from_the_postcode_entered(
    client, adviser, case, debt_advice, chemnitz, aue
):
    client.force_login(adviser)

    from_chemnitz = client.get(_new_url(case), {"service": debt_advice.pk, "postcode": "09111"})
    from_aue = client.get(_new_url(case), {"service": debt_advice.pk, "postcode": "08280"})

    assert _candidate_ids(from_chemnitz) == [chemnitz.pk, aue.pk]
    assert _candidate_ids(from_aue) == [aue.pk, chemnitz.pk]
    far = from_chemnitz.context["candidates"][1]
    assert 15 < far.distance_km < 40
    assert 'class="distance"' in from_chemnitz.content.decode()


def test_without_a_postcode_distances_are_measured_from_the_case_organisation(
    client, adviser, organisation, debt_advice, chemnitz, aue
):
    aue_team = _organisation_at("08280")
    aue_adviser = AdviceRoleFactory(organisation=aue_team).user
    aue_case = AdviceCaseFactory(organisation=aue_team, advisers=[aue_adviser])
    client.force_login(aue_adviser)

    response = client.get(_new_url(aue_case), {"service": debt_advice.pk})

    assert _candidate_ids(response) == [aue.pk, chemnitz.pk]


def test_office_hours_and_open_now_are_shown(client, adviser, case, debt_advice, chemnitz):
    client.force_login(adviser)
    response = client.get(_new_url(case), {"service": debt_advice.pk})
    candidate = response.context["candidates"][0]
    assert candidate.office_hours and candidate.status is not None
    assert 'class="opening-status"' in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"service": "abc"},
        {"service": "99999999999999999999"},
        {"service": "-1", "postcode": "xxxxx"},
        {"postcode": "0" * 500},
    ],
)
def test_hostile_search_input_is_harmless(client, adviser, case, query):
    client.force_login(adviser)
    response = client.get(_new_url(case), query)
    assert response.status_code == 200
    assert response.context["candidates"] == []


# Recording a referral --------------------------------------------------------------------


def test_a_referral_needs_the_persons_consent(client, adviser, case, debt_advice, chemnitz):
    client.force_login(adviser)
    response = _post(client, case, debt_advice, chemnitz, consent=None)
    assert response.status_code == 200
    assert response.context["form"].errors["consent"]
    assert not Referral.objects.exists()
    assert not AuditEntry.objects.filter(action=AuditAction.CREATE).exists()


def test_a_referral_records_consent_follow_up_and_audit(
    client, adviser, case, debt_advice, chemnitz
):
    client.force_login(adviser)
    response = _post(client, case, debt_advice, chemnitz, follow_up_weeks=8)

    referral = Referral.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("advice:referral_slip", kwargs={"pk": referral.pk})
    assert (referral.case, referral.service_organisation, referral.referred_by) == (
        case,
        chemnitz,
        adviser,
    )
    assert referral.consent_text and referral.consent_at is not None
    assert referral.ask_on == timezone.localdate() + timedelta(weeks=8)
    assert referral.outcome == ReferralOutcome.PENDING
    assert AuditEntry.objects.filter(
        action=AuditAction.CREATE, record_type="referral", record_id=referral.pk, user=adviser
    ).exists()


def test_the_default_follow_up_is_six_weeks(client, adviser, case, debt_advice, chemnitz):
    client.force_login(adviser)
    response = client.get(_new_url(case), {"service": debt_advice.pk})
    assert response.context["form"]["follow_up_weeks"].value() == 6


@pytest.mark.parametrize("weeks", ["0", "27", "abc", "9" * 30, ""])
def test_follow_up_weeks_out_of_range_are_refused(
    client, adviser, case, debt_advice, chemnitz, weeks
):
    client.force_login(adviser)
    response = _post(client, case, debt_advice, chemnitz, follow_up_weeks=weeks)
    assert response.status_code == 200
    assert response.context["form"].errors["follow_up_weeks"]
    assert not Referral.objects.exists()


def test_an_unpublished_or_unsuitable_organisation_cannot_be_chosen(
    client, adviser, case, debt_advice, chemnitz
):
    pending = _organisation_at("09111", [debt_advice], status=OrganisationStatus.PENDING)
    other_service = _organisation_at("09111", [ServiceFactory()])
    client.force_login(adviser)
    for organisation in (pending, other_service, case.organisation):
        response = _post(client, case, debt_advice, organisation)
        assert response.status_code == 200
        assert response.context["form"].errors["service_organisation"]
    response = _post(client, case, debt_advice, chemnitz, service_organisation="999999999999")
    assert response.status_code == 200
    assert not Referral.objects.exists()


def test_a_closed_case_cannot_be_referred(client, adviser, case, debt_advice, chemnitz):
    case.status = CaseStatus.CLOSED
    case.save()
    client.force_login(adviser)
    response = _post(client, case, debt_advice, chemnitz)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Referral.objects.exists()


# The slip --------------------------------------------------------------------------------


def test_the_slip_names_the_service_but_holds_no_case_data(client, adviser, case, chemnitz):
    referral = ReferralFactory(case=case, service_organisation=chemnitz, referred_by=adviser)
    client.force_login(adviser)

    response = client.get(reverse("advice:referral_slip", kwargs={"pk": referral.pk}))

    html = response.content.decode()
    assert response.status_code == 200
    assert chemnitz.name in html and "0371 111" in html
    assert chemnitz.places.get().street in html
    assert PERSON_NAME not in html and "Erika" not in html
    assert NOTE_TEXT not in html and "Mietschulden" not in html
    assert 'id="slip-mail-link"' in html
    assert AuditEntry.objects.filter(
        action=AuditAction.READ, record_type="referral", record_id=referral.pk
    ).exists()


# Follow-up -------------------------------------------------------------------------------


def _run_follow_ups():
    call_command("send_referral_follow_ups", base_url="https://gemeinwerk.example")


def test_the_adviser_is_asked_once_and_only_when_due(mailoutbox, adviser, case, chemnitz):
    referral = ReferralFactory(
        case=case,
        service_organisation=chemnitz,
        referred_by=adviser,
        ask_on=timezone.localdate() + timedelta(days=1),
    )
    _run_follow_ups()
    assert mailoutbox == []

    Referral.objects.filter(pk=referral.pk).update(ask_on=timezone.localdate())
    _run_follow_ups()
    _run_follow_ups()

    assert [message.to for message in mailoutbox] == [[adviser.email]]
    referral.refresh_from_db()
    assert referral.reminded_at is not None
    feedback_path = reverse("advice:referral_feedback", kwargs={"pk": referral.pk})
    assert "https://gemeinwerk.example" + feedback_path in mailoutbox[0].body


def test_the_follow_up_email_holds_nothing_confidential(mailoutbox, adviser, case, chemnitz):
    ReferralFactory(
        case=case, service_organisation=chemnitz, referred_by=adviser, ask_on=timezone.localdate()
    )
    _run_follow_ups()
    message = mailoutbox[0]
    for text in (message.subject, message.body):
        for secret in (PERSON_NAME, "Erika", NOTE_TEXT, "Mietschulden", chemnitz.name):
            assert secret not in text


def test_no_follow_up_once_answered_or_for_an_adviser_who_left(mailoutbox, adviser, case, chemnitz):
    ReferralFactory(
        case=case,
        service_organisation=chemnitz,
        referred_by=adviser,
        ask_on=timezone.localdate() - timedelta(days=3),
        outcome=ReferralOutcome.SOLVED,
    )
    former = AdviceRoleFactory(organisation=case.organisation)
    case.advisers.add(former.user)
    left = ReferralFactory(
        case=case,
        service_organisation=chemnitz,
        referred_by=former.user,
        ask_on=timezone.localdate(),
    )
    former.delete()

    _run_follow_ups()

    assert mailoutbox == []
    left.refresh_from_db()
    assert left.reminded_at is not None


def test_feedback_is_recorded_with_an_audit_entry(client, adviser, case, chemnitz):
    referral = ReferralFactory(case=case, service_organisation=chemnitz, referred_by=adviser)
    client.force_login(adviser)
    url = reverse("advice:referral_feedback", kwargs={"pk": referral.pk})

    assert client.get(url).status_code == 200
    for bad in ("pending", "maybe", ""):
        response = client.post(url, {"outcome": bad})
        assert response.status_code == 200 and response.context["form"].errors
    referral.refresh_from_db()
    assert referral.outcome == ReferralOutcome.PENDING

    response = client.post(url, {"outcome": ReferralOutcome.APPOINTMENT_MADE})

    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.outcome == ReferralOutcome.APPOINTMENT_MADE
    assert referral.outcome_recorded_at is not None
    assert AuditEntry.objects.filter(
        action=AuditAction.CHANGE, record_type="referral", record_id=referral.pk, user=adviser
    ).exists()


def test_due_list_shows_unanswered_referrals_whose_date_has_come(
    client, adviser, lead, case, chemnitz, django_assert_num_queries
):
    """1 session, 1 user, 1 "is in a team?", 1 referrals with their services: 4 queries
    however many referrals are due."""
    today = timezone.localdate()
    due = ReferralFactory(case=case, service_organisation=chemnitz, ask_on=today)
    ReferralFactory(case=case, service_organisation=chemnitz, ask_on=today + timedelta(days=1))
    ReferralFactory(
        case=case, service_organisation=chemnitz, ask_on=today, outcome=ReferralOutcome.SOLVED
    )
    ReferralFactory(ask_on=today)  # another organisation's case
    client.force_login(adviser)
    url = reverse("advice:referrals_due")

    with django_assert_num_queries(4):
        response = client.get(url)
    assert [referral.pk for referral in response.context["referrals"]] == [due.pk]

    ReferralFactory.create_batch(
        5, case=case, service_organisation=OrganisationFactory(), ask_on=today
    )
    with django_assert_num_queries(4):
        response = client.get(url)
    assert len(response.context["referrals"]) == 6
    assert PERSON_NAME not in response.content.decode()
    assert not AuditEntry.objects.filter(action=AuditAction.READ).exists()


# Statistics ------------------------------------------------------------------------------


def test_outcomes_are_counted_per_counselling_service(case, chemnitz, aue):
    year = timezone.now().year
    for outcome in (ReferralOutcome.SOLVED, ReferralOutcome.SOLVED, ReferralOutcome.NOT_REACHED):
        ReferralFactory(case=case, service_organisation=chemnitz, outcome=outcome)
    ReferralFactory(case=case, service_organisation=aue)
    ReferralFactory(service_organisation=aue)  # another organisation's referral
    ReferralFactory(
        case=case,
        service_organisation=aue,
        referred_at=timezone.now() - timedelta(days=366),
    )

    rows = selectors.referral_outcomes_by_service(case.organisation, year)

    assert rows == [
        {
            "id": aue.pk,
            "name": aue.name,
            "total": 1,
            "pending": 1,
            "appointment_made": 0,
            "solved": 0,
            "not_reached": 0,
        },
        {
            "id": chemnitz.pk,
            "name": chemnitz.name,
            "total": 3,
            "pending": 0,
            "appointment_made": 0,
            "solved": 2,
            "not_reached": 1,
        },
    ]


def test_a_referral_is_recorded_as_an_outcome_of_the_concern_behind_the_case(
    organisation, adviser, debt_advice, chemnitz
):
    concern = ConcernFactory(organisation=organisation)
    case = AdviceCaseFactory(organisation=organisation, concern=concern, advisers=[adviser])
    referral = referral_create(
        case=case,
        service=debt_advice,
        service_organisation=chemnitz,
        consent_given=True,
        consent_text="Einwilligung",
        follow_up_weeks=6,
        by=adviser,
    )
    outcome = ConcernOutcome.objects.get(concern=concern)
    assert (outcome.kind, outcome.referral) == (OutcomeKind.REFERRAL, referral)
    concern.refresh_from_db()
    assert concern.status == ConcernStatus.IN_PROGRESS
