"""Conflict moderation: opening one, parties, sessions (two parties first, sensible
dates), agreements, follow-up, closing and reopening, the list, and the audit log."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from advice.models import (
    AdviceRoleKind,
    AuditAction,
    AuditEntry,
    CaseStatus,
    ModerationAgreement,
    ModerationCase,
    ModerationParty,
    ModerationSession,
)
from directory.tests.factories import NeighbourhoodFactory, OrganisationFactory

from .factories import AdviceRoleFactory, ModerationCaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.fixture
def mediator(organisation):
    return AdviceRoleFactory(organisation=organisation).user


@pytest.fixture
def colleague(organisation):
    return AdviceRoleFactory(organisation=organisation).user


@pytest.fixture
def moderation(organisation, mediator):
    return ModerationCaseFactory(
        organisation=organisation,
        mediators=[mediator],
        opened_at=timezone.now() - timedelta(days=10),
    )


@pytest.fixture
def signed_in(client, mediator):
    client.force_login(mediator)
    return client


def _url(name, moderation, **kwargs):
    return reverse(f"advice:{name}", kwargs={"pk": moderation.pk, **kwargs})


def _add_parties(moderation, count):
    for number in range(count):
        ModerationParty.objects.create(moderation=moderation, label=f"Haushalt {number}")


def _audited(action, record_type, record_id=None):
    entries = AuditEntry.objects.filter(action=action, record_type=record_type)
    if record_id is not None:
        entries = entries.filter(record_id=record_id)
    return entries.exists()


# Opening ---------------------------------------------------------------------------------


def test_opening_a_moderation_with_further_mediators(signed_in, organisation, mediator, colleague):
    neighbourhood = NeighbourhoodFactory(municipality=organisation.municipality)
    response = signed_in.post(
        reverse("advice:moderation_new"),
        {
            "organisation": organisation.pk,
            "subject": "Streit um den Hof",
            "neighbourhood": neighbourhood.pk,
            "mediators": [colleague.pk],
        },
    )
    moderation = ModerationCase.objects.get()
    assert response.status_code == 302
    assert response.url == _url("moderation_detail", moderation)
    assert set(moderation.mediators.all()) == {mediator, colleague}
    assert moderation.neighbourhood == neighbourhood
    assert moderation.status == CaseStatus.OPEN
    assert _audited(AuditAction.CREATE, "moderationcase", moderation.pk)


def test_mediators_must_be_in_the_same_team(signed_in, organisation):
    stranger = AdviceRoleFactory().user
    response = signed_in.post(
        reverse("advice:moderation_new"),
        {"organisation": organisation.pk, "subject": "Lärm", "mediators": [stranger.pk]},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["mediators"]
    assert not ModerationCase.objects.exists()


def test_a_member_of_several_teams_chooses_among_their_organisations(client, organisation):
    second = OrganisationFactory()
    foreign = OrganisationFactory()
    person = AdviceRoleFactory(organisation=organisation).user
    AdviceRoleFactory(organisation=second, user=person)
    client.force_login(person)
    url = reverse("advice:moderation_new")

    form = client.get(url).context["form"]
    assert set(form.fields["organisation"].queryset) == {organisation, second}
    response = client.post(url, {"organisation": foreign.pk, "subject": "Lärm"})
    assert response.context["form"].errors["organisation"]
    response = client.post(url, {"organisation": second.pk, "subject": "Lärm"})
    assert response.status_code == 302
    assert ModerationCase.objects.get().organisation == second


@pytest.mark.parametrize(
    "data",
    [
        {"subject": ""},
        {"subject": "   "},
        {"subject": "Lärm", "follow_up_on": "2020-01-01"},
        {"subject": "Lärm", "follow_up_on": "99999-01-01"},
        {"subject": "Lärm", "neighbourhood": "abc"},
        {"subject": "Lärm", "mediators": ["99999999999999999999"]},
    ],
)
def test_bad_input_when_opening_changes_nothing(signed_in, organisation, data):
    response = signed_in.post(
        reverse("advice:moderation_new"), {"organisation": organisation.pk, **data}
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not ModerationCase.objects.exists()


# Parties ---------------------------------------------------------------------------------


def test_parties_are_added_edited_and_removed(signed_in, moderation):
    response = signed_in.post(
        _url("moderation_party_add", moderation),
        {"party-label": "Familie A, 2. OG", "party-contact": "0371 123"},
    )
    assert response.status_code == 302
    party = moderation.parties.get()
    assert (party.label, party.contact) == ("Familie A, 2. OG", "0371 123")
    assert _audited(AuditAction.CREATE, "moderationparty", party.pk)

    edit_url = _url("moderation_party_edit", moderation, party=party.pk)
    assert signed_in.get(edit_url).status_code == 200
    response = signed_in.post(edit_url, {"label": "Familie A", "contact": ""})
    assert response.status_code == 302
    party.refresh_from_db()
    assert (party.label, party.contact) == ("Familie A", "")
    assert _audited(AuditAction.CHANGE, "moderationparty", party.pk)

    response = signed_in.post(_url("moderation_party_remove", moderation, party=party.pk))
    assert response.status_code == 302
    assert not moderation.parties.exists()
    assert _audited(AuditAction.DELETE, "moderationparty", party.pk)


def test_a_party_needs_a_label(signed_in, moderation):
    response = signed_in.post(_url("moderation_party_add", moderation), {"party-label": "  "})
    assert response.status_code == 400
    assert response.context["party_form"].errors
    assert not moderation.parties.exists()


def test_a_party_of_another_moderation_is_not_found(signed_in, moderation, organisation):
    other = ModerationCaseFactory(organisation=organisation)
    _add_parties(other, 1)
    party = other.parties.get()
    for url in (
        _url("moderation_party_edit", moderation, party=party.pk),
        _url("moderation_party_remove", moderation, party=party.pk),
    ):
        assert signed_in.post(url, {"label": "X"}).status_code == 404
    assert other.parties.get().label == "Haushalt 0"


def test_party_labels_are_encrypted_at_rest(moderation):
    from django.db import connection

    _add_parties(moderation, 1)
    with connection.cursor() as cursor:
        cursor.execute("SELECT label FROM advice_moderationparty")
        assert "Haushalt" not in cursor.fetchone()[0]


# Sessions --------------------------------------------------------------------------------


def test_a_session_needs_two_parties(signed_in, moderation):
    _add_parties(moderation, 1)
    data = {"session-held_on": timezone.localdate().isoformat(), "session-notes": "Erstgespräch"}

    response = signed_in.post(_url("moderation_session_add", moderation), data)
    assert response.status_code == 400
    assert response.context["session_form"].non_field_errors()
    assert 'id="two-parties-needed"' in response.content.decode()
    assert not moderation.sessions.exists()

    _add_parties(moderation, 1)
    response = signed_in.post(_url("moderation_session_add", moderation), data)
    assert response.status_code == 302
    session = moderation.sessions.get()
    assert (session.held_on, session.notes) == (timezone.localdate(), "Erstgespräch")
    assert _audited(AuditAction.CREATE, "moderationsession", session.pk)


@pytest.mark.parametrize(
    "held_on",
    [
        "before_opening",
        "far_future",
        "31.02.2026",
        "not a date",
        "",
        "99999-01-01",
    ],
)
def test_bad_session_dates_are_refused(signed_in, moderation, held_on):
    _add_parties(moderation, 2)
    today = timezone.localdate()
    held_on = {
        "before_opening": (today - timedelta(days=11)).isoformat(),
        "far_future": (today + timedelta(days=400)).isoformat(),
    }.get(held_on, held_on)
    response = signed_in.post(
        _url("moderation_session_add", moderation), {"session-held_on": held_on}
    )
    assert response.status_code == 400
    assert response.context["session_form"].errors
    assert not ModerationSession.objects.exists()


def test_the_last_two_parties_stay_once_sessions_were_held(signed_in, moderation):
    _add_parties(moderation, 2)
    ModerationSession.objects.create(moderation=moderation, held_on=timezone.localdate())
    party = moderation.parties.first()
    response = signed_in.post(_url("moderation_party_remove", moderation, party=party.pk))
    assert response.status_code == 302
    assert moderation.parties.count() == 2


# Agreements and follow-up ----------------------------------------------------------------


def test_agreements_are_recorded_with_review_dates(signed_in, moderation):
    today = timezone.localdate()
    response = signed_in.post(
        _url("moderation_agreement_add", moderation),
        {
            "agreement-text": "Ruhezeiten ab 22 Uhr",
            "agreement-reached_on": today.isoformat(),
            "agreement-review_on": (today + timedelta(weeks=8)).isoformat(),
        },
    )
    assert response.status_code == 302
    agreement = moderation.agreements.get()
    assert agreement.text == "Ruhezeiten ab 22 Uhr"
    assert agreement.review_on == today + timedelta(weeks=8)
    assert _audited(AuditAction.CREATE, "moderationagreement", agreement.pk)


@pytest.mark.parametrize(
    "reached_on, review_on",
    [
        (1, None),  # in the future
        (-11, None),  # before the moderation was opened
        (0, -1),  # review before the agreement
        (0, 400),  # review more than a year ahead
    ],
)
def test_bad_agreement_dates_are_refused(signed_in, moderation, reached_on, review_on):
    today = timezone.localdate()
    data = {
        "agreement-text": "Ruhezeiten",
        "agreement-reached_on": (today + timedelta(days=reached_on)).isoformat(),
    }
    if review_on is not None:
        data["agreement-review_on"] = (today + timedelta(days=review_on)).isoformat()
    response = signed_in.post(_url("moderation_agreement_add", moderation), data)
    assert response.status_code == 400
    assert response.context["agreement_form"].errors
    assert not ModerationAgreement.objects.exists()


def test_follow_up_date_is_set_cleared_and_never_in_the_past(signed_in, moderation):
    url = _url("moderation_follow_up", moderation)
    soon = timezone.localdate() + timedelta(days=14)
    assert signed_in.post(url, {"follow_up-follow_up_on": soon.isoformat()}).status_code == 302
    moderation.refresh_from_db()
    assert moderation.follow_up_on == soon

    yesterday = timezone.localdate() - timedelta(days=1)
    response = signed_in.post(url, {"follow_up-follow_up_on": yesterday.isoformat()})
    assert response.status_code == 400
    moderation.refresh_from_db()
    assert moderation.follow_up_on == soon

    assert signed_in.post(url, {"follow_up-follow_up_on": ""}).status_code == 302
    moderation.refresh_from_db()
    assert moderation.follow_up_on is None
    assert _audited(AuditAction.CHANGE, "moderationcase", moderation.pk)


def test_mediators_can_be_changed_within_the_team(signed_in, moderation, mediator, colleague):
    url = _url("moderation_mediators", moderation)
    response = signed_in.post(url, {"mediators-mediators": [mediator.pk, colleague.pk]})
    assert response.status_code == 302
    assert set(moderation.mediators.all()) == {mediator, colleague}
    stranger = AdviceRoleFactory().user
    response = signed_in.post(url, {"mediators-mediators": [stranger.pk]})
    assert response.status_code == 400
    assert response.status_code == 400 and set(moderation.mediators.all()) == {
        mediator,
        colleague,
    }


# Closing ---------------------------------------------------------------------------------


def test_closing_freezes_the_moderation_until_it_is_reopened(signed_in, moderation):
    assert signed_in.post(_url("moderation_close", moderation)).status_code == 302
    moderation.refresh_from_db()
    assert moderation.status == CaseStatus.CLOSED and moderation.closed_at is not None

    response = signed_in.post(_url("moderation_party_add", moderation), {"party-label": "X"})
    assert response.status_code == 400
    assert not moderation.parties.exists()

    assert signed_in.post(_url("moderation_reopen", moderation)).status_code == 302
    moderation.refresh_from_db()
    assert moderation.status == CaseStatus.OPEN and moderation.closed_at is None
    details = set(
        AuditEntry.objects.filter(action=AuditAction.CHANGE).values_list("detail", flat=True)
    )
    assert {"closed", "reopened"} <= details


def test_get_on_an_action_url_is_refused(signed_in, moderation):
    assert signed_in.get(_url("moderation_close", moderation)).status_code == 405
    moderation.refresh_from_db()
    assert moderation.status == CaseStatus.OPEN


# Pages -----------------------------------------------------------------------------------


def test_the_detail_page_is_audited_and_shows_everything(signed_in, moderation, mediator):
    _add_parties(moderation, 2)
    response = signed_in.get(_url("moderation_detail", moderation))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Haushalt 0" in html and "Lärm im Treppenhaus" in html
    assert AuditEntry.objects.filter(
        action=AuditAction.READ,
        record_type="moderationcase",
        record_id=moderation.pk,
        user=mediator,
    ).exists()


def test_the_list_shows_numbers_and_dates_only_and_marks_overdue_follow_ups(
    signed_in, moderation, organisation, mediator, django_assert_num_queries
):
    """1 session, 1 user, 1 the person's teams, 1 count for the pages, 1 moderations with
    their numbers of parties and sessions: 5 queries however many moderations."""
    moderation.follow_up_on = timezone.localdate() - timedelta(days=2)
    moderation.save()
    _add_parties(moderation, 3)
    ModerationSession.objects.create(moderation=moderation, held_on=timezone.localdate())
    ModerationCaseFactory(organisation=organisation)  # not mediated by this person
    url = reverse("advice:moderation_list")

    with django_assert_num_queries(5):
        response = signed_in.get(url)
    rows = list(response.context["moderations"])
    assert [(row.pk, row.party_count, row.session_count) for row in rows] == [(moderation.pk, 3, 1)]
    html = response.content.decode()
    assert "data-overdue" in html
    assert "Haushalt" not in html and "Lärm" not in html

    for _ in range(4):
        extra = ModerationCaseFactory(organisation=organisation, mediators=[mediator])
        _add_parties(extra, 2)
    with django_assert_num_queries(5):
        response = signed_in.get(url)
    assert len(response.context["moderations"]) == 5
    assert rows[0].pk == response.context["moderations"][0].pk  # overdue first
    assert not AuditEntry.objects.filter(action=AuditAction.READ).exists()


def test_the_lead_sees_every_moderation_of_the_organisation(client, moderation, organisation):
    lead = AdviceRoleFactory(organisation=organisation, role=AdviceRoleKind.LEAD).user
    client.force_login(lead)
    response = client.get(reverse("advice:moderation_list"))
    assert [row.pk for row in response.context["moderations"]] == [moderation.pk]
