"""The intake: the residents' concern form, concerns taken down on someone's behalf, the
triage queue, one concern with its audit trail, and the outcomes it turns into."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from advice.forms_intake import CONSENT_TEXT, VERBAL_CONSENT_TEXT
from advice.models import (
    AdviceCase,
    AdviceRoleKind,
    AuditAction,
    AuditEntry,
    Channel,
    Concern,
    ConcernKind,
    ConcernOutcome,
    ConcernStatus,
    ModerationCase,
    OutcomeKind,
)
from directory.tests.factories import (
    NeighbourhoodFactory,
    OfficeHourRuleFactory,
    OrganisationFactory,
    UserFactory,
)
from engagement.models import HelpCategory, HelpRequest, Placement, PlacementKind
from engagement.tests.factories import OpportunityFactory

from .factories import (
    AdviceRoleFactory,
    AdviceTopicFactory,
    AppointmentScheduleFactory,
    ConcernFactory,
)

pytestmark = pytest.mark.django_db

NEW_URL = "/beratung/anliegen/"
RECORD_URL = "/beratung/anliegen/erfassen/"
TRIAGE_URL = "/beratung/anliegen/eingang/"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.fixture
def adviser(organisation):
    return AdviceRoleFactory(organisation=organisation).user


@pytest.fixture
def adviser_client(client, adviser):
    client.force_login(adviser)
    return client


def detail_url(concern):
    return reverse("advice:concern_detail", kwargs={"pk": concern.pk})


def outcome_url(concern):
    return reverse("advice:concern_outcome_add", kwargs={"pk": concern.pk})


def raw_value(table: str, column: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


def public_post(target, **changes):
    data = {
        "organisation": target.slug,
        "kind": ConcernKind.FORMS,
        "description": "Der Bescheid vom Jobcenter ist unverständlich.",
        "contact_name": "Erika Beispiel",
        "contact_email": "erika@example.org",
        "contact_phone": "",
        "neighbourhood": "",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


# The residents' form


def test_public_concern_is_stored_encrypted_with_consent_and_the_team_is_told_nothing_more(
    client, organisation, adviser, django_capture_on_commit_callbacks
):
    lead = AdviceRoleFactory(organisation=organisation, role=AdviceRoleKind.LEAD).user
    AdviceRoleFactory()  # another organisation's team hears nothing
    neighbourhood = NeighbourhoodFactory(municipality=organisation.municipality)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(NEW_URL, public_post(organisation, neighbourhood=neighbourhood.pk))

    assert response.status_code == 302
    assert response.url == reverse("advice:concern_thanks")
    concern = Concern.objects.get()
    assert concern.organisation == organisation
    assert concern.channel == Channel.ONLINE
    assert concern.status == ConcernStatus.NEW
    assert concern.neighbourhood == neighbourhood
    assert concern.consent_text == str(CONSENT_TEXT)
    assert abs(concern.consent_at - timezone.now()) < timedelta(minutes=1)
    for column in ("description", "contact_name", "contact_email"):
        stored = raw_value("advice_concern", column, concern.pk)
        assert stored.startswith("fernet:")
        assert "Jobcenter" not in stored and "Erika" not in stored and "erika@" not in stored
    assert AuditEntry.objects.filter(
        action=AuditAction.CREATE, record_type="concern", record_id=concern.pk
    ).exists()

    assert sorted(message.to[0] for message in mail.outbox) == sorted([adviser.email, lead.email])
    for message in mail.outbox:
        assert len(message.to) == 1
        text = message.subject + message.body
        assert "Jobcenter" not in text and "Erika" not in text and "erika@" not in text
        assert f"http://testserver{TRIAGE_URL}" in message.body
        assert f"/{concern.pk}/" not in message.body

    thanks = client.get(response.url)
    assert thanks.status_code == 200
    assert b"Erika" not in thanks.content and b"Jobcenter" not in thanks.content


def test_the_form_preselects_the_organisation_and_offers_only_those_with_an_advice_team(
    client, organisation, adviser
):
    without_team = OrganisationFactory()
    response = client.get(f"{NEW_URL}?organisation={organisation.slug}")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["organisation"] == organisation.slug
    assert list(form.fields["organisation"].queryset) == [organisation]
    assert without_team not in form.fields["organisation"].queryset
    for odd in ("%00", "../../etc", "x" * 500, without_team.slug):
        response = client.get(f"{NEW_URL}?organisation={odd}")
        assert response.status_code == 200
        assert "organisation" not in response.context["form"].initial


@pytest.mark.parametrize(
    "changes",
    [
        {"contact_email": "", "contact_phone": ""},
        {"consent": None},
        {"organisation": "gibt-es-nicht"},
        {"organisation": "\x00"},
        {"description": "x" * 5001},
        {"description": ""},
        {"contact_name": ""},
        {"contact_email": "keine-adresse"},
        {"contact_phone": "12"},
        {"kind": "anything"},
        {"neighbourhood": "999999999999999999999"},
    ],
    ids=lambda changes: ",".join(changes),
)
def test_bad_input_is_refused_and_changes_nothing(client, organisation, adviser, changes):
    response = client.post(NEW_URL, public_post(organisation, **changes))
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Concern.objects.exists()
    assert not mail.outbox


def test_organisation_without_advice_team_and_foreign_neighbourhood_are_refused(
    client, organisation, adviser
):
    without_team = OrganisationFactory()
    response = client.post(NEW_URL, public_post(without_team))
    assert "organisation" in response.context["form"].errors
    elsewhere = NeighbourhoodFactory()
    AdviceRoleFactory(organisation=OrganisationFactory(municipality=elsewhere.municipality))
    response = client.post(NEW_URL, public_post(organisation, neighbourhood=elsewhere.pk))
    assert "neighbourhood" in response.context["form"].errors
    assert not Concern.objects.exists()


def test_a_bot_filling_the_honeypot_sees_thanks_but_nothing_is_stored(
    client, organisation, adviser, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(NEW_URL, public_post(organisation, website="https://spam.example"))
    assert response.status_code == 302
    assert not Concern.objects.exists()
    assert not mail.outbox


def test_too_many_concerns_from_one_address_are_refused(client, organisation, adviser):
    for number in range(5):
        response = client.post(
            NEW_URL, public_post(organisation, description=f"Anliegen Nummer {number}")
        )
        assert response.status_code == 302
    response = client.post(NEW_URL, public_post(organisation, description="noch eins"))
    assert response.status_code == 429
    assert Concern.objects.count() == 5


def test_landing_page_lists_bookable_appointments_and_walk_in_hours(client, organisation, adviser):
    schedule = AppointmentScheduleFactory(organisation=organisation)
    AppointmentScheduleFactory(organisation=organisation, is_active=False, title="Pausiert")
    rule = OfficeHourRuleFactory(place__organisation=organisation)
    OfficeHourRuleFactory()  # an organisation without advice
    response = client.get("/beratung/")
    assert response.status_code == 200
    assert list(response.context["schedules"]) == [schedule]
    places = [walk_in["place"] for walk_in in response.context["walk_ins"]]
    # Every place of an organisation that advises, the paused schedule's place as well.
    assert rule.place in places and schedule.place in places
    assert len(places) == 3
    assert rule.place.get_absolute_url().encode() in response.content
    assert reverse("advice:concern_new").encode() in response.content
    assert b'aria-current="page"' in response.content


# Recorded on someone's behalf


def record_post(target, **changes):
    data = {
        "organisation": target.pk,
        "channel": Channel.PHONE,
        "contact_kind": "follow_up",
        "kind": ConcernKind.QUESTION,
        "topic": "",
        "description": "Frau K. ruft wegen der Nebenkostenabrechnung an.",
        "contact_name": "Frau K.",
        "contact_phone": "0371 123456",
        "contact_email": "",
        "neighbourhood": "",
        "responsible": "",
        "follow_up_on": "",
        "consent_on": timezone.localdate().isoformat(),
        "consent": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_an_adviser_records_a_phone_concern_without_an_email_address(
    adviser_client, adviser, organisation
):
    topic = AdviceTopicFactory()
    yesterday = timezone.localdate() - timedelta(days=1)
    follow_up = timezone.localdate() + timedelta(days=3)
    response = adviser_client.post(
        RECORD_URL,
        record_post(
            organisation,
            topic=topic.pk,
            consent_on=yesterday.isoformat(),
            follow_up_on=follow_up.isoformat(),
        ),
    )
    concern = Concern.objects.get()
    assert response.status_code == 302
    assert response.url == detail_url(concern)
    assert concern.channel == Channel.PHONE
    assert concern.contact_email == ""
    assert concern.is_first_contact is False
    assert concern.topic == topic
    assert concern.recorded_by == adviser
    assert concern.responsible == adviser
    assert concern.follow_up_on == follow_up
    assert timezone.localtime(concern.consent_at).date() == yesterday
    assert str(VERBAL_CONSENT_TEXT) in concern.consent_text
    assert yesterday.strftime("%d.%m.%Y") in concern.consent_text
    assert not mail.outbox


def test_recording_refuses_bad_input(adviser_client, organisation):
    other_team_member = AdviceRoleFactory().user
    tomorrow = timezone.localdate() + timedelta(days=1)
    for changes in (
        {"consent": None},
        {"consent_on": tomorrow.isoformat()},
        {"consent_on": "31.02.2026"},
        {"follow_up_on": "2000-01-01"},
        {"channel": Channel.ONLINE},
        {"responsible": other_team_member.pk},
        {"organisation": OrganisationFactory().pk},
        {"contact_name": ""},
        {"description": "x" * 5001},
    ):
        response = adviser_client.post(RECORD_URL, record_post(organisation, **changes))
        assert response.status_code == 200, changes
        assert response.context["form"].errors, changes
    assert not Concern.objects.exists()


def test_a_member_of_two_teams_chooses_the_organisation(client, adviser, organisation):
    second = AdviceRoleFactory(user=adviser).organisation
    colleague = AdviceRoleFactory(organisation=second).user
    client.force_login(adviser)
    form = client.get(RECORD_URL).context["form"]
    assert not form.single_organisation
    assert set(form.fields["organisation"].queryset) == {organisation, second}
    response = client.post(RECORD_URL, record_post(second, responsible=colleague.pk))
    assert response.status_code == 302
    concern = Concern.objects.get()
    assert (concern.organisation, concern.responsible) == (second, colleague)


# The triage queue


def test_queue_shows_open_concerns_overdue_first_without_names_or_text(
    adviser_client, adviser, organisation
):
    today = timezone.localdate()
    later = ConcernFactory(organisation=organisation, follow_up_on=today + timedelta(days=5))
    overdue = ConcernFactory(organisation=organisation, follow_up_on=today - timedelta(days=2))
    fresh = ConcernFactory(organisation=organisation)
    ConcernFactory(organisation=organisation, status=ConcernStatus.DONE)
    ConcernFactory()  # another organisation's

    response = adviser_client.get(TRIAGE_URL)
    assert response.status_code == 200
    rows = list(response.context["page"])
    assert rows[0] == overdue
    assert set(rows) == {overdue, later, fresh}
    assert f'id="concern-{overdue.pk}" data-overdue="true"'.encode() in response.content
    assert b"Bewohnerin" not in response.content
    assert b"Wohngeld" not in response.content
    assert b"0371" not in response.content
    assert not AuditEntry.objects.filter(action=AuditAction.READ).exists()

    partial = adviser_client.get(TRIAGE_URL, headers={"HX-Request": "true"})
    assert partial.status_code == 200
    assert b"<html" not in partial.content


def test_queue_filters(adviser_client, adviser, organisation):
    today = timezone.localdate()
    mine = ConcernFactory(organisation=organisation, responsible=adviser, kind=ConcernKind.IDEA)
    overdue = ConcernFactory(organisation=organisation, follow_up_on=today - timedelta(days=1))
    done = ConcernFactory(organisation=organisation, status=ConcernStatus.DONE)

    def shown(query):
        return set(adviser_client.get(f"{TRIAGE_URL}?{query}").context["page"])

    assert shown("status=done") == {done}
    assert shown("status=all") == {mine, overdue, done}
    assert shown("kind=idea") == {mine}
    assert shown("responsible=me") == {mine}
    assert shown("overdue=on") == {overdue}
    assert shown("status=nonsense&kind=%00&page=-1") == {mine, overdue}


def test_queue_runs_a_constant_number_of_queries(
    adviser_client, adviser, organisation, django_assert_num_queries
):
    """1. the session, 2. the signed-in user, 3. whether they are in an advice team,
    4. the count for the paginator, 5. the page of concerns with topic and responsible."""
    topic = AdviceTopicFactory()
    for number in range(12):
        ConcernFactory(
            organisation=organisation,
            topic=topic,
            responsible=adviser,
            follow_up_on=timezone.localdate() + timedelta(days=number - 6),
        )
    with django_assert_num_queries(5):
        response = adviser_client.get(TRIAGE_URL)
    assert len(response.context["page"]) == 12


# One concern


def test_opening_a_concern_writes_a_read_entry_and_shows_its_contact(
    adviser_client, adviser, organisation
):
    concern = ConcernFactory(organisation=organisation, contact_name="Erika Beispiel")
    response = adviser_client.get(detail_url(concern))
    assert response.status_code == 200
    assert b"Erika Beispiel" in response.content
    assert b"Wohngeld" in response.content
    entry = AuditEntry.objects.get(action=AuditAction.READ)
    assert (entry.user, entry.record_type, entry.record_id) == (adviser, "concern", concern.pk)
    assert "Erika" not in entry.detail


def test_triage_changes_are_saved_and_audited(adviser_client, adviser, organisation):
    concern = ConcernFactory(organisation=organisation)
    colleague = AdviceRoleFactory(organisation=organisation).user
    topic = AdviceTopicFactory()
    follow_up = timezone.localdate() + timedelta(days=7)
    response = adviser_client.post(
        detail_url(concern),
        {
            "triage-status": ConcernStatus.DONE,
            "triage-responsible": colleague.pk,
            "triage-follow_up_on": follow_up.isoformat(),
            "triage-topic": topic.pk,
        },
    )
    assert response.status_code == 302
    concern.refresh_from_db()
    assert (concern.status, concern.responsible, concern.follow_up_on, concern.topic) == (
        ConcernStatus.DONE,
        colleague,
        follow_up,
        topic,
    )
    assert concern.closed_at is not None
    change = AuditEntry.objects.get(action=AuditAction.CHANGE)
    assert change.detail == "status, responsible, follow_up_on, topic"


def test_triage_refuses_an_outsider_as_responsible_and_bad_dates(adviser_client, organisation):
    concern = ConcernFactory(organisation=organisation)
    outsider = AdviceRoleFactory().user
    for data in (
        {"triage-status": ConcernStatus.NEW, "triage-responsible": outsider.pk},
        {"triage-status": ConcernStatus.NEW, "triage-follow_up_on": "2026-13-45"},
        {"triage-status": "gone"},
        {"triage-status": ConcernStatus.NEW, "triage-topic": "99999999999999999999"},
    ):
        response = adviser_client.post(detail_url(concern), data)
        assert response.status_code == 200, data
        assert response.context["form"].errors, data
    concern.refresh_from_db()
    assert concern.responsible is None
    assert not AuditEntry.objects.filter(action=AuditAction.CHANGE).exists()


# Outcomes


def test_a_concern_becomes_an_advice_case(adviser_client, adviser, organisation):
    topic = AdviceTopicFactory()
    neighbourhood = NeighbourhoodFactory(municipality=organisation.municipality)
    concern = ConcernFactory(
        organisation=organisation,
        topic=topic,
        neighbourhood=neighbourhood,
        contact_email="k@example.org",
        is_first_contact=False,
    )
    response = adviser_client.post(outcome_url(concern), {"kind": OutcomeKind.CASE})
    case = AdviceCase.objects.get()
    assert response.status_code == 302
    assert response.url in (
        f"/beratung/faelle/{case.pk}/",
        detail_url(concern),
    ) or response.url.endswith(f"/{case.pk}/")
    assert (case.organisation, case.concern, case.neighbourhood) == (
        organisation,
        concern,
        neighbourhood,
    )
    assert list(case.advisers.all()) == [adviser]
    assert list(case.topics.all()) == [topic]
    assert case.person_name == concern.contact_name
    assert "0371 0000 123" in case.contact and "k@example.org" in case.contact
    assert case.is_first_contact is False
    outcome = ConcernOutcome.objects.get()
    assert (outcome.kind, outcome.case, outcome.created_by) == (OutcomeKind.CASE, case, adviser)
    concern.refresh_from_db()
    assert concern.status == ConcernStatus.IN_PROGRESS
    assert AuditEntry.objects.filter(
        action=AuditAction.CREATE, record_type="advicecase", record_id=case.pk
    ).exists()
    page = adviser_client.get(detail_url(concern))
    assert f'id="outcome-{outcome.pk}"'.encode() in page.content


def test_a_conflict_becomes_a_moderation(adviser_client, adviser, organisation):
    concern = ConcernFactory(
        organisation=organisation, kind=ConcernKind.CONFLICT, description="Lärm nachts"
    )
    response = adviser_client.post(outcome_url(concern), {"kind": OutcomeKind.MODERATION})
    assert response.status_code == 302
    moderation = ModerationCase.objects.get()
    assert moderation.subject == "Lärm nachts"
    assert list(moderation.mediators.all()) == [adviser]
    assert ConcernOutcome.objects.get().moderation == moderation


def test_a_concern_about_forms_is_handed_on_as_a_help_request(
    adviser_client, adviser, organisation
):
    concern = ConcernFactory(
        organisation=organisation, kind=ConcernKind.FORMS, contact_email="k@example.org"
    )
    response = adviser_client.post(
        outcome_url(concern),
        {
            "kind": OutcomeKind.HELP_REQUEST,
            "postcode": "09122",
            "description": "Hilfe beim Ausfüllen eines Antrags",
            "handoff_consent": "on",
        },
    )
    assert response.status_code == 302
    help_request = HelpRequest.objects.get()
    assert help_request.organisation == organisation
    assert help_request.category == HelpCategory.FORMS
    assert help_request.requester_name == concern.contact_name
    assert help_request.requester_phone == concern.contact_phone
    assert help_request.description == "Hilfe beim Ausfüllen eines Antrags"
    outcome = ConcernOutcome.objects.get()
    assert outcome.kind == OutcomeKind.HELP_REQUEST
    assert outcome.external_url == reverse(
        "engagement:help_request_manage", kwargs={"pk": help_request.pk}
    )


def test_a_help_request_needs_consent_postcode_and_a_description(adviser_client, organisation):
    concern = ConcernFactory(organisation=organisation, kind=ConcernKind.NEED_HELP)
    complete = {
        "kind": OutcomeKind.HELP_REQUEST,
        "postcode": "09122",
        "description": "Einkaufen",
        "handoff_consent": "on",
    }
    for missing, value in (
        ("handoff_consent", None),
        ("postcode", ""),
        ("postcode", "00000"),
        ("description", ""),
    ):
        data = (
            {**complete, missing: value}
            if value is not None
            else {key: item for key, item in complete.items() if key != missing}
        )
        response = adviser_client.post(outcome_url(concern), data)
        assert response.status_code == 200, missing
        assert missing in response.context["form"].errors, missing
    assert not HelpRequest.objects.exists()
    assert not ConcernOutcome.objects.exists()


def test_an_offer_to_help_becomes_a_placement(adviser_client, adviser, organisation):
    opportunity = OpportunityFactory(organisation=organisation)
    concern = ConcernFactory(organisation=organisation, kind=ConcernKind.OFFER_HELP)
    response = adviser_client.post(
        outcome_url(concern),
        {
            "kind": OutcomeKind.PLACEMENT,
            "description": "Möchte gern vorlesen",
            "handoff_consent": "on",
        },
    )
    assert response.status_code == 302
    placement = Placement.objects.get()
    assert (placement.kind, placement.organisation, placement.opportunity) == (
        PlacementKind.HELP_OFFER,
        organisation,
        opportunity,
    )
    assert placement.contact_name == concern.contact_name
    assert placement.contact_phone == concern.contact_phone
    outcome = ConcernOutcome.objects.get()
    assert outcome.external_url == placement.get_absolute_url()


def test_an_offer_to_help_without_any_opportunity_is_explained(adviser_client, organisation):
    concern = ConcernFactory(organisation=organisation, kind=ConcernKind.OFFER_HELP)
    response = adviser_client.post(
        outcome_url(concern),
        {"kind": OutcomeKind.PLACEMENT, "description": "Vorlesen", "handoff_consent": "on"},
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Placement.objects.exists()
    assert not ConcernOutcome.objects.exists()


def test_an_idea_is_kept_and_the_outcome_page_refuses_nonsense(adviser_client, organisation):
    concern = ConcernFactory(organisation=organisation, kind=ConcernKind.IDEA)
    response = adviser_client.post(outcome_url(concern), {"kind": "appointment"})
    assert response.status_code == 200
    assert adviser_client.get(f"{outcome_url(concern)}?kind=%00").status_code == 200
    response = adviser_client.post(outcome_url(concern), {"kind": OutcomeKind.IDEA})
    assert response.status_code == 302
    outcome = ConcernOutcome.objects.get()
    assert (outcome.kind, outcome.external_url) == (OutcomeKind.IDEA, "")


def test_the_concern_page_links_to_booking_and_referral_pages(
    adviser_client, adviser, organisation
):
    schedule = AppointmentScheduleFactory(organisation=organisation)
    concern = ConcernFactory(organisation=organisation)
    response = adviser_client.get(detail_url(concern))
    assert response.status_code == 200
    assert list(response.context["schedules"]) == [schedule]
    assert list(response.context["cases"]) == []
    adviser_client.post(outcome_url(concern), {"kind": OutcomeKind.CASE})
    response = adviser_client.get(detail_url(concern))
    assert list(response.context["cases"]) == [AdviceCase.objects.get()]


def test_outsiders_get_nothing_from_hostile_ids(adviser_client):
    for url in (
        "/beratung/anliegen/999999999/",
        "/beratung/anliegen/99999999999999999999/",
        "/beratung/anliegen/999999999/ergebnis/",
    ):
        assert adviser_client.get(url).status_code == 404


def test_a_new_user_unrelated_to_advice_gets_403_on_team_pages(client):
    client.force_login(UserFactory())
    assert client.get(TRIAGE_URL).status_code == 403
    assert client.get(RECORD_URL).status_code == 403
